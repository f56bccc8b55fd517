import Foundation
import PackagePlugin

/// Embeds `Migrations/*.sql` and `Seeds/**/*.csv` into the target it is applied to,
/// as `EmbeddedFiles.migrations` and `EmbeddedFiles.seeds`, sorted by path.
///
/// SwiftPM asks for the command once, when it plans the build, and plans again only
/// when the files of a target's folder come or go (Package.swift aside). So this
/// folder holds two symbolic links, `Migrations` and `Seeds`, to the folders at the
/// top: a file added to either then makes SwiftPM plan again, and the file is an
/// input from then on. Without them, a migration added after the plan was embedded
/// once (its folder's modification time ran the command) and every later edit of it
/// that did not replace the file was left out of the binary.
/// The tool lists the folders itself when it runs, and the folders are inputs of the
/// command as well as their files.
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
