import Support

/// A row as one JSON object, keys in column order, for json and jsonl: integers and
/// reals as numbers (reals without exponents; infinities, which JSON lacks, as null),
/// NULL as `null`, text as strings, blobs as `"X'..'"` strings.
struct JSONObject {
    /// Each column's `"name":`, escaped once for the whole result.
    private let keys: [[UInt8]]

    init(columns: [OutputColumn]) {
        keys = columns.map { column in
            var key: [UInt8] = []
            JSON.appendString(column.name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
    }

    func append(_ row: OutputRow, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for index in 0..<row.count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: keys[index])
            switch row.storageClass(at: index) {
            case .null: out.append(contentsOf: "null".utf8)
            case .integer: NumberText.appendInteger(row.int64(at: index), to: &out)
            case .real:
                let value = row.double(at: index)
                if value.isFinite { NumberText.appendReal(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
            case .text: row.withUTF8(at: index) { JSON.appendString($0, to: &out) }
            case .blob: JSON.appendString(BlobText.text(row.bytes(at: index)), to: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }
}
