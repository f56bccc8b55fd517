// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "aikb",
    products: [
        .executable(name: "aikb", targets: ["aikb"]),
        .library(name: "SQLite", targets: ["SQLite"]),
        .library(name: "KnowledgeBase", targets: ["KnowledgeBase"]),
        // For the fuzzers in Fuzz/ (a package of their own, built with libFuzzer).
        .library(name: "CSV", targets: ["CSV"]),
        .library(name: "Query", targets: ["Query"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system libsqlite3 (Debian: libsqlite3-dev).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Small dependency-free helpers every layer shares: the environment, the
        // monotonic clock, file-system questions, "did you mean", text positions, SHA-256, JSON strings.
        .target(name: "Support"),
        // A thin wrapper around the SQLite C API. Knows nothing of companies.
        .target(name: "SQLite", dependencies: ["CSQLite", "Support"]),
        // A streaming RFC 4180 reader and writer. Knows nothing of SQLite.
        .target(name: "CSV"),
        // The domain: migrations, schema, CSV import, seeds.
        .target(
            name: "KnowledgeBase",
            dependencies: ["SQLite", "CSV", "Support"],
            plugins: ["EmbedFiles"]
        ),
        // Rows into text: table, box, line, csv, tsv, json, jsonl, markdown; units for people.
        .target(name: "Output", dependencies: ["SQLite", "CSV", "Support"]),
        // Reading lines at a terminal: BSD editline loaded at run time, or plain lines.
        // Knows nothing of SQL.
        .target(name: "LineEditor"),
        // Reports, filters, safe ad-hoc SQL, schema, facets, the ecosystem graph, Datasette metadata
        // (Output: money in graph labels as people write it).
        .target(name: "Query", dependencies: ["SQLite", "KnowledgeBase", "Output", "Support"]),
        // The command line: argument parsing and glue, nothing else.
        .executableTarget(
            name: "aikb",
            dependencies: [
                "KnowledgeBase", "Query", "Output", "LineEditor", "Support", "CSV",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Build-time embedding of Migrations/ and Seeds/ into the binary, so that
        // `aikb` works from any directory and as a lone copied file.
        // It computes each file's SHA-256 at build time (Support's), so that aikb does
        // not hash its migrations again on every start to check them.
        .executableTarget(name: "embed-files", dependencies: ["Support"], path: "Sources/embed-files"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),

        // The tests' scratch directories, removed when the test process exits.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "TestScratch"]),
        .testTarget(name: "CSVTests", dependencies: ["CSV"]),
        .testTarget(
            name: "KnowledgeBaseTests", dependencies: ["KnowledgeBase", "SQLite", "CSV", "Support", "TestScratch"],
            exclude: ["Corpus"]  // CSV cases the tests read from disk
        ),
        .testTarget(name: "OutputTests", dependencies: ["Output", "SQLite", "CSV"]),  // CSV: round trips through the reader
        .testTarget(name: "QueryTests", dependencies: ["Query", "Output", "KnowledgeBase", "SQLite", "TestScratch"]),
        // Runs the real `aikb` binary; the dependency makes `swift test` build it.
        .testTarget(name: "CLITests", dependencies: ["aikb", "SQLite", "TestScratch"]),
    ]
)
