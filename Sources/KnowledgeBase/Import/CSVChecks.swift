import CSV

/// The structural checks every CSV file gets, whichever importer reads it: a
/// header that parses, has no nameless columns and no name twice; records that
/// parse and have as many fields as the header. One wording for every importer.
enum CSVChecks {
    /// Reads and checks the header record; nil when the file has none (reported).
    /// `sameName` decides when two names are the same column (the kinds ignore case,
    /// spaces, `_` and `-`; plain tables only case, as SQLite does).
    static func header(
        of reader: CSVReader, sink: ProblemSink, sameName: (String) -> String, note: String = ""
    ) throws -> [String]? {
        let hasRecord: Bool
        do {
            hasRecord = try reader.nextRecord()
        } catch let error as CSVFileError {
            // A file that cannot be read as text at all (UTF-16 read as UTF-8): one line.
            sink.add(ImportProblem(file: reader.name, line: nil, column: nil, message: error.reason))
            return nil
        }
        guard hasRecord else {
            sink.add(ImportProblem(file: reader.name, line: nil, column: nil, message: "the file is empty (expected a header row)"))
            return nil
        }
        for problem in reader.problems {
            sink.add(ImportProblem(file: reader.name, line: problem.line, column: problem.column, message: "header: " + problem.message))
        }
        let names = reader.strings
        var first: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            if name.trimmingSpaces().isEmpty {
                sink.add(
                    ImportProblem(
                        file: reader.name, line: reader.recordLine, column: reader.position(ofField: position).column,
                        message: "column \(position + 1) has no name"))
                continue
            }
            let key = sameName(name)
            if let earlier = first[key] {
                sink.add(
                    ImportProblem(
                        file: reader.name, line: reader.recordLine, column: nil,
                        message: "column \"\(name)\" appears twice (columns \(earlier + 1) and \(position + 1))\(note)"))
            } else {
                first[key] = position
            }
        }
        return names
    }

    /// True when the current record can be read field by field: it parsed, and it
    /// has `width` fields. Otherwise its problems are reported.
    static func recordIsWhole(_ reader: CSVReader, width: Int, sink: ProblemSink) -> Bool {
        if !reader.problems.isEmpty {
            for problem in reader.problems {
                sink.add(ImportProblem(file: reader.name, line: problem.line, column: problem.column, message: problem.message))
            }
            return false
        }
        guard reader.fieldCount == width else {
            sink.add(
                ImportProblem(
                    file: reader.name, line: reader.recordLine,
                    column: reader.fieldCount > width ? reader.position(ofField: width).column : nil,
                    message: "the row has \(reader.fieldCount) fields, the header has \(width)"))
            return false
        }
        return true
    }
}
