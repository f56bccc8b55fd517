import Foundation
import Support
import Testing

@Suite struct SHA256Tests {
    @Test func fipsVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func streamingMatchesOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var hasher = SHA256()
        for chunk in stride(from: 0, to: bytes.count, by: 37) {
            hasher.update(Array(bytes[chunk..<min(chunk + 37, bytes.count)]))
        }
        #expect(hasher.finalizeHex() == SHA256.hex(bytes))
    }

    /// Every length across the padding's edges (55, 56, 63, 64 bytes and their
    /// multiples) and a few blocks more, against coreutils' sha256sum.
    @Test func everyLengthUpToFiveBlocksMatchesSha256sum() throws {
        let bytes = (0..<320).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        let directory = FileManager.default.temporaryDirectory.appending(path: "aikb-sha256-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for length in 0...bytes.count {
            let path = directory.appending(path: String(format: "%03d", length)).path
            try Data(bytes[0..<length]).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let listing = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = listing.split(separator: "\n").map { String($0.prefix(64)) }
        #expect(expected.count == bytes.count + 1)
        for (length, digest) in expected.enumerated() {
            #expect(SHA256.hex(bytes[0..<length]) == digest, "\(length) bytes")
        }
    }
}
