#if canImport(Glibc)
import Glibc
#endif

/// The few file-system questions the knowledge base asks, answered with POSIX
/// calls (no Foundation: it would add milliseconds to every start of `aikb`).
enum FileSystem {
    enum Kind { case missing, file, directory, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }
    static func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }

    /// The folder part of a path ("." for a bare file name).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `mkdir -p`.
    static func createDirectories(_ path: String) throws {
        if kind(of: path) == .directory { return }
        let parent = parent(of: path)
        if parent != path && parent != "." && parent != "/" { try createDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw KnowledgeBaseError(.cannotCreate, "cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
