import CICUShim

/// A fast test that a text may contain one of a list of words or phrases, built from the
/// list itself when the rules load: a phrase added to a rule file is never turned away by a
/// filter written for the phrases of its time.
///
/// Each phrase has an anchor, one of its letters reduced to its base (lower case, then the
/// first character of its canonical decomposition: `é` → `e`). A text can hold the phrase
/// (compared as `lowercased()` Strings, with canonical equivalence) only if one of its units
/// reduces to that anchor, or to nothing simple (surrogates, combining marks, Hangul, `Σ`):
/// those always pass. So the filter says no only when no phrase can be there.
struct WordFilter: Sendable, CustomStringConvertible {
    /// For each anchor base, whether some phrase uses it.
    private let anchors: [Bool]
    /// The phrases that are all ASCII, lower case, as units (ASCII text can hold no other).
    let asciiPhrases: [[UInt16]]
    let isEmpty: Bool

    /// `caseSensitive`: the phrases are compared as written (`==`), not lower-cased.
    /// `anchorFirst`: anchor every phrase on its first character (for words that must open
    /// the text, tested with `mayStart`).
    init(_ phrases: [String], caseSensitive: Bool = false, anchorFirst: Bool = false, frequency: [UInt16: Int] = [:]) {
        let table = caseSensitive ? Self.tables.same : Self.tables.lower
        var anchors = [Bool](repeating: false, count: 0x10000)
        var ascii = [[UInt16]]()
        for phrase in phrases {
            let written = caseSensitive ? phrase : phrase.lowercased()
            let units = Array(written.utf16)
            if units.allSatisfy({ $0 < 0x80 }) { ascii.append(units) }
            // The rarest base among the phrase's letters (by how often it occurs in the
            // language's own words: a proxy for how common it is in text); ties → the higher
            // code point, which in the UN scripts is the less common letter.
            let bases = units.map { table[Int($0)] }
            let letters = zip(units, bases).filter { Chars.isLetter($0.0) || Chars.isNumber($0.0) }.map(\.1)
            let candidates = anchorFirst ? Array(bases.prefix(1)) : (letters.isEmpty ? bases : letters)
            guard !candidates.contains(0xFFFF),
                  let anchor = candidates.min(by: { (frequency[$0] ?? 0, 0xFFFF - Int($0)) < (frequency[$1] ?? 0, 0xFFFF - Int($1)) }) else {
                // A phrase reduced to nothing simple: every text may hold it.
                for u in 0..<0x10000 { anchors[u] = true }
                continue
            }
            anchors[Int(anchor)] = true
        }
        anchors[0xFFFF] = true
        self.anchors = anchors
        self.asciiPhrases = ascii
        self.isEmpty = phrases.isEmpty
        self.table = table
    }

    private let table: [UInt16]

    var description: String {
        let bases = anchors.indices.filter { anchors[$0] && $0 != 0xFFFF }.prefix(50)
        return "WordFilter(anchors: \(String(decoding: bases.map { UInt16($0) }, as: UTF16.self)))"
    }

    /// Whether the units may hold a phrase (false: they hold none).
    func mayMatch(_ units: ArraySlice<UInt16>) -> Bool {
        if isEmpty { return false }
        return table.withUnsafeBufferPointer { t in
            anchors.withUnsafeBufferPointer { a in
                for u in units where a[Int(t[Int(u)])] { return true }
                return false
            }
        }
    }

    /// Whether the unit may begin a phrase's first character (for words compared whole).
    func mayStart(_ unit: UInt16) -> Bool { !isEmpty && anchors[Int(table[Int(unit)])] }

    /// Whether lower-cased ASCII units contain one of the ASCII phrases.
    func asciiContains(_ lower: [UInt16]) -> Bool {
        asciiPhrases.contains { Self.contains(lower, $0) }
    }

    static func contains(_ haystack: [UInt16], _ needle: [UInt16]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// The base of every BMP unit, lower-cased (`lower`) and as written (`same`), from ICU's
    /// case mappings and decompositions; built once per process (a millisecond or two).
    static let tables: (lower: [UInt16], same: [UInt16]) = {
        var lower = [UInt16](repeating: 0xFFFF, count: 0x10000)
        var same = [UInt16](repeating: 0xFFFF, count: 0x10000)
        lower.withUnsafeMutableBufferPointer { l in
            same.withUnsafeMutableBufferPointer { s in concord_base_letter_tables(l.baseAddress, s.baseAddress) }
        }
        return (lower, same)
    }()
}
