import CSV
import KnowledgeBase
import SQLite
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Epoch AI's snapshot as shipped in Seeds/epoch/ (byte for byte the files of
/// shared/epoch/), and helpers to make other snapshots of it.
enum Epoch {
    static let folder = corpus + "/../../../Seeds/epoch/"
    static let files = [
        "ai_companies.csv", "ai_companies_funding_rounds.csv", "gpu_clusters.csv", "data_centers.csv", "data_center_timelines.csv",
    ]
    static var paths: [String] { files.map { folder + $0 } }

    /// A file as records of strings.
    static func records(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(path: path)
        var rows: [[String]] = []
        while try reader.nextRecord() { rows.append(reader.strings) }
        return rows
    }

    /// Records as CSV text with a delimiter and line end.
    static func csv(_ rows: [[String]], delimiter: UInt8 = UInt8(ascii: ","), lineEnd: String = "\n") -> String {
        var out: [UInt8] = []
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { out.append(delimiter) }
                var field = field
                field.withUTF8 { CSVWriter.appendField($0, delimiter: delimiter, to: &out) }
            }
            out += Array(lineEnd.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How a spreadsheet re-saves a value: `9.9e+22` as `9.90E+22`, `200000000000.0`
    /// as `2E+11`, `100000.0` as `100000`, `True` as `TRUE`; the same numbers.
    static func spreadsheet(_ field: String) -> String {
        if field == "True" { return "TRUE" }
        if field.hasSuffix(".0"), let value = Double(field), value == value.rounded(), !field.contains("e") {
            let digits = String(Int64(value))
            let significant = digits.reversed().drop(while: { $0 == "0" }).count
            if value >= 1e11 && significant <= 2 {
                let mantissa = digits.prefix(significant)
                let text = mantissa.count == 1 ? "\(mantissa)E+\(digits.count - 1)" : "\(mantissa.first!).\(mantissa.dropFirst())E+\(digits.count - 1)"
                if Double(text) == value { return text }
            }
            return digits
        }
        if field.contains("e+"), let value = Double(field) {
            let parts = field.split(separator: "e")
            let mantissa = parts[0].contains(".") ? String(parts[0]) + "0" : String(parts[0]) + ".00"
            let text = mantissa + "E" + parts[1]
            if Double(text) == value { return text }
        }
        return field
    }

    /// UTF-16 little-endian with a byte-order mark.
    static func utf16(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return bytes
    }

    /// The value of one column of one cluster.
    static func cluster(_ db: Database, _ name: String, _ column: String) throws -> Value? {
        try db.firstValue("SELECT \(column) FROM gpu_clusters WHERE name = :name", binding: ["name": .text(name)])
    }
}

func writeBytes(_ bytes: [UInt8], to path: String) {
    let file = fopen(path, "w")!
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
}
