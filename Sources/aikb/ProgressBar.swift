import Support
/// A progress bar on stderr for large imports: only when stderr is a terminal and
/// the input is large, redrawn at most ten times a second; silent otherwise.
final class ProgressBar {
    private let enabled = Terminal.stderrIsTerminal
    private var lastDraw = 0
    private var drawn = false
    private let threshold = 16 << 20

    func update(_ done: Int, _ total: Int?) {
        guard enabled, let total, total >= threshold else { return }
        let now = MonotonicClock.milliseconds()
        guard now - lastDraw >= 100 else { return }
        lastDraw = now
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Terminal.errorRaw("\r\(bar) \(Int(fraction * 100))%  \(done >> 20) of \(total >> 20) MiB")
        drawn = true
    }

    func finish() {
        if drawn { Terminal.errorRaw("\r\u{1B}[2K") }
    }
}
