/// The same document cited with two different titles in one document (`resolution 64/293,
/// entitled “United Nations Global Plan of Action”` in one paragraph, `entitled “Global Plan
/// of Action against Trafficking”` in another). Titles are compared after `CitedTitle.fold`,
/// so that quotes, case, spaces and a closing comma are no conflict; the words that introduce
/// a title are each language's `titles` in `Rules/languages/`.
public struct ConflictingTitle: DocumentCheck {
    public static let id = CheckID.plausibilityConflictingTitle
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [
            .markdown("The General Assembly,\n\n*Recalling* its resolution 64/293 of 30 July 2010, entitled “United Nations Global Plan of Action to Combat Trafficking in Persons”,\n\n1. *Reaffirms* its resolution 64/293, entitled “United Nations Global Plan of Action against Trafficking in Persons”;\n"),
            CheckExamples.Example([("doc.fr.md", "L'Assemblée générale,\n\n*Rappelant* sa résolution 70/1 du 25 septembre 2015, intitulée « Transformer notre monde : le Programme de développement durable à l'horizon 2030 »,\n\n1. *Réaffirme* sa résolution 70/1, intitulée « Transformer le monde : le Programme 2030 » ;\n")]),
            CheckExamples.Example([("doc.zh.md", "大会，\n\n1. 回顾其2015年9月25日题为“变革我们的世界：2030年可持续发展议程”的第70/1号决议；\n\n2. 又回顾大会2015年9月25日题为“变革世界：2030年议程”的第70/1号决议，并重申其中的承诺；\n")]),
        ],
        nonTriggering: [
            // The same title, written with other quotes, case, spaces and a closing comma.
            .markdown("The General Assembly,\n\n*Recalling* its resolution 64/293 of 30 July 2010, entitled “United Nations Global Plan of Action to Combat Trafficking in Persons,”\n\n1. *Reaffirms* its resolution 64/293, entitled \"United Nations global plan of action to  combat trafficking in persons\";\n"),
            // Two titles, two resolutions.
            .markdown("The General Assembly,\n\n*Recalling* its resolution 64/293, entitled “United Nations Global Plan of Action to Combat Trafficking in Persons”, and its resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”,\n"),
            CheckExamples.Example([("doc.es.md", "La Asamblea General,\n\n*Recordando* su resolución 70/1, de 25 de septiembre de 2015, titulada “Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible”,\n\n1. *Reafirma* su resolución 70/1, titulada «Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible»;\n")]),
        ])

    public init() {}

    public func findings(in resolved: ResolvedDocument, context: CheckContext) -> [Finding] {
        var first = [String: CitedTitle]()
        var reported = Set<String>()
        var findings = [Finding]()
        for titled in resolved.citedTitles(context) {
            guard let earlier = first[titled.key] else { first[titled.key] = titled; continue }
            guard earlier.folded != titled.folded, reported.insert("\(titled.key)\u{0}\(titled.folded)").inserted else { continue }
            let citation = resolved.citations[titled.citation], earlierCitation = resolved.citations[earlier.citation]
            let name = CitedTitle.readable(citation)
            findings.append(context.finding(Self.id, in: resolved.document, at: titled.range.lowerBound,
                                            "\(name) is entitled “\(titled.title)” in \(resolved.place(of: citation)) but “\(earlier.title)” in \(resolved.place(of: earlierCitation)): a document has one title; correct the one that is wrong",
                                            related: [resolved.document.location(of: earlier.range.lowerBound)],
                                            subject: "\(titled.key) titles"))
        }
        return findings
    }
}

extension CitedTitle {
    /// `resolution 64/293`, `decision 80/501`, `A/80/1`: a reference as a reader names it.
    static func readable(_ citation: Citation) -> String {
        let key = citation.key
        switch citation.kind {
        case .resolution:
            return "resolution " + (key.hasPrefix("resolution:") ? String(key.dropFirst(11)) : ResolvedDocument.readableNumber(key))
        case .decision: return "decision \(key.hasPrefix("decision:") ? String(key.dropFirst(9)) : key)"
        default: return key
        }
    }
}
