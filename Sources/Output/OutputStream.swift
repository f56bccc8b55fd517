#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to a file descriptor (standard output by default), so that a
/// million-row export costs few system calls and constant memory. A closed pipe ends
/// the writing quietly: the reader has gone.
public final class OutputStream {
    /// Bytes gathered before one `write(2)`: a 64 KiB pipe buffer's worth, so a
    /// million-row export takes a few thousand system calls, not a million.
    private static let capacity = 1 << 16

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    public init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.capacity)
    }

    public static var standardOutput: OutputStream { OutputStream(descriptor: 1) }

    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { flush() }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe: the reader has gone, nothing more to say
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
