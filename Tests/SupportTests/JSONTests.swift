import Support
import Testing

/// The one JSON string encoder (output formats, Datasette metadata, the history's json_object).
@Suite struct JSONTests {
    @Test func quotesBackslashesAndControlCharactersAreEscapedTheRestKept() {
        #expect(JSON.string("a\"b\\c\r") == "\"a\\\"b\\\\c\\r\"")
        #expect(JSON.string("tab\there\nnew\u{1}\u{7F}") == "\"tab\\there\\nnew\\u0001\\u007f\"")
        #expect(JSON.string("Müller 中文 🚀") == "\"Müller 中文 🚀\"")
        #expect(JSON.string("") == "\"\"")
    }

    /// Invalid UTF-8, which SQLite stores as given, comes out as U+FFFD: the JSON stays valid.
    @Test func invalidUTF8IsRepaired() {
        var out: [UInt8] = []
        [0x61, 0xFF, 0x62].withUnsafeBufferPointer { JSON.appendString($0, to: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "\"a\u{FFFD}b\"")
    }
}
