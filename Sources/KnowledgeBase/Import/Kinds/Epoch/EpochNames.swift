import SQLite

/// Epoch AI's names in cells (owners, users, suppliers, investors), taken for
/// companies without guessing: a name is a company when it is a company's name or
/// alias (Seeds/epoch-aliases.csv holds Epoch's other spellings: `Meta AI` is Meta);
/// a name several companies share is a problem listing them; a name of
/// `placeholder_names` (Anonymized, Unknown, Cloud) is never a company; any other
/// name becomes a new company where the column names companies (owners), and stays
/// text where it often describes people instead (users: `Researchers in Poland`).
/// Every outcome is tallied for the import summary.
final class EpochNames {
    enum Policy {
        /// A new name becomes a company of this kind.
        case create(kind: String)
        /// A new name is kept as written.
        case linkOnly
    }

    private let context: ImportContext
    private let source: String
    private let placeholders: Set<String>
    /// Lower-cased name → the company (or nil for a placeholder) and how it was found.
    private var known: [String: (id: Int64?, outcome: NameResolution.Outcome)] = [:]
    private var tally: [String: NameResolution] = [:]
    private var order: [String] = []
    private let nameOf: Statement

    init(context: ImportContext, source: String) throws {
        self.context = context
        self.source = source
        placeholders = Set(try context.db.strings("SELECT lower(name) FROM placeholder_names"))
        nameOf = try context.db.prepare("SELECT name FROM companies WHERE id = :id", persistent: true)
    }

    func isPlaceholder(_ name: String) -> Bool { placeholders.contains(name.lowercased()) }

    /// The company `name` is, or nil (a placeholder, a name kept as written, or a
    /// problem: reported at `position`, or at the column of the current row).
    func company(
        _ name: String, column: String, policy: Policy, row: RowReader, at position: (line: Int, column: Int)? = nil
    ) throws -> Int64? {
        let key = name.lowercased()
        if let found = known[key] {
            count(name, column: column, found.outcome, found.id)
            return found.id
        }
        if placeholders.contains(key) {
            known[key] = (nil, .placeholder)
            count(name, column: column, .placeholder, nil)
            return nil
        }
        var outcome = NameResolution.Outcome.name
        var match = try context.companies.matchByNameOnly(name)
        if match == .none {
            match = try context.companies.match(name)
            outcome = .alias
        }
        switch match {
        case .one(let id):
            known[key] = (id, outcome)
            count(name, column: column, outcome, id)
            return id
        case .several(let ids):
            let message =
                "\"\(name)\" names \(ids.count) companies: \(try context.companies.describe(ids)); "
                + "make the name one company's (an alias of one of them only) so that Epoch AI's name is not a guess"
            if let position { row.problem(at: position, column: column, message) } else { row.problem(column, message) }
            return nil
        case .none:
            switch policy {
            case .linkOnly:
                count(name, column: column, .notACompany, nil)
                return nil
            case .create(let kind):
                let id = try context.companies.create(name: name, kind: kind, sourceID: source)
                known[key] = (id, .created)
                count(name, column: column, .created, id)
                return id
            }
        }
    }

    private func count(_ written: String, column: String, _ outcome: NameResolution.Outcome, _ id: Int64?) {
        let key = column + "\u{1}" + written
        if tally[key] != nil {
            tally[key]!.rows += 1
            return
        }
        let name = id.flatMap { id in try? nameOf.firstRow(binding: ["id": .integer(id)]) { $0.string(at: 0) } }
        tally[key] = NameResolution(
            file: context.currentFile?.path ?? "", column: column, written: written, outcome: outcome, companyID: id,
            companyName: name, rows: 1)
        order.append(key)
    }

    /// Hands the file's tally to the run's result.
    func flush() {
        context.resolutions += order.compactMap { tally[$0] }
        tally = [:]
        order = []
    }
}
