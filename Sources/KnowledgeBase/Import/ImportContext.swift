import SQLite
import Support

/// What every file of one import run shares: the connection, options, company
/// lookups, the vocabularies read from the database, and the sources known so far.
final class ImportContext {
    let db: Database
    let options: ImportOptions
    let companies: CompanyResolver
    let roundTypes: Set<String>
    let dealKinds: Set<String>
    let relationshipKinds: Set<String>
    let sectors: Set<String>
    private(set) var knownSources: Set<String>
    private let createFileSource: Statement
    /// The file being imported and the source created for it, if one was needed.
    private(set) var currentFile: (path: String, sourceID: String?)?

    /// Crunchbase uuids of investors, in bulk imports only (nil otherwise).
    let crunchbaseInvestors: UUIDCache?

    /// The run this import's changes are recorded with.
    let run: Int64

    /// Remarks on the files that stop nothing (links naming no row, for one).
    private(set) var notices: [ImportNotice] = []
    /// How third-party files' names were taken, file by file.
    var resolutions: [NameResolution] = []
    /// The source a file's rows all have without naming it (Epoch AI's data sets),
    /// for import_log.
    private var fileWideSource: String?

    init(db: Database, options: ImportOptions, run: Int64, bulk: Bool = false) throws {
        self.db = db
        self.options = options
        self.run = run
        crunchbaseInvestors = bulk ? UUIDCache() : nil
        companies = try CompanyResolver(db: db, run: run)
        func words(_ sql: String) throws -> Set<String> { Set(try db.strings(sql)) }
        roundTypes = try words("SELECT id FROM round_types")
        dealKinds = try words("SELECT id FROM deal_kinds")
        relationshipKinds = try words("SELECT id FROM relationship_kinds")
        sectors = try words("SELECT id FROM sectors")
        knownSources = try words("SELECT id FROM sources")
        createFileSource = try db.prepare(
            """
            INSERT INTO sources (id, title, kind, notes, created_run)
            VALUES (:id, :title, 'dataset', 'Created by aikb import for the file itself', :created_run)
            ON CONFLICT (id) DO NOTHING
            """)
    }

    func startFile(_ path: String) {
        currentFile = (path, nil)
        fileWideSource = nil
    }

    /// Records a remark about the current file.
    func notice(_ message: String) {
        notices.append(ImportNotice(file: currentFile?.path ?? "", message: message))
    }

    /// Makes `id` the source of every row of the current file (import_log records it).
    func useFileWideSource(_ id: String) { fileWideSource = id }
    func sourceImported(_ id: String) { knownSources.insert(id) }

    /// The id of the source a file gets when its rows name none: `file:NAME`.
    static func fileSourceID(for path: String) -> String { "file:" + FileSystem.baseName(of: path) }

    /// The source of a fact row: its `source_id`, else `--source`, else a source
    /// for the file itself. nil (and a problem) when the id is unknown.
    func source(for row: RowReader) throws -> String? {
        if let id = row.string("source_id") {
            guard knownSources.contains(id) else {
                row.problem(
                    "source_id",
                    "unknown source \"\(id)\" (import it in a sources file first, in this run or before)"
                        + Suggestions.hint(for: id, among: Array(knownSources)))
                return nil
            }
            return id
        }
        // An unknown --source is reported once for the whole run, not per row.
        if let id = options.sourceID { return knownSources.contains(id) ? id : nil }
        return try fileSource()
    }

    /// True when `source(for:)` would not create the file's own source for this row:
    /// the row or `--source` names one, or it exists already.
    func sourceExists(for row: RowReader) -> Bool {
        !row.isBlank("source_id") || options.sourceID != nil || currentFile?.sourceID != nil
    }

    /// The source a row names (its `source_id`, else `--source`), without creating
    /// one for the file: for companies, which are not facts and may have no source.
    func namedSource(for row: RowReader) throws -> String? {
        if row.string("source_id") != nil {
            return try source(for: row)
        }
        return options.sourceID.flatMap { knownSources.contains($0) ? $0 : nil }
    }

    private func fileSource() throws -> String {
        guard let file = currentFile else { return "file:unknown" }
        if let id = file.sourceID { return id }
        let id = ImportContext.fileSourceID(for: file.path)
        try createFileSource.execute(binding: [
            "id": .text(id), "title": .text(FileSystem.baseName(of: file.path)), "created_run": .integer(run),
        ])
        knownSources.insert(id)
        currentFile = (file.path, id)
        return id
    }

    /// Records the file's content hash on the source created for it; returns that
    /// source's id, if the file needed one.
    func finishFile(sha256: String) throws -> String? {
        if let id = fileWideSource { return id }
        guard let id = currentFile?.sourceID else { return nil }
        try db.execute(
            "UPDATE sources SET content_sha256 = :sha256 WHERE id = :id", binding: ["sha256": .text(sha256), "id": .text(id)])
        return id
    }

    /// A company named in a column: by its id column (`company_id` beside
    /// `company`: aikb's id or `scheme:external_id`) when the file has one and it is
    /// filled, else by name or alias; created with `kind` under `--create-missing`;
    /// else nil and a problem naming the closest companies. A name several companies
    /// share is a problem listing them, never a guess.
    func company(_ column: String, in row: RowReader, createAs kind: String, required: Bool = true) throws -> Int64? {
        let idColumn = Self.idColumn(for: column)
        if let reference = row.string(idColumn) {
            if let id = try companies.resolve(reference: reference) { return id }
            row.problem(
                idColumn,
                "no company has the id \"\(reference)\" (expected aikb's id, a number, or scheme:id such as crunchbase:UUID)")
            return nil
        }
        guard let name = row.bytes(column), !name.isEmpty else {
            if required { row.missing(column) }
            return nil
        }
        let text = String(decoding: name, as: UTF8.self)
        switch try companies.match(name) {
        case .one(let id):
            return id
        case .several(let ids):
            row.problem(column, try ambiguity(text, ids, idColumn: idColumn))
            return nil
        case .none:
            break
        }
        if options.createMissing {
            return try companies.create(name: text, kind: kind, sourceID: try source(for: row))
        }
        row.problem(
            column,
            "unknown company \"\(text)\" (not a name or alias in companies; import it first or use --create-missing)"
                + (try companies.hint(for: text)))
        return nil
    }

    /// The message for a name several companies share.
    func ambiguity(_ name: String, _ ids: [Int64], idColumn: String) throws -> String {
        "\"\(name)\" names \(ids.count == CompanyResolver.candidatesLooked ? "\(ids.count) or more" : String(ids.count)) companies: "
            + (try companies.describe(ids)) + "; say which in a \(idColumn) column (its id, or crunchbase:UUID)"
    }

    /// The id column that may stand beside a company column: `company` → `company_id`.
    static func idColumn(for column: String) -> String { column + "_id" }
}
