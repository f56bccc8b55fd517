import Query
import Testing

/// `--where` parsing, with the cases the fuzzer found pinned as regressions.
@Suite struct FilterParsingTests {
    @Test func operatorsAndValues() throws {
        #expect(try Filter.parse("amount_usd>=1e9") == Filter(column: "amount_usd", op: .greaterOrEqual, value: "1e9"))
        #expect(try Filter.parse(" company = OpenAI ") == Filter(column: "company", op: .equal, value: " OpenAI "))
        #expect(try Filter.parse("a!=b=c") == Filter(column: "a", op: .notEqual, value: "b=c"))
        #expect(try Filter.parse("notes~up to") == Filter(column: "notes", op: .contains, value: "up to"))
        #expect(throws: (any Error).self) { try Filter.parse("no operator") }
        #expect(throws: (any Error).self) { try Filter.parse("=value") }
        #expect(throws: (any Error).self) { try Filter.parse("a!b") }
        // == is =, not = and a value starting with "=" (resolved to the closest name).
        #expect(try Filter.parse("payer==NVIDIA") == Filter(column: "payer", op: .equal, value: "NVIDIA"))
        let leadingEquals = Filter(column: "x", op: .equal, value: "=y")
        #expect(try Filter.parse(leadingEquals.text) == leadingEquals)
        #expect(try Filter.parse("x===y") == leadingEquals)
        // Fuzz/crashes/fuzz-where/crash-3cf1b77c…: "=" and a combining mark are one
        // Character, so hasPrefix("=") missed the "=" that needs doubling.
        let combining = try Filter.parse("1===\u{0348}")
        #expect(combining == Filter(column: "1", op: .equal, value: "=\u{0348}"))
        #expect(try Filter.parse(combining.text) == combining)
    }

    /// Fuzz/crashes/fuzz-where/crash-9f3eece4…: U+0603 (a "prepended" mark) followed by
    /// "~" is one grapheme, so searching Characters missed the operator and a filter
    /// printed back parsed to another one.
    @Test func anOperatorJoinedToThePreviousCharacterIsStillFound() throws {
        let text = "\u{0603}\t\t\t\t\t\t\t\t\t~\t\t\t\t\t="
        let filter = try Filter.parse(text)
        #expect(filter == Filter(column: "\u{0603}", op: .contains, value: "\t\t\t\t\t="))
        #expect(try Filter.parse(filter.text) == filter)
        #expect(try Filter.parse("\u{0603}~x") == Filter(column: "\u{0603}", op: .contains, value: "x"))
        #expect(try Filter.parse("x=\u{0301}") == Filter(column: "x", op: .equal, value: "\u{0301}"))
    }
}
