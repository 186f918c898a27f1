/// Language-independent keys for resolutions and decisions: GA, SC, ECOSOC and HRC ones are
/// keyed by their document symbol, other bodies' by `resolution:BODY/NUMBER`.
struct ReferenceKeys: Sendable {
    let grammar: SymbolGrammar

    /// One resolution or decision number as cited: `64/293`, `1325 (2000)`, `2832 (XXVI)`,
    /// `2200 A (XXI)` (the part letter also in Cyrillic), `973 (د-10)` (Arabic writes the
    /// session in digits), `S-24/2`, `1/CP.21`, or a bare three- or four-digit number.
    /// The `{resnum}` placeholder of the rule files, and what pulls numbers out of a list.
    static let numberPattern = #"(?:(?:ES|S)-\d{1,2}/\d{1,3}|\d{1,4}/[A-Z]{1,4}\.\d{1,3}|\d{1,4}/\d{1,4}(?![\d/])|\d{1,4}(?:\s?[A-FАВСЕ](?=\s?\())?\s?\((?:\d{4}|[IVXLC]+|(?:ES|S)-[IVXLC]+|د-\d{1,2})\)|(?<![\d/])\d{3,4}(?![\d/]))"#

    /// `64/293` → `64/293`; `1325 (2000)` → `1325(2000)`; `2200 A (XXI)` → `2200(XXI)` (the
    /// part letter names a part of one document, A/RES/2200(XXI)).
    static func canonicalNumber(_ raw: String) -> String {
        var s = raw.filter { !$0.isWhitespace }.uppercased()
        // Arabic writes the session of a pre-1976 resolution in digits: 973 (د-10) is 973 (X).
        if let open = s.range(of: "(د-"), let close = s[open.upperBound...].firstIndex(of: ")"),
           (1...2).contains(s.distance(from: open.upperBound, to: close)), let n = Int(s[open.upperBound..<close]) {
            s.replaceSubrange(open.lowerBound...close, with: "(" + Chars.roman(n) + ")")
        }
        if let open = s.firstIndex(of: "("), open > s.startIndex {
            let before = s.index(before: open)
            if s[before].isLetter, s[before] != "S", open > s.index(after: s.startIndex),
               s[s.index(before: before)].isNumber {
                s.remove(at: before)
            }
        }
        return s
    }

    /// The issuing body a number's shape implies when the words name none: `1325 (2000)`
    /// (a year in brackets) and bare four-digit numbers are Security Council resolutions.
    static func impliedBody(_ number: String) -> String? {
        if let open = number.firstIndex(of: "(") {
            let inner = number[number.index(after: open)...].dropLast()
            if inner.count == 4, inner.allSatisfy(\.isNumber) { return "S" }
            return nil
        }
        if !number.contains("/"), number.count >= 3, number.allSatisfy(\.isNumber) { return "S" }
        return nil
    }

    func key(kind: CitationKind, body: String, number: String) -> (key: String, isSymbol: Bool) {
        if number.contains("/"), let slash = number.firstIndex(of: "/"),
           number[number.index(after: slash)...].first?.isLetter == true, number.contains(".") {
            return ("decision:\(number)", false)  // `1/CP.21` names its own body
        }
        let series = grammar.series(code: body)
        let template = kind == .decision ? series?.decisions : series?.resolutions
        if let template {
            return (template.replacingOccurrences(of: "{number}", with: number), true)
        }
        return ("\(kind == .decision ? "decision" : "resolution"):\(body)/\(number)", false)
    }
}
