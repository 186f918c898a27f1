/// A paragraph or footnote gives another figure or year than in the other versions
/// (`beyond 2015` in five versions, `beyond 2016` in one): numbers written in digits that
/// are not part of a citation, compared per aligned unit with the majority rule of the set
/// checks, whatever the digits (Arabic-Indic, full-width) and the thousands separators of each
/// language (`1,000`, `1 000`, `1.000`, `1٬000`); a number one version spells out (`five`)
/// counts as given. A version is out of line only when it gives a number the majority does
/// not in place of one the majority gives: a number only added or only left out is how
/// translations differ (`9月` for September), not a wrong figure.
public struct SetNumberMismatch: SetCheck {
    public static let id = CheckID.setNumberMismatch
    public static let defaultSeverity = Severity.warning
    public static let examples = CheckExamples(
        triggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Decides* to extend the mandate beyond 2015;\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Décide* de proroger le mandat au-delà de 2015;\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Decide* prorrogar el mandato más allá de 2016;\n"),
        ])],
        nonTriggering: [.init([
            ("doc.en.md", "The General Assembly,\n\n1. *Decides* to allocate 1,500 posts for five years beyond 2015;\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Décide* d'allouer 1 500 postes pour 5 ans au-delà de 2015;\n"),
            ("doc.ar.md", "إن الجمعية العامة،\n\n١ - *تقرر* تخصيص ١٬٥٠٠ وظيفة لمدة خمس سنوات بعد عام ٢٠١٥؛\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        let numbers = set.versions.indices.map { Self.numbersByUnit(set, $0, context: context) }
        var findings = [Finding]()
        for (present, units) in set.comparedUnits() {
            let read = present.indices.map { i in
                numbers[present[i]].paragraphs[units[i].offset] ?? UnitNumbers()
            }
            findings += compare(set, present, units, read, context)
        }
        for (_, present, units) in set.pairedFootnotes() {
            let read = present.indices.map { i in numbers[present[i]].footnotes[units[i].label ?? ""] ?? UnitNumbers() }
            findings += compare(set, present, units, read, context)
        }
        return findings
    }

    /// The numbers of one unit in one version: in digits (with where each stands) and in words.
    struct UnitNumbers {
        var digits = [NumberReader.Number]()
        var words = Set<String>()
    }

    /// A version's numbers per compared unit (`VersionAlignment.unitTexts`: by the offset the
    /// alignment gives the unit, the start of its first paragraph, and per footnote label),
    /// citations left out.
    static func numbersByUnit(_ set: VersionAlignment, _ v: Int, context: CheckContext)
        -> (paragraphs: [Int: UnitNumbers], footnotes: [String: UnitNumbers]) {
        let version = set.versions[v]
        let reader = NumberReader(format: version.document.language.flatMap { context.languages[$0]?.numberFormat } ?? NumberFormat())
        var citationRanges = [String: [Range<Int>]]()
        var footnoteRanges = [String: [Range<Int>]]()
        for citation in version.citations {
            if let label = citation.footnote { footnoteRanges[label, default: []].append(citation.sourceRange) }
            else if let id = citation.paragraph { citationRanges[id, default: []].append(citation.sourceRange) }
        }
        func read(_ text: MappedText, _ excluded: [Range<Int>]) -> UnitNumbers {
            let found = reader.numbers(in: text.units).filter { number in
                let source = text.sourceRange(number.range)
                return !excluded.contains { $0.overlaps(source) }
            }.map { NumberReader.Number(value: $0.value, alternative: $0.alternative, range: text.sourceRange($0.range)) }
            return UnitNumbers(digits: found, words: reader.spelled(in: text.units))
        }
        let texts = set.unitTexts(v)
        let paragraphs = texts.paragraphs.mapValues { parts in
            parts.reduce(into: UnitNumbers()) { numbers, part in
                let read = read(part.text, citationRanges[part.id] ?? [])
                numbers.digits += read.digits
                numbers.words.formUnion(read.words)
            }
        }
        let footnotes = Dictionary(uniqueKeysWithValues: texts.footnotes.map { label, text in
            (label, read(text, footnoteRanges[label] ?? []))
        })
        return (paragraphs, footnotes)
    }

    private func compare(_ set: VersionAlignment, _ present: [Int], _ units: [VersionAlignment.Unit],
                         _ read: [UnitNumbers], _ context: CheckContext) -> [Finding] {
        let digits = read.map { Set($0.digits.flatMap(\.readings)) }
        let language = { (i: Int) in set.versions[present[i]].language }
        func list(_ values: [String]) -> String { values.joined(separator: ", ") }
        switch NumberComparison.compare(digits: digits, words: read.map(\.words), tokens: read.map { $0.digits.map(\.readings) }) {
        case .agree:
            return []
        case let .odd(odd):
            return odd.map { o in
                let at = read[o.version].digits.first { o.extra.contains($0.value) }?.range.lowerBound ?? units[o.version].offset
                let others = set.names(o.agreeing.map { present[$0] })
                let verb = o.agreeing.count == 1 ? "gives" : "give"
                return set.finding(Self.id, context, version: present[o.version], offset: at,
                                   message: "the \(language(o.version)) version gives \(list(o.extra)) in \(units[o.version].name) where \(others) \(verb) \(list(o.missing)); expected the same figures in every version",
                                   related: o.agreeing.map { set.location(present[$0], units[$0].offset) },
                                   subject: "\(units[o.version].name) numbers")
            }
        case let .tie(versions):
            let description = versions.map { "\(language($0)) gives \(list(digits[$0].sorted()))" }.joined(separator: "; ")
            let last = versions.last!
            return [set.finding(Self.id, context, version: present[last], offset: units[last].offset,
                                message: "the versions give different figures in \(units[last].name): \(description); expected the same figures in every version",
                                related: versions.dropLast().map { set.location(present[$0], units[$0].offset) },
                                subject: "\(units[last].name) numbers")]
        }
    }
}
