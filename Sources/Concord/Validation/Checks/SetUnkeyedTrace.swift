/// One version does not key a reference that the others key (or keys one they do not), yet
/// its text holds every number of that reference, none of them used by a key of its own:
/// `article 5` keyed in five versions, the sixth holding a 5 that no key of that unit uses.
/// Most such differences are a form Concord does not read in that language (a reference
/// word it does not know, a number separated from it), not a translation error, so they are
/// a note under their own id instead of `set.citation-mismatch`. A number used by a key that
/// differs (`article 6` where the others say `article 5`) leaves no trace: that stays a
/// mismatch. See `KeyTrace` for what counts as a trace.
public struct SetUnkeyedTrace: SetCheck {
    public static let id = CheckID.setUnkeyedTrace
    public static let defaultSeverity = Severity.note
    public static let examples = CheckExamples(
        triggering: [.init([
            // The Spanish version writes the paragraph number apart from a word Concord reads
            // (`el 5 de sus párrafos`): the 5 is there, keyed by nothing.
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* paragraph 5 of its resolution 64/293;\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* le paragraphe 5 de sa résolution 64/293;\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* el número 5 de los párrafos de su resolución 64/293;\n"),
        ])],
        nonTriggering: [.init([
            // Another number in place of the others' (`paragraph 6`): a mismatch, not a trace.
            ("doc.en.md", "The General Assembly,\n\n1. *Recalls* paragraph 5 of its resolution 64/293;\n"),
            ("doc.fr.md", "L'Assemblée générale,\n\n1. *Rappelle* le paragraphe 5 de sa résolution 64/293;\n"),
            ("doc.es.md", "La Asamblea General,\n\n1. *Recuerda* el párrafo 6 de su resolución 64/293;\n"),
        ])])

    public init() {}

    public func findings(in set: VersionAlignment, context: CheckContext) -> [Finding] {
        KeyTrace.units(of: set, context: context).flatMap { report(set, $0.versions, $0.units, $0.texts, context) }
    }

    private func report(_ set: VersionAlignment, _ present: [Int], _ units: [VersionAlignment.Unit],
                        _ texts: [Set<String>], _ context: CheckContext) -> [Finding] {
        let language = { (i: Int) in set.versions[present[i]].language }
        return KeyTrace.differences(units, texts: texts, context: context).compactMap { d -> Finding? in
            guard !d.tracedMissing.isEmpty || !d.tracedExtra.isEmpty else { return nil }
            let others = set.names(d.agreeing.map { present[$0] })
            var said = [String]()
            if !d.tracedMissing.isEmpty {
                said.append("does not key \(VersionAlignment.summary(d.tracedMissing, ranges: true)) in \(units[d.version].name) as \(others) do, but its text holds \(KeyTrace.numbersSaid(d.tracedMissing))")
            }
            if !d.tracedExtra.isEmpty {
                said.append("keys \(VersionAlignment.summary(d.tracedExtra, ranges: true)) in \(units[d.version].name), which \(others) do not key, though their text holds \(KeyTrace.numbersSaid(d.tracedExtra))")
            }
            let at = units[d.version].citations.first { context.catalogue.comparison.stands($0.key, among: d.tracedExtra) }?.sourceRange.lowerBound
                ?? units[d.version].offset
            return set.finding(Self.id, context, version: present[d.version], offset: at,
                               message: "the \(language(d.version)) version " + said.joined(separator: " and ")
                                   + "; probably a form Concord does not read",
                               related: d.agreeing.map { set.location(present[$0], units[$0].offset) },
                               subject: "\(units[d.version].name) traces")
        }
    }
}

/// The trace of a key in the text of a unit (a paragraph, a footnote, a line of `compare
/// --aligned`), language-independent:
///
/// - the numbers of a key are its runs of ASCII digits (`article:5` → 5, `A/RES/60/1` → 60
///   and 1, `session:65` → 65, `S/RES/2118(2013)` → 2118 and 2013, `annex:4/section:10` → 4
///   and 10; sub-paragraph letters are not numbers); a key with no number, a date (a date
///   that differs is mostly a real difference: of the 18 real tuned flags, 10 are dates) and
///   the mark of a range's ends have no trace;
/// - the numbers of a text are those `set.number-mismatch` reads in digits (every digit
///   script, the language's thousands and decimal separators, both readings of `1,000`),
///   citations included, but not a number that opens the unit as its label (`3.`, `3)`, `٣ -`);
///   spelled-out words (`one`, `first`) are too common in running text to count;
/// - a number is used when it is a number of a key of that unit (as written or as compared);
/// - a key is traced in a unit when each of its numbers is in the unit's text and none is
///   used. A key one version lacks is looked for in that version's unit; a key one version
///   has and the majority lacks, in every unit of the majority;
/// - in document sets, a key cited by `Ibid.` has no trace: the numbers after an Ibid. are
///   pins of the source it names and do not name it alone (`Corpora/defects/dropped-ibid`).
enum KeyTrace {
    /// The numbers a key requires, or nil when it has no trace (no number, a date, a mark).
    static func numbers(ofKey key: String) -> [String]? {
        guard !key.hasPrefix("date:"), PinComparison.ends(of: key) == nil else { return nil }
        let numbers = allNumbers(of: key)
        return numbers.isEmpty ? nil : numbers
    }

    /// Every run of ASCII digits in a key, without leading zeros.
    static func allNumbers(of key: String) -> [String] {
        key.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).map { NumberReader.normalized(String($0), "") }
    }

    /// The numbers used by a unit's keys.
    static func used(_ keys: Set<String>) -> Set<String> {
        Set(keys.flatMap(allNumbers(of:)))
    }

    /// Whether `key` is traced in a text holding `text`'s numbers, whose keys use `used`.
    static func traced(_ key: String, text: Set<String>, used: Set<String>) -> Bool {
        guard let numbers = numbers(ofKey: key) else { return false }
        return numbers.allSatisfy { text.contains($0) && !used.contains($0) }
    }

    /// The numbers in digits of a text (every reading of each), as `set.number-mismatch`
    /// reads them, citations included; a number that opens the text followed by `.`, `)` or
    /// a dash is the unit's own label (`3. The standard clauses…`, `٣ - `), not a trace.
    static func numbers(in text: [UInt16], format: NumberFormat) -> Set<String> {
        let space = { (u: UInt16) in Unicode.Scalar(u)?.properties.isWhitespace ?? false }
        let opening = text.firstIndex { !space($0) }
        func isLabel(_ number: NumberReader.Number) -> Bool {
            guard number.range.lowerBound == opening else { return false }
            let after = text[number.range.upperBound...].first { !space($0) }
            return after.map { [0x2E, 0x29, 0x2D, 0x2013, 0x2014].contains($0) } ?? false
        }
        return Set(NumberReader(format: format).numbers(in: text).filter { !isLabel($0) }.flatMap(\.readings))
    }

    /// `5`, `60 and 1`: the numbers of keys, as a message says them.
    static func numbersSaid(_ keys: Set<String>) -> String {
        let numbers = Array(Set(keys.compactMap(numbers(ofKey:)).joined())).sorted { ($0.count, $0) < ($1.count, $1) }
        if numbers.count <= 1 { return numbers.first ?? "" }
        return numbers.dropLast().joined(separator: ", ") + " and " + numbers.last!
    }

    /// A version's difference from the majority of one unit, split into what leaves a trace
    /// and what does not.
    struct Difference {
        var version: Int
        var agreeing: [Int]
        var tracedExtra = Set<String>(), tracedMissing = Set<String>()
        var extra = Set<String>(), missing = Set<String>()
    }

    /// The differences of each version from the majority of `units` (none without a
    /// majority), after the comparison's reading (`PinComparison`) and pins that differ only
    /// in precision; `texts[i]`: the numbers of version i's text.
    static func differences(_ units: [VersionAlignment.Unit], texts: [Set<String>], context: CheckContext) -> [Difference] {
        guard VersionAlignment.keyDifferently(units) else { return [] }
        let written = YearlessDates.reconcile(units.map(\.keys))
        let keys = context.catalogue.comparison.reconcile(written)
        guard keys.contains(where: { $0 != keys[0] }), let (common, agreeing) = SetMajority.of(keys) else { return [] }
        let usedBy = units.indices.map { used(written[$0].union(keys[$0])) }
        // A key cited by `Ibid.`: its numbers (`vols. 2237 and 2241, No. 39574`) are pins of the
        // source the Ibid. names, and do not name it without it (a dropped Ibid. is no trace).
        func byIbid(_ key: String, _ unit: VersionAlignment.Unit) -> Bool {
            unit.citations.contains { $0.kind == .ibid && context.catalogue.comparison.stands($0.key, among: [key]) }
        }
        return units.indices.filter { keys[$0] != common }.compactMap { i -> Difference? in
            let (extra, missing) = PinPrecision.reconcile(keys[i].subtracting(common), common.subtracting(keys[i]))
            guard !extra.isEmpty || !missing.isEmpty else { return nil }
            var d = Difference(version: i, agreeing: agreeing)
            for key in missing {
                if !agreeing.contains(where: { byIbid(key, units[$0]) }), traced(key, text: texts[i], used: usedBy[i]) {
                    d.tracedMissing.insert(key)
                } else {
                    d.missing.insert(key)
                }
            }
            for key in extra {
                if !byIbid(key, units[i]), agreeing.allSatisfy({ traced(key, text: texts[$0], used: usedBy[$0]) }) {
                    d.tracedExtra.insert(key)
                } else {
                    d.extra.insert(key)
                }
            }
            return d
        }
    }

    /// The compared units of a set (paragraphs, then paired footnotes), each with the
    /// numbers of each version's text (`VersionAlignment.unitTexts`, citations included), read
    /// only for the units whose versions key differently (the others' are empty: no
    /// difference, nothing to trace).
    static func units(of set: VersionAlignment, context: CheckContext) -> [(versions: [Int], units: [VersionAlignment.Unit], texts: [Set<String>])] {
        var made = [Int: (paragraphs: [Int: [(id: String, text: MappedText)]], footnotes: [String: MappedText])]()
        func texts(_ v: Int) -> (paragraphs: [Int: [(id: String, text: MappedText)]], footnotes: [String: MappedText]) {
            if let known = made[v] { return known }
            let texts = set.unitTexts(v)
            made[v] = texts
            return texts
        }
        func format(_ v: Int) -> NumberFormat {
            set.versions[v].document.language.flatMap { context.languages[$0]?.numberFormat } ?? NumberFormat()
        }
        let paragraphs = set.comparedUnits().map { present, units in
            (present, units, !VersionAlignment.keyDifferently(units) ? units.map { _ in [] } : present.indices.map { i -> Set<String> in
                let parts = texts(present[i]).paragraphs[units[i].offset] ?? []
                return Set(parts.flatMap { numbers(in: $0.text.units, format: format(present[i])) })
            })
        }
        let footnotes = set.pairedFootnotes().map { _, present, units in
            (present, units, !VersionAlignment.keyDifferently(units) ? units.map { _ in [] } : present.indices.map { i -> Set<String> in
                texts(present[i]).footnotes[units[i].label ?? ""].map { numbers(in: $0.units, format: format(present[i])) } ?? []
            })
        }
        return paragraphs + footnotes
    }
}
