import Foundation
import PackagePlugin

/// Embeds `Migrations/*.sql` and `Seeds/*.csv` into the target it is applied to,
/// as `EmbeddedFiles.migrations` and `EmbeddedFiles.seeds`, sorted by file name.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        var arguments: [String] = []
        for (folder, group, suffix) in [("Migrations", "migrations", ".sql"), ("Seeds", "seeds", ".csv")] {
            let directory = root.appending(path: folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(suffix) {
                let file = directory.appending(path: name)
                inputs.append(file)
                arguments.append("\(group)=\(file.path)")
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files from Migrations/ and Seeds/",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path] + arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
