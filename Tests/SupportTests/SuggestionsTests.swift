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
