import CSV

public struct ImportOptions: Sendable {
    /// The kind of every file (`--kind`); inferred from each header when nil.
    public var kind: ImportKind?
    /// Validate and count, write nothing (`--dry-run`).
    public var dryRun = false
    /// Create unknown companies instead of rejecting their rows (`--create-missing`).
    public var createMissing = false
    /// The source of every row without a `source_id` (`--source`).
    public var sourceID: String?
    /// US dollars per unit of a currency (`--rate EUR=1.08`), for `amount_usd`.
    public var rates: [String: Double] = [:]
    /// Problems kept for the report (all are counted); 0 keeps all.
    public var maxProblems = 1000
    /// Inputs of at least this many bytes are bulk imports: the secondary indexes that
    /// serve reports are rebuilt once at the end instead of row by row.
    public var bulkThreshold = 64 << 20

    /// The delimiter (nil: sniffed from the header line) and encoding of every file.
    public var csv = CSVOptions.sniffing

    /// How the run is named in `runs` (the seeds load as `seed`).
    public var command = "import"

    public init() {}
}
