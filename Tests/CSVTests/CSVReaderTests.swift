import CSV
import Testing

/// Reads every record of `text` with a given buffer size.
func records(_ bytes: [UInt8], bufferSize: Int = 1 << 18) throws -> (records: [[String]], quoted: [[Bool]], problems: [CSVProblem]) {
    let reader = CSVReader(bytes: bytes, name: "t.csv", bufferSize: bufferSize)
    var all: [[String]] = []
    var quoted: [[Bool]] = []
    var problems: [CSVProblem] = []
    while try reader.nextRecord() {
        all.append(reader.strings)
        quoted.append((0..<reader.fieldCount).map(reader.isQuoted))
        problems += reader.problems
    }
    return (all, quoted, problems)
}

func records(_ text: String, bufferSize: Int = 1 << 18) throws -> (records: [[String]], quoted: [[Bool]], problems: [CSVProblem]) {
    try records(Array(text.utf8), bufferSize: bufferSize)
}

/// Buffer sizes that put buffer boundaries everywhere, including inside CRLF pairs,
/// doubled quotes and multi-byte characters.
let bufferSizes = [16, 17, 18, 19, 23, 31, 64, 1 << 18]

@Suite struct CSVReaderTests {
    @Test(arguments: bufferSizes)
    func quotedFieldsWithCommasQuotesAndLineBreaks(bufferSize: Int) throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\r\nline3\"\nplain,\"\",\n"
        let result = try records(text, bufferSize: bufferSize)
        #expect(result.records == [["a", "b", "c"], ["x, y", "say \"hi\"", "line1\nline2\r\nline3"], ["plain", "", ""]])
        #expect(result.quoted[2] == [false, true, false])
        #expect(result.problems.isEmpty)
    }

    @Test(arguments: bufferSizes)
    func recordEndsCRLFLFAndCR(bufferSize: Int) throws {
        for end in ["\r\n", "\n", "\r"] {
            let text = ["h1,h2", "1,2", "3,4"].joined(separator: end) + end
            let result = try records(text, bufferSize: bufferSize)
            #expect(result.records == [["h1", "h2"], ["1", "2"], ["3", "4"]], "line end \(Array(end.utf8))")
        }
        // No line end after the last record.
        #expect(try records("a,b\n1,2", bufferSize: bufferSize).records == [["a", "b"], ["1", "2"]])
    }

    @Test(arguments: bufferSizes)
    func byteOrderMarkIsStripped(bufferSize: Int) throws {
        let result = try records([0xEF, 0xBB, 0xBF] + Array("name,x\nA,1\n".utf8), bufferSize: bufferSize)
        #expect(result.records == [["name", "x"], ["A", "1"]])
    }

    @Test func quotedEmptyIsDistinctFromUnquotedEmpty() throws {
        let result = try records("a,b,c\n,\"\",\n")
        #expect(result.records[1] == ["", "", ""])
        #expect(result.quoted[1] == [false, true, false])
    }

    @Test func leadingZerosAndLongDigitsStayText() throws {
        let result = try records("id,n\n007,12345678901234567890123\n")
        #expect(result.records[1] == ["007", "12345678901234567890123"])
    }

    @Test(arguments: bufferSizes)
    func nonASCIIKeptAndColumnsCountCharacters(bufferSize: Int) throws {
        let text = "name,city\nZürich AG,\"東京\"\ncafé,x\"y\n"
        let reader = CSVReader(text: text, name: "t.csv", bufferSize: bufferSize)
        #expect(try reader.nextRecord())
        #expect(try reader.nextRecord())
        #expect(reader.strings == ["Zürich AG", "東京"])
        #expect(reader.position(ofField: 1) == (2, 11))
        #expect(try reader.nextRecord())
        #expect(reader.position(ofField: 1) == (3, 6))
        #expect(reader.problems == [CSVProblem(line: 3, column: 7, message: "stray quote in an unquoted field (quote the whole field and double the quote)")])
        #expect(try !reader.nextRecord())
    }

    @Test(arguments: bufferSizes)
    func lineNumbersFollowEmbeddedLineBreaks(bufferSize: Int) throws {
        let text = "a,b\r\n\"1\r\n2\",x\r\n3,\"y\nz\"\r\n4,5\r\n"
        let reader = CSVReader(text: text, name: "t.csv", bufferSize: bufferSize)
        var starts: [Int] = []
        var secondField: [(Int, Int)] = []
        while try reader.nextRecord() {
            starts.append(reader.recordLine)
            secondField.append(reader.position(ofField: 1))
        }
        #expect(starts == [1, 2, 4, 6])
        #expect(secondField.map(\.0) == [1, 3, 4, 6])
        #expect(secondField.map(\.1) == [3, 4, 3, 3])
    }

    @Test func emptyLinesAreSkipped() throws {
        let result = try records("a,b\n\n1,2\r\n\r\n3,4\n\n")
        #expect(result.records == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func unclosedQuoteIsReportedAtTheOpeningQuote() throws {
        let result = try records("a,b\n1,\"never closed\n2,3\n")
        #expect(result.problems == [CSVProblem(line: 2, column: 3, message: "unclosed quote: the quoted field starting here runs to the end of the file")])
    }

    @Test func textAfterAClosingQuoteIsReported() throws {
        let result = try records("a,b\n\"ab\"c,2\n")
        #expect(result.records[1] == ["ab\"c", "2"])
        #expect(result.problems == [CSVProblem(line: 2, column: 5, message: "unexpected text after a closing quote (a quote inside a quoted field must be doubled)")])
    }

    @Test(arguments: bufferSizes)
    func invalidUTF8IsReportedPerField(bufferSize: Int) throws {
        let bytes = Array("a,b\nok,".utf8) + [0x66, 0xFF, 0x67] + Array("\n".utf8) + Array("x,".utf8) + [0xC3] + Array("\n".utf8)
        let result = try records(bytes, bufferSize: bufferSize)
        #expect(result.problems.count == 2)
        #expect(result.problems[0].line == 2 && result.problems[0].column == 4)
        #expect(result.problems[0].message.hasPrefix("invalid UTF-8 (byte 0xFF at byte 2 of the field)"))
        #expect(result.problems[1].line == 3 && result.problems[1].column == 3)
    }

    @Test func utf8Validation() {
        func check(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0) } }
        #expect(check(Array("héllo 東京 🚀".utf8)) == nil)
        #expect(check([0xC0, 0x80]) == 0)  // overlong
        #expect(check([0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(check([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
        #expect(check([0x61, 0xE2, 0x82]) == 1)  // truncated
    }

    @Test func memoryStaysConstantOnALargeInput() throws {
        // 200,000 records through a 4 KiB buffer: the record storage never grows past one record.
        var text = "id,name,notes\n"
        for i in 0..<200_000 { text += "\(i),company \(i),\"a, b\"\n" }
        let reader = CSVReader(text: text, name: "big.csv", bufferSize: 4096)
        var count = 0
        var sum = 0
        while try reader.nextRecord() {
            count += 1
            if count > 1 { sum += Int(reader.string(0))! }
        }
        #expect(count == 200_001)
        #expect(sum == 199_999 * 200_000 / 2)
    }

    @Test func missingFileAndFolderAreClearErrors() throws {
        let missing = #expect(throws: CSVFileError.self) { try CSVReader(path: "/nonexistent/x.csv") }
        #expect(missing?.description == "/nonexistent/x.csv: no such file")
        let folder = #expect(throws: CSVFileError.self) { try CSVReader(path: "/tmp") }
        #expect(folder?.description == "/tmp: is a folder, not a file")
    }
}

@Suite struct CSVWriterTests {
    @Test func roundTripThroughTheReader() throws {
        let rows: [[String?]] = [["plain", "with, comma", "quote \" inside", "line\nbreak", "crlf\r\nx", "", nil, "  spaced  "]]
        var bytes: [UInt8] = []
        for row in rows { bytes += CSVWriter.record(row) }
        let reader = CSVReader(bytes: bytes, name: "out.csv")
        #expect(try reader.nextRecord())
        #expect(reader.strings == ["plain", "with, comma", "quote \" inside", "line\nbreak", "crlf\r\nx", "", "", "  spaced  "])
        #expect((0..<reader.fieldCount).map(reader.isQuoted) == [false, true, true, true, true, true, false, false])
    }
}
