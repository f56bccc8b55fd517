/// A company a Crunchbase row names by uuid: found by the uuid, else by its name or
/// alias (then the uuid is linked to it), else created under --create-missing.
func crunchbaseCompany(
    _ row: RowReader, context: ImportContext, uuidColumn: String, nameColumn: String, createAs kind: String,
    unknown what: String, hint: String
) throws -> Int64? {
    guard let uuid = row.requiredBytes(uuidColumn) else { return nil }
    if let id = try context.companies.resolve(scheme: "crunchbase", externalID: uuid) { return id }
    let name = row.string(nameColumn)
    if let name {
        switch try context.companies.matchUnlinked(name, scheme: "crunchbase") {
        case .one(let id):
            _ = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: id)
            return id
        case .several(let ids):
            row.problem(nameColumn, try context.ambiguity(name, ids, idColumn: uuidColumn))
            return nil
        case .none:
            break
        }
    }
    if context.options.createMissing, let name {
        let id = try context.companies.create(name: name, kind: kind, sourceID: try context.source(for: row))
        _ = try context.companies.link(scheme: "crunchbase", externalID: uuid, to: id)
        return id
    }
    row.problem(uuidColumn, "unknown \(what) \(String(decoding: uuid, as: UTF8.self)) (\(name ?? "no name")); \(hint)")
    return nil
}
