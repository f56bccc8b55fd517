/// A failure of the command line itself, not of the knowledge base: a program aikb
/// runs is not installed, an output file cannot be written. Its message is one line
/// and its status one of the README's (`ExitStatus`).
struct CommandFailure: Error {
    let message: String
    let status: Int32

    init(_ message: String, status: Int32) {
        self.message = message
        self.status = status
    }
}
