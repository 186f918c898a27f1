import Foundation
import Testing
@testable import Concord

/// ICU compiles each pattern without the word boundaries that whitespace beside a word group
/// makes needless, nor those that the pattern's other neighbouring elements decide
/// (`NeedlessBoundaries`: each boundary costs ICU a set of all letters and numbers to build);
/// the pre-scan and the Hyperscan pass read the pattern with every boundary. The two forms
/// must match the same texts at the same places with the same groups.
@Suite struct BoundaryFormTests {
    static func groups(_ regex: ICURegex, _ text: [UInt16]) -> [[Range<Int>?]] {
        regex.matches(in: text).map(\.groups)
    }

    @Test func theCompiledFormMatchesWhatTheFullFormMatches() throws {
        var texts = [Language: [String]]()
        var fewer = 0, total = 0
        for language in TestRules.shared.languages.keys {
            let rules = try #require(TestRules.shared.languages[language])
            for pattern in rules.patterns {
                texts[language, default: []] += pattern.examples.map(\.text) + pattern.counterExamples
                let boundaries = { (text: String) in text.components(separatedBy: "[\\p{L}\\p{N}]").count - 1 }
                total += 1
                if boundaries(pattern.regex.pattern) < boundaries(pattern.expanded) { fewer += 1 }
                #expect(boundaries(pattern.regex.pattern) <= boundaries(pattern.expanded), "\(pattern.id)")
            }
        }
        // Most patterns have a word beside whitespace.
        #expect(fewer * 3 > total, "\(fewer) of \(total) patterns lost a boundary")

        // Real text: every rule example of the language, and the paragraphs of the corpus's
        // documents in it, whole lines of the aligned sentences.
        for language in TestRules.shared.languages.keys {
            var sample = texts[language] ?? []
            let seed = Paths.corpora("seed/res-6-1.\(language.rawValue).txt")
            if let text = try? String(contentsOfFile: seed, encoding: .utf8) { sample += text.components(separatedBy: "\n") }
            if let devset = Paths.shared("corpus/unpc-dev-1-2000/devset.\(language.rawValue)"),
               let text = try? String(contentsOfFile: devset, encoding: .utf8) {
                sample += text.components(separatedBy: "\n").prefix(600)
            }
            let rules = try #require(TestRules.shared.languages[language])
            var compared = 0
            for pattern in rules.patterns where pattern.regex.pattern != pattern.expanded {
                let full = try ICURegex(pattern.expanded)
                // Each text also with its spaces left out, where a boundary decides (`article5`,
                // `resolution64/293`), and with letters glued to its digits.
                for text in sample.flatMap({ [$0, $0.replacingOccurrences(of: " ", with: ""), $0.replacingOccurrences(of: " 1", with: "a1")] }) {
                    let units = Array(NormalizedText(text).string.utf16)
                    let got = Self.groups(pattern.regex, units), expected = Self.groups(full, units)
                    #expect(got == expected, "\(language) \(pattern.id): \(text)")
                    compared += expected.count
                }
            }
            // (Chinese writes no boundaries around its words: nothing to compare. Arabic's
            // keywords carry them at each end, in its clitic fragments.)
            let differing = rules.patterns.filter { $0.regex.pattern != $0.expanded }.count
            #expect(differing == 0 || compared > 0, "\(language): no match compared")
            if ["ar", "en", "fr", "es", "ru"].contains(language.rawValue) { #expect(differing > 0 && compared > 100, "\(language): \(compared)") }
        }
    }
}
