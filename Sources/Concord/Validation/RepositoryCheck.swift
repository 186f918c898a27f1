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

    static func finding(_ citation: OutgoingCitation, _ message: String, target: IndexedDocument?, subject: String, context: CheckContext) -> Finding {
        let related = target.map { [Location(file: $0.file, line: 1, column: 1, message: "the cited document \($0.name)")] } ?? []
        return Finding(rule: id, severity: context.catalogue.severity(id), message: message, location: citation.location,
                       related: related, subject: subject)
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
