import Output
import SQLite
import Testing

/// Every unit at every magnitude that changes how it reads.
@Suite struct HumanUnitsTests {
    @Test(arguments: [
        (0.0, "$0"), (950, "$950"), (999, "$999"), (1000, "$1K"), (1200, "$1.2K"), (12_345, "$12.3K"),
        (999_940, "$999.9K"), (999_950, "$1M"), (999.96, "$1K"), (675_000_000, "$675M"), (123_456_789, "$123.5M"),
        (1.5e9, "$1.5B"), (2e9, "$2B"), (130.1e9, "$130.1B"), (1.25e12, "$1.25T"), (-2.4e9, "-$2.4B"), (-950, "-$950"),
        (-0.001, "$0"), (0.5, "$0.5"), (1e15, "$1,000T"),
    ] as [(Double, String)])
    func dollars(value: Double, text: String) {
        #expect(HumanUnits.text(value, unit: .usd) == text)
    }

    @Test func dollarsFromIntegers() {
        #expect(HumanUnits.text(Int64(1_500_000_000), unit: .usd) == "$1.5B")
        #expect(HumanUnits.text(Int64(-2_400_000_000), unit: .usd) == "-$2.4B")
        #expect(HumanUnits.text(Int64(0), unit: .usd) == "$0")
    }

    @Test func percentIsAlreadyInPercentAndShareIsAFraction() {
        #expect(HumanUnits.text(40.0, unit: .percent) == "40%")
        #expect(HumanUnits.text(Int64(40), unit: .percent) == "40%")
        #expect(HumanUnits.text(12.5, unit: .percent) == "12.5%")
        #expect(HumanUnits.text(33.333, unit: .percent) == "33.3%")
        #expect(HumanUnits.text(-3.14159, unit: .percent) == "-3.14%")
        #expect(HumanUnits.text(0.0, unit: .percent) == "0%")
        #expect(HumanUnits.text(0.4, unit: .share) == "40%")
        #expect(HumanUnits.text(0.125, unit: .share) == "12.5%")
        #expect(HumanUnits.text(Int64(1), unit: .share) == "100%")
        #expect(HumanUnits.text(0.0, unit: .share) == "0%")
        #expect(HumanUnits.text(-0.05, unit: .share) == "-5%")
    }

    @Test func countsAndH100EquivalentsHaveThousandsSeparators() {
        #expect(HumanUnits.text(Int64(1_234_567), unit: .count) == "1,234,567")
        #expect(HumanUnits.text(Int64(0), unit: .count) == "0")
        #expect(HumanUnits.text(Int64(999), unit: .count) == "999")
        #expect(HumanUnits.text(Int64(1000), unit: .count) == "1,000")
        #expect(HumanUnits.text(Int64(-1234), unit: .count) == "-1,234")
        #expect(HumanUnits.text(Int64.min, unit: .count) == "-9,223,372,036,854,775,808")
        #expect(HumanUnits.text(1234.567, unit: .count) == "1,234.57")
        #expect(HumanUnits.text(2.0, unit: .count) == "2")
        #expect(HumanUnits.text(Int64(100_000), unit: .h100e) == "100,000")
        #expect(HumanUnits.text(1.5e9, unit: .h100e) == "1,500,000,000")
    }

    @Test func megawattsBecomeGigawattsFromAThousand() {
        #expect(HumanUnits.text(0.0, unit: .mw) == "0 MW")
        #expect(HumanUnits.text(0.5, unit: .mw) == "0.5 MW")
        #expect(HumanUnits.text(Int64(950), unit: .mw) == "950 MW")
        #expect(HumanUnits.text(Int64(999), unit: .mw) == "999 MW")
        #expect(HumanUnits.text(999.96, unit: .mw) == "1 GW")
        #expect(HumanUnits.text(Int64(1000), unit: .mw) == "1 GW")
        #expect(HumanUnits.text(Int64(1200), unit: .mw) == "1.2 GW")
        #expect(HumanUnits.text(Int64(4500), unit: .mw) == "4.5 GW")
        #expect(HumanUnits.text(-1500.0, unit: .mw) == "-1.5 GW")
        #expect(HumanUnits.text(1_234_567.0, unit: .mw) == "1,234.6 GW")
    }

    @Test func ratiosKeepAtMostTwoPlaces() {
        #expect(HumanUnits.text(3.2345, unit: .ratio) == "3.23")
        #expect(HumanUnits.text(Int64(3), unit: .ratio) == "3")
        #expect(HumanUnits.text(2.5, unit: .ratio) == "2.5")
        #expect(HumanUnits.text(0.0, unit: .ratio) == "0")
        #expect(HumanUnits.text(-0.004, unit: .ratio) == "0")
        #expect(HumanUnits.text(1000.1, unit: .ratio) == "1,000.1")
    }

    @Test func datesTextAndInfinitiesAreLeftAsTheyAre() {
        #expect(HumanUnits.text(Int64(2025), unit: .date) == nil)
        #expect(HumanUnits.text(1.5, unit: .text) == nil)
        #expect(HumanUnits.text(Double.infinity, unit: .usd) == nil)
        #expect(HumanUnits.text(Double.nan, unit: .count) == nil)
    }

    /// NULL is NULL whatever the unit, text in a number column stays text, and a date
    /// column prints its value as stored.
    @Test func nullAndTextInUnitColumns() throws {
        let columns = [
            OutputColumn(name: "usd", unit: .usd), OutputColumn(name: "pct", unit: .percent),
            OutputColumn(name: "on", unit: .date), OutputColumn(name: "mw", unit: .mw),
        ]
        let out = try printed(
            .line, columns, [[.null, .text("n/a"), .text("2025-03"), .null]], options: OutputOptions(nullText: "NULL"))
        #expect(out == "usd = NULL\npct = n/a\n on = 2025-03\n mw = NULL\n")
        let markdown = try printed(.markdown, columns, [[.null, .real(12.5), .integer(2025), .integer(4500)]])
        #expect(markdown.hasSuffix("| NULL | 12.5% | 2025 | 4.5 GW |\n"))
    }
}
