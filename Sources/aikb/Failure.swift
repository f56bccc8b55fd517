import ArgumentParser
import KnowledgeBase
import Output
import Query
import SQLite

/// Exit statuses, after BSD's sysexits.h so that scripts can tell failures apart.
/// The README lists them.
enum ExitStatus {
    static let dataError: Int32 = 65  // the input was rejected: CSV, SQL, names, values
    static let noInput: Int32 = 66  // a file or database is missing or is not a database
    static let internalError: Int32 = 70  // a failure aikb did not foresee
    static let cannotCreate: Int32 = 73  // the database cannot be created there
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
    case let problem as SQLProblem:
        let status: Int32 =
            switch problem.kind {
            case .invalid: ExitStatus.dataError
            case .refused: ExitStatus.notPermitted
            case .timeLimit: ExitStatus.timeLimit
            case .failed(let error): describe(error).status
            }
        return (problem.description, status)
    case let error as SQLiteError:
        let status: Int32 =
            switch error.code {
            case .SQLITE_ERROR, .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_RANGE: ExitStatus.dataError
            case .SQLITE_BUSY, .SQLITE_LOCKED: ExitStatus.busy
            case .SQLITE_READONLY, .SQLITE_AUTH: ExitStatus.notPermitted
            case .SQLITE_INTERRUPT: error.isTimeLimit ? ExitStatus.timeLimit : ExitStatus.interrupted
            case .SQLITE_CANTOPEN, .SQLITE_NOTADB, .SQLITE_CORRUPT: ExitStatus.noInput
            default: ExitStatus.internalError
            }
        return (error.description, status)
    default:
        return (String(describing: error), ExitStatus.internalError)
    }
}
