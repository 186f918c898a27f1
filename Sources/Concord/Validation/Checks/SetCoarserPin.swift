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
        guard VersionAlignment.keyDifferently(units) else { return [] }
        let keys = context.catalogue.comparison.reconcile(YearlessDates.reconcile(units.map(\.keys)))
        guard keys.contains(where: { $0 != keys[0] }) else { return [] }
        let language = { (i: Int) in set.versions[present[i]].language }
        // The majority, else the first version, is what the others are held against.
        let (common, agreeing) = SetMajority.of(keys) ?? (keys[0], [0])
        return units.indices.filter { keys[$0] != common && !agreeing.contains($0) }.compactMap { i -> Finding? in
            let extra = keys[i].subtracting(common), missing = common.subtracting(keys[i])
            guard PinPrecision.onlyPrecision(extra, missing) else { return nil }
            let others = set.names(agreeing.map { present[$0] })
            let message = "the \(language(i)) version " + PinPrecision.describe(extra: extra, missing: missing, place: " in \(units[i].name)", others: others) {
                VersionAlignment.summary($0, ranges: true)
            }
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

    /// The keys left once every pair that differs only in precision is taken out: a pin and
    /// a finer pin of the same unit, and the numbers between the two ends of a range beside
    /// the mark of a version that gives only those ends (`PinComparison.endsMark`). The marks
    /// themselves say nothing more than the ends they stand beside, and are left out.
    static func reconcile(_ extra: Set<String>, _ missing: Set<String>) -> (extra: Set<String>, missing: Set<String>) {
        func between(_ marks: Set<String>) -> (String) -> Bool {
            let ranges = marks.compactMap(PinComparison.ends(of:))
            return { key in
                ranges.contains { range in
                    key.hasPrefix(range.head) && Int(key.dropFirst(range.head.count)).map { range.low < $0 && $0 < range.high } == true
                }
            }
        }
        let inExtraRange = between(extra), inMissingRange = between(missing)
        let e = extra.filter { PinComparison.ends(of: $0) == nil && !inMissingRange($0) }
        let m = missing.filter { PinComparison.ends(of: $0) == nil && !inExtraRange($0) }
        return (e.filter { x in !m.contains { related(x, $0) } }, m.filter { x in !e.contains { related(x, $0) } })
    }

    /// Whether two versions' differences are all differences of precision (and there are some).
    static func onlyPrecision(_ extra: Set<String>, _ missing: Set<String>) -> Bool {
        guard !extra.isEmpty || !missing.isEmpty else { return false }
        let rest = reconcile(extra, missing)
        return rest.extra.isEmpty && rest.missing.isEmpty
    }

    /// What a version that differs only in precision cites (`place`: where, ` in operative
    /// paragraph 1`, or empty), against `missing` (what `others` cite and it does not; no
    /// `others`: the first version) and `extra` (what it cites and they do not), said as `show`
    /// writes keys: "cites article:55(1), a finer pin than article:55", "cites only the ends of
    /// article:3-5", "cites article:3-5 (only its ends in en, es)".
    static func describe(extra: Set<String>, missing: Set<String>, place: String = "", others: String, show: (Set<String>) -> String) -> String {
        var said = [String]()
        let extraMarks = extra.compactMap(PinComparison.ends(of:)), missingMarks = missing.compactMap(PinComparison.ends(of:))
        let plainExtra = extra.filter { PinComparison.ends(of: $0) == nil }, plainMissing = missing.filter { PinComparison.ends(of: $0) == nil }
        let written = { (range: (head: Substring, low: Int, high: Int)) in "\(range.head)\(range.low)-\(range.high)" }
        // Pins and finer pins of one unit.
        let pinExtra = plainExtra.filter { e in plainMissing.contains { related(e, $0) } }
        let pinMissing = plainMissing.filter { m in plainExtra.contains { related(m, $0) } }
        if !pinExtra.isEmpty || !pinMissing.isEmpty {
            let coarser = pinExtra.contains { e in pinMissing.contains { isCoarser(e, than: $0) } }
            said.append("cites \(show(pinExtra))\(place), a \(coarser ? "coarser" : "finer") pin than \(show(pinMissing))\(others.isEmpty ? "" : " in \(others)")")
        }
        for range in extraMarks.map(written).sorted() { said.append("cites only the ends of \(range)\(place)") }
        for range in missingMarks.map(written).sorted() { said.append("cites \(range)\(place) (only its ends in \(others.isEmpty ? "the first version" : others))") }
        return said.joined(separator: " and ")
    }
}
