/// Line and column (1-based, in characters) of a byte offset in a text: what
/// `FILE:LINE:COLUMN` messages need from SQLite's byte offsets.
public enum TextPosition {
    public static func lineAndColumn(ofByteOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
