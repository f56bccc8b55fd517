import Support

/// Where the shell keeps its history: `$AIKB_HISTORY`, else
/// `$XDG_STATE_HOME/aikb/history` (`~/.local/state/aikb/history`), its folder
/// created when missing. nil when there is no home to keep it in.
enum ShellHistory {
    static func path() -> String? {
        if let explicit = Environment.value("AIKB_HISTORY") { return explicit }
        let folder: String
        if let state = Environment.value("XDG_STATE_HOME") {
            folder = state + "/aikb"
        } else if let home = Environment.value("HOME") {
            folder = home + "/.local/state/aikb"
        } else {
            return nil
        }
        do {
            try FileSystem.createDirectories(folder)
        } catch {
            Terminal.error("aikb: history is not kept: \(error)")
            return nil
        }
        return folder + "/history"
    }
}
