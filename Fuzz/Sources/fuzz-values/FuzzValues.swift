import KnowledgeBase

/// Amounts and dates as people write them: any text must give a value or an error,
/// never a crash, and what is accepted must make sense.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: buffer, as: UTF8.self)
    if case .success(let amount) = ValueParsing.amount(text) {
        precondition((amount.value ?? 0) >= 0 && (amount.minimum ?? 0) >= 0, "amounts are never negative")
        precondition(amount.value != nil || amount.minimum != nil || amount.maximum != nil, "an amount has a figure")
        if let minimum = amount.minimum, let maximum = amount.maximum { precondition(minimum <= maximum) }
    }
    if let integer = ValueParsing.plainInteger(buffer) { precondition(integer >= 0) }
    if ValueParsing.isoDate(buffer) {
        precondition([4, 7, 10].contains(size), "an accepted date is YYYY, YYYY-MM or YYYY-MM-DD")
    }
    _ = ValueParsing.boolean(text)
    _ = ValueParsing.vocabularyWord(text)
    return 0
}
