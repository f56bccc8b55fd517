import Dispatch
import Support

/// A SHA-256 fed from the reader's raw-byte observer, computed on a second thread
/// so the import does not wait for it. At most `queuedChunks` chunks (2 MiB of the
/// reader's 256 KiB reads) wait in line: memory stays bounded if hashing ever falls behind.
final class BackgroundHasher: @unchecked Sendable {
    // @unchecked: `hasher` is only touched on `queue`; chunks are copied before crossing.
    private var hasher = SHA256()
    private let queue = DispatchQueue(label: "aikb.import.sha256")
    private static let queuedChunks = 8
    private let slots = DispatchSemaphore(value: BackgroundHasher.queuedChunks)

    func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        let chunk = Array(bytes)
        slots.wait()
        queue.async {
            self.hasher.update(chunk)
            self.slots.signal()
        }
    }

    func finalize() -> String { queue.sync { hasher.finalizeHex() } }
}
