#if canImport(Glibc)
import Glibc
#endif

/// Lines read straight from a file descriptor: for pipes and files, and for a
/// terminal where editline cannot be loaded. Prints the prompt only on a terminal.
/// Reads with `read(2)` rather than stdio so that Ctrl-C (EINTR) drops a half-typed
/// line instead of ending the input.
public final class PlainLineReader: LineReader {
    private let descriptor: Int32
    private let showsPrompt: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    public init(descriptor: Int32 = 0, showsPrompt: Bool) {
        self.descriptor = descriptor
        self.showsPrompt = showsPrompt
    }

    public func readLine(prompt: String) -> LineInput {
        if showsPrompt { writeAll(2, prompt) }
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                compact()
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if atEnd {
                guard start < buffer.count else { return .end }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                return .line(String(decoding: line, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR {
                    if Interrupts.take() {
                        // Drop what was typed of this line, as a shell does.
                        buffer.removeAll()
                        start = 0
                        if showsPrompt { writeAll(2, "\n") }
                        return .interrupted
                    }
                    continue
                }
                atEnd = true
            } else if count == 0 {
                atEnd = true
            } else {
                buffer += chunk[0..<count]
            }
        }
    }

    private func compact() {
        if start > 1 << 16 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    public func remember(_ entry: String) {}
    public func close() {}
}

func writeAll(_ descriptor: Int32, _ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
