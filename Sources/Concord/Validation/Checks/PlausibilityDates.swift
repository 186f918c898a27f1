/// What the document-level plausibility checks share: each GA or SC resolution cited with a
/// date of its own (`resolution 64/293 of 30 July 2010`, the date found as
/// `plausibility.ga-session-date` finds it), and where the citing document stands.
struct DatedResolution {
    var citation: Citation
    /// Where its own number stands.
    var span: Range<Int>
    var date: Citation
    /// `operative paragraph 3`, `footnote 5`.
    var place: String
}

extension ResolvedDocument {
    /// Every resolution cited with its own date, in the order of the text.
    func datedResolutions(_ context: CheckContext) -> [DatedResolution] {
        let distances = context.sessions.distances(language: language)
        guard distances.after != nil || distances.before != nil else { return [] }
        let units = document.source.units
        var result = [DatedResolution]()
        var names: [String: String]?
        let byUnit = Dictionary(grouping: citations) { "\($0.footnote ?? "")\u{0}\($0.paragraph ?? "")" }
        for unitKey in byUnit.keys.sorted() {
            let citations = byUnit[unitKey]!
            let spans = NumberToken.spans(of: citations, in: units)
            let near = Neighbourhood(citations: citations, spans: spans)
            for (index, citation) in citations.enumerated() where citation.kind == .resolution {
                guard let dateIndex = near.date(for: spans[index], units: units, distances: distances) else { continue }
                if names == nil, citation.footnote == nil { names = document.placeNames() }
                let place = citation.footnote.map { "footnote \($0)" } ?? citation.paragraph.flatMap { names?[$0] } ?? "the text"
                result.append(DatedResolution(citation: citation, span: spans[index], date: citations[dateIndex], place: place))
            }
        }
        return result.sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    /// `64/293` of `A/RES/64/293`, `1325 (2000)` of `S/RES/1325(2000)`: a resolution as a
    /// reader names it.
    static func readableNumber(_ key: String) -> String {
        for prefix in ["A/RES/", "S/RES/"] where key.hasPrefix(prefix) {
            let rest = String(key.dropFirst(prefix.count))
            return rest.replacingOccurrences(of: "(", with: " (")
        }
        return key
    }
}

enum DateKey {
    /// `date:2010-07-30` → `2010-07-30` when it is a full date, else nil.
    static func full(_ key: String?) -> String? {
        guard let key, key.hasPrefix("date:") else { return nil }
        let value = String(key.dropFirst(5))
        let parts = value.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        return value
    }
}
