import CICUShim
import ConcordRuleFiles

/// A fast test that a text may contain one of a list of words or phrases, built from the
/// list itself when the rules load: a phrase added to a rule file is never turned away by a
/// filter written for the phrases of its time.
///
/// Each phrase has an anchor: two letters that follow each other in it (`pl` in `séance
/// plénière`), each reduced to its base (lower case, then the first character of its
/// canonical decomposition: `é` → `e`). A text can hold the phrase (compared as
/// `lowercased()` Strings, with canonical equivalence) only if a unit that reduces to the
/// first is followed by one that reduces to the second, or if it holds a unit that reduces
/// to nothing simple (surrogates, combining marks, Hangul, `Σ`): those always pass. So the
/// filter says no only when no phrase can be there.
struct WordFilter: Sendable, CustomStringConvertible {
    /// For each base, whether it begins an anchor (0xFFFF, nothing simple, always does).
    private let first: [Bool]
    /// For each base that begins an anchor, the bases that may follow it; nil: anything may.
    private let second: [UInt16: Set<UInt16>?]
    /// The phrases that are all ASCII, lower case, as units (ASCII text can hold no other).
    let asciiPhrases: [[UInt16]]
    let isEmpty: Bool
    private let table: [UInt16]

    /// `caseSensitive`: the phrases are compared as written (`==`), not lower-cased.
    /// `anchorFirst`: anchor every phrase on its first character alone (for words that must
    /// open the text, tested with `mayStart`). `frequency`: how often each base and pair of
    /// bases occurs in the languages' own words, a proxy for how common they are in text:
    /// each phrase is anchored on its rarest pair.
    init(_ phrases: [String], caseSensitive: Bool = false, anchorFirst: Bool = false,
         frequency: [UInt32: Int] = [:]) {
        let table = caseSensitive ? Self.tables.same : Self.tables.lower
        var first = [Bool](repeating: false, count: 0x10000)
        var second = [UInt16: Set<UInt16>?]()
        var ascii = [[UInt16]]()
        func anchor(_ a: UInt16, _ b: UInt16?) {
            first[Int(a)] = true
            guard let b else { second[a] = .some(nil); return }
            if case .some(nil) = second[a] { return }
            second[a] = .some((second[a] ?? []).map { $0.union([b]) } ?? [b])
        }
        for phrase in phrases {
            let written = caseSensitive ? phrase : phrase.lowercased()
            let units = written.utf16Array
            if units.allSatisfy({ $0 < 0x80 }) { ascii.append(units) }
            let bases = units.map { table[Int($0)] }
            if bases.contains(0xFFFF) || bases.isEmpty {
                // A phrase holding something not simple: every text may hold it.
                for u in 0..<0x10000 { first[u] = true; second[UInt16(u)] = .some(nil) }
                continue
            }
            if anchorFirst || units.count == 1 { anchor(bases[0], nil); continue }
            // The rarest pair of letters (then: of rarer letters, then of higher code points,
            // which in the UN scripts are the less common letters).
            var best: (score: (Int, Int, Int), pair: (UInt16, UInt16))?
            for k in 0..<(units.count - 1) where Chars.isLetter(units[k]) && Chars.isLetter(units[k + 1]) {
                let (a, b) = (bases[k], bases[k + 1])
                let score = (frequency[UInt32(a) << 16 | UInt32(b)] ?? 0,
                             (frequency[UInt32(a)] ?? 0) + (frequency[UInt32(b)] ?? 0), -Int(min(a, b)))
                if best == nil || score < best!.score { best = (score, (a, b)) }
            }
            if let (a, b) = best?.pair { anchor(a, b) } else { anchor(bases[0], nil) }
        }
        first[0xFFFF] = true
        second[0xFFFF] = .some(nil)
        self.first = first
        self.second = second
        self.asciiPhrases = ascii
        self.isEmpty = phrases.isEmpty
        self.table = table
    }

    /// How often each base and each pair of bases of `phrases` occurs in a list of words: the
    /// only counts a filter of those phrases looks up (`FilterCounts.frequency`, with this
    /// module's table of base letters).
    static func frequency(of words: [String], for phrases: [String]) -> [UInt32: Int] {
        FilterCounts.frequency(of: words, for: phrases, lower: tables.lower)
    }

    /// How often each base (`UInt32(base)`) and each pair of bases (`first << 16 | second`)
    /// occurs in a list of words: every count (the reference of the tests of
    /// `frequency(of:for:)`).
    static func frequency(of words: [String]) -> [UInt32: Int] {
        var counts = [UInt32: Int]()
        let table = tables.lower
        for word in words {
            var previous: UInt16?
            for u in word.utf16 {
                let base = table[Int(u)]
                counts[UInt32(base), default: 0] += 1
                if let previous { counts[UInt32(previous) << 16 | UInt32(base), default: 0] += 1 }
                previous = base
            }
        }
        return counts
    }

    var description: String {
        let pairs = second.keys.sorted().prefix(20).map { a in
            String(utf16Units: [a]) + (second[a].flatMap { $0 }.map { String(utf16Units: $0.sorted()) } ?? "*")
        }
        return "WordFilter(anchors: \(pairs.joined(separator: " ")))"
    }

    /// Whether the units may hold a phrase (false: they hold none).
    func mayMatch(_ units: ArraySlice<UInt16>) -> Bool {
        if isEmpty { return false }
        return table.withUnsafeBufferPointer { t in
            first.withUnsafeBufferPointer { f in
                var k = units.startIndex
                while k < units.endIndex {
                    let base = t[Int(units[k])]
                    if f[Int(base)] {
                        guard let followers = second[base] ?? nil else { return true }
                        if k + 1 < units.endIndex {
                            let next = t[Int(units[k + 1])]
                            if next == 0xFFFF || followers.contains(next) { return true }
                        }
                    }
                    k += 1
                }
                return false
            }
        }
    }

    /// Whether the unit may begin a phrase's first character (for words compared whole).
    func mayStart(_ unit: UInt16) -> Bool { !isEmpty && first[Int(table[Int(unit)])] }

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
    /// case mappings and decompositions; made once per ICU version and kept in the cache of
    /// derived tables (making them took a millisecond or two at every start).
    static let tables: (lower: [UInt16], same: [UInt16]) = {
        if let both = DerivedTables.units("base-letters", versions: [ICU.version], count: 0x20000, derive: { derivedTables().map { $0.lower + $0.same } }),
           both.count == 0x20000 {
            return (Array(both[..<0x10000]), Array(both[0x10000...]))
        }
        // Without ICU's tables every unit stays 0xFFFF: the filters then let everything pass
        // (slower, never wrong).
        return ([UInt16](repeating: 0xFFFF, count: 0x10000), [UInt16](repeating: 0xFFFF, count: 0x10000))
    }()

    /// The two tables from ICU (nil when it cannot give them).
    static func derivedTables() -> (lower: [UInt16], same: [UInt16])? {
        var lower = [UInt16](repeating: 0xFFFF, count: 0x10000)
        var same = [UInt16](repeating: 0xFFFF, count: 0x10000)
        let status = lower.withUnsafeMutableBufferPointer { l in
            same.withUnsafeMutableBufferPointer { s in concord_base_letter_tables(l.baseAddress, s.baseAddress, Int64(min(l.count, s.count))) }
        }
        return status == 0 ? (lower, same) : nil
    }
}
