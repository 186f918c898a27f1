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
            let spans = NumberToken.spans(of: citations, in: units)
            let near = Neighbourhood(citations: citations, spans: spans)
            for (index, citation) in citations.enumerated() where citation.kind == .resolution {
                guard SessionCatalogue.session(ofKey: citation.key) != nil else { continue }
                let span = spans[index]
                guard let dateIndex = near.date(for: span, units: units, distances: distances),
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

}

/// The citations of one unit, sorted for the search of a resolution's own date: the dates by
/// start and by end, and every citation's bounds (a citation's number for a resolution), so
/// that "nothing between" is a binary search, not a scan.
struct Neighbourhood {
    let dateStarts: [(offset: Int, index: Int)]
    let dateEnds: [(offset: Int, index: Int)]
    let startOffsets: [Int]
    let endOffsets: [Int]
    let bounds: [Int]

    init(citations: [Citation], spans: [Range<Int>]) {
        let dates = citations.indices.filter { citations[$0].kind == .date }
        dateStarts = dates.map { (citations[$0].sourceRange.lowerBound, $0) }.sorted { $0.offset < $1.offset }
        dateEnds = dates.map { (citations[$0].sourceRange.upperBound, $0) }.sorted { $0.offset < $1.offset }
        startOffsets = dateStarts.map(\.offset)
        endOffsets = dateEnds.map(\.offset)
        bounds = (spans.map(\.lowerBound) + spans.map(\.upperBound)).sorted()
    }

    /// The first position in sorted `values` whose value is at least `value`.
    static func lowerBound(_ values: [Int], _ value: Int) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index of the date that is the resolution's own: the nearest on the side the
    /// language puts it, within the distance, with no other citation starting or ending in
    /// the gap (a list enclosing both is not between) and no semicolon or full stop in it.
    func date(for span: Range<Int>, units: [UInt16], distances: (after: Int?, before: Int?)) -> Int? {
        var candidates = [(gap: Range<Int>, index: Int)]()
        if let after = distances.after {
            let i = Self.lowerBound(startOffsets, span.upperBound)
            if i < dateStarts.count, dateStarts[i].offset - span.upperBound <= after {
                candidates.append((span.upperBound..<dateStarts[i].offset, dateStarts[i].index))
            }
        }
        if let before = distances.before {
            let i = Self.lowerBound(endOffsets, span.lowerBound + 1) - 1
            if i >= 0, span.lowerBound - dateEnds[i].offset <= before {
                candidates.append((dateEnds[i].offset..<span.lowerBound, dateEnds[i].index))
            }
        }
        for (gap, index) in candidates.sorted(by: { $0.gap.count < $1.gap.count }) {
            if units[gap].contains(where: { [0x3B, 0xFF1B, 0x3002, 0x2E].contains($0) }) { continue }  // ; ； 。 .
            let first = Self.lowerBound(bounds, gap.lowerBound + 1)
            if first < bounds.count, bounds[first] < gap.upperBound { continue }
            return index
        }
        return nil
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

    /// The spans of a unit's citations; the members of a list (one range) are looked for one
    /// after the other, each from where the previous one was found.
    static func spans(of citations: [Citation], in units: [UInt16]) -> [Range<Int>] {
        var cursor = [Range<Int>: Int]()
        return citations.map { citation in
            let span = span(of: citation, in: units, from: cursor[citation.sourceRange])
            if span != citation.sourceRange { cursor[citation.sourceRange] = span.upperBound }
            return span
        }
    }

    static func span(of citation: Citation, in units: [UInt16], from start: Int? = nil) -> Range<Int> {
        let range = citation.sourceRange
        guard citation.kind == .resolution || citation.kind == .decision, let token = token(of: citation.key), !token.isEmpty,
              range.upperBound <= units.count else { return range }
        let needle = Array(token.utf16)
        func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
        func isLetter(_ u: UInt16) -> Bool { (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
        var i = start ?? range.lowerBound
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
