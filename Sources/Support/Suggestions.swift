/// "Did you mean ...?": the known names closest to a misspelt one.
public enum Suggestions {
    /// Up to `limit` candidates within a small edit distance of `name`
    /// (case-insensitive), closest first; a candidate containing the name counts as close.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased())
        guard !target.isEmpty else { return [] }
        let threshold = threshold(for: name)
        var close: [(String, Int)] = []
        var containing: [(String, Int)] = []
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let distance = editDistance(target, Array(lowered), limit: threshold)
            if distance <= threshold {
                close.append((candidate, distance))
            } else if target.count >= 3 && lowered.count >= 3
                && (lowered.contains(String(target)) || String(target).contains(lowered))
            {
                containing.append((candidate, abs(lowered.count - target.count)))
            }
        }
        // Names that merely contain each other only when nothing is close by spelling.
        let scored = close.isEmpty ? containing : close
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    /// " (did you mean a, b?)" or "".
    public static func hint(for name: String, among candidates: [String]) -> String {
        let close = closest(to: name, among: candidates)
        return close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"
    }

    /// How many edits still count as a misspelling of `name`: one for short names (so
    /// "nme" finds "name" but not "gap"), more for long ones.
    public static func threshold(for name: String) -> Int {
        let count = name.count
        return count <= 4 ? 1 : max(2, count / 3)
    }

    /// The edit distance of two names, ignoring case; `limit + 1` once it exceeds `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        editDistance(Array(a.lowercased()), Array(b.lowercased()), limit: limit)
    }

    /// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
