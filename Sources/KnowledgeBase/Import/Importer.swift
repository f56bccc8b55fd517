import CSV
import SQLite
import Support

/// Imports CSV files in one transaction: all files or none.
///
/// Every header is checked before any row is read. Then the files are read in
/// dependency order (sources before companies before rounds ...), each row
/// validated and written; every problem is collected with its position. At the
/// end the transaction commits only if there was no problem and this is not a dry
/// run; otherwise it rolls back and the database is exactly as before.
public final class Importer {
    private let db: Database
    private let options: ImportOptions
    /// Called now and then with (bytes read so far, total bytes when known).
    private let progress: ((Int, Int?) -> Void)?
    /// Remarks found while opening the files (columns ignored).
    private var openingNotices: [ImportNotice] = []

    public init(db: Database, options: ImportOptions, progress: ((Int, Int?) -> Void)? = nil) {
        self.db = db
        self.options = options
        self.progress = progress
    }

    /// A file opened with its header read and its kind decided.
    private struct OpenFile {
        let path: String
        let reader: CSVReader
        let header: Header
        let kind: ImportKind
        let format: FileFormat
        let hasher: BackgroundHasher
    }

    /// A file to import: a path (`-` for standard input) or bytes in memory.
    public enum Input: Sendable {
        case path(String)
        case bytes(name: String, [UInt8])
    }

    public func run(paths: [String]) throws -> ImportResult {
        try run(paths.map { .path($0) })
    }

    public func run(_ inputs: [Input]) throws -> ImportResult {
        let sink = ProblemSink(limit: options.maxProblems)
        let files = try openAll(inputs, sink: sink)
        guard sink.count == 0 else {
            openingNotices = []
            return ImportResult(
                files: files.map { FileSummary(file: $0.path, kind: $0.kind.rawValue, format: $0.format.rawValue) },
                problems: sink.sorted, problemCount: sink.count, committed: false)
        }
        // Dependency order; within a kind, Epoch AI's files last; stable otherwise.
        let ordered = files.enumerated().sorted {
            ($0.element.kind, $0.element.format.rank, $0.offset) < ($1.element.kind, $1.element.format.rank, $1.offset)
        }.map(\.element)
        let totalBytes = ordered.reduce(0) { $0 + ($1.reader.totalBytes ?? 0) }
        var doneBytes = 0

        var summaries: [FileSummary] = []
        var committed = false
        var runID: Int64?
        var notices = openingNotices
        var resolutions: [NameResolution] = []
        openingNotices = []
        let bulk = totalBytes >= options.bulkThreshold
        // A larger page cache while importing: index pages of large tables stay in
        // memory longer, and peak memory stays under 64 MiB. Then the value it had.
        try db.withPragma("cache_size", Self.importCacheSize) {
            // Bulk: every reference a row makes (company, round, source, vocabulary word)
            // is looked up or checked by the importers before the row is written, so that
            // they can say which value in which line is wrong. SQLite checking each
            // foreign key again costs a B-tree seek per reference (together with the
            // by-company index below, a third of the 1M-round benchmark's time).
            // Per connection, and only settable outside a transaction.
            try db.withPragma("foreign_keys", bulk ? "OFF" : "ON") {
                try db.inTransaction(.immediate) {
                    let written = Set(ordered.flatMap { Importer.tables(written: $0.kind, format: $0.format) })
                    let rebuild = bulk
                        ? try dropSecondaryIndexes(
                            of: written, keeping: Self.importAccessPaths.union(ordered.flatMap { Self.lookupIndexes(of: $0.kind, format: $0.format) }))
                        : []
                    let deferred = try DeferredTriggers(of: written, in: db, groups: bulk)
                    let run = try Runs.open(db, command: options.command, detail: ordered.map(\.path).joined(separator: " "))
                    let context = try ImportContext(db: db, options: options, run: run, bulk: bulk)
                    if let source = options.sourceID, !context.knownSources.contains(source),
                        !ordered.contains(where: { $0.kind == .sources })
                    {
                        sink.add(Self.unknownSourceOption(source))
                    }
                    var logRows: [LogRow] = []
                    for file in ordered {
                        let started = MonotonicClock.milliseconds()
                        context.startFile(file.path)
                        let summary = try importRows(of: file, context: context, sink: sink) { bytes in
                            self.progress?(doneBytes + bytes, totalBytes > 0 ? totalBytes : nil)
                        }
                        doneBytes += file.reader.bytesRead
                        let digest = file.hasher.finalize()
                        let fileSource = try context.finishFile(sha256: digest)
                        summaries.append(summary)
                        logRows.append(
                            LogRow(
                                summary: summary, digest: digest, source: fileSource ?? options.sourceID,
                                milliseconds: MonotonicClock.milliseconds() - started))
                    }
                    notices += context.notices
                    resolutions = context.resolutions
                    if let source = options.sourceID, !context.knownSources.contains(source), sink.count == 0 {
                        sink.add(Self.unknownSourceOption(source))
                    }
                    guard sink.count == 0 && !options.dryRun else { return .rollback }
                    // SQLite's sorter takes as much memory as the page cache may, and so do
                    // the end of a run's derived data (FTS5's pending documents, the loop
                    // finder's graph): shrink the cache for all of it and hand what it frees
                    // back, so the two do not add up past 64 MiB (measured at 2M rounds:
                    // 66.2 MiB with the full cache, 65.2 shrunk, 60.5 handed back).
                    let handBackMemory = { [db] in
                        db.releaseMemory()
                        HeapMemory.returnFreedToSystem()
                    }
                    try db.withPragma("cache_size", Self.indexBuildCacheSize) {
                        handBackMemory()
                        for index in rebuild { try db.execute(index) }
                        try deferred.restore(run: run, in: db)
                        try writeLog(logRows, run: run)
                        // The sorter's and FTS5's memory, freed, handed back before the
                        // loop finder builds its graph.
                        handBackMemory()
                        try Runs.close(db, run)
                    }
                    runID = run
                    committed = true
                    return .commit
                }
            }
        }
        var result = ImportResult(
            files: summaries, problems: sink.sorted, problemCount: sink.count, committed: committed, run: runID)
        result.notices = notices
        result.resolutions = resolutions
        return result
    }

    /// --source naming no source: a problem of the command line, not of a file.
    static func unknownSourceOption(_ id: String) -> ImportProblem {
        ImportProblem(file: "aikb", line: nil, column: nil, message: "--source: unknown source \"\(id)\"")
    }

    /// Indexes the importers themselves look rows up by, kept through bulk imports:
    /// companies by name (a new organization's name must be free), and a company's
    /// external ids (a Crunchbase organization named like a known company is that
    /// company only if it has no Crunchbase uuid yet: without the index, each such
    /// namesake read every uuid so far, 1,039 s of the 2M-round import's 1,451 s).
    static let importAccessPaths: Set<String> = ["companies_by_name", "company_external_ids_by_company"]

    /// Indexes a kind of file's own lookups use, kept through a bulk import of it: a
    /// round or deal without a file id is found by its natural key, which starts from
    /// its company (supplier); an aikb investors file finds its rounds by company, and
    /// Epoch AI's rounds file a company's rounds to match its own against.
    static func lookupIndexes(of kind: ImportKind, format: FileFormat) -> [String] {
        switch (kind, format) {
        case (.rounds, .aikb), (.investors, .aikb), (.rounds, .epochFundingRounds): ["funding_rounds_by_company"]
        case (.deals, .aikb): ["supply_deals_by_supplier"]
        default: []
        }
    }

    /// 24 MiB (measured: 32 MiB gave a peak of 64.6 MiB on the 1M-round benchmark).
    static let importCacheSize = "-24576"
    /// 8 MiB while an import rebuilds its indexes and closes its run, leaving room for
    /// the sorter, FTS5 and the loop finder.
    static let indexBuildCacheSize = "-8192"
    /// Rows between progress reports: frequent enough for a smooth bar, rare enough to cost nothing.
    static let progressInterval = 4096

    /// What `import_log` records of one file.
    private struct LogRow {
        let summary: FileSummary
        let digest: String
        let source: String?
        let milliseconds: Int
    }

    /// The tables a kind of file writes.
    static func tables(written kind: ImportKind, format: FileFormat = .aikb) -> [String] {
        switch (kind, format) {
        case (.companies, .epochCompanies): ["companies", "company_external_ids", "epoch_companies"]
        case (.companies, _): ["companies", "company_aliases", "company_external_ids"]
        case (.rounds, .epochFundingRounds): ["funding_rounds", "round_sources", "epoch_rounds", "epoch_round_urls", "companies"]
        case (.gpuClusters, _): ["gpu_clusters", "gpu_cluster_parties", "gpu_cluster_urls", "companies"]
        case (.dataCenters, _): ["data_centers", "data_center_parties", "companies"]
        default: [kind.table]
        }
    }

    /// Drops the secondary indexes that serve reports, not the import, from the tables
    /// a bulk import writes, and returns their CREATE statements to run before commit.
    ///
    /// Keeping such an index up to date row by row means a random B-tree insert per
    /// row; building it once at the end is one sort. Unique indexes stay (they detect
    /// the rows that already exist), and so do the `kept` ones the importers look rows
    /// up by. All of it happens inside the import's transaction, so a failed or killed
    /// import leaves the indexes as they were.
    private func dropSecondaryIndexes(of tables: Set<String>, keeping kept: Set<String>) throws -> [String] {
        var statements: [String] = []
        for index in try db.schemaObjects([.index]) where tables.contains(index.table) {
            guard let sql = index.sql, !sql.hasPrefix("CREATE UNIQUE"), !kept.contains(index.name) else { continue }
            try db.execute("DROP INDEX \(SQL.identifier(index.name))")
            statements.append(sql)
        }
        return statements
    }

    /// Opens every file and checks its header; problems go to `sink`.
    private func openAll(_ inputs: [Input], sink: ProblemSink) throws -> [OpenFile] {
        var files: [OpenFile] = []
        for input in inputs {
            let reader: CSVReader
            switch input {
            case .path(let path):
                do {
                    reader = try CSVReader(path: path, options: options.csv)
                } catch let error as CSVFileError {
                    sink.add(ImportProblem(file: path, line: nil, column: nil, message: error.reason))
                    continue
                }
            case .bytes(let name, let bytes):
                reader = CSVReader(bytes: bytes, name: name, options: options.csv)
            }
            let hasher = BackgroundHasher()
            reader.observeRawBytes { hasher.update($0) }
            guard let names = try CSVChecks.header(of: reader, sink: sink, sameName: Header.normalize) else { continue }
            let header = Header(names)
            guard let (kind, format) = decideKind(header, file: reader.name, sink: sink) else { continue }
            files.append(OpenFile(path: reader.name, reader: reader, header: header, kind: kind, format: format, hasher: hasher))
        }
        return files
    }

    /// The kind of a file from `--kind` or its header; reports unknown and missing columns.
    private func decideKind(_ header: Header, file: String, sink: ProblemSink) -> (ImportKind, FileFormat)? {
        if let format = header.epochFormat, let kind = format.kind, options.kind == nil || options.kind == kind {
            let missing = EpochColumns.required(for: format).filter { !header.has($0) }
            if !missing.isEmpty {
                sink.add(
                    ImportProblem(
                        file: file, line: 1, column: nil,
                        message: "missing columns for Epoch AI's \(EpochColumns.fileName(of: format)): \(missing.joined(separator: ", ")) (the importer relies on them)"))
                return nil
            }
            let ignored = EpochColumns.unknown(in: header, for: format)
            if !ignored.isEmpty {
                openingNotices.append(
                    ImportNotice(file: file, message: "columns not imported (unknown to aikb): \(ignored.joined(separator: ", "))"))
            }
            return (kind, format)
        }
        if let kind = options.kind, let format = kind.onlyFormat {
            sink.add(
                ImportProblem(
                    file: file, line: 1, column: nil,
                    message: "the header does not fit a \(kind.rawValue) file (Epoch AI's \(EpochColumns.fileName(of: format)), with the columns \(EpochColumns.required(for: format).joined(separator: ", ")) and more); see docs/import-formats.md"))
            return nil
        }
        if let format = header.crunchbaseFormat, let kind = format.kind, options.kind == nil || options.kind == kind {
            let missing = CrunchbaseColumns.required(for: format).filter { !header.has($0) }
            if !missing.isEmpty {
                sink.add(
                    ImportProblem(
                        file: file, line: 1, column: nil,
                        message: "missing columns for a Crunchbase \(format.rawValue) file: \(missing.joined(separator: ", "))"))
                return nil
            }
            return (kind, format)
        }
        let candidates = (options.kind.map { [$0] } ?? ImportKind.allCases).compactMap(KindSpec.of)
        var best: (kind: ImportKind, missing: [String], unknown: [String])?
        for spec in candidates {
            let kind = spec.kind
            let missing = spec.missing(in: header)
            let unknown = spec.unknown(in: header)
            if missing.isEmpty && unknown.isEmpty { return (kind, .aikb) }
            let score = missing.count + unknown.count
            if best == nil || score < best!.missing.count + best!.unknown.count { best = (kind, missing, unknown) }
        }
        guard let best else { return nil }
        var parts: [String] = []
        if !best.unknown.isEmpty { parts.append("unknown columns: \(best.unknown.joined(separator: ", "))") }
        if !best.missing.isEmpty { parts.append("missing required columns: \(best.missing.joined(separator: ", "))") }
        let what = options.kind != nil ? "a \(best.kind.rawValue) file" : "any kind (closest: \(best.kind.rawValue))"
        sink.add(
            ImportProblem(
                file: file, line: 1, column: nil,
                message: "the header does not fit \(what): \(parts.joined(separator: "; ")); see docs/import-formats.md"
                    + (options.kind == nil ? ", or load the file as a table of its own with --table NAME" : "")))
        return nil
    }

    /// Reads and imports every record of a file.
    private func importRows(
        of file: OpenFile, context: ImportContext, sink: ProblemSink, progress: (Int) -> Void
    ) throws -> FileSummary {
        var summary = FileSummary(file: file.path, kind: file.kind.rawValue, format: file.format.rawValue)
        let row = RowReader(reader: file.reader, header: file.header, sink: sink)
        let importer = try makeImporter(file, context: context)
        let reader = file.reader
        let width = file.header.names.count
        while try reader.nextRecord() {
            summary.read += 1
            row.startRecord()
            if summary.read % Self.progressInterval == 0 { progress(reader.bytesRead) }
            guard CSVChecks.recordIsWhole(reader, width: width, sink: sink) else {
                summary.rejected += 1
                continue
            }
            let outcome: RowOutcome
            do {
                outcome = try importer.importRow(row)
            } catch let error as SQLiteError where Self.rejectsTheRow(error) {
                // A constraint the checks above did not foresee: reject the row, go on.
                sink.add(ImportProblem(file: file.path, line: reader.recordLine, column: 1, message: "rejected by the database: \(error.message)"))
                summary.rejected += 1
                continue
            }
            summary.count(row.rejected ? .rejected : outcome)
        }
        progress(reader.bytesRead)
        try importer.finish(row)
        for outcome in importer.settledOutcomes { summary.count(outcome) }
        return summary
    }

    /// A failure that is about the row's values (a constraint the checks did not
    /// foresee, a type mismatch): the row is rejected and the import goes on.
    static func rejectsTheRow(_ error: SQLiteError) -> Bool {
        switch error.code {
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_RANGE: true
        default: false
        }
    }

    private func makeImporter(_ file: OpenFile, context: ImportContext) throws -> any RowImporter {
        switch (file.format, file.kind) {
        case (.crunchbaseOrganizations, _): try CrunchbaseOrganizationsImporter(context: context, header: file.header)
        case (.crunchbaseFundingRounds, _): try CrunchbaseRoundsImporter(context: context, header: file.header)
        case (.crunchbaseInvestments, _): try CrunchbaseInvestmentsImporter(context: context, header: file.header)
        case (.epochCompanies, _): try EpochCompaniesImporter(context: context, header: file.header)
        case (.epochFundingRounds, _): try EpochRoundsImporter(context: context, header: file.header)
        case (.epochGPUClusters, _): try EpochClustersImporter(context: context, header: file.header)
        case (.epochDataCenters, _): try EpochDataCentersImporter(context: context, header: file.header)
        case (.epochDataCenterTimelines, _): try EpochTimelinesImporter(context: context, header: file.header)
        case (_, .sources): try SourcesImporter(context: context, header: file.header)
        case (_, .companies): try CompaniesImporter(context: context, header: file.header)
        case (_, .rounds): try RoundsImporter(context: context, header: file.header)
        case (_, .investors): try InvestorsImporter(context: context, header: file.header)
        case (_, .deals): try DealsImporter(context: context, header: file.header)
        case (_, .relationships): try RelationshipsImporter(context: context, header: file.header)
        case (_, .claims): try ClaimsImporter(context: context, header: file.header)
        case (.aikb, .gpuClusters), (.aikb, .dataCenters), (.aikb, .dataCenterTimelines):
            throw KnowledgeBaseError(.invalidInput, "\(file.path): \(file.kind.rawValue) files are Epoch AI's only")
        }
    }

    private func writeLog(_ rows: [LogRow], run: Int64) throws {
        let runID = Value.integer(run)
        let insert = try db.prepare(
            """
            INSERT INTO import_log (run_id, file, content_sha256, kind, format, source_id, rows_read, inserted, updated,
                                    unchanged, duration_ms)
            VALUES (:run_id, :file, :sha256, :kind, :format, :source_id, :read, :inserted, :updated, :unchanged, :ms)
            """)
        for row in rows {
            let summary = row.summary
            try insert.execute(binding: [
                "run_id": runID, "file": .text(summary.file), "sha256": .text(row.digest), "kind": .text(summary.kind),
                "format": .text(summary.format), "source_id": row.source.map { .text($0) } ?? .null,
                "read": .integer(Int64(summary.read)), "inserted": .integer(Int64(summary.inserted)),
                "updated": .integer(Int64(summary.updated)), "unchanged": .integer(Int64(summary.unchanged)),
                "ms": .integer(Int64(row.milliseconds)),
            ])
        }
    }
}

extension FileSummary {
    /// Counts one row's outcome (a deferred row is counted when it is settled).
    mutating func count(_ outcome: RowOutcome) {
        switch outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        case .rejected: rejected += 1
        case .deferred: break
        }
    }
}
