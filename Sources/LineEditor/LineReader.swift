/// What one attempt to read a line gave.
public enum LineInput: Equatable, Sendable {
    /// A line, without its line end.
    case line(String)
    /// Ctrl-C while typing: the half-typed line is discarded, never run.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case end
}

/// Where an interactive program's lines come from.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> LineInput
    /// Adds an entry to the history (a no-op where there is none).
    func remember(_ entry: String)
    /// Saves the history.
    func close()
}

/// Completes the word before the cursor: the candidates for `word`, given the
/// line up to the start of that word (so a completer can tell `FROM x` from `SELECT x`).
public typealias Completer = (_ word: String, _ lineBeforeWord: String) -> [String]
