import Foundation
import Testing
import TestScratch

/// The `aikb` binary `swift test` built beside this test bundle.
let aikbBinary: String = {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return executable.deletingLastPathComponent().appendingPathComponent("aikb").path
}()

struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program to completion, feeding `input` on stdin.
@discardableResult
func run(
    _ executable: String = aikbBinary, _ arguments: [String], in directory: String? = nil,
    environment: [String: String] = [:], input: String? = nil
) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    env["AIKB_DB"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a chatty process cannot block on a full pipe.
    nonisolated(unsafe) var errData = Data()
    let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
    errReader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errReader.isFinished { usleep(1000) }
    return Run(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

func aikb(_ arguments: String..., in directory: String? = nil, db: String? = nil, input: String? = nil) throws -> Run {
    try run(aikbBinary, (db.map { ["--db", $0] } ?? []) + arguments, in: directory, input: input)
}

func temporaryDirectory() -> String { Scratch.directory("cli-") }

func write(_ text: String, to path: String) {
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

/// Runs `sqlite3` (the real CLI) on a database.
/// The real `sqlite3` CLI. With a busy timeout like aikb's own: the first connection
/// to a WAL database whose last one has closed rebuilds the shared-memory index under
/// a lock, and a reader opening at that moment would otherwise fail at once with
/// "database is locked" (seen as an empty result in a parallel test run).
func sqlite3(_ path: String, _ sql: String, _ options: [String] = []) throws -> Run {
    try run("/usr/bin/sqlite3", ["-cmd", ".timeout 5000"] + options + [path, sql])
}

var isRoot: Bool { getuid() == 0 }
