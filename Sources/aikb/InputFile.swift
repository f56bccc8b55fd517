import KnowledgeBase

#if canImport(Glibc)
import Glibc
#endif

/// Whole small files (SQL scripts) and standard input, as text.
enum InputFile {
    static func read(_ path: String) throws -> String {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw KnowledgeBaseError(.notFound, "\(path): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw KnowledgeBaseError(.notFound, "\(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw KnowledgeBaseError(.invalidInput, "\(path): not valid UTF-8")
        }
        return text
    }
}
