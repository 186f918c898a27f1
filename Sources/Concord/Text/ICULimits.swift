import CICUShim

/// ICU's C API counts text in `Int32` UTF-16 units. Every text that reaches ICU goes through
/// `length(_:)` first: a longer text is refused here, by name, rather than trapping in an
/// `Int32(…)` conversion (a user can raise `--max-file-size` past 2 GiB of text) or being
/// cut short in C.
public enum ICULimits {
    /// The longest text, in UTF-16 units, that ICU can take in one call (2^31 - 1).
    public static let maxUnits = Int(CONCORD_MAX_UNITS)

    /// `count` as ICU's length, or nil when ICU cannot take it (negative or too long).
    public static func length(_ count: Int) -> Int32? {
        count >= 0 && count <= maxUnits ? Int32(count) : nil
    }

    /// `count` as ICU's length, or the error a too-long text gets.
    public static func checkedLength(_ count: Int, operation: String) throws(ICUError) -> Int32 {
        guard let length = length(count) else {
            throw ICUError(operation: "\(operation) on \(count) UTF-16 units (ICU takes at most \(maxUnits))",
                           status: CONCORD_INPUT_TOO_LONG)
        }
        return length
    }
}
