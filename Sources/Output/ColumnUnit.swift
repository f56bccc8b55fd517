/// What a column's numbers mean, so that the formats for people can show them as
/// people write them (`$1.5B`, `40%`, `1,200`). The raw values stay in csv, tsv,
/// json and jsonl, and everywhere with `OutputOptions.raw`. Text values and NULL are
/// never changed by a unit.
public enum ColumnUnit: String, Sendable, CaseIterable {
    /// US dollars: `$950`, `$1.2K`, `$675M`, `$130.1B`, `$1.25T`, `-$2.4B`.
    case usd
    /// Already a percentage: 40 → `40%`.
    case percent
    /// A fraction from 0 to 1: 0.4 → `40%`.
    case share
    /// A number of things: `1,234,567`.
    case count
    /// ISO text of day, month or year precision: shown as it is.
    case date
    /// Megawatts: `950 MW`, and from 1,000 MW on gigawatts: `4.5 GW`.
    case mw
    /// H100-equivalent GPUs: like `count`.
    case h100e
    /// A ratio with up to two decimals: `3.23`.
    case ratio
    /// Text: shown as it is.
    case text
}
