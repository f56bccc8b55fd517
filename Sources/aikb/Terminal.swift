#if canImport(Glibc)
import Glibc
#endif

/// The process's terminal-facing edges: stderr lines and whether a stream is a terminal.
enum Terminal {
    /// Writes one line to stderr, unbuffered.
    static func error(_ line: String) {
        errorRaw(line + "\n")
    }

    /// Writes text to stderr as it is (progress redraws).
    static func errorRaw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
