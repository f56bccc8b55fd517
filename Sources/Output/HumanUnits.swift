/// Numbers as people write them, per `ColumnUnit`: what table, box, line and markdown
/// show unless `OutputOptions.raw` is set. csv, tsv, json and jsonl never use it.
public enum HumanUnits {
    /// The suffixes for dollars, largest first: the scale each stands for.
    private static let moneyScales: [(scale: Double, suffix: String)] = [
        (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"),
    ]
    /// From this many megawatts on, gigawatts read better.
    private static let megawattsPerGigawatt = 1000.0
    /// count and h100e: a fractional count (an average) keeps this many places at most.
    private static let countPlaces = 2
    /// ratio: places kept at most (3.23).
    private static let ratioPlaces = 2
    /// mw below a gigawatt: places kept at most (0.5 MW).
    private static let megawattPlaces = 1

    /// An integer in `unit`; nil when the unit leaves values as they are (date, text).
    public static func text(_ value: Int64, unit: ColumnUnit) -> String? {
        switch unit {
        case .count, .h100e: NumberText.grouped(value)
        default: text(Double(value), unit: unit)
        }
    }

    /// A real in `unit`; nil when the unit leaves values as they are (date, text), or
    /// for infinities and NaN, which have no unit.
    public static func text(_ value: Double, unit: ColumnUnit) -> String? {
        guard value.isFinite else { return nil }
        switch unit {
        case .usd: return usd(value)
        case .percent: return percent(value)
        case .share: return percent(value * 100)
        case .count, .h100e: return NumberText.decimal(value, maximumDecimals: countPlaces)
        case .mw: return megawatts(value)
        case .ratio: return NumberText.decimal(value, maximumDecimals: ratioPlaces)
        case .date, .text: return nil
        }
    }

    /// Three significant digits (but one decimal from 100 on), trailing zeros dropped,
    /// with the largest suffix that leaves at least 1: `$950`, `$1.2K`, `$675M`, `$130.1B`,
    /// `$2B`, `$1.25T`, `-$2.4B`. 999,950 rounds to 1000K, which is `$1M`.
    static func usd(_ value: Double) -> String {
        let magnitude = value.magnitude
        let index = moneyScales.firstIndex { magnitude >= $0.scale }  // nil: plain dollars
        var (scale, suffix) = index.map { moneyScales[$0] } ?? (1, "")
        // Rounding can make 1000 of one suffix: then it is 1 of the next larger one.
        let larger = (index ?? moneyScales.count) - 1
        if larger >= 0 && NumberText.rounded(magnitude / scale, places: NumberText.significantPlaces(magnitude / scale)) >= 1000 {
            (scale, suffix) = moneyScales[larger]
        }
        let mantissa = magnitude / scale
        let digits = NumberText.decimal(mantissa, maximumDecimals: NumberText.significantPlaces(mantissa))
        let sign = value < 0 && digits != "0" ? "-" : ""
        return sign + "$" + digits + suffix
    }

    /// `40%`, `12.5%`, `3.14%`: rounded like dollars.
    static func percent(_ value: Double) -> String {
        NumberText.decimal(value, maximumDecimals: NumberText.significantPlaces(value.magnitude)) + "%"
    }

    /// `950 MW`, `0.5 MW`; from 1,000 MW on gigawatts, rounded like dollars: `1.2 GW`, `4.5 GW`.
    static func megawatts(_ value: Double) -> String {
        let magnitude = value.magnitude
        if NumberText.rounded(magnitude, places: megawattPlaces) < megawattsPerGigawatt {
            return NumberText.decimal(value, maximumDecimals: megawattPlaces) + " MW"
        }
        let gigawatts = value / megawattsPerGigawatt
        return NumberText.decimal(gigawatts, maximumDecimals: NumberText.significantPlaces(gigawatts.magnitude)) + " GW"
    }
}
