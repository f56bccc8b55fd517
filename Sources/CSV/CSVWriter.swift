/// RFC 4180 output: fields quoted only when they must be, so that what aikb
/// writes, aikb (and every CSV reader) reads back unchanged.
public enum CSVWriter {
    /// Appends one field. `nil` (SQL NULL) is written as nothing; an empty string
    /// as `""`, so the two stay distinct through a round trip.
    public static func appendField(
        _ field: UnsafeBufferPointer<UInt8>?, delimiter: UInt8 = UInt8(ascii: ","), to out: inout [UInt8]
    ) {
        guard let field else { return }
        if field.isEmpty {
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: "\""))
            return
        }
        var needsQuotes = false
        for byte in field where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            out.append(contentsOf: field)
            return
        }
        out.append(0x22)
        for byte in field {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// Appends one field given as a string.
    public static func appendField(_ field: String?, delimiter: UInt8 = UInt8(ascii: ","), to out: inout [UInt8]) {
        guard var field else { return }
        field.withUTF8 { appendField($0, delimiter: delimiter, to: &out) }
    }

    /// A whole record with its line end (LF by default, as Unix tools expect).
    public static func record(_ fields: [String?], lineEnd: [UInt8] = [0x0A]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendField(field, to: &out)
        }
        out.append(contentsOf: lineEnd)
        return out
    }
}
