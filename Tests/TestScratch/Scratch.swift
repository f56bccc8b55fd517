import Foundation

/// Scratch directories for tests: all under one directory per test process, removed
/// when the process exits. Each test made its own in /tmp and left it there: a run of
/// the suite left about a thousand directories, 1.2 GB, behind.
public enum Scratch {
    /// This process's directory, made on first use (readable by all: some tests run
    /// aikb as another user on the files in it). Directories of earlier test processes
    /// that died before removing theirs are removed first.
    static let root: String = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let prefix = "aikb-tests-"
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH {
                try? files.removeItem(atPath: base + "/" + name)
            }
        }
        let path = base + "/" + prefix + String(getpid())
        do {
            try files.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        } catch {
            preconditionFailure("cannot create the tests' scratch directory \(path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        return path
    }()

    /// A new empty directory, its name beginning with `prefix` (the test's module, say).
    public static func directory(_ prefix: String) -> String {
        var template = Array((root + "/" + prefix + "XXXXXX").utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let made = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: made)
        }
        guard let path else { preconditionFailure("cannot create a directory in \(root): errno \(errno)") }
        chmod(path, 0o755)
        return path
    }
}
