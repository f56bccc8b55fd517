#if canImport(Glibc)
import Glibc
#endif

/// The few file-system questions aikb asks, answered with POSIX calls (no
/// Foundation: it would add milliseconds to every start of `aikb`).
public enum FileSystem {
    public enum Kind: Sendable { case missing, file, directory, other }

    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The size in bytes of a regular file, nil when it cannot be read.
    public static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    public static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }
    public static func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }

    /// The folder part of a path ("." for a bare file name).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Why a folder could not be made: the folder and the system's reason.
    public struct CreateError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot create folder \(path): \(reason)" }
    }

    /// `mkdir -p`.
    public static func createDirectories(_ path: String) throws(CreateError) {
        if kind(of: path) == .directory { return }
        let parent = parent(of: path)
        if parent != path && parent != "." && parent != "/" { try createDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw CreateError(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
