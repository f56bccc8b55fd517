/// JSON text for strings (RFC 8259 escaping): quote, backslash and control characters
/// escaped, everything else (non-ASCII included) kept as it is. The one encoder of the
/// product: the output formats, Datasette's metadata, and the history triggers'
/// json_object (SQLite's InnocuousJSON) all write strings through it.
public enum JSON {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The text as a JSON string literal, quotes included.
    public static func string(_ text: String) -> String {
        var out: [UInt8] = []
        appendString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString($0, to: &out) }
    }

    /// UTF-8 bytes as a JSON string literal. Bytes that are not valid UTF-8 (SQLite
    /// stores what it is given) are repaired to U+FFFD first, so the JSON stays valid.
    public static func appendString(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if utf8.contains(where: { $0 >= 0x80 }) {
            var repaired = String(decoding: utf8, as: UTF8.self)
            repaired.withUTF8 { appendValidString($0, to: &out) }
        } else {
            appendValidString(utf8, to: &out)
        }
    }

    private static func appendValidString(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            let escape: UInt8? =
                switch byte {
                case UInt8(ascii: "\""): UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): UInt8(ascii: "\\")
                case 0x0A: UInt8(ascii: "n")
                case 0x0D: UInt8(ascii: "r")
                case 0x09: UInt8(ascii: "t")
                default: nil
                }
            if let escape {
                out.append(UInt8(ascii: "\\"))
                out.append(escape)
            } else if byte < 0x20 || byte == 0x7F {
                // \u00XX: the other control characters, and DEL, which some readers choke on.
                for character in "\\u00".utf8 { out.append(character) }
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            } else {
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
