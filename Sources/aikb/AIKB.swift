import ArgumentParser
import KnowledgeBase
import Support

#if canImport(Glibc)
import Glibc
#endif

@main
struct AIKB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aikb",
        abstract: "A knowledge base of the AI-compute economy: who funds whom, who buys or leases whose GPUs.",
        discussion: HelpText.reflowed("""
            The database is one SQLite file: --db PATH (before or after the command), else
            $AIKB_DB, else $XDG_DATA_HOME/aikb/aikb.sqlite (~/.local/share/aikb/aikb.sqlite).
            A database that does not exist yet is created and seeded first.
            """),
        version: KnowledgeBase.version,
        subcommands: [
            Init.self, Migrate.self, Import.self, Report.self, SQLCommand.self, Shell.self, SchemaCommand.self,
            FacetsCommand.self, GraphCommand.self, CompanyCommand.self, FindCommand.self, DatasetteCommand.self,
            HistoryCommand.self, ChangesCommand.self, UndoCommand.self,
        ]
    )

    /// Accepts `aikb --db PATH COMMAND ...` as well as `aikb COMMAND ... --db PATH`:
    /// a leading --db is passed on as AIKB_DB, which a later --db still overrides.
    /// Parses and runs the command itself rather than through ArgumentParser's `main`,
    /// so that a usage error is one `aikb:` line like every other error (ArgumentParser
    /// prints `Error: ...` and the usage over several lines), with the exit status the
    /// README gives.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        while let first = arguments.first, first == "--db" || first.hasPrefix("--db=") {
            if first == "--db" {
                guard arguments.count >= 2 else { break }  // let the parser report the missing value
                setenv("AIKB_DB", arguments[1], 1)
                arguments.removeFirst(2)
            } else {
                setenv("AIKB_DB", String(first.dropFirst("--db=".count)), 1)
                arguments.removeFirst()
            }
        }
        if let unknown = unknownCommand(in: arguments) {
            Terminal.error("aikb: " + unknown)
            Glibc.exit(ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)  // the command has said what went wrong
        } catch {
            let code = exitCode(for: error)
            if code == .success {  // --help, --version
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            if code == .validationFailure {
                Terminal.error("aikb: " + usageMessage(message(for: error)) + " (see \(commandPath(arguments)) --help)")
                Glibc.exit(ExitStatus.usage)
            }
            let (message, status) = describe(error)  // a failure outside reportingErrors
            Terminal.error("aikb: " + message)
            Glibc.exit(status)
        }
    }

    /// ArgumentParser's message on one line: "Missing expected argument '<name>'" and
    /// its "Help:" line joined, with no "Error:" and no usage.
    static func usageMessage(_ message: String) -> String {
        var parts: [String] = []
        // A value outside an option's choices: ArgumentParser lists them one per line.
        var choices: [String] = []
        for line in message.split(separator: "\n") {
            var text = String(line.trimmingSpaces())
            if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
            if text.hasPrefix("Usage:") || text.hasPrefix("See '") { break }
            if text.hasPrefix("- ") {
                choices.append(String(text.dropFirst(2)))
                continue
            }
            if let list = text.firstRange(of: " Please provide one of ") {
                let named = text[list.upperBound...]
                if !named.hasPrefix("the following") {
                    var inline = named.filter { $0 != "'" }
                    if inline.hasSuffix(".") { inline.removeLast() }
                    choices.append(inline)
                }
                text = String(text[..<list.lowerBound])
                if text.hasSuffix(".") { text.removeLast() }
            }
            if text.hasPrefix("Help:") {
                text = "expected " + text.dropFirst("Help:".count).split(separator: " ", omittingEmptySubsequences: true)
                    .joined(separator: " ")
            }
            if !text.isEmpty { parts.append(text) }
        }
        guard var first = parts.first else { return "bad usage" }
        if let letter = first.first, letter.isUppercase, first.dropFirst().first?.isLowercase == true {
            first = letter.lowercased() + first.dropFirst()
        }
        if !choices.isEmpty { parts.append("expected " + choices.joined(separator: ", ")) }
        return ([first] + parts.dropFirst()).joined(separator: "; ")
    }

    /// The command the arguments name, for the hint to its --help: "aikb report run".
    static func commandPath(_ arguments: [String]) -> String {
        var command: any ParsableCommand.Type = AIKB.self
        var path = ["aikb"]
        for argument in arguments where !argument.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            command = sub
            path.append(argument)
        }
        return path.joined(separator: " ")
    }

    /// "unknown command 'repor'; did you mean report?" when the first argument that is
    /// not an option names no command (ArgumentParser would say "Unexpected argument").
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        return "unknown command '\(first)'" + Suggestions.hint(for: first, among: names) + " (see aikb --help)"
    }
}
