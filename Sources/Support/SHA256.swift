/// SHA-256 (FIPS 180-4), streaming.
///
/// Written by hand on purpose: checksums of migrations and content hashes of
/// imported files are all aikb needs, and swift-crypto would add a minute to every
/// clean build for one function. Verified against the FIPS test vectors in the tests.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    private var block = [UInt8](repeating: 0, count: 64)
    private var blockCount = 0
    private var totalBytes: UInt64 = 0

    public init() {}

    /// The hex digest of a whole buffer.
    public static func hex<C: Collection<UInt8>>(_ bytes: C) -> String {
        var hasher = SHA256()
        hasher.update(Array(bytes))
        return hasher.finalizeHex()
    }

    public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        totalBytes &+= UInt64(bytes.count)
        var index = 0
        if blockCount > 0 {
            while blockCount < 64 && index < bytes.count {
                block[blockCount] = bytes[index]
                blockCount += 1
                index += 1
            }
            if blockCount == 64 {
                block.withUnsafeBufferPointer { compress(UnsafeRawBufferPointer($0)) }
                blockCount = 0
            }
        }
        while bytes.count - index >= 64 {
            compress(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[index..<index + 64])))
            index += 64
        }
        while index < bytes.count {
            block[blockCount] = bytes[index]
            blockCount += 1
            index += 1
        }
    }

    public mutating func finalizeHex() -> String {
        let bitLength = totalBytes &* 8
        var padding: [UInt8] = [0x80]
        let afterOne = (blockCount + 1) % 64
        padding += [UInt8](repeating: 0, count: afterOne <= 56 ? 56 - afterOne : 120 - afterOne)
        for shift in stride(from: 56, through: 0, by: -8) { padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let saved = totalBytes
        update(padding)
        totalBytes = saved
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) {
                out.append(digits[Int((word >> UInt32(shift)) & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// One block. Written for the compiler: the words are read as big-endian loads, the
    /// 64 rounds unrolled by eight so that the working variables change roles instead of
    /// being moved each round, Ch and Maj in their three-operation forms: 3,670
    /// instructions a block instead of 4,505 (hashing a 20,000-round import's 22.9 MB).
    private mutating func compress(_ chunk: UnsafeRawBufferPointer) {
        // A stack buffer for the message schedule: hashing a large import file
        // compresses millions of blocks, and must not allocate per block.
        state = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 { w[i] = UInt32(bigEndian: chunk.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
            for i in 16..<64 {
                let a = w[i - 15], b = w[i - 2]
                let s0 = a.rotatedRight(7) ^ a.rotatedRight(18) ^ (a >> 3)
                let s1 = b.rotatedRight(17) ^ b.rotatedRight(19) ^ (b >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            SHA256.k.withUnsafeBufferPointer { k in
                var i = 0
                while i < 64 {
                    Self.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    Self.round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                    Self.round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                    Self.round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                    Self.round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                    Self.round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                    Self.round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                    Self.round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                    i += 8
                }
            }
            return (
                state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
            )
        }
    }

    /// A round, with the roles of the eight variables given by the caller: `d` gains
    /// T1, `h` becomes T1 + T2 (FIPS 180-4, 6.2.2, with the renaming left to the caller).
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
        let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ (g ^ (e & (f ^ g))) &+ kw
        let t2 = (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) | (c & (a | b)))
        d = d &+ t1
        h = t1 &+ t2
    }
}

extension UInt32 {
    @inline(__always) fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
