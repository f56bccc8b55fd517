import CSV
import Testing

/// Third-party files: other delimiters, sniffed from the header line, and other encodings.
@Suite struct CSVOptionsTests {
    func read(_ bytes: [UInt8], options: CSVOptions, bufferSize: Int = 1 << 18) throws -> [[String]] {
        let reader = CSVReader(bytes: bytes, name: "t.csv", options: options, bufferSize: bufferSize)
        var rows: [[String]] = []
        while try reader.nextRecord() {
            #expect(reader.problems.isEmpty, "\(reader.problems)")
            rows.append(reader.strings)
        }
        return rows
    }

    @Test(arguments: [16, 17, 23, 64, 1 << 18])
    func theHeaderLineTellsTheDelimiter(bufferSize: Int) throws {
        let expected = [["name", "note, with comma", "n"], ["Acme", "a;b", "1"]]
        let semicolons = "name;\"note, with comma\";n\r\nAcme;\"a;b\";1\r\n"
        #expect(try read(Array(semicolons.utf8), options: .sniffing, bufferSize: bufferSize) == expected)
        let tabs = "name\tnote, with comma\tn\nAcme\ta;b\t1\n"
        #expect(try read(Array(tabs.utf8), options: .sniffing, bufferSize: bufferSize) == expected)
        let commas = "name,\"note, with comma\",n\nAcme,a;b,1\n"
        #expect(try read(Array(commas.utf8), options: .sniffing, bufferSize: bufferSize) == expected)
        // Given, not sniffed: a semicolon file read with commas is one column.
        #expect(try read(Array("a|b\n1|2\n".utf8), options: CSVOptions(delimiter: UInt8(ascii: "|"))) == [["a", "b"], ["1", "2"]])
        // A single column, or a tie: commas.
        #expect(try read(Array("name\nx;y\n".utf8), options: .sniffing) == [["name"], ["x;y"]])
    }

    @Test func delimitersByName() {
        #expect(CSVOptions.delimiter(named: "tab") == 0x09)
        #expect(CSVOptions.delimiter(named: "\\t") == 0x09)
        #expect(CSVOptions.delimiter(named: ";") == UInt8(ascii: ";"))
        #expect(CSVOptions.delimiter(named: "\"") == nil)
        #expect(CSVOptions.delimiter(named: ";;") == nil)
        #expect(CSVOptions.delimiter(named: "\n") == nil)
    }

    @Test(arguments: [16, 17, 19, 1 << 18])
    func latin1AndWindows1252AreReadAsUTF8(bufferSize: Int) throws {
        // "Jülich;Café €5" in Latin-1 and in Windows-1252 (0x80 is the euro sign there).
        let latin1: [UInt8] = Array("site;price\n".utf8) + [0x4A, 0xFC, 0x6C, 0x69, 0x63, 0x68, 0x3B, 0x43, 0x61, 0x66, 0xE9, 0x0A]
        #expect(try read(latin1, options: CSVOptions(delimiter: nil, encoding: .latin1), bufferSize: bufferSize)
            == [["site", "price"], ["Jülich", "Café"]])
        let windows: [UInt8] = Array("site;price\n".utf8) + [0x4A, 0xFC, 0x6C, 0x69, 0x63, 0x68, 0x3B, 0x80, 0x35, 0x93, 0x21, 0x94, 0x0A]
        #expect(try read(windows, options: CSVOptions(delimiter: nil, encoding: .windows1252), bufferSize: bufferSize)
            == [["site", "price"], ["Jülich", "€5“!”"]])
    }

    @Test(arguments: [16, 17, 19, 31, 1 << 18])
    func utf16WithItsByteOrderMark(bufferSize: Int) throws {
        let text = "name;city\r\n\"Zürich, 🚀\";東京\r\n"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let expected = [["name", "city"], ["Zürich, 🚀", "東京"]]
        #expect(try read(little, options: CSVOptions(delimiter: nil, encoding: .utf16), bufferSize: bufferSize) == expected)
        #expect(try read(big, options: CSVOptions(delimiter: nil, encoding: .utf16), bufferSize: bufferSize) == expected)
        #expect(try read(Array(little.dropFirst(2)), options: CSVOptions(delimiter: nil, encoding: .utf16LE), bufferSize: bufferSize) == expected)
        // Read as UTF-8: one clear error, not a garbled header.
        let reader = CSVReader(bytes: little, name: "t.csv", options: .sniffing)
        let error = #expect(throws: CSVFileError.self) { try reader.nextRecord() }
        #expect(error?.reason == "is UTF-16 (it starts with a little-endian UTF-16 byte-order mark), not UTF-8; import it with --encoding utf-16")
        // UTF-16 without a mark: which end first must be said.
        let unmarked = CSVReader(bytes: Array(little.dropFirst(2)), name: "t.csv", options: CSVOptions(delimiter: nil, encoding: .utf16))
        let missing = #expect(throws: CSVFileError.self) { try unmarked.nextRecord() }
        #expect(missing?.reason.contains("utf-16le or utf-16be") == true)
        // UTF-16 without a mark read as UTF-8: NULs beside every letter name the encoding.
        for (bytes, order) in [(Array(little.dropFirst(2)), "utf-16le"), (Array(big.dropFirst(2)), "utf-16be")] {
            let guessed = CSVReader(bytes: bytes, name: "t.csv", options: .sniffing)
            let error = #expect(throws: CSVFileError.self) { try guessed.nextRecord() }
            #expect(error?.reason
                == "looks like UTF-16 without a byte-order mark (a NUL byte beside every letter), not UTF-8; import it with --encoding \(order)")
        }
    }

    @Test func aLoneSurrogateIsAProblemAtItsField() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Array("a,b\n".utf16) + [0x78, 0xD800, 0x2C, 0x79, 0x0A] { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let reader = CSVReader(bytes: bytes, name: "t.csv", options: CSVOptions(encoding: .utf16))
        #expect(try reader.nextRecord())
        #expect(try reader.nextRecord())
        #expect(reader.problems.map(\.column) == [1])
        #expect(reader.problems.first?.message.hasPrefix("invalid UTF-16") == true)
    }

    @Test func theRawBytesAreHashedAsTheyAreInTheFile() throws {
        let bytes: [UInt8] = Array("a;b\n".utf8) + [0xE9, 0x3B, 0x31, 0x0A]
        let reader = CSVReader(bytes: bytes, name: "t.csv", options: CSVOptions(delimiter: nil, encoding: .latin1), bufferSize: 16)
        var seen: [UInt8] = []
        reader.observeRawBytes { seen += $0 }
        while try reader.nextRecord() {}
        #expect(seen == bytes)
        #expect(reader.bytesRead == bytes.count)
    }

    @Test func encodingsByTheirUsualNames() {
        #expect(TextEncoding.named("ISO-8859-1") == .latin1)
        #expect(TextEncoding.named("latin1") == .latin1)
        #expect(TextEncoding.named("cp1252") == .windows1252)
        #expect(TextEncoding.named("UTF16") == .utf16)
        #expect(TextEncoding.named("utf-16LE") == .utf16LE)
        #expect(TextEncoding.named("ebcdic") == nil)
    }
}
