// swift-tools-version: 6.1
// Benchmarks for aikb, kept out of the root package so that GRDB never enters it.
//
//   cd Benchmarks
//   swift build -c release --scratch-path ../.build-bench
//   ../.build-bench/release/aikb-bench            # 1,000,000 rows, 7 rounds
//   ../.build-bench/release/aikb-bench --rows 100000 --rounds 3   # a quick run
import PackageDescription

let package = Package(
    name: "aikb-benchmarks",
    dependencies: [
        .package(name: "aikb", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "aikb-bench",
            dependencies: [
                // The wrapper; its C module CSQLite comes along transitively and is
                // imported directly by the raw C contender (RawC.swift).
                .product(name: "SQLite", package: "aikb"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // GRDB's own view of the C API, only to show which libsqlite3 it calls.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
    ]
)
