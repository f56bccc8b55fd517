#if canImport(Glibc)
import Glibc
#endif

/// The process environment, read without Foundation.
public enum Environment {
    /// The variable's value; nil when it is unset or empty (an empty `AIKB_DB=`
    /// means "not set", as it does for most Unix tools).
    public static func value(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
