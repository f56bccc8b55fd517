/// Finds every simple directed cycle of 2 to `maximumLength` nodes in a graph, each
/// once: a cycle is reported from its smallest node, so its rotations are the same
/// cycle (A → B → C → A, never also B → C → A → B), while A → C → B → A, which goes
/// the other way round, is another cycle.
///
/// Built for the money web: thousands of nodes after pruning, a few hubs of high
/// degree. Nodes that cannot be on any cycle (nothing comes in, or nothing goes out)
/// are removed first, repeatedly; then, for each start node, a breadth-first search
/// backwards says how far every node is from getting back to the start, and the
/// depth-first search goes only where a cycle short enough can still close.
public struct LoopFinder: Sendable {
    /// Edges as (from, to); duplicates and self-loops are ignored.
    public private(set) var edges: [(from: Int64, to: Int64)] = []
    public let maximumLength: Int

    public init(maximumLength: Int = 5) {
        self.maximumLength = maximumLength
    }

    public mutating func add(from: Int64, to: Int64) {
        if from != to { edges.append((from, to)) }
    }

    /// The cycles, each as its nodes from the smallest one, in order of their first node
    /// then their next ones. Stops after `limit` cycles (`complete` false).
    public func cycles(limit: Int = .max) -> (cycles: [[Int64]], complete: Bool) {
        // Dense indices in id order: index order is id order, so "smallest node" is
        // "smallest index".
        let ids = Array(Set(edges.flatMap { [$0.from, $0.to] })).sorted()
        var index: [Int64: Int] = [:]
        index.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() { index[id] = position }
        var outgoing = [[Int]](repeating: [], count: ids.count)
        var incoming = [[Int]](repeating: [], count: ids.count)
        var seen = Set<Int64>()
        for edge in edges {
            let from = index[edge.from]!, to = index[edge.to]!
            // One edge per ordered pair.
            let key = Int64(from) << 32 | Int64(to)
            if seen.insert(key).inserted {
                outgoing[from].append(to)
                incoming[to].append(from)
            }
        }
        let alive = Self.prune(outgoing: outgoing, incoming: incoming)
        for node in 0..<ids.count {
            outgoing[node] = alive[node] ? outgoing[node].filter { alive[$0] }.sorted() : []
            incoming[node] = alive[node] ? incoming[node].filter { alive[$0] } : []
        }

        var found: [[Int64]] = []
        var distance = [Int](repeating: Int.max, count: ids.count)
        var touched: [Int] = []
        var onPath = [Bool](repeating: false, count: ids.count)
        var path: [Int] = []
        for start in 0..<ids.count where alive[start] && !outgoing[start].isEmpty {
            // How many steps each node (above start) needs to get back to start.
            for node in touched { distance[node] = .max }
            touched = [start]
            distance[start] = 0
            var frontier = [start]
            var steps = 0
            while !frontier.isEmpty && steps < maximumLength - 1 {
                steps += 1
                var next: [Int] = []
                for node in frontier {
                    for previous in incoming[node] where previous > start && distance[previous] == .max {
                        distance[previous] = steps
                        touched.append(previous)
                        next.append(previous)
                    }
                }
                frontier = next
            }
            // Depth-first from start, over nodes above it, only where a short enough cycle can close.
            path = [start]
            onPath[start] = true
            var complete = true
            func extend(_ node: Int) {
                for next in outgoing[node] {
                    if next == start {
                        if path.count >= 2 {
                            found.append(path.map { ids[$0] })
                            if found.count >= limit { complete = false; return }
                        }
                        continue
                    }
                    guard next > start, !onPath[next], distance[next] != .max,
                        path.count + distance[next] <= maximumLength
                    else { continue }
                    path.append(next)
                    onPath[next] = true
                    extend(next)
                    onPath[next] = false
                    path.removeLast()
                    if !complete { return }
                }
            }
            extend(start)
            onPath[start] = false
            if !complete { return (found, false) }
        }
        return (found, true)
    }

    /// Nodes still alive after removing, repeatedly, every node with no edge in or none out.
    static func prune(outgoing: [[Int]], incoming: [[Int]]) -> [Bool] {
        var inDegree = incoming.map(\.count)
        var outDegree = outgoing.map(\.count)
        var alive = [Bool](repeating: true, count: outgoing.count)
        var queue = (0..<outgoing.count).filter { inDegree[$0] == 0 || outDegree[$0] == 0 }
        for node in queue { alive[node] = false }
        while let node = queue.popLast() {
            for next in outgoing[node] where alive[next] {
                inDegree[next] -= 1
                if inDegree[next] == 0 { alive[next] = false; queue.append(next) }
            }
            for previous in incoming[node] where alive[previous] {
                outDegree[previous] -= 1
                if outDegree[previous] == 0 { alive[previous] = false; queue.append(previous) }
            }
        }
        return alive
    }
}
