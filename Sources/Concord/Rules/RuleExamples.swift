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
    public static func keys(_ text: String, kind: String, language: LanguageRules, rules: RuleSet, body: String = "A") -> [String] {
        let units = Array(text.utf16)
        let extractor = UnitExtractor(rules: rules, language: language, issuingBody: body)
        var citations = extractor.extract(MappedText(copying: units, range: 0..<units.count))
        var dummy = [[Citation]]()
        IbidResolver().resolve(footnotes: &dummy, text: &citations)
        // A forthcoming rule yields no citation of its own: it marks the symbols after it.
        if kind == "forthcoming" { return citations.filter(\.forthcoming).map(\.key) }
        return citations.filter { $0.kind.rawValue == kind }.map(\.key)
    }

    public static func run(_ rules: RuleSet) -> Summary {
        var summary = Summary()
        for language in Language.allCases {
            guard let languageRules = rules.languages[language] else { continue }
            for pattern in languageRules.patterns {
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
