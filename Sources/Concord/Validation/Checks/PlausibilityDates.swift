import Foundation

/// What the plausibility checks share: each GA or SC resolution cited with a date of its own
/// (`resolution 64/293 of 30 July 2010`, the date found as `plausibility.ga-session-date`
/// finds it). Indices into the document's citations, not copies: a 50 MB line holds a
/// million of them.
struct DatedResolution: Sendable {
    /// The resolution's citation (an index into `ResolvedDocument.citations`).
    var citation: Int
    /// Its date's citation (an index into `ResolvedDocument.citations`).
    var date: Int
    /// Where its own number stands.
    var span: Range<Int>
}

/// The values several checks read from one document, computed once, on first use, by
/// whichever check asks first (`plausibility.ga-session-date`, `conflicting-date`,
/// `cited-after-adoption` and the set checks of the same facts all read the dated
/// resolutions). A copy of the document shares it; changing the document's citations or
/// document gives it a new, empty one.
final class DocumentMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var dated: [DatedResolution]?
    private var names: [String: String]?
    private var titled: [CitedTitle]?
    private var anchors: DocumentAnchors?

    /// The value under `path`, made by `make` the first time (under the lock: two threads
    /// asking at once make it once).
    private func value<T>(_ path: ReferenceWritableKeyPath<DocumentMemo, T?>, _ make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value = self[keyPath: path] { return value }
        let value = make()
        self[keyPath: path] = value
        return value
    }

    func datedResolutions(_ make: () -> [DatedResolution]) -> [DatedResolution] { value(\.dated, make) }
    func placeNames(_ make: () -> [String: String]) -> [String: String] { value(\.names, make) }
    func citedTitles(_ make: () -> [CitedTitle]) -> [CitedTitle] { value(\.titled, make) }
    func documentAnchors(_ make: () -> DocumentAnchors) -> DocumentAnchors { value(\.anchors, make) }
}

extension ResolvedDocument {
    /// The anchors of the document's units (`DocumentAnchors`), made once per document (the
    /// resolve stage's, `StructureDirection` and the repository entry read the same).
    var anchors: DocumentAnchors {
        memo.documentAnchors { DocumentAnchors(document) }
    }

    /// Every resolution cited with its own date, in the order of the text: computed once per
    /// document (with the sessions file of the first check that asks; a run has one).
    func datedResolutions(_ context: CheckContext) -> [DatedResolution] {
        memo.datedResolutions { computeDatedResolutions(context) }
    }

    /// `operative paragraph 3`, `footnote 5`, `the text`: where a citation stands, for messages.
    func place(of citation: Citation) -> String {
        if let label = citation.footnote { return "footnote \(label)" }
        guard let paragraph = citation.paragraph else { return "the text" }
        return memo.placeNames { document.placeNames() }[paragraph] ?? "the text"
    }

    private func computeDatedResolutions(_ context: CheckContext) -> [DatedResolution] {
        let distances = context.sessions.distances(language: language)
        guard distances.after != nil || distances.before != nil else { return [] }
        let units = document.source.units
        // The citations of each unit (paragraph or footnote), by index; a unit's citations
        // mostly stand together, so a run of one unit is one dictionary look-up.
        struct UnitKey: Hashable { var footnote: String?; var paragraph: String? }
        var order = [UnitKey]()
        var byUnit = [UnitKey: [Int]]()
        var last: (key: UnitKey, slot: [Int])?
        for (index, citation) in citations.enumerated() {
            let key = UnitKey(footnote: citation.footnote, paragraph: citation.paragraph)
            if last?.key == key { last!.slot.append(index); continue }
            if let done = last { byUnit[done.key] = done.slot }
            if byUnit[key] == nil { order.append(key) }
            last = (key, byUnit.removeValue(forKey: key) ?? [])
            last!.slot.append(index)
        }
        if let done = last { byUnit[done.key] = done.slot }
        var result = [DatedResolution]()
        for key in order {
            let indices = byUnit[key]!
            guard indices.contains(where: { citations[$0].kind == .resolution }) else { continue }
            let spans = NumberToken.spans(of: indices, in: citations, units: units)
            let near = Neighbourhood(citations: citations, indices: indices, spans: spans)
            for (position, index) in indices.enumerated() where citations[index].kind == .resolution {
                guard let dateIndex = near.date(for: spans[position], units: units, distances: distances) else { continue }
                result.append(DatedResolution(citation: index, date: dateIndex, span: spans[position]))
            }
        }
        result.sort { $0.span.lowerBound != $1.span.lowerBound ? $0.span.lowerBound < $1.span.lowerBound : $0.citation < $1.citation }
        return result
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
