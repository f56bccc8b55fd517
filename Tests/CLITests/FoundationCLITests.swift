import Foundation
import Testing

/// The CLI of the foundation: init, migrate, --db and AIKB_DB, errors and exit statuses.
@Suite struct FoundationCLITests {
    @Test func versionAndHelp() throws {
        let version = try aikb("--version")
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        for command in [["--help"], ["init", "--help"], ["migrate", "--help"], ["import", "--help"]] {
            let help = try run(aikbBinary, command)
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("USAGE"), "\(command)")
        }
    }

    /// Every command's help reads as paragraphs filled to the width (79 characters a
    /// line when stdout is no terminal, ArgumentParser's 80 columns): no line of a paragraph ends where the next line's first
    /// word would still have fitted, as each did when the source's own line breaks
    /// reached the output (HelpText). Indented lines (examples) keep their own lines.
    @Test func everyCommandsHelpIsFilledToTheWidth() throws {
        let top = try run(aikbBinary, ["--help"]).stdout
        let commands = top.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .compactMap { line in
                line.hasPrefix("  ") && line.dropFirst(2).first?.isLowercase == true ? line.split(separator: " ").first.map { [String($0)] } : nil
            } ?? []
        #expect(commands.count >= 15, "\(top)")
        let report = ["list", "show", "run", "refresh", "save", "drop"].map { ["report", $0] }
        var paragraphs = 0
        for command in [[]] + commands + report {
            let help = try run(aikbBinary, command + ["--help"])
            #expect(help.status == 0, "\(command)")
            let lines = help.stdout.components(separatedBy: "USAGE:").first?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
            for line in lines {
                #expect(line.count <= 79, "aikb \(command.joined(separator: " ")): \(line)")
            }
            for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
                guard line.first != " ", next.first != " ", !next.hasPrefix("- ") else { continue }
                paragraphs += 1
                let word = next.prefix { $0 != " " }
                #expect(line.count + 1 + word.count > 79, "aikb \(command.joined(separator: " ")): \"\(line)\" then \"\(next)\"")
            }
        }
        #expect(paragraphs > 50)
    }

    /// Every command states its name: without one, ArgumentParser derives it through
    /// String(describing:), a scan of every protocol conformance in the static binary per
    /// command at every start (more than half of `aikb --version`'s CPU time). A source
    /// check, since the cost is only time.
    @Test func everyCommandStatesItsName() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/aikb")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var configurations = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            var rest = text[...]
            while let found = rest.range(of: "CommandConfiguration(") {
                configurations += 1
                let opening = rest[found.upperBound...].prefix(200)
                #expect(opening.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("commandName:"),
                        "\(file.lastPathComponent): a CommandConfiguration without commandName")
                rest = rest[found.upperBound...]
            }
        }
        #expect(configurations >= 20)
        // The names the README gives still parse.
        for command in ["init", "migrate", "import", "report", "shell"] {
            #expect(try run(aikbBinary, [command, "--help"]).status == 0, "\(command)")
        }
        for command in ["list", "show", "run", "refresh", "save", "drop"] {
            #expect(try run(aikbBinary, ["report", command, "--help"]).status == 0, "report \(command)")
        }
    }

    @Test func initCreatesAMigratedDatabaseThatSQLiteSees() throws {
        let directory = temporaryDirectory()
        let path = directory + "/kb.sqlite"
        let created = try aikb("init", db: path)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("created \(path)"))
        let tables = try sqlite3(path, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name)")
        for table in ["companies", "funding_rounds", "round_investors", "supply_deals", "schema_migrations", "sources"] {
            #expect(tables.stdout.contains(table), "\(table)")
        }
        let again = try aikb("init", db: path)
        #expect(again.status == 0)
        #expect(!again.stderr.contains("created"))
    }

    @Test func dbComesFromTheFlagBeforeOrAfterTheCommandOrTheEnvironment() throws {
        let directory = temporaryDirectory()
        #expect(try aikb("--db", directory + "/a.sqlite", "init").status == 0)
        #expect(try aikb("init", "--db", directory + "/b.sqlite").status == 0)
        let fromEnvironment = try run(aikbBinary, ["init"], environment: ["AIKB_DB": directory + "/c.sqlite"])
        #expect(fromEnvironment.status == 0)
        // The flag wins over the environment.
        let both = try run(aikbBinary, ["init", "--db", directory + "/d.sqlite"], environment: ["AIKB_DB": directory + "/e.sqlite"])
        #expect(both.status == 0)
        for name in ["a", "b", "c", "d"] {
            #expect(FileManager.default.fileExists(atPath: directory + "/\(name).sqlite"), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/e.sqlite"))
        // The default lives under XDG_DATA_HOME, its folders created.
        let home = try run(aikbBinary, ["init"], environment: ["XDG_DATA_HOME": directory + "/xdg"])
        #expect(home.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/xdg/aikb/aikb.sqlite"))
    }

    @Test func migrateStatusListsAppliedMigrations() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        let status = try aikb("migrate", "--status", db: path)
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("0001_knowledge_base.sql\tapplied\t"))
        let migrate = try aikb("migrate", db: path)
        #expect(migrate.status == 0)
        #expect(migrate.stderr.contains("up to date"))
    }

    @Test func aDatabaseFromANewerAikbIsRefusedAndUntouched() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        _ = try sqlite3(path, "INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x', '2030-01-01T00:00:00Z')")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try aikb("migrate", db: path)
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("newer than this aikb knows"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func badPathsGetTheirOwnMessages() throws {
        let directory = temporaryDirectory()
        let missingFolder = try aikb("init", db: directory + "/no/such/folder/kb.sqlite")
        #expect(missingFolder.status == 73)
        #expect(missingFolder.stderr == "aikb: \(directory)/no/such/folder/kb.sqlite: cannot create the database: folder \(directory)/no/such/folder does not exist\n")

        write(String(repeating: "not a database\n", count: 200), to: directory + "/text.sqlite")
        let notADatabase = try aikb("migrate", "--status", db: directory + "/text.sqlite")
        #expect(notADatabase.status == 66)
        #expect(notADatabase.stderr == "aikb: \(directory)/text.sqlite: not an SQLite database (the file's header is wrong)\n")

        let folder = try aikb("init", db: directory)
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("is a folder, not a database file"))
    }

    @Test func aReadOnlyFileIsRefusedForWritingButReadable() throws {
        let directory = temporaryDirectory()
        let path = directory + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory)
        // root ignores file permissions: run as nobody then, from a copy of the binary
        // nobody can reach (the build folder may sit in a private home).
        let binary = directory + "/aikb"
        try FileManager.default.copyItem(atPath: aikbBinary, toPath: binary)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary)
        func asUser(_ arguments: [String]) throws -> Run {
            isRoot
                ? try run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments)
                : try run(binary, arguments)
        }
        let write = try asUser(["import", "--db", path, "/dev/null"])
        #expect(write.status == 77)
        #expect(write.stderr == "aikb: \(path): the database file is read-only (check its permissions, or those of its folder)\n")
        let read = try asUser(["migrate", "--status", "--db", path])
        #expect(read.status == 0, "\(read.stderr)")
    }

    @Test func theBinaryWorksAloneFromAnotherDirectory() throws {
        let directory = temporaryDirectory()
        let lonely = directory + "/bin/aikb"
        try FileManager.default.createDirectory(atPath: directory + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: aikbBinary, toPath: lonely)
        let elsewhere = directory + "/work"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let created = try run(lonely, ["init", "--db", "kb.sqlite"], in: elsewhere)
        #expect(created.status == 0, "\(created.stderr)")
        let status = try run(lonely, ["migrate", "--status", "--db", "kb.sqlite"], in: elsewhere)
        #expect(status.stdout.contains("0001_knowledge_base.sql\tapplied"))
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/kb.sqlite"))
    }

    @Test func usageErrorsExitWith64() throws {
        let unknown = try aikb("frobnicate")
        #expect(unknown.status == 64)
        let badFlag = try aikb("init", "--nope")
        #expect(badFlag.status == 64)
    }

    /// A negative number is a value, checked like any other, not a missing one
    /// ("missing value for '--limit <n>'" was the message for --limit -1).
    @Test func negativeNumbersAreCheckedValues() throws {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        let cases: [([String], Int32, String)] = [
            (["report", "run", "nvidia_rounds", "--limit", "-1"], 64, "aikb: --limit must be 0 or more (see aikb report run --help)\n"),
            (["report", "run", "nvidia_rounds", "--timeout", "-1"], 64, "aikb: --timeout must be 0 or more (see aikb report run --help)\n"),
            (["find", "nvidia", "--limit", "-5"], 64, "aikb: --limit must be at least 1 (see aikb find --help)\n"),
            (["facets", "companies", "kind", "--limit", "0"], 64, "aikb: --limit must be at least 1 (see aikb facets --help)\n"),
            (["graph", "--top", "-3"], 64, "aikb: --top must be 0 (every edge) or more (see aikb graph --help)\n"),
            (["graph", "--depth", "0"], 64, "aikb: --depth must be at least 1 (see aikb graph --help)\n"),
            (["graph", "--since", "2025-13"], 64,
             "aikb: --since 2025-13: expected a date (YYYY-MM-DD, YYYY-MM or YYYY) (see aikb graph --help)\n"),
            (["changes", "--since", "-1"], 64, "aikb: --since -1: a run id is 1 or more (see aikb changes --help)\n"),
            (["changes", "--since", "2025-13-01"], 64,
             "aikb: --since 2025-13-01: expected a run id or a real ISO date or time (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ) (see aikb changes --help)\n"),
            (["changes", "--since", "2025-02-30"], 64,
             "aikb: --since 2025-02-30: expected a run id or a real ISO date or time (YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ) (see aikb changes --help)\n"),
        ]
        for (arguments, status, message) in cases {
            let result = try run(aikbBinary, ["--db", path] + arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr == message, "\(arguments)")
        }
        #expect(try aikb("changes", "--since", "2026-01-01T00:00:00Z", db: path).status == 0)
        #expect(try aikb("report", "run", "nvidia_rounds", "--limit", "2", "--format", "csv", db: path).stdout.split(separator: "\n").count == 3)
    }
}
