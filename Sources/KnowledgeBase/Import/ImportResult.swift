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
    /// What is worth knowing but wrong with nothing: columns ignored, links that
    /// name no row.
    public var notices: [ImportNotice] = []
    /// How the names in third-party files' cells were taken: which company each
    /// name is (by name or alias), which were created, which are not companies.
    public var resolutions: [NameResolution] = []

    public init(files: [FileSummary], problems: [ImportProblem], problemCount: Int, committed: Bool, run: Int64? = nil) {
        self.files = files
        self.problems = problems
        self.problemCount = problemCount
        self.committed = committed
        self.run = run
    }
}

/// A remark about a file that does not stop its import.
public struct ImportNotice: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let message: String
    public var description: String { file + ": " + message }
}

/// What one name written in a column of a file was taken for, and in how many rows.
public struct NameResolution: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        /// A company of that name.
        case name
        /// A company with that name as an alias.
        case alias
        /// A company this import created.
        case created
        /// A name of placeholder_names: never a company.
        case placeholder
        /// No company of that name; kept as written (users are never created).
        case notACompany = "not a company"
    }
    public let file: String
    public let column: String
    /// The name as the file writes it.
    public let written: String
    public let outcome: Outcome
    public let companyID: Int64?
    /// The company's own name, where it is one.
    public let companyName: String?
    public internal(set) var rows: Int
}
