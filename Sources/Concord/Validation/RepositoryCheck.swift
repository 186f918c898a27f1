/// A check across the documents of a repository: citations of one document checked
/// against the index of all.
public protocol RepositoryCheck: Check {
    init()
    func findings(in index: DocumentIndex, context: CheckContext) -> [Finding]
}

extension RepositoryCheck {
    /// Every citation of a reported document, in file and source order.
    static func citations(_ index: DocumentIndex) -> [OutgoingCitation] {
        index.entries.filter(\.document.reported).flatMap(\.citations)
    }

    /// A finding at the citation, its related location (and JSON `target`) the cited unit of
    /// the target document: `anchor` when given (a missing unit: the nearest enclosing unit the
    /// document has, else its first line), else the document's first line.
    static func finding(_ citation: OutgoingCitation, _ message: String, target: IndexedDocument?, anchor: String? = nil,
                        subject: String, context: CheckContext) -> Finding {
        var finding = Finding(rule: id, severity: context.catalogue.severity(id), message: message, location: citation.location,
                              related: [], subject: subject)
        if let target {
            let line = anchor.flatMap { target.line(of: $0) } ?? 1
            let held = anchor.map { target.anchors.contains($0) } ?? false
            let what = anchor.map { held ? "\(AnchorNames.readable($0)) of \(target.name), cited" : "\(target.name), which lacks \(AnchorNames.readable($0))" }
                ?? "the cited document \(target.name)"
            finding.related = [Location(file: target.file, line: line, column: 1, message: what)]
            finding.target = FindingTarget(document: target.name, file: target.file, anchor: anchor, line: line)
        }
        return finding
    }
}

/// How a message names anchors: `paragraph 52`, `paragraphs 52 and 53`, `paragraph 3 of annex 2`.
enum AnchorNames {
    static func readable(_ anchor: String) -> String {
        anchor.split(separator: "/").reversed().map { part -> String in
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2 else { return String(part) }
            return "\(pieces[0]) \(pieces[1])"
        }.joined(separator: " of ")
    }

    static func list(_ anchors: [String]) -> String {
        let names = anchors.map(readable)
        if names.count <= 1 { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
