/// A paragraph or footnote cites something else than in the other versions. Pins that name
/// the same unit more or less precisely (`article:9` beside `article:9(3)(b)`) are left to
/// `set.coarser-pin`, a warning.
public struct SetCitationMismatch: SetCheck {
    public static let id = CheckID.setCitationMismatch
    public static let defaultSeverity = Severity.error
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n[^1]: See A/64/PV.1.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n[^1]: Voir A/64/PV.1.\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* su resolución 64/239;[^1]\n\n[^1]: Véase A/64/PV.1.\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* its resolution 64/293;[^1]\n\n[^1]: See A/64/PV.1.\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* sa résolution 64/293;[^1]\n\n[^1]: Voir A/64/PV.1.\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* su resolución 64/293;[^1]\n\n[^1]: Véase A/64/PV.1.\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        // A key whose numbers stand unused in the other side's text is `set.unkeyed-trace`.
        KeyTrace.units(of: set, context: context).flatMap { compare(set, $0.versions, $0.units, $0.texts, context) }
    }

    private func compare(_ set: VersionAlignment, _ present: [Int], _ units: [VersionAlignment.Unit], _ texts: [Set<String>], _ context: CheckContext) -> [Finding] {
        // A date without its year in one version stands for the others' full date; ranges
        // and the kinds translation traditions interchange compare as `Rules/checks.yml` says.
        guard VersionAlignment.keyDifferently(units) else { return [] }
        let keys = context.catalogue.comparison.reconcile(YearlessDates.reconcile(units.map(\.keys)))
        guard keys.contains(where: { $0 != keys[0] }) else { return [] }
        let language = { (i: Int) in set.versions[present[i]].language }
        if let (_, agreeing) = SetMajority.of(keys) {
            let others = set.names(agreeing.map { present[$0] })
            let verb = agreeing.count == 1 ? "cites" : "cite"
            // What leaves no trace (`KeyTrace`): the rest is `set.unkeyed-trace`.
            let differences = KeyTrace.differences(units, texts: texts, context: context).map { d in
                (d.version, (extra: d.extra, missing: d.missing))
            }.filter { !$0.1.extra.isEmpty || !$0.1.missing.isEmpty }
            return differences.map { i, difference in
                let (extra, missing) = difference
                let message: String
                if !extra.isEmpty, !missing.isEmpty {
                    message = "the \(language(i)) version cites \(VersionAlignment.summary(extra, ranges: true)) in \(units[i].name); \(others) \(verb) \(VersionAlignment.summary(missing, ranges: true))"
                } else if !missing.isEmpty {
                    message = "the \(language(i)) version does not cite \(VersionAlignment.summary(missing, ranges: true)) in \(units[i].name), as \(others) do"
                } else {
                    message = "the \(language(i)) version cites \(VersionAlignment.summary(extra, ranges: true)) in \(units[i].name), which \(others) do not"
                }
                let at = units[i].citations.first { context.catalogue.comparison.stands($0.key, among: extra) }?.sourceRange.lowerBound ?? units[i].offset
                return set.finding(Self.id, context, version: present[i], offset: at, message: message,
                                   related: agreeing.map { set.location(present[$0], units[$0].offset) },
                                   subject: "\(units[i].name) citations")
            }
        }
        // No majority (two versions, or a tie): one finding that names every version, unless
        // they differ only in the precision of their pins.
        if keys.allSatisfy({ k in
            let rest = PinPrecision.reconcile(k.subtracting(keys[0]), keys[0].subtracting(k))
            return rest.extra.isEmpty && rest.missing.isEmpty
        }) { return [] }
        let description = units.indices.map { "\(language($0)) cites \(VersionAlignment.summary(keys[$0], ranges: true))" }.joined(separator: "; ")
        let last = units.count - 1
        return [set.finding(Self.id, context, version: present[last], offset: units[last].offset,
                            message: "the versions cite different references in \(units[last].name): \(description)",
                            related: (0..<last).map { set.location(present[$0], units[$0].offset) },
                            subject: "\(units[last].name) citations")]
    }
}
