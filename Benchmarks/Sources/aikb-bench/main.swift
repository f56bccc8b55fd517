#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// aikb-bench: inserts N rows in one transaction through a reused prepared statement,
// then reads them all back, with the raw C API, the SQLite wrapper and GRDB,
// interleaved in rounds on fresh database files. See ../README.md.

struct Options {
    var rows = 1_000_000
    var rounds = 7
    var warmup = 1
    var directory: String?
    var only: [String] = []
    /// A job during which other processes used more than this share of a CPU is redone.
    var busyThreshold = 0.15
    var attempts = 4
    var maxWait = 180.0

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        func value(_ flag: String) -> String {
            guard let value = iterator.next() else { usage("\(flag) needs a value") }
            return value
        }
        func fraction(_ flag: String) -> Double {
            guard let number = Double(value(flag)) else { usage("\(flag) needs a number") }
            return number
        }
        func integer(_ flag: String) -> Int {
            guard let number = Int(value(flag).replacingUnderscores) else { usage("\(flag) needs a number") }
            return number
        }
        while let argument = iterator.next() {
            switch argument {
            case "--rows": options.rows = integer(argument)
            case "--rounds": options.rounds = integer(argument)
            case "--warmup": options.warmup = integer(argument)
            case "--dir": options.directory = value(argument)
            case "--only": options.only.append(value(argument))
            case "--busy-threshold": options.busyThreshold = fraction(argument)
            case "--attempts": options.attempts = max(1, integer(argument))
            case "--max-wait": options.maxWait = Double(integer(argument))
            case "-h", "--help": usage(nil)
            default: usage("unknown argument \(argument)")
            }
        }
        guard options.rows > 0, options.rounds > 0, options.warmup >= 0 else { usage("counts must be positive") }
        return options
    }

    static func usage(_ problem: String?) -> Never {
        if let problem { print("aikb-bench: \(problem)") }
        print("""
            usage: aikb-bench [--rows N] [--rounds R] [--warmup W] [--dir DIR] [--only JOB]...
              --rows N     rows inserted and read back per contender (default 1000000)
              --rounds R   measured rounds; each runs every job once on a fresh file (default 7)
              --warmup W   unrecorded rounds first (default 1)
              --dir DIR    where the database files go (default: a new directory under $TMPDIR or /tmp)
              --only JOB   run only jobs whose name contains JOB (repeatable): c-static, wrapper-static,
                           grdb-arguments, grdb-unchecked, wrapper-transient, c-transient
              --busy-threshold F  redo a job when other processes used more than F of a CPU
                           while it ran (default 0.15; 1000 turns the check off)
              --attempts N  tries per job before keeping a disturbed measurement (default 4)
              --max-wait S  seconds to wait for other processes to quieten before a retry (default 180)
            """)
        exit(problem == nil ? 0 : 2)
    }
}

extension String {
    var replacingUnderscores: String { String(filter { $0 != "_" }) }
}

/// A measured line of the result table.
enum Line: Int, CaseIterable {
    case insertCStatic, insertCTransient, insertWrapperTransient, insertWrapperStatic
    case insertGRDBUnchecked, insertGRDBArguments
    case readC, readWrapper, readWrapperString, readGRDB, readGRDBData

    var label: String {
        switch self {
        case .insertCStatic: "raw C: bind_text SQLITE_STATIC inside withUTF8"
        case .insertCTransient: "raw C: bind_text SQLITE_TRANSIENT"
        case .insertWrapperTransient: "wrapper: bind(_:to:) (TRANSIENT)"
        case .insertWrapperStatic: "wrapper: withText(_:boundTo:_:) (STATIC)"
        case .insertGRDBUnchecked: "GRDB: setUncheckedArguments + execute() (TRANSIENT)"
        case .insertGRDBArguments: "GRDB: execute(arguments:) (STATIC)"
        case .readC: "raw C: column_int64/text+bytes/double/int64"
        case .readWrapper: "wrapper: forEachRow, withUTF8(at:)"
        case .readWrapperString: "wrapper: forEachRow, string(at:) (extra)"
        case .readGRDB: "GRDB: Row.fetchCursor, row[i], name as String"
        case .readGRDBData: "GRDB: Row.fetchCursor, row[i], withUnsafeData"
        }
    }

    var isInsert: Bool { rawValue <= Line.insertGRDBArguments.rawValue }

    /// The raw C line measuring the same loop.
    var baseline: Line {
        switch self {
        case .insertCTransient, .insertWrapperTransient, .insertGRDBUnchecked: .insertCTransient
        case .insertCStatic, .insertWrapperStatic, .insertGRDBArguments: .insertCStatic
        default: .readC
        }
    }
}

/// One timed part of a job.
struct Measurement {
    let line: Line
    let seconds: Double
    let commit: Double?

    init(_ line: Line, _ insert: InsertTiming) {
        self.line = line
        seconds = insert.total
        commit = insert.commit
    }

    init(_ line: Line, _ seconds: Double) {
        self.line = line
        self.seconds = seconds
        commit = nil
    }
}

/// One unit of work on a fresh file: open, create the table (untimed), timed insert,
/// timed read (which also verifies the insert), close.
struct Job {
    let name: String
    let library: String
    let run: (String, Workload) throws -> (facts: ConnectionFacts, times: [Measurement])
}

// Listed so that each wrapper job sits next to the raw C job it is compared with; the
// order is reversed every other round (ABBA), which cancels slow drifts of machine speed.
let jobs: [Job] = [
    Job(name: "c-static", library: "raw C") { path, workload in
        let db = RawC.open(path)
        defer { RawC.close(db) }
        return (
            RawC.facts(db),
            [Measurement(.insertCStatic, RawC.insertStatic(db, workload)),
             Measurement(.readC, RawC.read(db, workload))])
    },
    Job(name: "wrapper-static", library: "wrapper") { path, workload in
        let db = try Wrapper.open(path)
        return (
            try Wrapper.facts(db),
            [Measurement(.insertWrapperStatic, try Wrapper.insertStatic(db, workload)),
             Measurement(.readWrapper, try Wrapper.read(db, workload))])
    },
    Job(name: "grdb-arguments", library: "GRDB") { path, workload in
        let queue = try GRDBContender.open(path)
        return (
            try GRDBContender.facts(queue),
            [Measurement(.insertGRDBArguments, try GRDBContender.insertArguments(queue, workload)),
             Measurement(.readGRDBData, try GRDBContender.readCursorData(queue, workload))])
    },
    Job(name: "grdb-unchecked", library: "GRDB") { path, workload in
        let queue = try GRDBContender.open(path)
        return (
            try GRDBContender.facts(queue),
            [Measurement(.insertGRDBUnchecked, try GRDBContender.insertUnchecked(queue, workload)),
             Measurement(.readGRDB, try GRDBContender.readCursor(queue, workload))])
    },
    Job(name: "wrapper-transient", library: "wrapper") { path, workload in
        let db = try Wrapper.open(path)
        return (
            try Wrapper.facts(db),
            [Measurement(.insertWrapperTransient, try Wrapper.insertTransient(db, workload)),
             Measurement(.readWrapperString, try Wrapper.readString(db, workload))])
    },
    Job(name: "c-transient", library: "raw C") { path, workload in
        let db = RawC.open(path)
        defer { RawC.close(db) }
        let insert = RawC.insertTransient(db, workload)
        _ = RawC.read(db, workload)  // verification only: the raw C read is recorded in c-static
        return (RawC.facts(db), [Measurement(.insertCTransient, insert)])
    },
]

/// A fixed amount of pure CPU work (no memory traffic, no system calls), timed: its spread
/// over a run shows how steady the machine was.
@inline(never)
func calibrate() -> Double {
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    let seconds = timed {
        for _ in 0..<10_000_000 {  // xorshift*: a dependent chain the optimizer cannot shortcut
            x ^= x >> 12
            x ^= x << 25
            x ^= x >> 27
            x = x &* 2_685_821_657_736_338_717
        }
    }
    if x == 42 { print("") }  // keeps the loop alive
    return seconds
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func format(_ value: Double, _ decimals: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(decimals)f", $0) }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

// MARK: Run

setvbuf(stdout, nil, _IOLBF, 0)  // a line at a time, also into a file or a pipe
let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let selected = options.only.isEmpty ? jobs : jobs.filter { job in options.only.contains { job.name.contains($0) } }
guard !selected.isEmpty else { Options.usage("--only matches no job") }

let directory: String = {
    if let directory = options.directory { return directory }
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(base)/aikb-bench-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot create a temporary directory") }
    return String(cString: made)
}()
let ownsDirectory = options.directory == nil

print("aikb-bench: \(options.rows) rows, \(options.rounds) rounds (+\(options.warmup) warm-up), files in \(directory)")
let workload = Workload(count: options.rows)
print("workload generated: \(workload.expected)")

var samples: [Line: [Double]] = [:]
var commits: [Line: [Double]] = [:]
var calibrations: [Double] = []
var redone = 0
var keptBusy = 0
var factsPrinted: Set<String> = []
let totalRounds = options.warmup + options.rounds
for round in 0..<totalRounds {
    let recording = round >= options.warmup
    let order = round % 2 == 0 ? selected : selected.reversed()
    var summary: [String] = []
    for job in order {
        var attempt = 0
        var result: (facts: ConnectionFacts, times: [Measurement])
        var load = 0.0
        while true {
            attempt += 1
            let probe = calibrate()
            let path = "\(directory)/\(job.name).sqlite"
            removeDatabase(at: path)
            let before = CPUSnapshot.take()
            do {
                result = try job.run(path, workload)
            } catch {
                fatalError("\(job.name): \(error)")
            }
            load = CPUSnapshot.take().othersLoad(since: before)
            removeDatabase(at: path)
            if load <= options.busyThreshold || attempt >= options.attempts {
                if recording { calibrations.append(probe) }
                break
            }
            // Something else ran meanwhile: wait for it to stop, then measure again.
            let waited = waitForQuietMachine(threshold: options.busyThreshold, limit: options.maxWait)
            print("  \(job.name): other processes used \(format(load * 100, 0))% of a CPU; "
                + (waited.map { "quiet after \(format($0, 1)) s, " } ?? "still busy after \(Int(options.maxWait)) s, ")
                + "measuring again")
            if recording { redone += 1 }
        }
        if recording && load > options.busyThreshold { keptBusy += 1 }
        if factsPrinted.insert(job.library).inserted {
            print("\(pad(job.library + ":", 9)) \(result.facts.description)")
        }
        for measurement in result.times {
            let line = measurement.line
            if recording {
                samples[line, default: []].append(measurement.seconds)
                if let commit = measurement.commit { commits[line, default: []].append(commit) }
            }
            summary.append(
                "\(job.name)/\(line.isInsert ? "insert" : "read")=\(format(measurement.seconds * 1000, 0))")
        }
        if load > 0.05 { summary.append("(others \(format(load * 100, 0))%)") }
    }
    print("\(recording ? "round \(round - options.warmup + 1)" : "warm-up"): \(summary.joined(separator: " "))")
}
if ownsDirectory { rmdir(directory) }

// MARK: Report

// The same fixed work before every job: how much the machine's speed moved during the run.
let probeMedian = median(calibrations)
print("")
print("speed probe (fixed CPU loop before each job): median \(format(probeMedian * 1000, 1)) ms, "
    + "min \(format(calibrations.min()! * 1000, 1)), max \(format(calibrations.max()! * 1000, 1)) "
    + "(max/min \(format(calibrations.max()! / calibrations.min()!, 2)))")
print("jobs measured again because other processes used more than \(format(options.busyThreshold * 100, 0))% "
    + "of a CPU meanwhile: \(redone); kept although disturbed (after \(options.attempts) tries): \(keptBusy)")

print("")
print("| \(options.rows) rows, \(options.rounds) rounds | median ms | min ms | max ms | ratio to raw C (medians) | ratio (minimums) | median of per-round ratios | of which COMMIT, median ms |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for line in Line.allCases {
    guard let values = samples[line] else { continue }
    let baseline = samples[line.baseline]
    let ratio = baseline.map { format(median(values) / median($0), 3) } ?? "n/a"
    let ratioOfMinimums = baseline.map { format(values.min()! / $0.min()!, 3) } ?? "n/a"
    let paired = baseline.map { base in
        format(median(zip(values, base).map { $0 / $1 }), 3)
    } ?? "n/a"
    let label = (line.isInsert ? "insert — " : "read — ") + line.label
        + (line.baseline == line ? " (baseline)" : "")
    let commit = commits[line].map { format(median($0) * 1000, 1) } ?? ""
    print("| \(label) | \(format(median(values) * 1000, 1)) | \(format(values.min()! * 1000, 1)) | \(format(values.max()! * 1000, 1)) | \(ratio) | \(ratioOfMinimums) | \(paired) | \(commit) |")
}
