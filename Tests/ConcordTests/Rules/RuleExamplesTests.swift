import Testing
@testable import Concord

/// Every example in Rules/ — texts that must give their keys, texts that must give nothing
/// of the rule's kind — as editors write them (SwiftLint's lesson: the examples are the
/// tests and the documentation).
@Suite struct RuleExamplesTests {
    @Test func everyExampleInRulesPasses() {
        let summary = RuleExamples.run(TestRules.shared)
        for failure in summary.failures { Issue.record(Comment(rawValue: failure.description)) }
        #expect(summary.examples >= 80)
    }

    /// (That the examples are real sentences, from the devset or the seed, is the rule
    /// files' comments' promise; a test cannot tell.)
    @Test func everyLanguageHasARuleWithExamplesForEveryKind() {
        for language in Language.official {
            guard let rules = TestRules.shared.languages[language] else {
                Issue.record("Rules/languages/\(language.rawValue).yml is missing")
                continue
            }
            for kind in [PatternKind.resolution, .treaty, .ibid, .paragraph, .article, .date, .session] {
                let patterns = rules.patterns.filter { $0.kind == kind }
                #expect(!patterns.isEmpty, "\(language.rawValue) has no \(kind) rule")
                #expect(patterns.contains { !$0.examples.isEmpty }, "\(language.rawValue) \(kind) rules carry no example")
            }
        }
    }

    /// A rule's kind becomes the citation kind of the same name (`forthcoming` none): what
    /// the rule files' `kind:` promises, for every kind there is.
    @Test func everyPatternKindBecomesTheCitationKindOfItsName() {
        for kind in PatternKind.allCases {
            #expect(kind.citationKind == CitationKind(rawValue: kind.rawValue), "\(kind)")
            #expect((kind.citationKind == nil) == (kind == .forthcoming), "\(kind)")
        }
    }

    /// Every rule carries both: texts that must match, and texts that must not.
    @Test func everyRuleHasExamplesBothWays() {
        for language in Language.official {
            for pattern in TestRules.shared.languages[language]?.patterns ?? [] {
                #expect(!pattern.examples.isEmpty, "\(pattern.id) has no example that must match")
                #expect(!pattern.counterExamples.isEmpty, "\(pattern.id) has no example that must not match")
            }
        }
        #expect(!TestRules.shared.symbols.examples.isEmpty && !TestRules.shared.symbols.counterExamples.isEmpty)
    }

    @Test func aBrokenRuleFileIsAnErrorNamingTheFileAndTheRule() throws {
        let folder = try Paths.temporaryDirectory()
        let rules = Paths.repository.appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("languages"), withIntermediateDirectories: true)
        for name in ["symbols.yml", "treaties.yml", "checks.yml"] {
            try FileManager.default.copyItem(at: rules.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let broken = """
        language: en
        words: {resolution: [resolution]}
        bodies: []
        patterns:
          - {id: en.broken, kind: resolution, pattern: '{resolution} (?<list>{nosuchthing})'}
        """
        try broken.write(to: folder.appendingPathComponent("languages/en.yml"), atomically: true, encoding: .utf8)
        #expect(performing: {
            try RuleSet(folder: folder)
        }, throws: { error in
            let text = String(describing: error)
            return text.contains("languages/en.yml") && text.contains("en.broken") && text.contains("{nosuchthing}")
        })
        try FileManager.default.removeItem(at: folder)
    }
}

import Foundation
