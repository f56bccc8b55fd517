@testable import KnowledgeBase
import Foundation
import Testing

@Suite struct UUIDCacheTests {
    func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8 { body($0) }
    }

    @Test func onlyCanonicalUUIDsHaveKeysAndEqualKeysAreEqualStrings() {
        let uuid = "e1393508-30ea-8a36-3f96-dd3226033abd"
        let key = withBytes(uuid) { UUIDCache.key($0) }
        #expect(key == UUIDCache.Key(high: 0xe1393508_30ea_8a36, low: 0x3f96_dd3226033abd))
        // One digit apart, in either half: another key.
        #expect(withBytes("e1393508-30ea-8a36-3f96-dd3226033abe") { UUIDCache.key($0) } != key)
        #expect(withBytes("f1393508-30ea-8a36-3f96-dd3226033abd") { UUIDCache.key($0) } != key)
        // Spellings that SQL would tell apart from the canonical one are not kept.
        for other in [
            "E1393508-30EA-8A36-3F96-DD3226033ABD", "e139350830ea8a363f96dd3226033abd", "e1393508-30ea-8a36-3f96-dd3226033ab",
            "e1393508-30ea-8a36-3f96-dd3226033abdd", "p0000001-0000-0000-0000-000000000001", "e1393508_30ea-8a36-3f96-dd3226033abd",
        ] {
            #expect(withBytes(other) { UUIDCache.key($0) } == nil, "\(other)")
        }
    }

    /// No cut-off by arrival order: a later investor takes a slot from an earlier one
    /// that shares it, and every one can be found while it holds its slot.
    @Test func laterInvestorsAreCachedTooAndNothingIsWrong() {
        let cache = UUIDCache(slotBits: 4)  // 16 slots, to force collisions
        let uuids = (0..<64).map { String(format: "a5c0d7c6-0002-4c3a-9c1e-%012x", $0 * 7919) }
        for (offset, uuid) in uuids.enumerated() { withBytes(uuid) { cache.remember($0, Int64(offset + 10)) } }
        #expect(cache.count <= 16 && cache.count > 8)
        var found = 0
        for (offset, uuid) in uuids.enumerated() {
            if let id = withBytes(uuid, { cache.id(for: $0) }) {
                #expect(id == Int64(offset + 10), "a cached id is always the right one")
                found += 1
            }
        }
        #expect(found == cache.count)
        // The last one remembered is always there: recent investors win their slot.
        #expect(withBytes(uuids.last!) { cache.id(for: $0) } == 73)
        // Not kept: an id that does not fit, a non-canonical uuid.
        let other = UUIDCache()
        withBytes(uuids[0]) { other.remember($0, Int64(UInt32.max) + 1) }
        withBytes("P0000001") { other.remember($0, 5) }
        #expect(other.count == 0)
    }
}
