/// Byte scanning eight bytes at a time (SWAR): the reader's inner loops.
enum Scan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// A mask with the high bit set in each byte of `word` equal to `byte`. Bits above
    /// the first match may be false positives; the lowest set byte is exact.
    @inline(__always)
    private static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    @inline(__always)
    private static func load(_ base: UnsafeMutablePointer<UInt8>, _ index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// The index of the first delimiter (`,` unless told), `"`, LF or CR in
    /// base[from..<to], or `to`.
    @inline(__always)
    static func firstSpecial(_ base: UnsafeMutablePointer<UInt8>, from: Int, to: Int, delimiter: UInt8) -> Int {
        var index = from
        let delimiters = ones &* UInt64(delimiter)
        while index + 8 <= to {
            let word = load(base, index)
            let x = word ^ delimiters
            let mask = ((x &- ones) & ~x & highs) | matches(word, 0x22) | matches(word, 0x0A) | matches(word, 0x0D)
            if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < to {
            let byte = base[index]
            if byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D { return index }
            index += 1
        }
        return to
    }

    /// The index of the first `"` LF or CR in base[from..<to], or `to`.
    @inline(__always)
    static func firstQuoteOrLineBreak(_ base: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var index = from
        while index + 8 <= to {
            let word = load(base, index)
            let mask = matches(word, 0x22) | matches(word, 0x0A) | matches(word, 0x0D)
            if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < to {
            let byte = base[index]
            if byte == 0x22 || byte == 0x0A || byte == 0x0D { return index }
            index += 1
        }
        return to
    }

    /// True when base[0..<count] holds only ASCII bytes.
    static func isASCII(_ base: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        var any: UInt64 = 0
        while index + 8 <= count {
            any |= load(base, index)
            index += 8
        }
        while index < count {
            any |= UInt64(base[index])
            index += 1
        }
        return any & highs == 0
    }

    /// Characters in base[from..<to]: bytes that are not UTF-8 continuation bytes.
    @inline(__always)
    static func characterCount(_ base: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var index = from
        var continuation = 0
        while index + 8 <= to {
            let word = load(base, index)
            // A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear.
            continuation += (word & highs & ~(word << 1)).nonzeroBitCount
            index += 8
        }
        while index < to {
            if base[index] & 0xC0 == 0x80 { continuation += 1 }
            index += 1
        }
        return (to - from) - continuation
    }
}
