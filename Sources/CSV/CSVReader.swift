#if canImport(Glibc)
import Glibc
#endif

/// A streaming RFC 4180 reader: one record at a time from a fixed-size buffer,
/// so memory stays constant however large the file.
///
/// - Quoted fields may hold commas, doubled quotes and line breaks (LF and CRLF
///   kept byte for byte). Records end with CRLF, LF or CR. A UTF-8 byte-order mark
///   is stripped. Completely empty lines between records are skipped.
/// - A quoted empty field is "" and `isQuoted` tells it from an empty unquoted one.
/// - Values are bytes: nothing is converted, so leading zeros and long digit
///   strings stay exactly as written.
/// - `CSVOptions` name another delimiter (or let the header line decide: `;` and tab
///   from spreadsheets) and another encoding (Latin-1, Windows-1252, UTF-16), which is
///   converted to UTF-8 as it is read; positions are counted in the converted text.
///   A UTF-8 read of a file that starts with a UTF-16 byte-order mark stops at once
///   with one message instead of a garbled header.
/// - Problems (a stray or unclosed quote, invalid UTF-8) do not stop the reader:
///   they are listed in `problems` for the current record with line and column,
///   so a caller can report every problem of a file in one pass.
///
/// Field buffers returned by `field(_:)` are valid until the next `nextRecord()`.
/// Written by hand because this loop is the import's hot path: it scans for the
/// four bytes that matter and copies the spans between them.
public final class CSVReader {
    /// The name used in messages (the path as given, or `<stdin>`).
    public let name: String
    /// The file's size when known (regular files), for progress reporting.
    public let totalBytes: Int?

    private let fd: Int32
    private let ownsDescriptor: Bool
    private let memory: [UInt8]?
    /// Raw bytes taken from `memory` so far.
    private var memoryOffset = 0

    /// The byte between fields: the one given, or the one the header line uses.
    public private(set) var delimiter: UInt8
    public let options: CSVOptions
    /// The header line, read ahead (whole, whatever the buffer size) to sniff the
    /// delimiter from, and served again to the parser before anything else.
    private var replay: [UInt8] = []
    private var replayOffset = 0
    /// The source has no more bytes (the input may still have some to serve).
    private var sourceEnded = false
    /// For encodings other than UTF-8: the converter and the buffer of raw bytes it reads.
    private var decoder: TextDecoder?
    private let raw: UnsafeMutablePointer<UInt8>?
    private let rawCapacity: Int

    // Input buffer.
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity: Int
    private var inputStart = 0
    private var inputEnd = 0
    private var atEOF = false
    private var startedReading = false
    /// Bytes consumed from the source so far.
    public private(set) var bytesRead = 0

    // The current record: field contents back to back, and where each ends.
    private var storage: UnsafeMutablePointer<UInt8>
    private var storageCapacity: Int
    private var storageCount = 0
    /// Per field: where its bytes end in `storage`, whether it was quoted, and where it starts.
    private struct FieldInfo {
        var end: Int
        var quoted: Bool
        var line: Int
        var column: Int
    }
    /// Unchecked: appended to for every field and read for every value, and a class's
    /// array would pay a dynamic exclusivity check at each (2.4M of them, with
    /// Header's cache, in a 20,000-round import). A reader is used by one thread, and
    /// no access to it overlaps another: each is one append or one subscript.
    @exclusivity(unchecked) private var fields: [FieldInfo] = []

    /// Problems found in the current record.
    public private(set) var problems: [CSVProblem] = []
    /// The line on which the current record starts.
    public private(set) var recordLine = 0

    // Position of the next unread byte.
    private var line = 1
    private var column = 1  // characters since the start of the line, plus one
    private var lastByteWasCR = false

    /// Optional observer of the raw bytes as they are read (content hashing).
    private var rawObserver: ((UnsafeBufferPointer<UInt8>) -> Void)?

    /// Opens a file; `-` reads standard input.
    public init(path: String, options: CSVOptions = .standard, bufferSize: Int = 1 << 18) throws {
        if path == "-" {
            fd = 0
            ownsDescriptor = false
            name = "<stdin>"
            totalBytes = nil
        } else {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
                throw CSVFileError(path: path, reason: reason)
            }
            var info = stat()
            if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw CSVFileError(path: path, reason: "is a folder, not a file")
            }
            fd = descriptor
            ownsDescriptor = true
            name = path
            totalBytes = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        }
        memory = nil
        inputCapacity = max(bufferSize, 16)
        input = .allocate(capacity: inputCapacity)
        storageCapacity = 1 << 12
        storage = .allocate(capacity: storageCapacity)
        self.options = options
        delimiter = options.delimiter ?? UInt8(ascii: ",")
        (decoder, raw, rawCapacity) = Self.decoding(options.encoding, inputCapacity: inputCapacity)
    }

    /// Reads from memory (tests, embedded seeds).
    public init(bytes: [UInt8], name: String, options: CSVOptions = .standard, bufferSize: Int = 1 << 18) {
        fd = -1
        ownsDescriptor = false
        self.name = name
        totalBytes = bytes.count
        memory = bytes
        inputCapacity = max(bufferSize, 16)
        input = .allocate(capacity: inputCapacity)
        storageCapacity = 1 << 12
        storage = .allocate(capacity: storageCapacity)
        self.options = options
        delimiter = options.delimiter ?? UInt8(ascii: ",")
        (decoder, raw, rawCapacity) = Self.decoding(options.encoding, inputCapacity: inputCapacity)
    }

    public convenience init(text: String, name: String, options: CSVOptions = .standard, bufferSize: Int = 1 << 18) {
        self.init(bytes: Array(text.utf8), name: name, options: options, bufferSize: bufferSize)
    }

    /// UTF-8 is read straight into the input buffer; other encodings through a raw
    /// buffer small enough that its converted text always fits the input buffer.
    private static func decoding(
        _ encoding: TextEncoding, inputCapacity: Int
    ) -> (TextDecoder?, UnsafeMutablePointer<UInt8>?, Int) {
        guard encoding != .utf8 else { return (nil, nil, 0) }
        // A carried half code unit or surrogate adds at most 4 bytes of output.
        let capacity = max((inputCapacity - 8) / TextDecoder.expansion, 2)
        return (TextDecoder(encoding: encoding), .allocate(capacity: capacity), capacity)
    }

    deinit {
        if ownsDescriptor { close(fd) }
        input.deallocate()
        storage.deallocate()
        raw?.deallocate()
    }

    /// Sees every raw byte of the source once, in order, as it is read.
    public func observeRawBytes(_ observer: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        rawObserver = observer
    }

    // MARK: Reading the current record

    public var fieldCount: Int { fields.count }

    /// The bytes of field `index` (0-based), valid until the next `nextRecord()`.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : fields[index - 1].end
        return UnsafeBufferPointer(start: storage + start, count: fields[index].end - start)
    }

    /// True when the field was written in quotes (so `""` is an empty string, not nothing).
    public func isQuoted(_ index: Int) -> Bool { fields[index].quoted }

    /// The field as a String (already validated as UTF-8 unless `problems` says otherwise).
    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// All fields of the record as strings (for headers and tests).
    public var strings: [String] { (0..<fieldCount).map(string) }

    /// Where field `index` starts: line and character column.
    public func position(ofField index: Int) -> (line: Int, column: Int) {
        (fields[index].line, fields[index].column)
    }

    // MARK: Parsing

    /// Reads the next record. Returns false at the end of the input.
    public func nextRecord() throws -> Bool {
        storageCount = 0
        fields.removeAll(keepingCapacity: true)
        if !problems.isEmpty { problems.removeAll(keepingCapacity: true) }

        if !startedReading {
            startedReading = true
            if options.delimiter == nil { delimiter = try sniffDelimiter() }
            try fill()
            if options.encoding == .utf8, inputEnd - inputStart >= 2,
                (input[inputStart] == 0xFF && input[inputStart + 1] == 0xFE)
                    || (input[inputStart] == 0xFE && input[inputStart + 1] == 0xFF)
            {
                let order = input[inputStart] == 0xFF ? "little-endian" : "big-endian"
                throw CSVFileError(
                    path: name,
                    reason: "is UTF-16 (it starts with a \(order) UTF-16 byte-order mark), not UTF-8; import it with --encoding utf-16")
            }
            if options.encoding == .utf8, let order = utf16WithoutMark() {
                throw CSVFileError(
                    path: name,
                    reason: "looks like UTF-16 without a byte-order mark (a NUL byte beside every letter), not UTF-8; import it with --encoding \(order)")
            }
            skipByteOrderMark()
        }
        // Skip empty lines (and the LF of a CRLF split across records).
        while true {
            if inputStart == inputEnd {
                if atEOF { return false }
                try fill()
                continue
            }
            let byte = input[inputStart]
            if byte == lf {
                inputStart += 1
                if !lastByteWasCR { line += 1 }
                lastByteWasCR = false
                column = 1
            } else if byte == cr {
                inputStart += 1
                line += 1
                column = 1
                lastByteWasCR = true
            } else {
                break
            }
        }
        lastByteWasCR = false
        recordLine = line
        try readFields()
        validateUTF8()
        return true
    }

    private let comma = UInt8(ascii: ",")
    private let quote = UInt8(ascii: "\"")
    private let lf = UInt8(ascii: "\n")
    private let cr = UInt8(ascii: "\r")

    /// Reads fields until the end of the record.
    private func readFields() throws {
        // Read once per record: a class's stored var costs an access check per use.
        let delimiter = self.delimiter
        while true {
            let startLine = line
            let startColumn = column
            let isQuotedField = try peek() == quote
            let endedRecord = isQuotedField ? try readQuotedField(delimiter) : try readUnquotedField(delimiter)
            fields.append(FieldInfo(end: storageCount, quoted: isQuotedField, line: startLine, column: startColumn))
            if endedRecord { return }
        }
    }

    /// Reads an unquoted field up to a comma or the end of the record; true when
    /// the record ended.
    private func readUnquotedField(_ delimiter: UInt8) throws -> Bool {
        while true {
            if inputStart == inputEnd {
                if atEOF { return true }
                try fill()
                continue
            }
            // Scan the span of ordinary bytes.
            // The comma as a constant: the scan's masks fold as they did before delimiters.
            let index = delimiter == comma
                ? Scan.firstSpecial(input, from: inputStart, to: inputEnd, delimiter: comma)
                : Scan.firstSpecial(input, from: inputStart, to: inputEnd, delimiter: delimiter)
            append(from: inputStart, to: index)
            inputStart = index
            guard index < inputEnd else { continue }
            let byte = input[index]
            inputStart += 1
            switch byte {
            case delimiter:
                column += 1
                return false
            case quote:
                problems.append(
                    CSVProblem(
                        line: line, column: column,
                        message: "stray quote in an unquoted field (quote the whole field and double the quote)"))
                appendByte(quote)
                column += 1
            case lf:
                line += 1
                column = 1
                return true
            default:  // CR: a record end; a following LF belongs to it
                line += 1
                column = 1
                lastByteWasCR = true
                try consumeLFAfterCR()
                return true
            }
        }
    }

    /// Reads a quoted field (the opening quote is next); true when the record ended.
    private func readQuotedField(_ delimiter: UInt8) throws -> Bool {
        let openLine = line
        let openColumn = column
        inputStart += 1  // the opening quote
        column += 1
        while true {
            if inputStart == inputEnd {
                if atEOF {
                    problems.append(
                        CSVProblem(
                            line: openLine, column: openColumn,
                            message: "unclosed quote: the quoted field starting here runs to the end of the file"))
                    return true
                }
                try fill()
                continue
            }
            var index = inputStart
            let end = inputEnd
            let input = self.input
            while index < end {
                index = Scan.firstQuoteOrLineBreak(input, from: index, to: end)
                guard index < end else { break }
                let byte = input[index]
                if byte == quote { break }
                if byte == lf || byte == cr {
                    // Line breaks inside quotes are data, kept byte for byte; they still
                    // advance the line count (a CRLF counts once).
                    let continuesCRLF = byte == lf && index == inputStart && lastByteWasCR
                    append(from: inputStart, to: index)
                    copy(from: index, to: index + 1)
                    if !continuesCRLF { line += 1 }
                    column = 1
                    lastByteWasCR = byte == cr
                    inputStart = index + 1
                }
                index += 1
            }
            if index > inputStart {
                lastByteWasCR = false
                append(from: inputStart, to: index)
                inputStart = index
            }
            guard index < inputEnd else { continue }
            // A quote: doubled, or the end of the field.
            inputStart += 1
            column += 1
            let next = try peek()
            if next == quote {
                appendByte(quote)
                inputStart += 1
                column += 1
                continue
            }
            switch next {
            case delimiter:
                inputStart += 1
                column += 1
                return false
            case lf:
                inputStart += 1
                line += 1
                column = 1
                return true
            case cr:
                inputStart += 1
                line += 1
                column = 1
                lastByteWasCR = true
                try consumeLFAfterCR()
                return true
            case nil:
                return true
            default:
                problems.append(
                    CSVProblem(
                        line: line, column: column,
                        message: "unexpected text after a closing quote (a quote inside a quoted field must be doubled)"))
                // Keep reading the rest as part of the field, as if the quote were literal.
                appendByte(quote)
                return try readUnquotedField(delimiter)
            }
        }
    }

    /// Consumes the LF of a CRLF record end, if it is there.
    private func consumeLFAfterCR() throws {
        if try peek() == lf {
            inputStart += 1
        }
        lastByteWasCR = false
    }

    /// The next byte without consuming it; nil at the end of the input.
    @inline(__always)
    private func peek() throws -> UInt8? {
        if inputStart == inputEnd {
            if atEOF { return nil }
            try fill()
            if inputStart == inputEnd { return nil }
        }
        return input[inputStart]
    }

    /// Copies input[from..<to] into the record and advances the column.
    @inline(__always)
    private func append(from: Int, to: Int) {
        guard to > from else { return }
        copy(from: from, to: to)
        column += Scan.characterCount(input, from: from, to: to)
    }

    /// Copies input[from..<to] into the record.
    @inline(__always)
    private func copy(from: Int, to: Int) {
        let count = to - from
        guard count > 0 else { return }
        reserve(count)
        (storage + storageCount).update(from: input + from, count: count)
        storageCount += count
    }

    @inline(__always)
    private func appendByte(_ byte: UInt8) {
        reserve(1)
        storage[storageCount] = byte
        storageCount += 1
    }

    private func reserve(_ extra: Int) {
        guard storageCount + extra > storageCapacity else { return }
        var capacity = storageCapacity * 2
        while capacity < storageCount + extra { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: storage, count: storageCount)
        storage.deallocate()
        storage = grown
        storageCapacity = capacity
    }

    /// Refills the input buffer (the buffer is always fully consumed before a refill).
    private func fill() throws {
        inputStart = 0
        inputEnd = 0
        if replayOffset < replay.count {
            let count = min(replay.count - replayOffset, inputCapacity)
            replay.withUnsafeBufferPointer { input.update(from: $0.baseAddress! + replayOffset, count: count) }
            replayOffset += count
            inputEnd = count
            if replayOffset == replay.count {
                replay = []
                replayOffset = 0
            }
            return
        }
        if sourceEnded {
            atEOF = true
            return
        }
        guard var decoder else {
            inputEnd = try readRaw(into: input, capacity: inputCapacity)
            if inputEnd == 0 { (atEOF, sourceEnded) = (true, true) }
            return
        }
        // Converted text: read raw bytes until some text comes out or the input ends.
        while inputEnd == 0 {
            let count = try readRaw(into: raw!, capacity: rawCapacity)
            do {
                inputEnd = try decoder.decode(UnsafeBufferPointer(start: raw!, count: count), into: input, final: count == 0)
            } catch TextDecodingError.noByteOrderMark {
                throw CSVFileError(
                    path: name, reason: "has no UTF-16 byte-order mark; say which end comes first with --encoding utf-16le or utf-16be")
            }
            if count == 0 {
                if inputEnd == 0 { (atEOF, sourceEnded) = (true, true) }
                break
            }
        }
        self.decoder = decoder
    }

    /// Reads up to `capacity` bytes of the source; 0 at its end. Counted in
    /// `bytesRead` and shown to the raw observer, as they are in the file.
    private func readRaw(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        var count = 0
        if let memory {
            count = min(memory.count - memoryOffset, capacity)
            if count > 0 {
                memory.withUnsafeBufferPointer { source in
                    buffer.update(from: source.baseAddress! + memoryOffset, count: count)
                }
                memoryOffset += count
            }
        } else {
            while true {
                let read = read(fd, buffer, capacity)
                if read < 0 {
                    if errno == EINTR { continue }
                    throw CSVFileError(path: name, reason: "read failed: \(String(cString: strerror(errno)))")
                }
                count = read
                break
            }
        }
        if count > 0 {
            bytesRead += count
            rawObserver?(UnsafeBufferPointer(start: buffer, count: count))
        }
        return count
    }

    /// The delimiter of the header line: the most frequent of `,` `;` tab and `|`
    /// outside quotes in the first line (a comma on a tie, and for a single column).
    /// The line is read ahead in full (up to 1 MiB) and replayed to the parser.
    private func sniffDelimiter() throws -> UInt8 {
        var counts = [Int](repeating: 0, count: CSVOptions.sniffedDelimiters.count)
        var quoted = false
        var ahead: [UInt8] = []
        scan: while ahead.count < 1 << 20 {
            try fill()
            if inputEnd == 0 { break }
            ahead.append(contentsOf: UnsafeBufferPointer(start: input, count: inputEnd))
            for index in 0..<inputEnd {
                let byte = input[index]
                if byte == quote {
                    quoted.toggle()
                } else if !quoted {
                    if byte == lf || byte == cr { break scan }
                    if let position = CSVOptions.sniffedDelimiters.firstIndex(of: byte) { counts[position] += 1 }
                }
            }
        }
        replay = ahead
        replayOffset = 0
        inputStart = 0
        inputEnd = 0
        atEOF = false  // the replay comes first
        var best = 0
        for position in counts.indices where counts[position] > counts[best] { best = position }
        return CSVOptions.sniffedDelimiters[best]
    }

    /// "utf-16le" or "utf-16be" when the file's first bytes are text of one byte per
    /// letter with a NUL beside each (ASCII written as UTF-16), which UTF-8 reads as
    /// names full of NULs; nil otherwise.
    private func utf16WithoutMark() -> String? {
        let count = min(64, inputEnd - inputStart) & ~1
        guard count >= 4 else { return nil }
        var evenNULs = 0
        var oddNULs = 0
        for offset in 0..<count where input[inputStart + offset] == 0 {
            if offset % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        let pairs = count / 2
        if oddNULs * 4 >= pairs * 3 && evenNULs == 0 { return "utf-16le" }
        if evenNULs * 4 >= pairs * 3 && oddNULs == 0 { return "utf-16be" }
        return nil
    }

    private func skipByteOrderMark() {
        if inputEnd - inputStart >= 3 && input[inputStart] == 0xEF && input[inputStart + 1] == 0xBB
            && input[inputStart + 2] == 0xBF
        {
            inputStart += 3
        }
    }

    /// Records a problem for each field that is not valid UTF-8.
    private func validateUTF8() {
        // Fast path: the whole record is ASCII.
        guard !Scan.isASCII(storage, count: storageCount) else { return }
        for index in 0..<fieldCount {
            let bytes = field(index)
            if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
                let hex = String(bytes[bad], radix: 16, uppercase: true)
                problems.append(
                    CSVProblem(
                        line: fields[index].line, column: fields[index].column,
                        message: invalidTextMessage(byte: hex, at: bad + 1)))
            }
        }
    }

    /// What an undecodable field says: for UTF-8, how to name the file's encoding.
    private func invalidTextMessage(byte hex: String, at offset: Int) -> String {
        switch options.encoding {
        case .utf8:
            return "invalid UTF-8 (byte 0x\(hex) at byte \(offset) of the field); save the file as UTF-8 or name its encoding (--encoding latin-1, windows-1252, utf-16)"
        case .utf16, .utf16LE, .utf16BE:
            return "invalid UTF-16 (a lone surrogate, at byte \(offset) of the field once converted)"
        case .latin1, .windows1252:
            return "invalid text at byte \(offset) of the field"
        }
    }
}
