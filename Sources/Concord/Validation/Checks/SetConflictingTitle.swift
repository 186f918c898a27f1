/// A reference given a different number of titles in one language version than in the
/// others (the French cites 70/1 with two different titles, the other versions with one
/// throughout). Titles cannot be compared across languages, so the versions are compared by
/// the count of distinct titles each gives a reference (after `CitedTitle.fold`), among the
/// versions that give it a title at all; the version out of line is named by the majority
/// rule of the other set checks.
public struct SetConflictingTitle: SetCheck {
    public static let id = CheckID.setConflictingTitle
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n*Recalling* its resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”,\n\n1. *Reaffirms* its resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”;\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n*Rappelant* sa résolution 70/1, intitulée « Transformer notre monde : le Programme de développement durable à l'horizon 2030 »,\n\n1. *Réaffirme* sa résolution 70/1, intitulée « Transformer le monde : le Programme 2030 » ;\n"),
            ("doc.es.md", "La Asamblea General,\n\n*Recordando* su resolución 70/1, titulada “Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible”,\n\n1. *Reafirma* su resolución 70/1, titulada «Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible»;\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n*Recalling* its resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”,\n\n1. *Reaffirms* its resolution 70/1, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”;\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n*Rappelant* sa résolution 70/1, intitulée « Transformer notre monde : le Programme de développement durable à l'horizon 2030 »,\n\n1. *Réaffirme* sa résolution 70/1 ;\n"),
            ("doc.es.md", "La Asamblea General,\n\n*Recordando* su resolución 70/1, titulada “Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible”,\n\n1. *Reafirma* su resolución 70/1, titulada «Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible»;\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        // Per version: each reference's distinct titles, in the order first given.
        var titles = [[String: [CitedTitle]]]()
        for version in set.versions {
            var given = [String: [CitedTitle]]()
            for titled in version.citedTitles(context) where !(given[titled.key]?.contains { $0.folded == titled.folded } ?? false) {
                given[titled.key, default: []].append(titled)
            }
            titles.append(given)
        }
        var findings = [Finding]()
        for key in Set(titles.flatMap(\.keys)).sorted() {
            let present = set.versions.indices.filter { titles[$0][key] != nil }
            guard present.count >= 2 else { continue }
            let counts = present.map { titles[$0][key]!.count }
            func describe(_ v: Int) -> String {
                titles[v][key]!.map { "“\($0.title)” in \(set.versions[v].place(of: set.versions[v].citations[$0.citation]))" }.joined(separator: ", ")
            }
            func several(_ n: Int) -> String { n == 1 ? "one title" : "\(n) different titles" }
            let name = CitedTitle.readable(set.versions[present[0]].citations[titles[present[0]][key]![0].citation])
            findings += set.disagreements(
                Self.id, context, present: present, values: counts, subject: "\(key) titles",
                at: { titles[$0][key]!.last!.range.lowerBound },
                odd: { v, count, common, agreeing in
                    "the \(set.versions[v].language) version gives \(name) \(several(count)) (\(describe(v))); \(set.names(agreeing)) \(agreeing.count == 1 ? "gives" : "give") it \(several(common)): check that the \(set.versions[v].language) titles translate the same title"
                },
                tie: { "the versions give \(name) different numbers of titles: \($0); a document has one title" })
        }
        return findings
    }
}
