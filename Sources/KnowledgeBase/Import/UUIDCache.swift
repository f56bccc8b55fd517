/// Crunchbase uuid → company id for investors, so that investments.csv (two million
/// rows for a million rounds, a few hundred thousand investors) finds each investor
/// without a B-tree seek into company_external_ids: a random one, mostly a page-cache
/// miss once that index outgrows the import's cache. Measured on the 1M-round
/// benchmark: the investments step 25% faster.
///
/// Exact: only canonical uuids (8-4-4-4-12 lowercase hex, as Crunchbase writes them)
/// are kept, as their 128 bits, so equal keys are equal strings; any other spelling is
/// looked up in SQL.
///
/// Bounded by a chosen memory budget, not by arrival order: a direct-mapped table of
/// `slots` entries (6 MiB at the default), in which a new investor takes its slot from
/// whichever investor had it. So every investor of a full export can be cached, the
/// frequent ones (funds in thousands of rounds) stay, and a miss costs what it cost
/// without the cache: one SQL lookup, after which the investor is cached again.
final class UUIDCache {
    struct Key: Hashable {
        let high: UInt64
        let low: UInt64
    }

    /// 2^18 slots of 16 + 4 bytes (kept apart to stay packed): 5 MiB.
    static let defaultSlotBits = 18

    private var highs: [UInt64]
    private var lows: [UInt64]
    /// 0: an empty slot. Ids above UInt32.max are not kept: 20 bytes an entry instead of 24.
    private var ids: [UInt32]
    private let mask: Int

    init(slotBits: Int = UUIDCache.defaultSlotBits) {
        let slots = 1 << slotBits
        highs = Array(repeating: 0, count: slots)
        lows = Array(repeating: 0, count: slots)
        ids = Array(repeating: 0, count: slots)
        mask = slots - 1
    }

    var slots: Int { ids.count }

    /// Entries held now.
    var count: Int { ids.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The slot of a key: the uuid's bits are random, so a few of them mix well enough.
    private func slot(_ key: Key) -> Int {
        Int(truncatingIfNeeded: (key.high ^ (key.low &* 0x9E37_79B9_7F4A_7C15)) >> 17) & mask
    }

    func id(for uuid: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let key = Self.key(uuid) else { return nil }
        let index = slot(key)
        guard ids[index] != 0, highs[index] == key.high, lows[index] == key.low else { return nil }
        return Int64(ids[index])
    }

    /// Remembers that `uuid` is linked to company `id` in the database.
    func remember(_ uuid: UnsafeBufferPointer<UInt8>, _ id: Int64) {
        guard id > 0, id <= Int64(UInt32.max), let key = Self.key(uuid) else { return }
        let index = slot(key)
        highs[index] = key.high
        lows[index] = key.low
        ids[index] = UInt32(id)
    }

    /// The 128 bits of a canonical uuid; nil for anything else.
    static func key(_ text: UnsafeBufferPointer<UInt8>) -> Key? {
        guard text.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for (offset, byte) in text.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte &- UInt8(ascii: "a") &+ 10
            default: return nil
            }
            if digits < 16 {
                high = high << 4 | UInt64(nibble)
            } else {
                low = low << 4 | UInt64(nibble)
            }
            digits += 1
        }
        return Key(high: high, low: low)
    }
}
