import Foundation
import Testing
@testable import Concord

/// The lookups run on short texts (the issuing bodies a phrase may name, the rewrites of a
/// number in words, the `numbers.skip` patterns) compile their regexes only when a text may
/// match them (`PatternRegex.mayMatch`, `Prescan.mayMatch`), and give the answers of trying
/// every regex.
@Suite struct LookupGateTests {
    /// Phrases of a seed rendering: every run of one to six words from its lines (Chinese,
    /// written without spaces: every run of two to ten characters from every third), as the
    /// captured groups and chapeaux the lookups are given.
    static func phrases(_ language: Language, limit: Int = 3_000) throws -> [String] {
        let text = try String(contentsOfFile: Paths.corpora("seed/res-6-1.\(language.rawValue).txt"), encoding: .utf8)
        var phrases = [String]()
        for line in text.split(separator: "\n") where !line.isEmpty {
            if language == .zh {
                let characters = Array(line)
                for start in stride(from: 0, to: characters.count, by: 3) {
                    for length in 2...10 where start + length <= characters.count {
                        phrases.append(String(characters[start..<(start + length)]))
                    }
                }
            } else {
                // (Words without the punctuation that ends them: `General Assembly,`.)
                let words = line.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }.filter { !$0.isEmpty }
                for start in words.indices {
                    for length in 1...6 where start + length <= words.count {
                        phrases.append(words[start..<(start + length)].joined(separator: " "))
                    }
                }
            }
            if phrases.count >= limit { break }
        }
        return phrases
    }

    /// Over the phrases of every seed rendering, the body a phrase names is the one trying
    /// every body's regex in order gives; a regex the gate passes over finds nothing in the
    /// phrase (ICU is asked); and the gate passes over most of them.
    @Test func aPhraseIsTriedOnlyAgainstTheBodiesItMayName() throws {
        let rules = TestRules.whole
        var named = Set<Language>(), skipped = 0, tried = 0
        for language in Language.official {
            let languageRules = try #require(rules.languages[language])
            for phrase in try Self.phrases(language) {
                let units = Array(NormalizedText(phrase.trimmingWhitespace()).units)
                let reference = languageRules.bodyRegexes.first { !$0.regex.regex.matches(in: units).isEmpty }?.code
                #expect(languageRules.bodyCode(for: phrase) == reference, "\(language): \(phrase)")
                if reference != nil { named.insert(language) }
                for body in languageRules.bodyRegexes {
                    if body.regex.mayMatch(in: units) {
                        tried += 1
                    } else {
                        skipped += 1
                        #expect(body.regex.regex.matches(in: units).isEmpty, "\(language) \(body.code): \(phrase)")
                    }
                }
            }
        }
        // The seed's chapeaux and citations name the General Assembly in every language.
        #expect(named == Set(Language.official), "\(named)")
        #expect(skipped > 10 * tried, "\(skipped) skipped, \(tried) tried")
    }

    /// Rules read lazily: naming the General Assembly compiles its body's regex and not the
    /// Security Council's, whose names the phrase does not hold.
    @Test func namingABodyCompilesOnlyTheBodiesThePhraseMayName() throws {
        let rules = try RuleSet(source: .builtIn, builtInEntry: false)
        for (language, phrase) in [(Language.en, "The General Assembly"), (.fr, "L'Assemblée générale"), (.ar, "إن الجمعية العامة"),
                                   (.zh, "大会"), (.ru, "Генеральная Ассамблея"), (.es, "La Asamblea General")] {
            let languageRules = try #require(rules.languages[language])
            #expect(languageRules.bodyRegexes.allSatisfy { !$0.regex.isCompiled })
            #expect(languageRules.bodyCode(opening: phrase) == "A", "\(language)")
            let compiled = languageRules.bodyRegexes.filter { $0.regex.isCompiled }.map(\.code)
            #expect(compiled.contains("A"))
            #expect(!compiled.contains("S"), "\(language): \(compiled)")
        }
    }

    /// The Arabic rewrites of a number in words: one the gate passes over finds nothing in the
    /// text (ICU is asked), over the ordinals the Arabic seed spells and the rewrites'
    /// examples; the examples still read as their numbers; and a text with none of a
    /// rewrite's words leaves it uncompiled.
    @Test func aNumberInWordsIsRewrittenOnlyByTheRewritesItMayMatch() throws {
        let lazy = try RuleSet(source: .builtIn, builtInEntry: false)
        let arabic = try #require(lazy.languages[.ar])
        #expect(arabic.spelloutRewrites.count >= 10)
        let resolver = ReferenceResolver(rules: lazy, language: arabic, issuingBody: "A")
        #expect(resolver.parseNumber("الرابعة") == 4)
        let hundreds = arabic.spelloutRewrites.filter { $0.regex.pattern.contains("مائة") }
        #expect(!hundreds.isEmpty)
        #expect(hundreds.allSatisfy { !$0.regex.isCompiled })
        #expect(resolver.parseNumber("الرابعة والخمسين بعد المائة") == 154)
        #expect(hundreds.contains { $0.regex.isCompiled })

        let whole = try #require(TestRules.whole.languages[.ar])
        var texts = try Self.phrases(.ar).filter { $0.split(separator: " ").count <= 4 }
        texts += whole.numberExamples.map(\.text)
        var skipped = 0
        for text in texts {
            let units = text.utf16Array
            for rewrite in whole.spelloutRewrites where !rewrite.regex.mayMatch(in: units) {
                skipped += 1
                #expect(rewrite.regex.regex.matches(in: units).isEmpty, "\(rewrite.regex.pattern): \(text)")
            }
        }
        #expect(skipped > texts.count)
        for (text, number) in whole.numberExamples {
            #expect(ReferenceResolver(rules: TestRules.whole, language: whole, issuingBody: "A").parseNumber(text) == number, "\(text)")
        }
    }

    /// A language is passed over for a run of another script only where none of its patterns
    /// can match (`LanguageTable.mayMatch`): over the phrases of every seed rendering, each
    /// read with every language's rules, a language the gate passes over finds nothing but
    /// symbols in the phrase when every pattern is tried everywhere (ICU is asked, no
    /// pre-scan). The gate gives the same answers from the stored analyses of rules not
    /// compiled yet, without compiling them, and passes over most pairs.
    @Test func aRunIsReadOnlyWithTheLanguagesWhosePatternsMayMatchIt() throws {
        let rules = TestRules.whole
        let lazy = try Self.fromTheBuildsEntry()
        var skipped = 0, tried = 0
        for source in Language.official {
            for phrase in try Self.phrases(source, limit: 400) {
                let normalized = NormalizedText(phrase.trimmingWhitespace())
                let units = Array(normalized.units)
                for language in Language.official {
                    let may = rules.languages.mayMatch(language, in: units)
                    #expect(lazy.languages.mayMatch(language, in: units) == may, "\(language): \(phrase)")
                    if may { tried += 1; continue }
                    skipped += 1
                    let plain = UnitExtractor(rules: rules, language: try #require(rules.languages[language]), prescan: false, readsRuns: false)
                    #expect(plain.find(normalized).allSatisfy { $0.kind == .symbol }, "\(language): \(phrase)")
                }
            }
        }
        #expect(lazy.languages.compiledLanguages.isEmpty)
        #expect(skipped > tried, "\(skipped) skipped, \(tried) tried")
    }

    /// The built-in rules as a run reads them: from the entry the build made, with every
    /// language's stored analyses, each language compiled on first use (a cache folder that
    /// is neither read nor written).
    static func fromTheBuildsEntry() throws -> RuleSet {
        let folder = Paths.testFolder.appendingPathComponent("unused-\(UUID().uuidString)").path
        let rules = try RuleSet(source: .builtIn, cacheFolder: folder, writeCache: false)
        try #require(rules.fromCache && rules.languages.compiledLanguages.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder))
        return rules
    }

    /// The Latin-script runs of the Arabic seed are symbols (`CTOC/COP/WG.4/2011/8`), in
    /// which no English, French or Spanish pattern can match, and its masthead's date is
    /// Arabic: its check compiles Arabic only, and gives the report of the rules compiled
    /// whole.
    @Test func theArabicSeedsSymbolsCompileNoOtherLanguage() throws {
        let rules = try Self.fromTheBuildsEntry()
        let arabic = [Paths.corpora("seed/res-6-1.ar.txt")]
        #expect(RuleCacheTests.report(rules, arabic) == RuleCacheTests.report(TestRules.whole, arabic))
        #expect(rules.languages.compiledLanguages == [.ar])
    }

    /// A language read for a run of its script in another language's document (an English
    /// citation left in an Arabic sentence) compiles neither its `numbers.skip` patterns nor
    /// its title pattern unless a text is searched with them.
    @Test func aLanguageReadForAForeignRunCompilesOnlyWhatItSearches() throws {
        let rules = try Self.fromTheBuildsEntry()
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mixed = folder.appendingPathComponent("mixed.ar.txt")
        let seed = try String(contentsOfFile: Paths.corpora("seed/res-6-1.ar.txt"), encoding: .utf8)
        try (seed + "\nوإذ يشير المجلس إلى resolution 2250 (2015) of the Security Council بشأن الشباب والسلام والأمن،\n")
            .write(to: mixed, atomically: true, encoding: .utf8)
        let document = try DocumentReader(lexicon: rules.lexicon).read(path: mixed.path)
        #expect(CitationExtractor(rules: rules).citations(in: document).map(\.key).contains("S/RES/2250(2015)"))
        _ = RuleCacheTests.report(rules, [mixed.path])
        let read = rules.languages.compiledLanguages
        #expect(read.contains(.ar))
        let others = read.filter { $0 != .ar }
        #expect(others == [.en], "the languages read for the foreign run: \(others)")
        for language in others {
            let format = try #require(rules.languages[language]).numberFormat
            #expect(!format.skipPatterns.isEmpty || language == .zh || language == .ar)
            #expect(format.skipPatterns.allSatisfy { !$0.isCompiled }, "\(language)")
            let titles = try #require(rules.languages[language]?.titles)
            #expect(!titles.isCompiled, "\(language)")
        }
        // Searching compiles them, and they skip what they did.
        let english = try #require(rules.languages[.en]).numberFormat
        let reader = NumberReader(format: english)
        let numbers = reader.numbers(in: "at 10.30 a.m. on 12 May 2015".utf16Array).map(\.value)
        #expect(english.skipPatterns.allSatisfy { $0.isCompiled })
        #expect(numbers == ["12", "2015"])
        // A unit without the words that introduce a title leaves the title pattern
        // uncompiled; one with them compiles it, and gives the title.
        let titles = try #require(rules.languages[.en]?.titles)
        #expect(titles.matches(in: "Recalling its resolution 70/1 of 25 September 2015".utf16Array).isEmpty)
        #expect(!titles.isCompiled)
        let found = titles.matches(in: "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world”".utf16Array)
        #expect(titles.isCompiled)
        let title = try #require(found.first?["title"])
        #expect(found.count == 1)
        #expect(String(utf16Units: Array("Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world”".utf16Array[title])) == "Transforming our world")
    }
}
