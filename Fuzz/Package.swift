// swift-tools-version: 6.1
// libFuzzer targets for aikb's parsers, kept out of the root package: they are built
// with `-sanitize=fuzzer,address`, which the product is not. Run them with
// `Fuzz/run SECONDS` (see docs/reliability.md).
import PackageDescription

let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "aikb-fuzz",
    dependencies: [.package(name: "aikb", path: "..")],
    targets: [
        // libFuzzer's driver, declared once for the three entry points.
        .target(name: "FuzzDriver"),
        // Each target links libFuzzer's main; the code under test is instrumented by
        // the flags Fuzz/run passes to every target (coverage and address sanitizer).
        // The streaming CSV reader: any bytes, in records, in chunks of any size.
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzDriver", .product(name: "CSV", package: "aikb")], swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        // Amounts ("$1.5B", "up to €1.7bn") and ISO dates of day, month or year precision.
        .executableTarget(name: "fuzz-values", dependencies: ["FuzzDriver", .product(name: "KnowledgeBase", package: "aikb")], swiftSettings: fuzzer, linkerSettings: fuzzerLink),
        // `--where COL<op>VALUE` filters.
        .executableTarget(name: "fuzz-where", dependencies: ["FuzzDriver", .product(name: "Query", package: "aikb")], swiftSettings: fuzzer, linkerSettings: fuzzerLink),
    ]
)
