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
        var findings = [Finding]()
        var reported = Set<String>()
        for dated in resolved.datedResolutions(context) {
            let citation = resolved.citations[dated.citation], date = resolved.citations[dated.date]
            guard SessionCatalogue.session(ofKey: citation.key) != nil,
                  let (session, window) = context.sessions.contradicts(resolution: citation.key, date: date.key) else { continue }
            let unitID = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph ?? ""
            guard reported.insert("\(citation.key) \(date.key) \(unitID) \(dated.span.lowerBound)").inserted else { continue }
            let number = String(citation.key.dropFirst("A/RES/".count))
            let what = session.hasPrefix("ES-") ? "emergency special session \(session.dropFirst(3))"
                : session.hasPrefix("S-") ? "special session \(session.dropFirst(2))" : "session \(session)"
            let message = "resolution \(number) in \(resolved.place(of: citation)) is dated \(date.text), but resolutions of \(what) were adopted \(window.description): the number or the date is wrong"
            findings.append(context.finding(Self.id, in: resolved.document, at: dated.span.lowerBound, message,
                                            related: [resolved.document.location(of: date.sourceRange.lowerBound)],
                                            subject: "\(citation.key) of \(date.key) in \(unitID)"))
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

    /// `indices`: one unit's citations (into `citations`), `spans` parallel to them; the
    /// dates found are given by their index into `citations`.
    init(citations: [Citation], indices: [Int], spans: [Range<Int>]) {
        var starts = [(offset: Int, index: Int)](), ends = [(offset: Int, index: Int)]()
        for index in indices where citations[index].kind == .date {
            starts.append((citations[index].sourceRange.lowerBound, index))
            ends.append((citations[index].sourceRange.upperBound, index))
        }
        starts.sort { $0.offset < $1.offset }
        ends.sort { $0.offset < $1.offset }
        dateStarts = starts
        dateEnds = ends
        startOffsets = starts.map(\.offset)
        endOffsets = ends.map(\.offset)
        var bounds = [Int]()
        bounds.reserveCapacity(spans.count * 2)
        for span in spans { bounds.append(span.lowerBound); bounds.append(span.upperBound) }
        bounds.sort()
        self.bounds = bounds
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
        // At most two candidates, nearest gap first (no array: this runs once per resolution).
        var after: (gap: Range<Int>, index: Int)?, before: (gap: Range<Int>, index: Int)?
        if let distance = distances.after {
            let i = Self.lowerBound(startOffsets, span.upperBound)
            if i < dateStarts.count, dateStarts[i].offset - span.upperBound <= distance {
                after = (span.upperBound..<dateStarts[i].offset, dateStarts[i].index)
            }
        }
        if let distance = distances.before {
            let i = Self.lowerBound(endOffsets, span.lowerBound + 1) - 1
            if i >= 0, span.lowerBound - dateEnds[i].offset <= distance {
                before = (dateEnds[i].offset..<span.lowerBound, dateEnds[i].index)
            }
        }
        if let a = after, let b = before, b.gap.count < a.gap.count { swap(&after, &before) }
        for candidate in [after, before] {
            guard let (gap, index) = candidate else { continue }
            if units[gap].contains(where: { $0 == 0x3B || $0 == 0xFF1B || $0 == 0x3002 || $0 == 0x2E }) { continue }  // ; ； 。 .
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

    /// The spans of a unit's citations (`indices` into `citations`); the members of a list
    /// (one range) are looked for one after the other, each from where the previous one was
    /// found.
    static func spans(of indices: [Int], in citations: [Citation], units: [UInt16]) -> [Range<Int>] {
        var cursor = [Range<Int>: Int]()
        var previous: (range: Range<Int>, end: Int)?
        var result = [Range<Int>]()
        result.reserveCapacity(indices.count)
        for index in indices {
            let citation = citations[index]
            // A list's members follow each other: the last one found is the common case.
            let from = previous?.range == citation.sourceRange ? previous!.end : cursor[citation.sourceRange]
            let span = span(of: citation, in: units, from: from)
            if span != citation.sourceRange {
                if let done = previous, done.range != citation.sourceRange { cursor[done.range] = done.end }
                previous = (citation.sourceRange, span.upperBound)
            }
            result.append(span)
        }
        return result
    }

    /// The spans of a unit's citations, in their order.
    static func spans(of citations: [Citation], in units: [UInt16]) -> [Range<Int>] {
        spans(of: Array(citations.indices), in: citations, units: units)
    }

    static func span(of citation: Citation, in units: [UInt16], from start: Int? = nil) -> Range<Int> {
        let range = citation.sourceRange
        guard citation.kind == .resolution || citation.kind == .decision, range.upperBound <= units.count else { return range }
        // The number of `A/RES/64/293` or `S/RES/1325(2000)`, read from the key's UTF-16
        // without making a string of it.
        let key = citation.key.utf16
        guard key.starts(with: "A/RES/".utf16) || key.starts(with: "S/RES/".utf16) else { return range }
        let needle = key.dropFirst(6).prefix { $0 != 0x28 }  // (
        guard !needle.isEmpty else { return range }
        let length = needle.count
        func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
        func isLetter(_ u: UInt16) -> Bool { (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
        var i = start ?? range.lowerBound
        while i + length <= range.upperBound {
            if units[i..<i + length].elementsEqual(needle),
               i == 0 || !(isDigit(units[i - 1]) || isLetter(units[i - 1]) || units[i - 1] == 0x2D),
               i + length >= units.count || !(isDigit(units[i + length]) || units[i + length] == 0x2F) {
                return i..<i + length
            }
            i += 1
        }
        return range
    }
}
