/// A blob as SQL's hex literal, `X'0A1B'`: what every format prints for one, so that it
/// can be pasted back into SQL.
enum BlobText {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "X"))
        out.append(UInt8(ascii: "'"))
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
        out.append(UInt8(ascii: "'"))
    }

    static func text(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2 + 3)
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
