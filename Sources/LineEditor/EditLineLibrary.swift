#if canImport(Glibc)
import Glibc
#endif

/// BSD editline's readline interface, loaded when the shell starts (`dlopen`)
/// instead of linked at build time.
///
/// A fresh Debian machine has editline's run-time library (`libedit2`, which
/// many base packages need) but not its headers (`libedit-dev`): linking would make
/// the headers a build dependency of aikb for one interactive command. The handful
/// of functions and variables the shell uses are declared here by their C types.
struct EditLineLibrary {
    typealias Readline = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    typealias TextFunction = @convention(c) (UnsafePointer<CChar>?) -> Int32
    typealias Stifle = @convention(c) (Int32) -> Void
    typealias GetCharacter = @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32
    typealias Generator = @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>?
    typealias AttemptedCompletion =
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    typealias CompletionMatches =
        @convention(c) (UnsafePointer<CChar>?, Generator?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    /// The library names tried in order: `$AIKB_EDITLINE` when set, then the
    /// sonames Debian and other distributions use.
    static func candidates(environment override: String?) -> [String] {
        if let override { return [override] }
        return ["libedit.so.2", "libedit.so.0", "libedit.so"]
    }

    let readline: Readline
    let addHistory: TextFunction
    let readHistory: TextFunction
    let writeHistory: TextFunction
    let stifleHistory: Stifle
    let completionMatches: CompletionMatches
    let readlineName: UnsafeMutablePointer<UnsafePointer<CChar>?>
    let catchSignals: UnsafeMutablePointer<Int32>
    let getCharacter: UnsafeMutablePointer<GetCharacter?>
    let attemptedCompletion: UnsafeMutablePointer<AttemptedCompletion?>
    let completionEntry: UnsafeMutablePointer<Generator?>
    let attemptedCompletionOver: UnsafeMutablePointer<Int32>
    let wordBreakCharacters: UnsafeMutablePointer<UnsafePointer<CChar>?>
    let lineBuffer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    /// Why the library could not be used: the names tried and what `dlopen` said.
    struct LoadFailure: Error, CustomStringConvertible {
        let description: String
    }

    static func load(_ names: [String]) -> Result<EditLineLibrary, LoadFailure> {
        var reasons: [String] = []
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                reasons.append(dlerror().map { String(cString: $0) } ?? name)
                continue
            }
            do {
                return .success(try EditLineLibrary(handle: handle, name: name))
            } catch let failure as LoadFailure {
                reasons.append(failure.description)
                dlclose(handle)
            } catch {
                dlclose(handle)
            }
        }
        return .failure(LoadFailure(description: reasons.joined(separator: "; ")))
    }

    private init(handle: UnsafeMutableRawPointer, name: String) throws {
        func symbol(_ symbol: String) throws -> UnsafeMutableRawPointer {
            guard let address = dlsym(handle, symbol) else {
                throw LoadFailure(description: "\(name) has no \(symbol)")
            }
            return address
        }
        func function<F>(_ name: String, as type: F.Type) throws -> F {
            unsafeBitCast(try symbol(name), to: type)
        }
        readline = try function("readline", as: Readline.self)
        addHistory = try function("add_history", as: TextFunction.self)
        readHistory = try function("read_history", as: TextFunction.self)
        writeHistory = try function("write_history", as: TextFunction.self)
        stifleHistory = try function("stifle_history", as: Stifle.self)
        completionMatches = try function("rl_completion_matches", as: CompletionMatches.self)
        readlineName = try symbol("rl_readline_name").assumingMemoryBound(to: UnsafePointer<CChar>?.self)
        catchSignals = try symbol("rl_catch_signals").assumingMemoryBound(to: Int32.self)
        getCharacter = try symbol("rl_getc_function").assumingMemoryBound(to: GetCharacter?.self)
        attemptedCompletion = try symbol("rl_attempted_completion_function")
            .assumingMemoryBound(to: AttemptedCompletion?.self)
        completionEntry = try symbol("rl_completion_entry_function").assumingMemoryBound(to: Generator?.self)
        attemptedCompletionOver = try symbol("rl_attempted_completion_over").assumingMemoryBound(to: Int32.self)
        wordBreakCharacters = try symbol("rl_completer_word_break_characters")
            .assumingMemoryBound(to: UnsafePointer<CChar>?.self)
        lineBuffer = try symbol("rl_line_buffer").assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
    }
}
