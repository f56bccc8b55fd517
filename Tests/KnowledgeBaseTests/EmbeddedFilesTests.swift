import Foundation
import KnowledgeBase
import Testing

/// The build embeds Migrations/ and Seeds/ as they are in the tree, however they came
/// to be there: a file added after SwiftPM planned the build and then edited in place
/// was once embedded as it was when added.
@Suite struct EmbeddedFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The files under `folder` whose names end in `suffix`, by path relative to it, with their text.
    static func files(in folder: String, endingIn suffix: String) throws -> [String: String] {
        let directory = root.appending(path: folder)
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: directory.path))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(suffix) else { continue }
            files[relative] = try String(contentsOf: directory.appending(path: relative), encoding: .utf8)
        }
        return files
    }

    /// The names of the files that differ between the tree and the binary: missing from
    /// either, or with other text (names only: a whole migration would drown the message).
    static func differences(_ embedded: [EmbeddedFile], _ tree: [String: String]) -> [String] {
        let built = Dictionary(uniqueKeysWithValues: embedded.map { ($0.name, $0.contents) })
        return Set(built.keys).union(tree.keys).sorted().filter { built[$0] != tree[$0] }.map { name in
            built[name] == nil ? name + " (not embedded)" : tree[name] == nil ? name + " (not in the tree)" : name + " (other text)"
        }
    }

    @Test func theMigrationsAreTheTreesMigrations() throws {
        let tree = try Self.files(in: "Migrations", endingIn: ".sql")
        #expect(!tree.isEmpty)
        #expect(Self.differences(EmbeddedFiles.migrations, tree) == [])
    }

    @Test func theSeedsAreTheTreesSeeds() throws {
        let tree = try Self.files(in: "Seeds", endingIn: ".csv")
        #expect(tree.keys.contains("epoch/gpu_clusters.csv"))
        #expect(Self.differences(EmbeddedFiles.seeds, tree) == [])
    }

    /// What makes SwiftPM plan the build again when a file is added to either folder
    /// (Plugins/EmbedFiles/plugin.swift says why): links in the plugin's own folder.
    @Test func thePluginsFolderLinksToBothFolders() throws {
        for folder in ["Migrations", "Seeds"] {
            let link = Self.root.appending(path: "Plugins/EmbedFiles/\(folder)").path
            let target = try FileManager.default.destinationOfSymbolicLink(atPath: link)
            #expect(URL(fileURLWithPath: link).resolvingSymlinksInPath().path == Self.root.appending(path: folder).path,
                    "\(link) -> \(target)")
        }
    }
}
