/// What happened to one file.
public struct FileSummary: Sendable, Equatable {
    public var file: String
    public var kind: String
    public var format: String
    public var read = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
}

/// The outcome of a run. When `problemCount` is not zero nothing was written.
public struct ImportResult: Sendable {
    public var files: [FileSummary]
    public var problems: [ImportProblem]
    public var problemCount: Int
    /// True when the changes were committed (not a dry run, no problems).
    public var committed: Bool
    /// The run the changes were recorded with, when they were committed.
    public var run: Int64?

    public init(files: [FileSummary], problems: [ImportProblem], problemCount: Int, committed: Bool, run: Int64? = nil) {
        self.files = files
        self.problems = problems
        self.problemCount = problemCount
        self.committed = committed
        self.run = run
    }
}
