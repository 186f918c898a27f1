/// Runs the examples that every rule in `Rules/` carries: texts that must produce exactly
/// the listed keys (of the rule's kind; for a forthcoming rule, the symbols it marks), and
/// texts that must produce nothing of that kind.
/// One test runs them all; `concord rules` runs them for an editor.
public enum RuleExamples {
    public struct Failure: Sendable, CustomStringConvertible {
        public var file: String
        public var rule: String
        public var text: String
        public var expected: [String]
        public var found: [String]
        public var description: String {
            "\(file): \(rule): “\(text)” should give [\(expected.joined(separator: ", "))] but gives [\(found.joined(separator: ", "))]"
        }
    }

    public struct Summary: Sendable {
        public var examples = 0
        public var failures = [Failure]()
    }

    /// The keys of one kind that a text gives in a language.
    public static func keys(_ text: String, kind: PatternKind, language: LanguageRules, rules: RuleSet, body: String = "A") -> [String] {
        var citations = CitationExtractor(rules: rules).citations(inSegment: Array(text.utf16), language: language, issuingBody: body)
        var dummy = [[Citation]]()
        IbidResolver().resolve(footnotes: &dummy, text: &citations)
        // A forthcoming rule yields no citation of its own: it marks the symbols after it.
        guard let citationKind = kind.citationKind else { return citations.filter(\.forthcoming).map(\.key) }
        return citations.filter { $0.kind == citationKind }.map(\.key)
    }

    /// `A/RES/64/293 “title”` for each reference of a text given a title (`titles`).
    static func titles(_ text: String, _ titles: TitleRules, language: LanguageRules, rules: RuleSet) -> [String] {
        let units = Array(text.utf16)
        let citations = CitationExtractor(rules: rules).citations(inSegment: units, language: language, issuingBody: "A")
        return CitedTitle.titles(in: NormalizedText(units), toSource: { $0 }, citations: citations,
                                 indices: Array(citations.indices), units: units, rules: titles)
            .map { "\($0.key) “\($0.title)”" }
    }

    /// The official languages in their order, then the others by code.
    static func inFileOrder(_ a: Language, _ b: Language) -> Bool {
        let (i, j) = (Language.official.firstIndex(of: a) ?? Int.max, Language.official.firstIndex(of: b) ?? Int.max)
        return i != j ? i < j : a < b
    }

    /// The article pins of a text that name this instrument (`instruments:` in treaties.yml).
    static func instrumentPins(_ text: String, symbol: String, language: LanguageRules, rules: RuleSet) -> [String] {
        let units = Array(text.utf16)
        let citations = CitationExtractor(rules: rules).citations(inSegment: units, language: language, issuingBody: "A")
        return citations.filter { $0.kind == .article }.compactMap { citation in
            let range = citation.sourceRange
            let before = String(utf16Units: units[0..<range.lowerBound])
            let after = String(utf16Units: units[range.upperBound...])
            let found = rules.treaties.instrument(before: before, after: after, language: language.language.rawValue)
            return found?.symbol == symbol ? citation.key : nil
        }
    }

    public static func run(_ rules: RuleSet) -> Summary {
        var summary = Summary()
        for instrument in rules.treaties.instruments {
            for example in instrument.examples {
                guard let code = Language(rawValue: example.language), let language = rules.languages[code] else { continue }
                summary.examples += 1
                let found = instrumentPins(example.text, symbol: instrument.symbol, language: language, rules: rules)
                if found != (example.pins ?? []) {
                    summary.failures.append(Failure(file: "treaties.yml", rule: "instruments: \(instrument.symbol)", text: example.text,
                                                    expected: example.pins ?? [], found: found))
                }
            }
        }
        for language in rules.languages.keys.sorted(by: Self.inFileOrder) {
            guard let languageRules = rules.languages[language] else { continue }
            for (text, key) in languageRules.letterExamples {
                summary.examples += 1
                let extractor = ReferenceResolver(rules: rules, language: languageRules, issuingBody: "A")
                let found = extractor.paragraphKeys(String(text.drop { !$0.isNumber }))
                if found != [key] {
                    summary.failures.append(Failure(file: languageRules.path, rule: "sub-item-letters", text: text, expected: [key], found: found))
                }
            }
            for (text, number) in languageRules.numberExamples {
                summary.examples += 1
                let extractor = ReferenceResolver(rules: rules, language: languageRules, issuingBody: "A")
                let found = extractor.parseNumber(text).map { [String($0)] } ?? []
                if found != [String(number)] {
                    summary.failures.append(Failure(file: languageRules.path, rule: "spellout-rewrites", text: text, expected: [String(number)], found: found))
                }
            }
            // cross-references: the pins of an internal example point into the document,
            // those of an external one into another text.
            for (text, isInternal) in languageRules.crossReferenceExamples.internal.map({ ($0, true) })
                + languageRules.crossReferenceExamples.external.map({ ($0, false) }) {
                summary.examples += 1
                let pins = CitationExtractor(rules: rules).citations(inSegment: Array(text.utf16), language: languageRules, issuingBody: "A")
                    .filter { $0.kind.isPin && $0.kind != .paragraph }
                let inside = pins.filter { $0.notes.contains(.internalReference) }.map(\.key)
                let ok = !pins.isEmpty && (isInternal ? inside.count == pins.count : inside.isEmpty)
                if !ok {
                    summary.failures.append(Failure(file: languageRules.path, rule: isInternal ? "cross-references.internal" : "cross-references.external",
                                                    text: text, expected: pins.map(\.key), found: inside.map { "internal \($0)" }))
                }
            }
            // titles: the reference each example's title must be given to, and texts where
            // no reference gets one.
            if let titles = languageRules.titles {
                for example in titles.examples {
                    summary.examples += 1
                    let found = Self.titles(example.text, titles, language: languageRules, rules: rules)
                    let expected = ["\(example.key) “\(example.title)”"]
                    if found != expected {
                        summary.failures.append(Failure(file: languageRules.path, rule: "titles", text: example.text, expected: expected, found: found))
                    }
                }
                for text in titles.counterExamples {
                    summary.examples += 1
                    let found = Self.titles(text, titles, language: languageRules, rules: rules)
                    if !found.isEmpty {
                        summary.failures.append(Failure(file: languageRules.path, rule: "titles", text: text, expected: [], found: found))
                    }
                }
            }
            let numberReader = NumberReader(format: languageRules.numberFormat)
            for (text, numbers) in languageRules.numberFormat.examples {
                summary.examples += 1
                let units = Array(text.utf16)
                let found = numberReader.numbers(in: units).map(\.value) + numberReader.spelled(in: units).sorted().map { "word:" + $0 }
                if found != numbers {
                    summary.failures.append(Failure(file: languageRules.path, rule: "numbers", text: text, expected: numbers, found: found))
                }
            }
            for pattern in languageRules.patterns {
                // Dates without their year (`date:--03-12`) are checked by the rules that find
                // them (and those only for them), not by the rules of full dates.
                let yearless = pattern.examples.contains { $0.keys.contains(where: YearlessDates.isYearless) }
                func keys(_ text: String, kind: PatternKind, language: LanguageRules, rules: RuleSet, body: String = "A") -> [String] {
                    Self.keys(text, kind: kind, language: language, rules: rules, body: body).filter { YearlessDates.isYearless($0) == yearless }
                }
                for example in pattern.examples {
                    summary.examples += 1
                    let found = keys(example.text, kind: pattern.kind, language: languageRules, rules: rules, body: example.body)
                    if found != example.keys {
                        summary.failures.append(Failure(file: languageRules.path, rule: pattern.id, text: example.text,
                                                        expected: example.keys, found: found))
                    }
                }
                for text in pattern.counterExamples {
                    summary.examples += 1
                    let found = keys(text, kind: pattern.kind, language: languageRules, rules: rules)
                    if !found.isEmpty {
                        summary.failures.append(Failure(file: languageRules.path, rule: pattern.id, text: text, expected: [], found: found))
                    }
                }
            }
        }
        let assembler = ParagraphAssembler(lexicon: rules.lexicon)
        for example in rules.lexicon.examples {
            summary.examples += 1
            if assembler.reads(example.text, as: example.kind) != example.expected {
                summary.failures.append(Failure(file: example.path, rule: "reading.\(example.kind)", text: example.text,
                                                expected: example.expected ? [example.kind] : [],
                                                found: example.expected ? [] : [example.kind]))
            }
        }
        for example in rules.lexicon.pdfRepairExamples {
            summary.examples += 1
            let found = rules.lexicon.pdfRepairs.apply(to: example.read)
            if found != example.text {
                summary.failures.append(Failure(file: example.path, rule: "pdf-repairs", text: example.read, expected: [example.text], found: [found]))
            }
        }
        for example in rules.lexicon.structure.examples {
            summary.examples += 1
            let found = rules.lexicon.structure.exampleAnchor(example.text, language: example.language)
            if found != example.anchor {
                summary.failures.append(Failure(file: example.path, rule: "structure", text: example.text,
                                                expected: example.anchor.map { [$0] } ?? [], found: found.map { [$0] } ?? []))
            }
        }
        // comparison (checks.yml): the versions of a `same` example compare alike once
        // ranges and interchangeable kinds are read, those of a `coarser` one alike but for
        // the precision of a pin, those of a `different` one not alike.
        let comparer = AlignedComparison(rules: rules)
        for example in rules.checks.comparisonExamples {
            summary.examples += 1
            let languages = example.versions.keys.compactMap(Language.init(rawValue:)).sorted(by: Self.inFileOrder)
            let written = languages.map { Set(comparer.keys(of: Array(example.versions[$0.rawValue]!.utf16), language: $0)) }
            let compared = rules.checks.comparison.reconcile(written)
            let outcome: CheckCatalogue.ComparisonOutcome
            if compared[0].isEmpty || !compared.allSatisfy({ $0 == compared[0] || PinPrecision.onlyPrecision($0.subtracting(compared[0]), compared[0].subtracting($0)) }) {
                outcome = .different
            } else {
                outcome = compared.allSatisfy { $0 == compared[0] } ? .same : .coarser
            }
            if outcome != example.outcome {
                let said: [CheckCatalogue.ComparisonOutcome: String] = [.same: "alike", .coarser: "alike but for a coarser pin", .different: "not alike"]
                summary.failures.append(Failure(file: rules.source.name("checks.yml"), rule: "comparison.\(example.outcome.rawValue)",
                                                text: languages.map { "\($0.rawValue): \(example.versions[$0.rawValue]!)" }.joined(separator: " | "),
                                                expected: [said[example.outcome]!],
                                                found: zip(languages, compared).map { "\($0.rawValue) \($1.sorted().joined(separator: " "))" }))
            }
        }
        let symbolsFile = rules.source.name("symbols.yml")
        for example in rules.symbols.examples {
            summary.examples += 1
            let found = rules.symbols.scan(NormalizedText(example.text).units).map(\.symbol)
            if found != example.keys {
                summary.failures.append(Failure(file: symbolsFile, rule: "symbols", text: example.text, expected: example.keys, found: found))
            }
        }
        for text in rules.symbols.counterExamples {
            summary.examples += 1
            let found = rules.symbols.scan(NormalizedText(text).units).map(\.symbol)
            if !found.isEmpty {
                summary.failures.append(Failure(file: symbolsFile, rule: "symbols", text: text, expected: [], found: found))
            }
        }
        return summary
    }
}
