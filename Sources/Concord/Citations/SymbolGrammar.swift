import ConcordRuleFiles

/// Finds UN document symbols in normalized text, following the grammar of
/// `Rules/symbols.yml`: components separated by `/`, the first naming a series, at least one
/// holding a digit; `Add.1`, `Corr.1`, `(Part I)`, `(2000)` suffixes; double symbols joined
/// by `-`. Job numbers (no `/`), dates (they start with a digit) and sales numbers (no `/`)
/// are never symbols. Hand-written rather than a regular expression: it runs over every
/// character of every document.
public struct SymbolGrammar: Sendable {
    public struct Series: Sendable {
        public var prefix: String
        public var name: String
        public var resolutions: String?
        public var decisions: String?
    }

    public struct Found: Sendable, Equatable {
        /// The range in the normalized text.
        public var range: Range<Int>
        public var symbol: String
        /// The series' prefix, or nil for a series Rules/ does not know.
        public var series: String?
        public var malformed: Bool
        /// The other half of a double symbol.
        public var partner: String?
    }

    public let series: [Series]
    private let prefixes: [[UInt16]]
    public let examples: [(text: String, keys: [String])]
    public let counterExamples: [String]

    init(_ file: RuleFiles.Symbols) {
        series = file.series.map { Series(prefix: $0.prefix, name: $0.name, resolutions: $0.resolutions, decisions: $0.decisions) }
        prefixes = series.map { Array($0.prefix.utf16) }.sorted { $0.count > $1.count }
        examples = file.examples.match.map { ($0.text, $0.keys) }
        counterExamples = file.examples.noMatch
    }

    public func series(code: String) -> Series? { series.first { $0.prefix == code } }

    /// The longest known series prefix of a symbol.
    public func seriesPrefix(of symbol: [UInt16]) -> String? {
        for prefix in prefixes where symbol.count > prefix.count && Array(symbol[0..<prefix.count]) == prefix
            && (symbol[prefix.count] == 0x2F || symbol[prefix.count] == 0x28) {
            return String(utf16Units: prefix)
        }
        return nil
    }

    public func scan(_ u: [UInt16]) -> [Found] {
        var found = [Found]()
        var i = 0
        let n = u.count
        while i < n {
            guard isUpper(u[i]), i == 0 || !blocksStart(u[i - 1]) else { i += 1; continue }
            guard var symbol = parse(u, from: i) else { i += 1; continue }
            // A double symbol: `A/57/759-S/2003/332`.
            var second: Found?
            if symbol.range.upperBound + 1 < n, u[symbol.range.upperBound] == 0x2D, isUpper(u[symbol.range.upperBound + 1]),
               let next = parse(u, from: symbol.range.upperBound + 1), next.series != nil {
                second = next
                second?.partner = symbol.symbol
                symbol.partner = next.symbol
            }
            found.append(symbol)
            if let second { found.append(second) }
            i = (second ?? symbol).range.upperBound
        }
        return found
    }

    private func parse(_ u: [UInt16], from start: Int) -> Found? {
        let n = u.count
        // A symbol has two components at least: a `/` right after the first (or after its
        // bracketed part). The first component is made of letters, digits, `.` and `-` only,
        // so a word followed by anything else (most capitalized words) is refused here,
        // before a key is built for it.
        var end = start
        while end < n, isAlnum(u[end]) || u[end] == 0x2E || u[end] == 0x2D { end += 1 }
        guard end < n, u[end] == 0x2F || u[end] == 0x28
                || (u[end] == 0x20 && end + 3 < n && u[end + 1] == 0x28 && u[end + 2] == 0x50 && u[end + 3] == 0x61) else {
            return nil
        }
        var i = start
        var components = 0
        var hasDigit = false
        var malformed = false
        var key = [UInt16]()
        while i < n {
            // One component: tokens joined by `.` (`WG.4`, `CN.15`, `Add.1`) or `S-24`.
            let componentStart = i
            while i < n {
                let c = u[i]
                if isAlnum(c) {
                    if isDigit(c) { hasDigit = true }
                    key.append(c); i += 1
                } else if c == 0x2E, i + 1 < n, isAlnum(u[i + 1]), i > componentStart {
                    key.append(c); i += 1
                } else if c == 0x2D, i + 1 < n, isDigit(u[i + 1]), i > componentStart,
                          (i - componentStart) <= 2, (componentStart..<i).allSatisfy({ isUpper(u[$0]) }) {
                    key.append(c); i += 1  // S-24, ES-10
                } else {
                    break
                }
            }
            guard i > componentStart else { break }
            if components == 0, (componentStart..<i).contains(where: { !isUpper(u[$0]) && u[$0] != 0x2E }) {
                return nil  // the series is upper-case letters
            }
            if isLower(u[componentStart]) { return nil }
            components += 1
            // `(2000)`, `(PartI)`, ` (Part I)`
            if i < n, u[i] == 0x28 || (u[i] == 0x20 && i + 6 < n && u[i + 1] == 0x28 && u[i + 2] == 0x50 && u[i + 3] == 0x61) {
                let open = u[i] == 0x28 ? i : i + 1
                var j = open + 1
                while j < n, j - open < 20, isAlnum(u[j]) || u[j] == 0x20 { j += 1 }
                if j < n, u[j] == 0x29, j > open + 1 {
                    key.append(0x28)
                    for k in (open + 1)..<j where u[k] != 0x20 {
                        if isDigit(u[k]) { hasDigit = true }
                        key.append(u[k])
                    }
                    key.append(0x29)
                    i = j + 1
                }
            }
            guard i < n, u[i] == 0x2F else { break }
            if i + 1 >= n || !isAlnum(u[i + 1]) {
                // `A/RES/64/` — a symbol cut short.
                if components >= 2 { malformed = true; key.append(0x2F); i += 1 }
                break
            }
            key.append(0x2F)
            i += 1
        }
        guard components >= 2, hasDigit || malformed else { return nil }
        return Found(range: start..<i, symbol: String(utf16Units: key),
                     series: seriesPrefix(of: key), malformed: malformed, partner: nil)
    }

    private func isUpper(_ c: UInt16) -> Bool { c >= 0x41 && c <= 0x5A }
    private func isLower(_ c: UInt16) -> Bool { c >= 0x61 && c <= 0x7A }
    private func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }
    private func isAlnum(_ c: UInt16) -> Bool { isUpper(c) || isLower(c) || isDigit(c) }
    /// What may not stand right before a symbol: it would be inside a longer token.
    private func blocksStart(_ c: UInt16) -> Bool { isAlnum(c) || c == 0x2F || c == 0x2E || c == 0x2D || c == 0x5F }
}
