import SQLite

/// Epoch AI's three data sets, each a source (kind dataset) that names Epoch AI,
/// the data set, its URL and the licence, as CC BY 4.0 requires of anything that
/// ships or prints their rows. Created by the first import that needs one; an
/// existing row is left as it is (its notes may have been edited).
enum EpochDataset: String, CaseIterable {
    case gpuClusters = "epoch-gpu-clusters"
    case aiCompanies = "epoch-ai-companies"
    case dataCenters = "epoch-data-centers"

    var title: String {
        switch self {
        case .gpuClusters: "Data on GPU Clusters"
        case .aiCompanies: "Data on AI Companies"
        case .dataCenters: "Frontier Data Centers"
        }
    }

    var url: String {
        switch self {
        case .gpuClusters: "https://epoch.ai/data/gpu-clusters"
        case .aiCompanies: "https://epoch.ai/data/ai-companies"
        case .dataCenters: "https://epoch.ai/data/data-centers"
        }
    }

    static let licence =
        "Licence: Creative Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/): "
        + "free to use, distribute and reproduce provided the source and authors are credited."

    /// The citation Epoch AI asks for, and the licence.
    var notes: String {
        "Epoch AI, '\(title)'. Published online at epoch.ai. Retrieved from \(url). \(Self.licence) "
            + "Imported as Epoch AI publishes it; aikb's own rows for it are described in docs/import-formats.md."
    }

    /// The source of every row of the current file: this data set.
    func source(in context: ImportContext) throws -> String {
        if !context.knownSources.contains(rawValue) {
            try context.db.execute(
                """
                INSERT INTO sources (id, title, publisher, author, url, kind, reliability, notes, created_run)
                VALUES (:id, :title, 'Epoch AI', 'Epoch AI', :url, 'dataset', 'high', :notes, :created_run)
                ON CONFLICT (id) DO NOTHING
                """,
                binding: [
                    "id": .text(rawValue), "title": .text(title), "url": .text(url), "notes": .text(notes),
                    "created_run": .integer(context.run),
                ])
            context.sourceImported(rawValue)
        }
        context.useFileWideSource(rawValue)
        return rawValue
    }
}
