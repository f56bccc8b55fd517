import Support

#if canImport(Glibc)
import Glibc
#endif

/// Text into files: a file aikb is asked to write (Datasette metadata), and the
/// already-deleted temporary files that hand text to another program as its stdin or
/// as `/dev/fd/N`, so that nothing is left behind whatever happens to either process.
enum FileText {
    /// Writes `text` to `path` (created or replaced), or to standard output for `-`.
    static func write(_ text: String, to path: String) throws {
        if path == "-" {
            writeAll(text, to: 1, path: "standard output")
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure("\(path): cannot write: \(String(cString: strerror(errno)))", status: ExitStatus.cannotCreate)
        }
        defer { close(descriptor) }
        if let failure = writeAll(text, to: descriptor, path: path) { throw failure }
    }

    /// A descriptor of a deleted temporary file holding `text`, read from its start;
    /// inherited by programs aikb starts (no close-on-exec).
    static func unlinkedTemporary(holding text: String) throws -> Int32 {
        var template = Array(((Environment.value("TMPDIR") ?? "/tmp") + "/aikb-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw CommandFailure("cannot create a temporary file: \(String(cString: strerror(errno)))", status: ExitStatus.cannotCreate)
        }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        if let failure = writeAll(text, to: descriptor, path: "a temporary file") {
            close(descriptor)
            throw failure
        }
        lseek(descriptor, 0, SEEK_SET)
        return descriptor
    }

    @discardableResult
    private static func writeAll(_ text: String, to descriptor: Int32, path: String) -> CommandFailure? {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return CommandFailure("\(path): cannot write: \(String(cString: strerror(errno)))", status: ExitStatus.cannotCreate)
            }
            offset += written
        }
        return nil
    }
}
