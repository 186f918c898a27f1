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
        var findings = byAnchor(set, context)
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

    /// Treaties and reports: a unit (article 12, paragraph 3 of article 8, paragraph 23) that
    /// most versions have and one lacks, or one has and most lack — only the coarsest (a
    /// missing article, not each of its paragraphs). Preambular paragraphs are compared by
    /// count above.
    private func byAnchor(_ set: VersionAlignment, _ context: CheckContext) -> [Finding] {
        guard set.byAnchor else { return [] }
        var findings = [Finding]()
        var reported = [Set<String>](repeating: [], count: set.versions.count)
        func within(_ anchor: String, _ coarser: Set<String>) -> Bool {
            coarser.contains { anchor.hasPrefix($0 + "(") || anchor.hasPrefix($0 + "/") }
        }
        for (position, anchor) in set.anchorOrder.enumerated() where !anchor.hasPrefix("preamble:") {
            let has = set.versions.indices.map { set.anchored[$0][anchor] != nil }
            guard let (common, agreeing) = SetMajority.of(has) else { continue }
            let name = VersionAlignment.readable(anchor: anchor)
            for v in set.versions.indices where has[v] != common && !within(anchor, reported[v]) {
                reported[v].insert(anchor)
                let offset: Int
                if let unit = set.anchored[v][anchor] {
                    offset = unit.offset
                } else {
                    // Where it would be: after the last unit before it that the version has.
                    offset = set.anchorOrder[..<position].reversed().lazy.compactMap { set.anchored[v][$0]?.offset }.first ?? 0
                }
                let message = common
                    ? "the \(set.versions[v].language) version has no \(name); \(set.names(agreeing)) have it"
                    : "the \(set.versions[v].language) version has \(name), which \(set.names(agreeing)) do not have"
                findings.append(set.finding(Self.id, context, version: v, offset: offset, message: message,
                                            related: agreeing.compactMap { a in set.anchored[a][anchor].map { set.location(a, $0.offset) } },
                                            subject: "\(anchor) presence"))
            }
        }
        return findings
    }
}
