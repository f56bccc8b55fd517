import CSQLite

/// What SQLite asks the authorizer about while it compiles a statement
/// (`sqlite3_set_authorizer`): the action and up to four names.
public struct AuthorizerRequest: Sendable {
    /// SQLite's action codes.
    public enum Action: Int32, Sendable {
        case createIndex = 1, createTable, createTempIndex, createTempTable, createTempTrigger, createTempView
        case createTrigger, createView, delete, dropIndex, dropTable, dropTempIndex, dropTempTable
        case dropTempTrigger, dropTempView, dropTrigger, dropView, insert, pragma, read, select
        case transaction, update, attach, detach, alterTable, reindex, analyze, createVirtualTable
        case dropVirtualTable, function, savepoint, recursive
    }

    /// nil for a code this wrapper does not know (a newer SQLite).
    public let action: Action?
    public let code: Int32
    /// The first and second arguments, whose meaning depends on the action (e.g.
    /// for `.pragma` the pragma's name and its value or argument; for `.function`
    /// nil and the function's name; for `.insert` the table's name).
    public let argument1: String?
    public let argument2: String?
    /// The database (`main`, `temp`, or an attached name).
    public let database: String?
    /// The innermost trigger or view responsible, if any.
    public let trigger: String?
}

public enum AuthorizerDecision: Sendable {
    case allow
    /// Fails the statement's compilation with SQLITE_AUTH.
    case deny
    /// For reads: the column reads as NULL; otherwise the action is silently skipped.
    case ignore
}

/// Holds the Swift closure for SQLite's C callback.
final class AuthorizerBox {
    let decide: (AuthorizerRequest) -> AuthorizerDecision
    init(_ decide: @escaping (AuthorizerRequest) -> AuthorizerDecision) { self.decide = decide }
}

extension Database {
    /// Installs (or with nil, removes) an authorizer consulted for every action of
    /// every statement this connection compiles. A denial fails `prepare` with
    /// SQLITE_AUTH ("not authorized"); the closure is the place to remember why.
    public func setAuthorizer(_ decide: ((AuthorizerRequest) -> AuthorizerDecision)?) {
        guard let decide else {
            sqlite3_set_authorizer(handle, nil, nil)
            authorizerBox = nil
            return
        }
        let box = AuthorizerBox(decide)
        authorizerBox = box
        sqlite3_set_authorizer(handle, { context, code, a, b, c, d in
            let box = Unmanaged<AuthorizerBox>.fromOpaque(context!).takeUnretainedValue()
            let request = AuthorizerRequest(
                action: AuthorizerRequest.Action(rawValue: code), code: code,
                argument1: a.map { String(cString: $0) }, argument2: b.map { String(cString: $0) },
                database: c.map { String(cString: $0) }, trigger: d.map { String(cString: $0) })
            switch box.decide(request) {
            case .allow: return SQLITE_OK
            case .deny: return SQLITE_DENY
            case .ignore: return SQLITE_IGNORE
            }
        }, Unmanaged.passUnretained(box).toOpaque())
    }
}
