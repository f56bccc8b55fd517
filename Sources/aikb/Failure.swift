import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite

/// Exit statuses, after BSD's sysexits.h so that scripts can tell failures apart.
/// The README lists them; each cause has one.
enum ExitStatus {
    static let usage: Int32 = 64  // bad usage: an unknown command or option, a missing or malformed argument
    static let dataError: Int32 = 65  // the input was rejected: CSV, SQL, names, values
    static let noInput: Int32 = 66  // a file or database is missing or is not a database
    static let unavailable: Int32 = 69  // a program aikb runs (Graphviz, Datasette) is not installed
    static let internalError: Int32 = 70  // a failure aikb did not foresee
    static let cannotCreate: Int32 = 73  // the database (or an output file) cannot be created there
    static let busy: Int32 = 75  // the database is locked by another process: try again
    static let notPermitted: Int32 = 77  // writing is not allowed
    static let schemaMismatch: Int32 = 78  // migrations disagree with the database
    static let timeLimit: Int32 = 124  // a statement ran past its time limit (as timeout(1))
    static let interrupted: Int32 = 130  // stopped by Ctrl-C
}

/// Runs a command's body; any error becomes one line on stderr and an exit status,
/// never a stack trace.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let (message, status) = describe(error)
        Terminal.error("aikb: " + message)
        throw ExitCode(status)
    }
}

/// The message (without `aikb: `) and exit status of an error.
func describe(_ error: any Error) -> (message: String, status: Int32) {
    switch error {
    case let error as KnowledgeBaseError:
        let status: Int32 =
            switch error.category {
            case .invalidInput: ExitStatus.dataError
            case .notFound: ExitStatus.noInput
            case .cannotCreate: ExitStatus.cannotCreate
            case .notPermitted: ExitStatus.notPermitted
            case .schemaMismatch: ExitStatus.schemaMismatch
            }
        return (error.message, status)
    case let error as OutputError:
        return (error.message, ExitStatus.dataError)  // --columns naming a column the result lacks
    case let error as ValidationError:
        return (error.message, ExitStatus.usage)  // an option's value checked once the command runs
    case let failure as CommandFailure:
        return (failure.message, failure.status)
    case let problem as SQLProblem:
        switch problem.kind {
        case .invalid: return (problem.description, ExitStatus.dataError)
        case .refused: return (problem.description, ExitStatus.notPermitted)
        case .timeLimit: return (problem.description, ExitStatus.timeLimit)
        case .failed(let error) where error.code ~= .SQLITE_BUSY || error.code ~= .SQLITE_LOCKED || error.code ~= .SQLITE_CORRUPT:
            return describe(error)
        case .failed(let error): return (problem.description, describe(error).status)
        }
    case let error as SQLiteError:
        if error.code ~= .SQLITE_CORRUPT {  // a damaged page read after the file was opened
            return describe(KnowledgeBaseError.damaged(DatabaseOptions.opened ?? "the database", error.message))
        }
        if error.code ~= .SQLITE_BUSY || error.code ~= .SQLITE_LOCKED {
            // SQLite cannot say which process holds the lock, only that one does.
            let file = DatabaseOptions.opened ?? "the database"
            return (
                "\(file) is locked: another process is writing to it (an import, aikb sql --write, sqlite3, Datasette); "
                    + "try again when it has finished",
                ExitStatus.busy
            )
        }
        let status: Int32 =
            switch error.code {
            case .SQLITE_ERROR, .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_RANGE: ExitStatus.dataError
            case .SQLITE_READONLY, .SQLITE_AUTH: ExitStatus.notPermitted
            case .SQLITE_INTERRUPT: error.isTimeLimit ? ExitStatus.timeLimit : ExitStatus.interrupted
            case .SQLITE_CANTOPEN, .SQLITE_NOTADB, .SQLITE_CORRUPT: ExitStatus.noInput
            default: ExitStatus.internalError
            }
        return (oneLine(error), status)
    default:
        return (String(describing: error), ExitStatus.internalError)
    }
}

/// SQLite's message and code, and the start of the SQL it is about, on one line.
private func oneLine(_ error: SQLiteError) -> String {
    var text = "\(error.message) (\(error.extendedCodeName))"
    if let sql = error.sql {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        text += " in: " + (words.count > 80 ? words.prefix(79) + "…" : words)
    }
    return text
}
