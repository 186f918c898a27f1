/// Language-independent keys for resolutions and decisions: GA, SC, ECOSOC and HRC ones are
/// keyed by their document symbol, other bodies' by `resolution:BODY/NUMBER`.
struct ReferenceKeys: Sendable {
    let grammar: SymbolGrammar

    /// The issuing body a number's shape implies when the words name none: `1325 (2000)`
    /// (a year in brackets) and bare four-digit numbers are Security Council resolutions.
    static func impliedBody(_ number: String) -> String? {
        if let open = number.firstIndex(of: "(") {
            let inner = number[number.index(after: open)...].dropLast()
            if inner.count == 4, inner.allSatisfy(\.isNumber) { return "S" }
            return nil
        }
        if !number.containsASCII("/"), number.count >= 3, number.allSatisfy(\.isNumber) { return "S" }
        return nil
    }

    /// The body whose resolution a number is, given the body the words name: special and
    /// emergency special session numbers (`S-10/2`, `ES-10/19`) are the General Assembly's
    /// even in a list that a Security Council resolution opened (the Council has no sessions).
    static func body(_ named: String, for number: String) -> String {
        named == "S" && (number.hasPrefix("ES-") || number.hasPrefix("S-")) ? "A" : named
    }

    func key(kind: CitationKind, body: String, number: String) -> (key: String, isSymbol: Bool) {
        if number.containsASCII("/"), let slash = number.firstIndex(of: "/"),
           number[number.index(after: slash)...].first?.isLetter == true, number.containsASCII(".") {
            return ("decision:\(number)", false)  // `1/CP.21` names its own body
        }
        let series = grammar.series(code: body)
        let template = kind == .decision ? series?.decisions : series?.resolutions
        if let template {
            return (template.replacingLiteral("{number}", with: number), true)
        }
        return ("\(kind == .decision ? "decision" : "resolution"):\(body)/\(number)", false)
    }
}

extension ReferenceKeys {
    /// `yyyy-mm-dd` (`String(format: "%04d-%02d-%02d", …)` without Foundation's formatter,
    /// which was 1 % of a check of 10 MB of resolutions); `--mm-dd` without a year.
    static func isoDate(year: Int?, month: Int, day: Int) -> String {
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n.magnitude)
            let zeros = String(repeating: "0", count: max(0, width - digits.count - (n < 0 ? 1 : 0)))
            return (n < 0 ? "-" : "") + zeros + digits
        }
        return (year.map { padded($0, 4) } ?? "-") + "-" + padded(month, 2) + "-" + padded(day, 2)
    }
}
