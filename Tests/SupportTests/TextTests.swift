import Support
import Testing

@Suite struct TextTests {
    @Test func trimmingKeepsInnerSpacesAndDropsNoBreakSpaces() {
        #expect("  a b \t\r\n".trimmingSpaces() == "a b")
        #expect("\u{00A0}x\u{00A0}".trimmingSpaces() == "x")
        #expect("   ".trimmingSpaces() == "")
        #expect("a\"b".replacingAll("\"", with: "\"\"") == "a\"\"b")
        #expect("ab".padded(to: 4) == "ab  ")
        #expect("abcdef".padded(to: 4) == "abcdef")
    }

    @Test func containsBytesFindsAWordAnywhere() {
        #expect("company,investor".containsBytes("investor"))
        #expect("company,investor".containsBytes("company"))
        #expect("company,investor".containsBytes(","))
        #expect("company,investor".containsBytes(""))
        #expect("aaab".containsBytes("aab"))
        #expect(!"investor".containsBytes("investors"))
        #expect(!"company".containsBytes("investor"))
        #expect(!"".containsBytes("a"))
        #expect("Naïve investor".containsBytes("ïve"))
    }

    /// The same answers as the standard library's search, for every pair of short
    /// strings over a small alphabet (where partial matches abound). Not for an empty
    /// word, which the overloads disagree on (Foundation's says no); the importers
    /// never ask for one.
    @Test func containsBytesAgreesWithTheStandardSearch() {
        var words: [String] = [""]
        for length in 1...4 {
            var next: [String] = []
            for word in words where word.count == length - 1 {
                for letter in ["a", "b", ","] { next.append(word + letter) }
            }
            words += next
        }
        for text in words {
            for needle in words where (1...3).contains(needle.count) {
                #expect(text.containsBytes(needle) == text.contains(needle), "\(text) \(needle)")
            }
        }
    }
}
