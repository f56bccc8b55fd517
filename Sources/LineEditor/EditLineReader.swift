#if canImport(Glibc)
import Glibc
#endif

/// A terminal with line editing, history kept across runs and Tab completion,
/// from BSD editline. A library, not hand-written: editing keys, terminal modes and
/// history files are what editline is for.
///
/// Ctrl-C: editline does not see the signal (`rl_catch_signals = 0`); it reads keys
/// through `readKey`, which returns end-of-input when a Ctrl-C arrives, and the
/// reader then reports `.interrupted` and drops the line instead of running it.
public final class EditLineReader: LineReader {
    private let library: EditLineLibrary
    private let historyFile: String?

    /// Loads editline; on failure returns why, so the caller can say so and read
    /// plain lines instead. `library` overrides the names tried (`$AIKB_EDITLINE`).
    public static func load(
        historyFile: String?, completer: Completer?, library override: String? = nil
    ) -> Result<EditLineReader, any Error> {
        switch EditLineLibrary.load(EditLineLibrary.candidates(environment: override)) {
        case .success(let library):
            return .success(EditLineReader(library: library, historyFile: historyFile, completer: completer))
        case .failure(let failure):
            return .failure(failure)
        }
    }

    private init(library: EditLineLibrary, historyFile: String?, completer: Completer?) {
        self.library = library
        self.historyFile = historyFile
        EditLineReader.shared = library
        EditLineReader.completer = completer
        library.readlineName.pointee = UnsafePointer(EditLineReader.programName)
        library.catchSignals.pointee = 0
        library.getCharacter.pointee = { _ in EditLineReader.readKey() }
        library.wordBreakCharacters.pointee = UnsafePointer(EditLineReader.wordBreaks)
        if completer != nil {
            library.attemptedCompletion.pointee = { text, start, _ in EditLineReader.complete(text, start: Int(start)) }
            library.completionEntry.pointee = { _, _ in nil }
        }
        library.stifleHistory(2000)
        if let historyFile { _ = library.readHistory(historyFile) }
    }

    public func readLine(prompt: String) -> LineInput {
        EditLineReader.interrupted = false
        let line = library.readline(prompt)
        defer { free(line) }
        if EditLineReader.interrupted {
            writeAll(2, "^C\n")
            return .interrupted
        }
        guard let line else { return .end }
        return .line(String(cString: line))
    }

    public func remember(_ entry: String) { _ = library.addHistory(entry) }

    public func close() {
        if let historyFile { _ = library.writeHistory(historyFile) }
    }

    // MARK: C callbacks (they cannot capture, so the state they need is static)

    nonisolated(unsafe) private static var shared: EditLineLibrary?
    nonisolated(unsafe) private static var completer: Completer?
    nonisolated(unsafe) private static var interrupted = false
    nonisolated(unsafe) private static var matches: [String] = []
    nonisolated(unsafe) private static let programName = strdup("aikb")!
    /// Words end at spaces, quotes, parentheses and operators, not at `.` (so that
    /// `companies.na` and `.sch` complete as one word).
    nonisolated(unsafe) private static let wordBreaks = strdup(" \t\n\"'`@$><=;|&{(),*+-/%")!

    /// One key from standard input; end-of-input (-1) for Ctrl-C or a closed terminal.
    private static func readKey() -> Int32 {
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0 && errno == EINTR {
                if Interrupts.take() {
                    interrupted = true
                    return -1
                }
                continue
            }
            return -1
        }
    }

    private static func complete(_ text: UnsafePointer<CChar>?, start: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard let library = shared, let completer else { return nil }
        library.attemptedCompletionOver.pointee = 1  // no file-name completion as a fallback
        let word = text.map { String(cString: $0) } ?? ""
        var before = ""
        if let buffer = library.lineBuffer.pointee {
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: strlen(buffer))
            before = String(decoding: bytes.prefix(max(0, min(start, bytes.count))), as: UTF8.self)
        }
        matches = completer(word, before)
        guard !matches.isEmpty else { return nil }
        return library.completionMatches(text) { _, state in
            // editline asks for match 0, 1, 2, ... and frees what it gets.
            let index = Int(state)
            return index < EditLineReader.matches.count ? strdup(EditLineReader.matches[index]) : nil
        }
    }
}
