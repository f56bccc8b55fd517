#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rows every contender inserts, generated once, outside any timed region.
/// Row i (0-based) is (id: i + 1, name: "company \(i)", amount: (i % 100_000) * 0.25,
/// year: 1900 + i % 125). Amounts are multiples of 0.25, so every sum is exact in a
/// Double whatever the order of addition: read sums can be compared with `==`.
final class Workload {
    let count: Int
    let names: [String]
    let amounts: [Double]
    let years: [Int64]
    let expected: Sums

    init(count: Int) {
        self.count = count
        var names: [String] = []
        var amounts: [Double] = []
        var years: [Int64] = []
        names.reserveCapacity(count)
        amounts.reserveCapacity(count)
        years.reserveCapacity(count)
        var sums = Sums()
        for i in 0..<count {
            let name = "company \(i)"
            let amount = Double(i % 100_000) * 0.25
            let year = Int64(1900 + i % 125)
            names.append(name)
            amounts.append(amount)
            years.append(year)
            sums.add(id: Int64(i + 1), nameBytes: name.utf8.count, amount: amount, year: year)
        }
        self.names = names
        self.amounts = amounts
        self.years = years
        self.expected = sums
    }
}

/// What a read computes; compared with `Workload.expected` after every read.
struct Sums: Equatable, CustomStringConvertible {
    var rows = 0
    var ids: Int64 = 0
    var nameBytes = 0
    var amount = 0.0
    var years: Int64 = 0

    @inline(__always)
    mutating func add(id: Int64, nameBytes: Int, amount: Double, year: Int64) {
        rows += 1
        ids &+= id
        self.nameBytes &+= nameBytes
        self.amount += amount
        years &+= year
    }

    var description: String {
        "rows=\(rows) ids=\(ids) nameBytes=\(nameBytes) amount=\(amount) years=\(years)"
    }
}

/// Fails the run (in release builds too, unlike `assert`) when a read disagrees.
func verify(_ sums: Sums, _ workload: Workload, _ who: String) {
    if sums != workload.expected {
        fatalError("\(who): read back \(sums), expected \(workload.expected)")
    }
}

/// Nanoseconds on the monotonic clock.
@inline(__always)
func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Runs `body` and returns the elapsed seconds.
@inline(__always)
func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return Double(now() - start) / 1e9
}

/// An insert's elapsed seconds: all of it (BEGIN to COMMIT done), and the COMMIT
/// alone (the last pages written, the WAL synced and checkpointed into the file).
struct InsertTiming {
    var total: Double
    var commit: Double
}

/// Times an insert: `body` gets a function to call right after its last row, before
/// the COMMIT starts.
@inline(__always)
func timedInsert(_ body: (_ rowsDone: () -> Void) throws -> Void) rethrows -> InsertTiming {
    let start = now()
    var rowsDone = start
    try body { rowsDone = now() }
    let end = now()
    return InsertTiming(total: Double(end - start) / 1e9, commit: Double(end - rowsDone) / 1e9)
}

/// The table every contender creates, and the two statements it runs.
enum Schema {
    static let create = "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, amount REAL, year INTEGER)"
    static let insert = "INSERT INTO item (id, name, amount, year) VALUES (?, ?, ?, ?)"
    /// The same statement with named parameters, as the wrapper binds (by handles found
    /// once by name: binding is by index in the loop, as with `?`).
    static let insertNamed = "INSERT INTO item (id, name, amount, year) VALUES (:id, :name, :amount, :year)"
    static let select = "SELECT id, name, amount, year FROM item"
    /// Same for every contender: the wrapper's (and SQLite's Debian build) default,
    /// which GRDB overrides to NORMAL when it turns WAL on, so it is set back here.
    static let synchronous = "FULL"
}

/// What a contender's connection reports about itself, printed once per contender.
struct ConnectionFacts {
    var libversion: String
    var libraryPath: String
    var journalMode: String
    var synchronous: Int64
    var foreignKeys: Int64
    var hasMutex: Bool

    var description: String {
        "sqlite \(libversion) from \(libraryPath); journal_mode=\(journalMode) synchronous=\(synchronous) "
            + "foreign_keys=\(foreignKeys) connection mutex=\(hasMutex ? "yes (serialized)" : "no (NOMUTEX)")"
    }
}

/// The shared object a C function was loaded from (looked up in /proc/self/maps):
/// proves every contender calls the same libsqlite3.
func libraryPath(of function: UnsafeRawPointer) -> String {
    let address = UInt(bitPattern: function)
    guard let file = fopen("/proc/self/maps", "r") else { return "?" }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 4096)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 6 else { continue }
        let range = fields[0].split(separator: "-")
        guard range.count == 2, let low = UInt(range[0], radix: 16), let high = UInt(range[1], radix: 16),
            low <= address, address < high
        else { continue }
        return fields[5...].joined(separator: " ").trimmingNewline
    }
    return "?"
}

extension String {
    var trimmingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}

/// Removes a database file and its WAL companions.
func removeDatabase(at path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
}
