/// Converts a file's bytes to UTF-8 chunk by chunk, carrying what a chunk ends in
/// the middle of (half a UTF-16 code unit, a high surrogate) to the next. Bytes that
/// cannot be text (an unpaired surrogate) come out as 0xFF, which is never UTF-8, so
/// the reader reports them at their field.
struct TextDecoder {
    let encoding: TextEncoding
    /// For UTF-16: true when the low byte comes first; nil until the byte-order mark is read.
    private var littleEndian: Bool?
    private var pending: [UInt8] = []
    /// A high surrogate waiting for its low half.
    private var highSurrogate: UInt16?

    init(encoding: TextEncoding) {
        self.encoding = encoding
        switch encoding {
        case .utf16LE: littleEndian = true
        case .utf16BE: littleEndian = false
        default: littleEndian = nil
        }
    }

    /// At most this many output bytes per input byte.
    static let expansion = 3

    /// Decodes `raw` into `out` (room for `raw.count * expansion` bytes plus the
    /// carried ones); returns the number of bytes written. `final` flushes what is carried.
    mutating func decode(_ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, final: Bool) throws -> Int {
        var count = 0
        @inline(__always) func put(_ byte: UInt8) {
            out[count] = byte
            count += 1
        }
        func scalar(_ value: UInt32) {
            switch value {
            case 0..<0x80:
                put(UInt8(value))
            case 0x80..<0x800:
                put(UInt8(0xC0 | (value >> 6)))
                put(UInt8(0x80 | (value & 0x3F)))
            case 0x800..<0x10000:
                put(UInt8(0xE0 | (value >> 12)))
                put(UInt8(0x80 | ((value >> 6) & 0x3F)))
                put(UInt8(0x80 | (value & 0x3F)))
            default:
                put(UInt8(0xF0 | (value >> 18)))
                put(UInt8(0x80 | ((value >> 12) & 0x3F)))
                put(UInt8(0x80 | ((value >> 6) & 0x3F)))
                put(UInt8(0x80 | (value & 0x3F)))
            }
        }
        switch encoding {
        case .utf8:
            for byte in raw { put(byte) }
        case .latin1:
            for byte in raw { scalar(UInt32(byte)) }
        case .windows1252:
            for byte in raw {
                if byte >= 0x80 && byte < 0xA0 { scalar(UInt32(Self.windows1252High[Int(byte - 0x80)])) } else { scalar(UInt32(byte)) }
            }
        case .utf16, .utf16LE, .utf16BE:
            var bytes = pending
            bytes.append(contentsOf: raw)
            pending = []
            var index = 0
            if littleEndian == nil {
                guard bytes.count >= 2 || final else {
                    pending = bytes
                    return 0
                }
                if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
                    littleEndian = true
                } else if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
                    littleEndian = false
                } else {
                    throw TextDecodingError.noByteOrderMark
                }
            }
            let little = littleEndian!
            while index + 1 < bytes.count {
                let unit = little
                    ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                index += 2
                if let high = highSurrogate {
                    highSurrogate = nil
                    if unit >= 0xDC00 && unit < 0xE000 {
                        scalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))
                        continue
                    }
                    put(0xFF)  // a high surrogate without its low half
                }
                if unit >= 0xD800 && unit < 0xDC00 {
                    highSurrogate = unit
                } else if unit >= 0xDC00 && unit < 0xE000 {
                    put(0xFF)  // a low surrogate on its own
                } else {
                    scalar(UInt32(unit))
                }
            }
            if index < bytes.count { pending = [bytes[index]] }
            if final {
                if highSurrogate != nil || !pending.isEmpty { put(0xFF) }
                highSurrogate = nil
                pending = []
            }
        }
        return count
    }

    /// Windows-1252's characters at 0x80–0x9F (undefined ones as the C1 control of that number).
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}

enum TextDecodingError: Error {
    case noByteOrderMark
}
