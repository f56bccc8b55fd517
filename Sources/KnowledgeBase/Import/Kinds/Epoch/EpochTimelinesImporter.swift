import SQLite

/// Epoch AI's `data_center_timelines.csv`: dated milestones of the data centers of
/// `data_centers.csv` (imported before it in a run, or earlier), keyed by data
/// center and date. A newer snapshot's milestone of the same date updates it; a
/// milestone the file no longer has is kept.
final class EpochTimelinesImporter: RowImporter {
    static let fields: [EpochField] = [
        EpochField("Construction status", "construction_status"),
        EpochField("Power (MW)", "power_mw", .number),
        EpochField("H100 equivalents", "h100_equivalents", .number),
        EpochField("Buildings operational", "buildings_operational", .count(minimum: 0)),
        EpochField("Total capital cost (2025 USD billions)", "total_capital_cost_usd", .dollars(scale: 1e9)),
        EpochField("Compute cost (2025 USD billions)", "compute_cost_usd", .dollars(scale: 1e9)),
        EpochField("Construction cost (2025 USD billions)", "construction_cost_usd", .dollars(scale: 1e9)),
        EpochField("Building area (square feet)", "building_area_sqft", .number),
        EpochField("Site area (square feet)", "site_area_sqft", .number),
        EpochField("Water use (MGD)", "water_use_mgd", .number),
        EpochField("Performance (8-bit OP/s)", "ops_8bit", .number),
    ]

    private let context: ImportContext
    private let source: String
    private let present: [EpochField]
    private let upsert: Upsert
    private let dataCenter: Statement

    init(context: ImportContext, header: Header) throws {
        self.context = context
        source = try EpochDataset.dataCenters.source(in: context)
        present = Self.fields.filter { header.has($0.header) }
        upsert = try Upsert(
            db: context.db, table: "data_center_timeline",
            columns: ["data_center_id", "milestone_on", "source_id"] + present.map(\.column),
            conflicts: [("(data_center_id, milestone_on)", nil)], keyColumns: ["data_center_id", "milestone_on"],
            classification: .insertFirst, run: context.run)
        dataCenter = try context.db.prepare("SELECT id FROM data_centers WHERE handle = :handle", persistent: true)
    }

    func importRow(_ row: RowReader) throws -> RowOutcome {
        let date = row.date("Date")
        if case .null = date, row.string("Date") == nil { row.missing("Date") }
        var center: Int64?
        if let handle = row.requiredString("Data center") {
            center = try dataCenter.firstRow(binding: ["handle": .text(handle)]) { $0.int64(at: 0) }
            if center == nil {
                row.problem("Data center", "unknown data center \"\(handle)\" (no Handle of data_centers.csv; import that file first, or in the same run)")
            }
        }
        let values = present.map { $0.read(row) }
        guard !row.rejected, let center else { return .rejected }
        try upsert.bind("data_center_id", center)
        try upsert.bind("milestone_on", date, reader: row.reader)
        try upsert.bind("source_id", source)
        for (field, value) in zip(present, values) { try upsert.bind(field.column, value) }
        return try upsert.run()
    }
}
