/// A footnote's marker stands in another paragraph than in the other versions.
public struct SetMarkerMoved: SetCheck {
    public static let id = CheckID.setMarkerMoved
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Takes note* of the report.\n\n[^1]: See A/64/PV.1.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n2. *Prend note* du rapport.\n\n[^1]: Voir A/64/PV.1.\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* su resolución 64/293;\n\n2. *Toma nota* del informe.[^1]\n\n[^1]: Véase A/64/PV.1.\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n2. *Takes note* of the report.\n\n[^1]: See A/64/PV.1.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n2. *Prend note* du rapport.\n\n[^1]: Voir A/64/PV.1.\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* su resolución 64/293;[^1]\n\n2. *Toma nota* del informe.\n\n[^1]: Véase A/64/PV.1.\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        var findings = [Finding]()
        for (r, present, units) in set.pairedFootnotes() {
            let markers = units.map(\.marker)
            guard let (marker, agreeing) = SetMajority.of(markers), let marker else { continue }
            for (i, v) in present.enumerated() {
                guard let mine = markers[i], mine != marker else { continue }
                let version = set.versions[v]
                let label = units[i].label ?? ""
                let offset = version.document.footnote(label)?.markers.first?.sourceRange.lowerBound ?? units[i].offset
                findings.append(set.finding(Self.id, context, version: v, offset: offset,
                                            message: "in the \(version.language) version the marker of footnote \(label) stands in \(set.name(of: mine, in: v)); \(set.names(agreeing.map { present[$0] })) have it in \(set.name(of: marker, in: present[agreeing[0]]))",
                                            related: agreeing.map { j in
                                                let other = set.versions[present[j]]
                                                let mark = other.document.footnote(units[j].label ?? "")?.markers.first?.sourceRange.lowerBound
                                                return set.location(present[j], mark ?? units[j].offset)
                                            },
                                            subject: "marker of footnote \(set.footnotes[set.reference][r].label ?? "")"))
            }
        }
        return findings
    }
}
