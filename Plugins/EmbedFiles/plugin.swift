import Foundation
import PackagePlugin

/// Embeds `Migrations/*.sql` and `Seeds/**/*.csv` into the target it is applied to,
/// as `EmbeddedFiles.migrations` and `EmbeddedFiles.seeds`, sorted by path.
///
/// The tool lists the folders itself when it runs, and the folders are inputs of
/// the command as well as their files: SwiftPM plans plugin commands once, so a
/// file list made here would miss a migration added after the plan (its folder's
/// modification time is what makes the command run again).
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        var arguments: [String] = []
        for (folder, group, suffix) in [("Migrations", "migrations", ".sql"), ("Seeds", "seeds", ".csv")] {
            let directory = root.appending(path: folder)
            arguments.append("\(group)=\(directory.path)=\(suffix)")
            inputs.append(directory)
            let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isDirectoryKey])
            while let url = enumerator?.nextObject() as? URL {
                let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
                if isDirectory || url.lastPathComponent.hasSuffix(suffix) { inputs.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding Migrations/ and Seeds/",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path] + arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
