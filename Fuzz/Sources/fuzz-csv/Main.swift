import FuzzDriver

/// SwiftPM links an executable target's entry point as `fuzz_csv_main`; it hands the
/// process to libFuzzer's driver, which calls LLVMFuzzerTestOneInput for each input.
@_cdecl("fuzz_csv_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv) { data, size in LLVMFuzzerTestOneInput(data, size) }
}
