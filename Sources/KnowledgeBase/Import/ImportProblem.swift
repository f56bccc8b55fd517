/// One thing wrong in an import, where it is: `FILE:LINE:COLUMN: message`.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text + ": " + message
    }
}

/// Collects problems, keeping the first `limit` and counting the rest.
final class ProblemSink {
    let limit: Int
    private(set) var kept: [ImportProblem] = []
    private(set) var count = 0

    init(limit: Int) { self.limit = limit }

    func add(_ problem: ImportProblem) {
        count += 1
        if limit <= 0 || kept.count < limit { kept.append(problem) }
    }

    /// The kept problems by file (in order of first appearance), line and column.
    var sorted: [ImportProblem] {
        var fileOrder: [String: Int] = [:]
        for problem in kept where fileOrder[problem.file] == nil { fileOrder[problem.file] = fileOrder.count }
        return kept.enumerated().sorted { a, b in
            let left = (fileOrder[a.element.file]!, a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let right = (fileOrder[b.element.file]!, b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }
}
