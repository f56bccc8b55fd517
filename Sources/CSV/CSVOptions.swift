/// How to read a file that is not plain comma-separated UTF-8: spreadsheets save
/// `;`- or tab-separated files (Excel in many locales) and Latin-1, Windows-1252 or
/// UTF-16 text.
public struct CSVOptions: Sendable, Equatable {
    /// The byte between fields, or nil to take it from the header line (`sniff`).
    public var delimiter: UInt8?
    /// The file's text encoding; everything is converted to UTF-8 as it is read.
    public var encoding: TextEncoding

    public init(delimiter: UInt8? = UInt8(ascii: ","), encoding: TextEncoding = .utf8) {
        self.delimiter = delimiter
        self.encoding = encoding
    }

    /// Comma-separated UTF-8: RFC 4180.
    public static let standard = CSVOptions()
    /// The delimiter taken from the header line, UTF-8.
    public static let sniffing = CSVOptions(delimiter: nil)

    /// The delimiters a header line is sniffed for, in order of preference on a tie.
    public static let sniffedDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// A delimiter as people name it: `,` `;` `|`, `tab` or `\t`; nil for anything else.
    public static func delimiter(named name: String) -> UInt8? {
        switch name.lowercased() {
        case "tab", "\\t", "\t": return UInt8(ascii: "\t")
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        default:
            let bytes = Array(name.utf8)
            guard bytes.count == 1, let byte = bytes.first, byte != 0x22, byte != 0x0A, byte != 0x0D, byte >= 0x20 || byte == 0x09,
                byte < 0x80
            else { return nil }
            return byte
        }
    }
}

/// The text encodings a CSV file may be read in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// ISO 8859-1: every byte is the code point of the same number.
    case latin1 = "latin-1"
    /// Latin-1 with typographic characters in 0x80–0x9F (€, quotes, dashes): what
    /// Excel on Windows calls "ANSI".
    case windows1252 = "windows-1252"
    /// UTF-16 with a byte-order mark saying which end comes first.
    case utf16 = "utf-16"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// An encoding by one of its usual names (`latin1`, `ISO-8859-1`, `cp1252`, `UTF16`...).
    public static func named(_ name: String) -> TextEncoding? {
        let key = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "utf8": return .utf8
        case "latin1", "iso88591", "l1": return .latin1
        case "windows1252", "cp1252", "win1252", "ansi": return .windows1252
        case "utf16": return .utf16
        case "utf16le": return .utf16LE
        case "utf16be": return .utf16BE
        default: return nil
        }
    }
}
