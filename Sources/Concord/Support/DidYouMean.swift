/// The closest of some names to a misspelled one, for "did you mean …?" in errors about
/// configuration keys, check ids in suppressions and `concord rules ID`.
public enum DidYouMean {
    /// Edit distance (Levenshtein): insertions, deletions and substitutions of characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }

    /// The name closest to `name` (the first in `names`' order among equals), when it is
    /// within `limit` edits.
    public static func closest(to name: String, among names: [String], within limit: Int) -> String? {
        names.min { distance($0, name) < distance($1, name) }.flatMap { distance($0, name) <= limit ? $0 : nil }
    }
}
