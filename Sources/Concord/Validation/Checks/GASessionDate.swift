/// A General Assembly resolution cited with an adoption date outside its session's years
/// (`resolution 64/293 of 30 July 2012`): `Rules/sessions.yml` gives the sessions and how
/// near the date must stand.
public struct GASessionDate: DocumentCheck {
    public static let id = CheckID.plausibilityGASessionDate
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [
            .markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293 of 30 July 2012;\n"),
            .markdown("The General Assembly,\n\n1. *Recalls* its resolutions 44/12 of 9 December 1989 and 45/3 of 4 December 1989;\n"),
            CheckExamples.Example([("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 2832 (XXVI) du 16 décembre 1975 ;\n")]),
            CheckExamples.Example([("doc.zh.md", "大会，\n\n1. 回顾其2010年7月30日第64/293号决议；\n\n2. 又回顾大会2012年9月22日第65/1号决议；\n")]),
        ],
        nonTriggering: [
            .markdown("The General Assembly,\n\n1. *Recalls* its resolution 64/293 of 30 July 2010;\n"),
            .markdown("The General Assembly,\n\n1. *Recalls* its resolutions 44/12 of 9 December 1989 and 45/3 of 4 December 1990, and resolution ES-10/2 of 25 April 1997;\n"),
            CheckExamples.Example([("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 2832 (XXVI) du 16 décembre 1971 ;\n")]),
            CheckExamples.Example([("doc.zh.md", "大会，\n\n1. 回顾其2010年7月30日第64/293号决议；\n\n2. 又回顾大会2010年9月22日第65/1号决议；\n")]),
        ])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        let distances = context.sessions.distances(language: resolved.language)
        guard distances.after != nil || distances.before != nil else { return [] }
        let units = resolved.document.source.units
        var findings = [Finding]()
        var names: [String: String]?
        var reported = Set<String>()
        let byUnit = Dictionary(grouping: resolved.citations) { "\($0.footnote ?? "")\u{0}\($0.paragraph ?? "")" }
        for unitKey in byUnit.keys.sorted() {
            let citations = byUnit[unitKey]!
            let spans = citations.map { NumberToken.span(of: $0, in: units) }
            for (index, citation) in citations.enumerated() where citation.kind == .resolution {
                guard SessionCatalogue.session(ofKey: citation.key) != nil else { continue }
                let span = spans[index]
                guard let dateIndex = date(for: index, span: span, citations: citations, spans: spans, units: units, distances: distances),
                      let (session, window) = context.sessions.contradicts(resolution: citation.key, date: citations[dateIndex].key) else { continue }
                let date = citations[dateIndex]
                let unitID = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph ?? ""
                guard reported.insert("\(citation.key) \(date.key) \(unitID) \(span.lowerBound)").inserted else { continue }
                if names == nil, citation.footnote == nil { names = resolved.document.placeNames() }
                let place = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph.flatMap { names?[$0] } ?? "the text"
                let number = String(citation.key.dropFirst("A/RES/".count))
                let what = session.hasPrefix("ES-") ? "emergency special session \(session.dropFirst(3))"
                    : session.hasPrefix("S-") ? "special session \(session.dropFirst(2))" : "session \(session)"
                let message = "resolution \(number) in \(place) is dated \(date.text), but resolutions of \(what) were adopted \(window.description): the number or the date is wrong"
                findings.append(context.finding(Self.id, in: resolved.document, at: span.lowerBound, message,
                                                related: [resolved.document.location(of: date.sourceRange.lowerBound)],
                                                subject: "\(citation.key) of \(date.key) in \(unitID)"))
            }
        }
        return findings
    }

    /// The index of the date citation that is the resolution's own: adjacent on the side the
    /// language puts it, with no other citation and no semicolon in between.
    func date(for index: Int, span: Range<Int>, citations: [Citation], spans: [Range<Int>], units: [UInt16],
              distances: (after: Int?, before: Int?)) -> Int? {
        var best: (index: Int, distance: Int)?
        for (other, candidate) in citations.enumerated() where candidate.kind == .date {
            let range = candidate.sourceRange
            var gap: Range<Int>?
            if let after = distances.after, range.lowerBound >= span.upperBound, range.lowerBound - span.upperBound <= after {
                gap = span.upperBound..<range.lowerBound
            } else if let before = distances.before, range.upperBound <= span.lowerBound, span.lowerBound - range.upperBound <= before {
                gap = range.upperBound..<span.lowerBound
            }
            guard let gap else { continue }
            if units[gap].contains(where: { [0x3B, 0xFF1B, 0x3002, 0x0A, 0x2E].contains($0) }) { continue }  // ; ； 。 newline .
            let blocked = spans.indices.contains { k in
                guard k != index, k != other else { return false }
                let s = spans[k]
                let overlaps = s.lowerBound < gap.upperBound && gap.lowerBound < s.upperBound
                let encloses = s.lowerBound <= gap.lowerBound && gap.upperBound <= s.upperBound
                return overlaps && !encloses
            }
            if blocked { continue }
            if best == nil || gap.count < best!.distance { best = (other, gap.count) }
        }
        return best?.index
    }
}

/// Where a resolution's own number stands in the source: `64/293` of `A/RES/64/293`, `2832` of
/// `A/RES/2832(XXVI)`, `1325` of `S/RES/1325(2000)`. A list (`resolutions 44/12 and 45/3`)
/// is several citations over one range; each finds its own number in it. Anything else, or
/// a number not found as written, keeps the citation's range.
enum NumberToken {
    static func token(of key: String) -> String? {
        for prefix in ["A/RES/", "S/RES/"] where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            return String(rest.prefix { $0 != "(" })
        }
        return nil
    }

    static func span(of citation: Citation, in units: [UInt16]) -> Range<Int> {
        let range = citation.sourceRange
        guard citation.kind == .resolution || citation.kind == .decision, let token = token(of: citation.key), !token.isEmpty,
              range.upperBound <= units.count else { return range }
        let needle = Array(token.utf16)
        func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
        func isLetter(_ u: UInt16) -> Bool { (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            if units[i..<i + needle.count].elementsEqual(needle),
               i == 0 || !(isDigit(units[i - 1]) || isLetter(units[i - 1]) || units[i - 1] == 0x2D),
               i + needle.count >= units.count || !(isDigit(units[i + needle.count]) || units[i + needle.count] == 0x2F) {
                return i..<i + needle.count
            }
            i += 1
        }
        return range
    }
}
