import Support

#if canImport(Glibc)
import Glibc
#endif

/// Another program aikb hands work to (Graphviz's `dot`, Datasette), found on `$PATH`
/// and run with `posix_spawn` (or become it with `execv`): no shell between, so no
/// argument is ever interpreted.
struct ExternalProgram {
    let path: String
    /// Arguments that come before the caller's (`-m datasette` for `python3 -m datasette`).
    var leadingArguments: [String] = []

    /// The executable called `name` in a folder of `$PATH`, or nil.
    static func find(_ name: String) -> ExternalProgram? {
        for folder in (Environment.value("PATH") ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = String(folder) + "/" + name
            if FileSystem.kind(of: candidate) == .file && access(candidate, X_OK) == 0 {
                return ExternalProgram(path: candidate)
            }
        }
        return nil
    }

    /// Runs the program to its end with the given input on stdin (from a deleted
    /// temporary file, so that neither side can block the other), its stdout aikb's
    /// own, and its stderr kept for the message if it fails. Returns its exit status.
    func run(_ arguments: [String], input: String) throws -> (status: Int32, stderr: String) {
        let descriptor = try FileText.unlinkedTemporary(holding: input)
        defer { close(descriptor) }
        var errorPipe: [Int32] = [0, 0]
        guard pipe(&errorPipe) == 0 else {
            throw CommandFailure("cannot run \(path): \(String(cString: strerror(errno)))", status: ExitStatus.internalError)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, descriptor, 0)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, errorPipe[0])
        let pid: pid_t
        do {
            pid = try spawn(arguments, actions: &actions)
        } catch {
            close(errorPipe[0])
            close(errorPipe[1])
            throw error
        }
        close(errorPipe[1])
        var errorBytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(errorPipe[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            errorBytes += buffer[0..<count]
        }
        close(errorPipe[0])
        return (Self.wait(for: pid), String(decoding: errorBytes, as: UTF8.self))
    }

    /// Becomes the program (`execv`): its stdin, stdout, stderr, signals and exit status
    /// are then its own, as when it is started by hand. Returns only by throwing.
    /// Signals blocked by whatever started aikb (a test runner's thread) are unblocked
    /// first: a mask survives exec, and a server that cannot get SIGTERM cannot be stopped.
    func replaceProcess(_ arguments: [String]) throws -> Never {
        let argv = ([path] + leadingArguments + arguments).map { strdup($0) } + [nil]
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        execv(path, argv)
        throw CommandFailure("cannot run \(path): \(String(cString: strerror(errno)))", status: ExitStatus.unavailable)
    }

    private func spawn(_ arguments: [String], actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        let argv = ([path] + leadingArguments + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard result == 0 else {
            throw CommandFailure("cannot run \(path): \(String(cString: strerror(result)))", status: ExitStatus.unavailable)
        }
        return pid
    }

    /// The exit status, or 128 + the signal that ended it (as shells report it).
    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
