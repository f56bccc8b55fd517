import Foundation
import Testing

/// aikb shell through a pipe and through a real pseudo-terminal: line editing and
/// history from editline loaded at run time, the plain fallback where it cannot be
/// loaded, Ctrl-C, Ctrl-D and Tab.
@Suite struct ShellCLITests {
    func seeded() throws -> String {
        let path = temporaryDirectory() + "/kb.sqlite"
        #expect(try aikb("init", db: path).status == 0)
        return path
    }

    @Test func shellThroughAPipe() throws {
        let path = try seeded()
        let result = try aikb("shell", db: path, input: ".tables\n.format csv\nSELECT name\n  FROM companies\n WHERE name = 'NVIDIA';\n.bogus\n")
        #expect(result.stdout.contains("circular_financing,report"))
        #expect(result.stdout.contains("name\nNVIDIA\n"))
        #expect(result.stderr.contains("unknown command .bogus"))
        #expect(result.status == 65)  // a failed command in a script is reported by the exit status
        let clean = try aikb("shell", db: path, input: "SELECT 1 AS one;\n")
        #expect(clean.status == 0)
        let refused = try aikb("shell", db: path, input: "DELETE FROM companies;\n")
        #expect(refused.stderr.contains("this statement writes (DELETE FROM companies)"))
        // The refusal names the shell's own rule, not a flag the shell does not have.
        #expect(refused.stderr.contains("aikb shell is read-only"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("unless you add --write"), "\(refused.stderr)")
    }

    /// The shell's tables fit the terminal as `aikb sql`'s do: its width (here from
    /// $COLUMNS: a fresh pseudo-terminal has no size), columns that do not fit named below.
    @Test func tablesFitTheTerminal() throws {
        let path = try seeded()
        let run = try runInTerminal(
            ["shell", "--db", path, "--format", "table"], history: temporaryDirectory() + "/history",
            keys: ["SELECT * FROM companies LIMIT 3;\r", ".mode line\r", "SELECT name FROM companies WHERE id = 1;\r", "\u{04}"],
            environment: ["COLUMNS": "70"])
        let lines = run.output.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(run.output.contains("columns not shown:"), "\(run.output)")
        for line in lines where !line.contains("aikb shell on") {
            #expect(line.count <= 70, "\(line)")
        }
        #expect(run.output.contains("name = NVIDIA"), ".mode line: \(run.output)")
    }

    @Test func lineEditingAndHistoryAcrossRuns() throws {
        let path = try seeded()
        let history = temporaryDirectory() + "/history"
        let first = try runInTerminal(["shell", "--db", path, "--format", "csv"], history: history, keys: [
            "SELECT 40 +\r", "2 AS answer;\r", ".quit\r",
        ])
        #expect(!first.output.contains("line editing and history are off"), "\(first.output)")
        #expect(first.output.contains("aikb> "), "\(first.output)")
        #expect(first.output.contains("...> "), "\(first.output)")
        #expect(first.output.contains("answer"), "\(first.output)")
        #expect(first.output.contains("42"), "\(first.output)")
        #expect((try? String(contentsOfFile: history, encoding: .utf8))?.contains("answer") == true)
        // Up-arrow brings the statement back in a new session; Enter runs it again.
        let second = try runInTerminal(["shell", "--db", path, "--format", "csv"], history: history, keys: ["\u{1B}[A", "\r", ".quit\r"])
        #expect(second.output.components(separatedBy: "42").count >= 2, "\(second.output)")
    }

    /// Ctrl-C at an empty prompt and in a half-typed statement clears the line: the
    /// shell goes on, and the fragment never runs. Ctrl-D on an empty line quits, 0.
    @Test(arguments: [false, true]) func controlCClearsTheLineAndControlDQuits(withoutEditline: Bool) throws {
        let path = try seeded()
        let run = try runInTerminal(
            ["shell", "--db", path, "--format", "csv"], history: temporaryDirectory() + "/history",
            keys: ["\u{03}", "SELECT 'fragment' AS never\r", "\u{03}", "SELECT 'after' AS shown;\r", "\u{04}"],
            environment: withoutEditline ? ["AIKB_EDITLINE": "/nonexistent/libedit.so.2"] : [:])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("shown\r\nafter"), "\(run.output)")
        #expect(!run.output.contains("never\r\nfragment"), "the half-typed statement ran: \(run.output)")
        #expect(!run.output.contains("syntax error"), "\(run.output)")
        #expect(run.output.contains("line editing and history are off") == withoutEditline, "\(run.output)")
    }

    /// Without editline the shell still works at a terminal, and says once why editing is off.
    @Test func fallsBackToPlainLinesWhenEditlineCannotBeLoaded() throws {
        let path = try seeded()
        let run = try runInTerminal(
            ["shell", "--db", path, "--format", "csv"], history: temporaryDirectory() + "/history",
            keys: ["SELECT 6 * 7 AS answer;\r", ".quit\r"], environment: ["AIKB_EDITLINE": "/nonexistent/libedit.so.2"])
        #expect(run.output.components(separatedBy: "line editing and history are off").count == 2, "\(run.output)")
        #expect(run.output.contains("/nonexistent/libedit.so.2"), "\(run.output)")
        #expect(run.output.contains("answer\r\n42"), "\(run.output)")
        #expect(run.status == 0)
    }

    /// Tab completes dot-commands, table names after FROM, and table.column.
    @Test func tabCompletesCommandsTablesAndColumns() throws {
        let path = try seeded()
        let run = try runInTerminal(
            ["shell", "--db", path, "--format", "csv"], history: temporaryDirectory() + "/history",
            keys: [".tab\t\r", "SELECT count(*) AS n FROM funding_r\t;\r", "SELECT companies.cou\t FROM companies WHERE name = 'NVIDIA';\r", ".quit\r"])
        #expect(run.output.contains("circular_financing,report"), "\(run.output)")  // .tables ran
        #expect(run.output.contains("n\r\n"), "\(run.output)")
        #expect(!run.output.contains("no such table"), "\(run.output)")
        #expect(run.output.contains("country_code\r\nUSA"), "\(run.output)")
    }

    struct TerminalRun {
        let output: String
        let status: Int32
    }

    /// Runs aikb on a pseudo-terminal (Python's pty module), typing `keys` one entry
    /// at a time, and returns what the terminal showed and the exit status.
    func runInTerminal(
        _ arguments: [String], history: String, keys: [String], environment extra: [String: String] = [:]
    ) throws -> TerminalRun {
        let script = """
            import os, pty, select, sys, time, json
            keys = json.loads(sys.argv[1])
            command = sys.argv[2:]
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(command[0], command)
            out = b""
            def drain(seconds):
                global out
                end = time.time() + seconds
                while time.time() < end:
                    ready, _, _ = select.select([fd], [], [], 0.05)
                    if ready:
                        try:
                            chunk = os.read(fd, 4096)
                        except OSError:
                            return
                        if not chunk:
                            return
                        out += chunk
            drain(1.0)
            for key in keys:
                os.write(fd, key.encode())
                drain(0.7)
            _, status = os.waitpid(pid, 0)
            drain(0.2)
            sys.stdout.write(out.decode("utf-8", "replace"))
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        let keysJSON = String(decoding: try JSONSerialization.data(withJSONObject: keys), as: UTF8.self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, keysJSON, aikbBinary] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["AIKB_HISTORY"] = history
        environment["TERM"] = "xterm"
        environment["AIKB_DB"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TerminalRun(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }
}
