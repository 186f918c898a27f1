/// The versions do not have the same preambular, operative or annex paragraphs: a different
/// count, or an operative or annex paragraph numbered differently at the same place.
public struct SetParagraphCount: SetCheck {
    public static let id = CheckID.setParagraphCount
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Requests* a report;\n\n2. *Decides* to remain seized of the matter.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Demande* un rapport;\n\n2. *Décide* de rester saisie de la question.\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Solicita* un informe;\n\n2. *Decide* seguir ocupándose de la cuestión;\n\n3. *Decide también* examinar el informe.\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Requests* a report;\n\n2. *Decides* to remain seized of the matter.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Demande* un rapport;\n\n2. *Décide* de rester saisie de la question.\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Solicita* un informe;\n\n2. *Decide* seguir ocupándose de la cuestión.\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        var findings = [Finding]()
        for kind in VersionAlignment.comparedKinds {
            let units = set.paragraphs[kind]!
            let plural = kind.readableName + "s"
            func has(_ n: Int) -> String { Plural.count(n, kind.readableName) }
            let counts = units.map(\.count)
            func first(_ v: Int) -> Int { units[v].first?.offset ?? 0 }
            if let (count, agreeing) = SetMajority.of(counts), counts.contains(where: { $0 != count }) {
                for v in set.versions.indices where counts[v] != count {
                    findings.append(set.finding(Self.id, context, version: v, offset: first(v),
                                                message: "the \(set.versions[v].language) version has \(has(counts[v])); \(set.names(agreeing)) have \(count)",
                                                related: agreeing.map { set.location($0, first($0)) }, subject: "\(plural) count"))
                }
                continue
            }
            guard set.pairs(kind) else {
                if set.versions.count == 2 {
                    findings.append(set.finding(Self.id, context, version: 1, offset: first(1),
                                                message: "the \(set.versions[1].language) version has \(has(counts[1])); the \(set.versions[0].language) version has \(counts[0])",
                                                related: [set.location(0, first(0))], subject: "\(plural) count"))
                }
                continue
            }
            guard kind != .preambular else { continue }
            // Paired by order: the same numbers.
            for position in 0..<(counts.first ?? 0) {
                let numbers = units.map { $0[position].number ?? -1 }
                guard let (number, agreeing) = SetMajority.of(numbers) else { continue }
                let name = kind == .annex ? "annex" : "operative"
                for v in set.versions.indices where numbers[v] != number {
                    findings.append(set.finding(Self.id, context, version: v, offset: units[v][position].offset,
                                                message: "the \(set.versions[v].language) version numbers \(name) paragraph \(number) as \(numbers[v]); \(set.names(agreeing)) number it \(number)",
                                                related: agreeing.map { set.location($0, units[$0][position].offset) },
                                                subject: "\(kind.rawValue) #\(position + 1) number"))
                }
            }
        }
        return findings
    }
}
