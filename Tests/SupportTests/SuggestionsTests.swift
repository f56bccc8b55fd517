import Support
import Testing

@Suite struct SuggestionsTests {
    @Test func closeSpellingsComeFirstAndShortNamesAllowOneEdit() {
        #expect(Suggestions.closest(to: "nme", among: ["name", "gap", "names"]) == ["name"])
        #expect(Suggestions.closest(to: "Nvidai", among: ["NVIDIA", "Nebius", "AMD"]) == ["NVIDIA"])
        #expect(Suggestions.closest(to: "corewave", among: ["CoreWeave", "Core Scientific", "Crusoe"]) == ["CoreWeave"])
        #expect(Suggestions.closest(to: "xyz", among: ["companies", "sources"]).isEmpty)
    }

    @Test func containingNamesOnlyWhenNothingIsCloseBySpelling() {
        #expect(Suggestions.closest(to: "rounds", among: ["funding_rounds", "nvidia_rounds", "sources"]) == ["nvidia_rounds", "funding_rounds"])
        #expect(Suggestions.hint(for: "roundz", among: ["rounds", "funding_rounds"]) == "; did you mean rounds?")
        #expect(Suggestions.hint(for: "qqq", among: ["rounds"]) == "")
    }
}

@Suite struct TextPositionTests {
    @Test func linesAndColumnsCountCharactersNotBytes() {
        let text = "SELECT 1;\nSELECT 'é', nme"
        let offset = Array(text.utf8).count - 3  // the "n" of nme
        #expect(TextPosition.lineAndColumn(ofByteOffset: offset, in: text) == (2, 13))
        #expect(TextPosition.lineAndColumn(ofByteOffset: 0, in: text) == (1, 1))
    }
}

@Suite struct TextTests {
    @Test func trimmingKeepsInnerSpacesAndDropsNoBreakSpaces() {
        #expect("  a b \t\r\n".trimmingSpaces() == "a b")
        #expect("\u{00A0}x\u{00A0}".trimmingSpaces() == "x")
        #expect("   ".trimmingSpaces() == "")
        #expect("a\"b".replacingAll("\"", with: "\"\"") == "a\"\"b")
        #expect("ab".padded(to: 4) == "ab  ")
        #expect("abcdef".padded(to: 4) == "abcdef")
    }
}
