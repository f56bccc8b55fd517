import CSV

/// Feeds the input to the reader with a small buffer (so records span refills), reads
/// every record and touches every field, and checks what must always hold: fields
/// are within the record, positions are 1-based, and a clean record re-written by
/// CSVWriter reads back to the same fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = CSVReader(bytes: bytes, name: "fuzz", bufferSize: 16 + size % 64)
    do {
        while try reader.nextRecord() {
            var fields: [[UInt8]] = []
            for index in 0..<reader.fieldCount {
                let field = reader.field(index)
                fields.append(Array(field))
                let (line, column) = reader.position(ofField: index)
                precondition(line >= 1 && column >= 1, "positions are 1-based")
                _ = reader.isQuoted(index)
            }
            for problem in reader.problems { precondition(problem.line >= 1 && problem.column >= 1) }
            guard reader.problems.isEmpty, !fields.isEmpty else { continue }
            var line: [UInt8] = []
            for (index, field) in fields.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                field.withUnsafeBufferPointer { CSVWriter.appendField($0, to: &line) }
            }
            line.append(0x0A)
            let again = CSVReader(bytes: line, name: "again", bufferSize: 16)
            if try again.nextRecord() {
                let back = (0..<again.fieldCount).map { Array(again.field($0)) }
                // An empty single field writes as an empty line, which the reader skips.
                precondition(back == fields || fields == [[]], "a written record reads back the same")
            }
        }
    } catch {
        // An error is an answer (the reader reports, it does not crash).
    }
    return 0
}
