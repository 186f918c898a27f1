/// Compares line-aligned files (line N of each file is the same segment in another
/// language, as in a translation memory exported line by line): the references of each
/// segment must have the same language-independent keys in every version.
public struct AlignedComparison: Sendable {
    public struct Version: Sendable {
        public var file: String
        public var language: Language
        public var source: SourceText
        /// What `its resolution` means in this file (the General Assembly unless the file
        /// says otherwise).
        public var issuingBody: String
        public init(file: String, language: Language, source: SourceText, issuingBody: String = "A") {
            self.file = file
            self.language = language
            self.source = source
            self.issuingBody = issuingBody
        }

        /// A file read as every other input is read (size limit, encodings, language from the
        /// option, the file name, front matter or the text), its issuing body from its
        /// symbol or chapeau.
        public init(reading file: String, reader: DocumentReader, rules: RuleSet) throws(InputError) {
            let document = try reader.read(path: file)
            guard let language = document.language else {
                throw InputError(file: file, reason: .malformed("cannot tell the language: name the file like name.fr.txt or give --lang", line: nil))
            }
            let body = DocumentResolver(rules: rules).issuingBody(of: document, language: rules.languages[language])
            self.init(file: file, language: language, source: document.source, issuingBody: body)
        }
    }

    public struct Segment: Sendable {
        /// 1-based line number.
        public var line: Int
        /// The sorted, distinct keys of each version, in the order the versions were given.
        public var keys: [[String]]
        /// The keys as compared (`PinComparison`: ranges as the numbers they cover, the
        /// kinds translation traditions interchange as one), sorted.
        public var compared: [[String]]
        /// Per version, the keys of its difference from the first version (as compared) that
        /// leave a trace (`KeyTrace`, `set.unkeyed-trace`): a key it lacks whose numbers its
        /// line holds, used by none of its keys; a key only it has whose numbers the first
        /// version's line holds so. Empty for the first version.
        public var traced: [[String]]
        public init(line: Int, keys: [[String]], compared: [[String]]? = nil, traced: [[String]]? = nil) {
            self.line = line
            self.keys = keys
            self.compared = compared ?? keys
            self.traced = traced ?? keys.map { _ in [] }
        }
        /// Versions agree when their keys compare the same, or differ only in the precision
        /// of a pin (`article:9` beside `article:9(3)(b)`: the same provision).
        public var agrees: Bool {
            compared.allSatisfy { $0 == compared[0] || PinPrecision.onlyPrecision(Set($0).subtracting(compared[0]), Set(compared[0]).subtracting($0)) }
        }
        /// Versions whose keys compare the same (no difference even of precision).
        public var same: Bool { compared.allSatisfy { $0 == compared[0] } }
    }

    public let rules: RuleSet

    public init(rules: RuleSet) {
        self.rules = rules
    }

    /// The keys of one segment of text in a language (`its resolution` read as
    /// `issuingBody`'s).
    public func keys(of line: [UInt16], language: Language, issuingBody: String = "A") -> [String] {
        guard let languageRules = rules.languages[language] else { return [] }
        let keys = CitationExtractor(rules: rules).citations(inSegment: line, language: languageRules, issuingBody: issuingBody,
                                                             perUnitLanguage: true).map(\.key)
        return Array(Set(keys)).sorted()
    }

    /// Every segment (line) in which the first version holds a reference; with `lines`, only
    /// those of that range of 1-based line numbers (a tuning half and a held-out half of one
    /// aligned corpus are measured apart).
    public func segments(_ versions: [Version], lines: ClosedRange<Int>? = nil) -> [Segment] {
        guard let first = versions.first else { return [] }
        var segments = [Segment]()
        let all = 0..<first.source.lineCount
        let indices = lines.map { all.clamped(to: ($0.lowerBound - 1)..<$0.upperBound) } ?? all
        for index in indices {
            let reference = keys(of: Array(first.source.units[first.source.lineRange(index)]), language: first.language, issuingBody: first.issuingBody)
            guard !reference.isEmpty else { continue }
            var all = [Set(reference)]
            var lines = [Array(first.source.units[first.source.lineRange(index)])]
            for version in versions.dropFirst() {
                let line = index < version.source.lineCount ? Array(version.source.units[version.source.lineRange(index)]) : []
                lines.append(line)
                all.append(Set(keys(of: line, language: version.language, issuingBody: version.issuingBody)))
            }
            // A date without its year in one version stands for the others' full date.
            let reconciled = YearlessDates.reconcile(all)
            guard !reconciled[0].isEmpty else { continue }
            let compared = rules.checks.comparison.reconcile(reconciled)
            segments.append(Segment(line: index + 1, keys: reconciled.map { $0.sorted() }, compared: compared.map { $0.sorted() },
                                    traced: traces(versions, lines: lines, written: reconciled, compared: compared)))
        }
        return segments
    }
}

extension AlignedComparison {
    /// Per version, the keys of its difference from the first version that leave a trace
    /// (`KeyTrace`): a key it lacks, in its own line; a key only it has, in the first's line.
    /// Pins that differ only in precision are no difference.
    func traces(_ versions: [Version], lines: [[UInt16]], written: [Set<String>], compared: [Set<String>]) -> [[String]] {
        guard compared.contains(where: { $0 != compared[0] }) else { return compared.map { _ in [] } }
        var numbers = [Int: Set<String>]()
        func text(_ v: Int) -> Set<String> {
            if let known = numbers[v] { return known }
            let read = KeyTrace.numbers(in: lines[v], format: rules.languages[versions[v].language]?.numberFormat ?? NumberFormat())
            numbers[v] = read
            return read
        }
        let used = compared.indices.map { KeyTrace.used(written[$0].union(compared[$0])) }
        return compared.indices.map { v -> [String] in
            guard v > 0, compared[v] != compared[0] else { return [] }
            let (extra, missing) = PinPrecision.reconcile(compared[v].subtracting(compared[0]), compared[0].subtracting(compared[v]))
            let traced = missing.filter { KeyTrace.traced($0, text: text(v), used: used[v]) }
                .union(extra.filter { KeyTrace.traced($0, text: text(0), used: used[0]) })
            return traced.sorted()
        }
    }

    /// A disagreeing segment as a finding (`set.citation-mismatch`, at the first file's line,
    /// the other versions' lines related): an error when a version cites a key the first does
    /// not, a warning when versions only lack some of the first's keys. Nil when it agrees.
    /// With `checks`, a segment whose versions differ only in the precision of a pin is a
    /// `set.coarser-pin` finding, of the severity the catalogue gives it.
    public static func finding(_ segment: Segment, versions: [Version], checks: CheckCatalogue? = nil) -> Finding? {
        guard let first = versions.first else { return nil }
        if segment.agrees {
            guard let checks, !segment.same else { return nil }
            return coarserPin(segment, versions: versions, severity: checks.severity(.setCoarserPin))
        }
        let reference = Set(segment.compared[0])
        func named(_ keys: [String]) -> String { PinComparison.display(Set(keys)).joined(separator: ", ") }
        // Keys that leave a trace in the other side's line are `set.unkeyed-trace`, a note,
        // when every difference of every version is such a key (or only a pin's precision).
        let untraced = segment.compared.indices.map { v -> (extra: Set<String>, missing: Set<String>) in
            let traced = Set(v < segment.traced.count ? segment.traced[v] : [])
            return PinPrecision.reconcile(Set(segment.compared[v]).subtracting(reference).subtracting(traced),
                                          reference.subtracting(segment.compared[v]).subtracting(traced))
        }
        if segment.traced.contains(where: { !$0.isEmpty }), untraced.allSatisfy({ $0.extra.isEmpty && $0.missing.isEmpty }) {
            return unkeyedTrace(segment, versions: versions, severity: checks?.severity(.setUnkeyedTrace) ?? SetUnkeyedTrace.defaultSeverity)
        }
        var parts = ["the \(first.language) version cites \(named(segment.compared[0]))"]
        var contradicts = false
        var related = [Location]()
        for ((version, keys), traced) in zip(zip(versions, segment.compared), segment.traced).dropFirst() where keys != segment.compared[0] {
            // The marks of a range's ends (`PinComparison.endsMark`) are no keys of their own;
            // keys that leave a trace are named by `set.unkeyed-trace` only.
            let extra = keys.filter { !reference.contains($0) && PinComparison.ends(of: $0) == nil && !traced.contains($0) }
            let missing = segment.compared[0].filter { !keys.contains($0) && PinComparison.ends(of: $0) == nil && !traced.contains($0) }
            guard !extra.isEmpty || !missing.isEmpty else { continue }
            if !extra.isEmpty { contradicts = true }
            var said = [String]()
            if !extra.isEmpty { said.append("cites \(named(extra))") }
            if !missing.isEmpty { said.append("does not cite \(named(missing))") }
            parts.append("the \(version.language) version \(said.joined(separator: " and "))")
            related.append(Location(file: version.file, line: segment.line, column: 1, message: "the \(version.language) version"))
        }
        return Finding(rule: .setCitationMismatch, severity: contradicts ? .error : .warning,
                       message: "segment \(segment.line): " + parts.joined(separator: "; "),
                       location: Location(file: first.file, line: segment.line, column: 1),
                       related: related, subject: "segment \(segment.line)")
    }

    /// A segment whose versions differ only in keys that leave a trace in the other side's
    /// line (and in the precision of pins): `set.unkeyed-trace`, naming each such key.
    static func unkeyedTrace(_ segment: Segment, versions: [Version], severity: Severity) -> Finding {
        let reference = Set(segment.compared[0])
        var parts = [String]()
        var related = [Location]()
        for (v, version) in versions.enumerated().dropFirst() where v < segment.traced.count && !segment.traced[v].isEmpty {
            let traced = Set(segment.traced[v])
            let missing = traced.intersection(reference), extra = traced.subtracting(reference)
            var said = [String]()
            if !missing.isEmpty {
                said.append("does not key \(PinComparison.display(missing).joined(separator: ", ")), but its text holds \(KeyTrace.numbersSaid(missing))")
            }
            if !extra.isEmpty {
                said.append("keys \(PinComparison.display(extra).joined(separator: ", ")), which the \(versions[0].language) version does not, though its text holds \(KeyTrace.numbersSaid(extra))")
            }
            parts.append("the \(version.language) version " + said.joined(separator: " and "))
            related.append(Location(file: version.file, line: segment.line, column: 1, message: "the \(version.language) version"))
        }
        return Finding(rule: .setUnkeyedTrace, severity: severity,
                       message: "segment \(segment.line): " + parts.joined(separator: "; ") + "; probably a form Concord does not read",
                       location: Location(file: versions[0].file, line: segment.line, column: 1),
                       related: related, subject: "segment \(segment.line) traces")
    }

    /// A segment whose versions cite the same units, some less (or more) precisely than the
    /// first version: `set.coarser-pin`, naming each version's coarser or finer pins (or the
    /// range of which it gives only the ends).
    static func coarserPin(_ segment: Segment, versions: [Version], severity: Severity) -> Finding {
        let reference = Set(segment.compared[0])
        var parts = [String]()
        var related = [Location]()
        for (version, keys) in zip(versions, segment.compared).dropFirst() where keys != segment.compared[0] {
            let extra = Set(keys.filter { !reference.contains($0) })
            let missing = Set(segment.compared[0].filter { !keys.contains($0) })
            parts.append("the \(version.language) version " + PinPrecision.describe(extra: extra, missing: missing, others: "") {
                PinComparison.display($0).joined(separator: ", ")
            })
            related.append(Location(file: version.file, line: segment.line, column: 1, message: "the \(version.language) version"))
        }
        return Finding(rule: .setCoarserPin, severity: severity,
                       message: "segment \(segment.line): " + parts.joined(separator: "; "),
                       location: Location(file: versions[0].file, line: segment.line, column: 1),
                       related: related, subject: "segment \(segment.line) pins")
    }
}

extension AlignedComparison {
    /// A segment in which a version gives another figure than the majority (`set.number-mismatch`
    /// on line-aligned files): the numbers in digits of each version outside its citations.
    public struct NumberSegment: Sendable {
        public var line: Int
        /// Each version's numbers in digits, sorted.
        public var numbers: [[String]]
        public var outcome: NumberComparison.Outcome
    }

    /// Every segment in which at least one version writes a number in digits outside a
    /// citation, with what the comparison finds.
    public func numberSegments(_ versions: [Version]) -> [NumberSegment] {
        guard let first = versions.first else { return [] }
        var result = [NumberSegment]()
        let extractor = CitationExtractor(rules: rules)
        for index in 0..<first.source.lineCount {
            var digits = [Set<String>](), words = [Set<String>](), tokens = [[[String]]]()
            for version in versions {
                guard index < version.source.lineCount, let language = rules.languages[version.language] else {
                    digits.append([]); words.append([]); tokens.append([]); continue
                }
                let line = Array(version.source.units[version.source.lineRange(index)])
                let citations = extractor.citations(inSegment: line, language: language, issuingBody: version.issuingBody)
                let reader = NumberReader(format: language.numberFormat)
                let read = reader.numbers(in: line, excluding: citations.map(\.sourceRange)).map(\.readings)
                tokens.append(read)
                digits.append(Set(read.joined()))
                words.append(reader.spelled(in: line))
            }
            guard digits.contains(where: { !$0.isEmpty }) else { continue }
            result.append(NumberSegment(line: index + 1, numbers: digits.map { $0.sorted() },
                                        outcome: NumberComparison.compare(digits: digits, words: words, tokens: tokens)))
        }
        return result
    }
}
