/// One version pins a reference less (or more) precisely than the others: `article 9` where
/// the others say `article 9 (3) (b)`. The same provision is cited, so this is at most a
/// warning; `set.citation-mismatch` leaves such differences to this check. A note by default:
/// on the tuned halves of the aligned corpora every coarser pin found (4) was a version whose
/// finer pin was misread (`l'article 6 f)`), none a real difference.
public struct SetCoarserPin: SetCheck {
    public static let id = CheckID.setCoarserPin
    public static let defaultSeverity = Severity.note
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* article 9, paragraph 3 (b), of the Convention;\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* l'article 9 de la Convention;\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* el apartado b) del párrafo 3 del artículo 9 de la Convención;\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* article 9, paragraph 3 (b), of the Convention;\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* l'alinéa b) du paragraphe 3 de l'article 9 de la Convention;\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* el apartado b) del párrafo 3 del artículo 9 de la Convención;\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        set.comparedUnits().flatMap { compare(set, $0.versions, $0.units, context) }
            + set.pairedFootnotes().flatMap { compare(set, $0.versions, $0.units, context) }
    }

    private func compare(_ set: VersionAlignment, _ present: [Int], _ units: [VersionAlignment.Unit], _ context: CheckContext) -> [Finding] {
        let keys = context.catalogue.comparison.reconcile(YearlessDates.reconcile(units.map(\.keys)))
        guard keys.contains(where: { $0 != keys[0] }) else { return [] }
        let language = { (i: Int) in set.versions[present[i]].language }
        // The majority, else the first version, is what the others are held against.
        let (common, agreeing) = SetMajority.of(keys) ?? (keys[0], [0])
        return units.indices.filter { keys[$0] != common && !agreeing.contains($0) }.compactMap { i -> Finding? in
            let extra = keys[i].subtracting(common), missing = common.subtracting(keys[i])
            guard PinPrecision.onlyPrecision(extra, missing) else { return nil }
            let coarser = extra.contains { e in missing.contains { PinPrecision.isCoarser(e, than: $0) } }
            let others = set.names(agreeing.map { present[$0] })
            let message = "the \(language(i)) version cites \(VersionAlignment.summary(extra, ranges: true)) in \(units[i].name), a \(coarser ? "coarser" : "finer") pin than \(VersionAlignment.summary(missing, ranges: true)) in \(others)"
            let at = units[i].citations.first { context.catalogue.comparison.stands($0.key, among: extra) }?.sourceRange.lowerBound ?? units[i].offset
            return set.finding(Self.id, context, version: present[i], offset: at, message: message,
                               related: agreeing.map { set.location(present[$0], units[$0].offset) },
                               subject: "\(units[i].name) pins")
        }
    }
}

/// Pins that name the same unit more or less precisely (the anchor grammar's "coarser pin").
enum PinPrecision {
    static let pinKinds: Set<Substring> = ["paragraph", "article", "rule", "chapter", "annex", "section", "part", "preamble"]

    /// `article:9` is coarser than `article:9(3)(b)` and than `article:9/…`.
    static func isCoarser(_ a: String, than b: String) -> Bool {
        guard let colon = a.firstIndex(of: ":"), pinKinds.contains(a[..<colon]) else { return false }
        return b.hasPrefix(a + "(") || b.hasPrefix(a + "/")
    }

    static func related(_ a: String, _ b: String) -> Bool { isCoarser(a, than: b) || isCoarser(b, than: a) }

    /// The keys left once every pair that differs only in precision is taken out.
    static func reconcile(_ extra: Set<String>, _ missing: Set<String>) -> (extra: Set<String>, missing: Set<String>) {
        (extra.filter { e in !missing.contains { related(e, $0) } }, missing.filter { m in !extra.contains { related(m, $0) } })
    }

    /// Whether two versions' differences are all differences of precision (and there are some).
    static func onlyPrecision(_ extra: Set<String>, _ missing: Set<String>) -> Bool {
        guard !extra.isEmpty || !missing.isEmpty else { return false }
        let rest = reconcile(extra, missing)
        return rest.extra.isEmpty && rest.missing.isEmpty
    }
}
