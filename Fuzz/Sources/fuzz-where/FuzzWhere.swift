import Query

/// `--where` filters: any text parses into a filter or gives an error; a parsed filter
/// keeps its column and value apart, and printing it back parses to the same filter.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let filter = try? Filter.parse(text) else { return 0 }
    precondition(!filter.column.isEmpty, "a filter has a column")
    let again = try? Filter.parse(filter.text)
    precondition(again == filter, "a filter printed back parses the same")
    return 0
}
