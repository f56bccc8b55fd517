/// An error of the knowledge base with a message fit for one line on stderr.
/// `category` says what kind of failure it is, so that a front end can choose an
/// exit status without parsing messages.
public struct KnowledgeBaseError: Error, Sendable, CustomStringConvertible {
    public enum Category: Sendable, Equatable {
        /// The user's input is wrong: a CSV file, an argument, a name.
        case invalidInput
        /// A file or database that should be there is not, or is not a database.
        case notFound
        /// The database cannot be created where asked.
        case cannotCreate
        /// Writing is not allowed: a read-only file or a read-only session.
        case notPermitted
        /// The database and this binary disagree about the schema (migrations).
        case schemaMismatch
    }

    public let category: Category
    public let message: String

    public init(_ category: Category, _ message: String) {
        self.category = category
        self.message = message
    }

    public var description: String { message }
}

extension KnowledgeBaseError {
    /// The one wording for a damaged file, found when it is opened or later, by any
    /// statement that reads a damaged page.
    public static func damaged(_ path: String, _ detail: String) -> KnowledgeBaseError {
        KnowledgeBaseError(.notFound, "\(path): the database file is damaged (\(detail)); restore it from a copy")
    }
}
