/// The versions do not have the same footnotes: one is missing, or one is extra.
public struct SetFootnoteCount: SetCheck {
    public static let id = CheckID.setFootnoteCount
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Takes note* of the report.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: A/65/100.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n2. *Prend note* du rapport.[^2]\n\n[^1]: Voir A/64/PV.1.\n[^2]: A/65/100.\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* su resolución 64/293;[^1]\n\n2. *Toma nota* del informe.\n\n[^1]: Véase A/64/PV.1.\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Takes note* of the report.[^2]\n\n[^1]: See A/64/PV.1.\n[^2]: A/65/100.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n2. *Prend note* du rapport.[^2]\n\n[^1]: Voir A/64/PV.1.\n[^2]: A/65/100.\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* su resolución 64/293;[^1]\n\n2. *Toma nota* del informe.[^2]\n\n[^1]: Véase A/64/PV.1.\n[^2]: A/65/100.\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        var findings = [Finding]()
        let notes = set.footnotes
        let reference = set.reference
        let counts = notes.map(\.count)
        let agreeingCount = SetMajority.of(counts)?.holders ?? [0]
        let others = set.versions.count > 2 ? set.names(agreeingCount) : "the \(set.versions[reference].language) version"
        let have = agreeingCount.count > 1 ? "have" : "has"
        for (v, mine) in notes.enumerated() where v != reference {
            let pairs = set.footnotePairs[v]
            let missing = (0..<notes[reference].count).filter { pairs[$0] == nil }
            let extra = (0..<mine.count).filter { !pairs.contains($0) }
            guard !missing.isEmpty || !extra.isEmpty || mine.count != notes[reference].count else { continue }
            var parts = [String]()
            for r in missing {
                let ref = notes[reference][r]
                parts.append("footnote \(ref.label ?? "?") of the others (\(VersionAlignment.summary(ref.keys))) is missing")
            }
            for e in extra { parts.append("its footnote \(mine[e].label ?? "?") (\(VersionAlignment.summary(mine[e].keys))) is not in the others") }
            // Where the missing footnote's marker would be: the same paragraph.
            let offset = missing.first.flatMap { r in notes[reference][r].marker.flatMap { set.offset(of: $0, in: v) } }
                ?? extra.first.map { mine[$0].offset } ?? mine.first?.offset ?? 0
            let label: String? = missing.first.flatMap { notes[reference][$0].label }
            findings.append(set.finding(Self.id, context, version: v, offset: offset,
                                        message: "the \(set.versions[v].language) version has \(Plural.count(mine.count, "footnote")); \(others) \(have) \(notes[reference].count)\(parts.isEmpty ? "" : ": " + parts.joined(separator: "; "))",
                                        related: set.versions.indices.filter { $0 != v }.map { o in
                                            let unit = notes[o].first { label != nil && $0.label == label } ?? notes[o].first
                                            return set.location(o, unit?.offset ?? 0)
                                        },
                                        subject: "footnotes"))
        }
        return findings
    }
}
