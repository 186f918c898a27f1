import Foundation
import Testing
@testable import Concord

/// The rule cache: the first load of a set of rules compiles everything and stores the
/// decoded files; the next reads them back and compiles a language only when it is asked
/// for, with the same patterns and the same reports. A damaged entry is ignored, edited
/// rules get an entry of their own, and two processes building it at once both succeed.
@Suite struct RuleCacheTests {
    static func entries(_ cache: URL) -> [URL] {
        let folder = cache.appendingPathComponent(RuleCache.layout)
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.path < $1.path }
    }

    /// Every pattern of every language, as compiled (id, kind, the ICU pattern).
    static func patterns(_ rules: RuleSet) -> [String] {
        rules.languages.keys.flatMap { language in
            (rules.languages[language]?.patterns ?? []).map { "\(language) \($0.id) \($0.kind) \($0.regex.pattern)" }
        }
    }

    /// What the reader's lexicon holds, written out (every field the reader reads).
    static func lexicon(_ lexicon: ReadingLexicon) -> String {
        var out = lexicon.languagesInOrder.map { info in
            "\(info.language) \(info.name) \(info.aliases.sorted()) \(info.unCode ?? "-") \(info.locale) \(info.script) "
                + "\(info.scriptShare ?? -1) \(info.stopWords.sorted()) \(info.stopWordBit)"
        }
        out.append("\(lexicon.titleWords) \(lexicon.closingPhrases) \(lexicon.annexWords.sorted()) \(lexicon.paragraphOpenings)")
        out.append("\(lexicon.numberWordsBefore.sorted()) \(lexicon.numberWordsAfter.sorted()) \(lexicon.openingEndings.map { String(decoding: $0, as: UTF16.self) }.sorted())")
        out.append("\(lexicon.titleFilter) \(lexicon.closingFilter) \(lexicon.annexFilter) \(lexicon.openingFilter)")
        for (language, structure) in lexicon.structure.languages.sorted(by: { $0.key < $1.key }) {
            out.append("\(language) \(structure.headings.map { "\($0.kind) \($0.regex.pattern)" }) \(structure.numbers.sorted { $0.key < $1.key }) "
                + "\(structure.paragraphLabels.map(\.pattern)) \(structure.itemLabels.map(\.pattern)) \(structure.itemLetters) "
                + "\(structure.sectionLabels.map(\.pattern)) \(structure.sectionLetters) \(structure.reportWords) \(structure.rulesWords) \(structure.locale)")
        }
        out.append("\(lexicon.pdfRepairs)")
        return out.joined(separator: "\n")
    }

    /// Without a cache (and without the entry the build made of them), the built-in rules
    /// compile a language only when a document in it asks for it, each pattern's regex on first
    /// use, and give the same patterns, lexicon and report as the same rules compiled whole
    /// (`TestRules.whole`, where a pattern that does not compile would fail the load).
    @Test func theBuiltInRulesCompileALanguageWhenADocumentAsks() throws {
        let rules = try RuleSet(source: .builtIn, builtInEntry: false)
        #expect(!rules.fromCache)
        #expect(rules.languages.compiledLanguages.isEmpty)
        let english = [Paths.corpora("seed/res-6-1.en.txt")]
        let report = Self.report(rules, english)
        #expect(rules.languages.compiledLanguages == [.en])
        let englishPatterns = try #require(rules.languages[.en]).patterns
        #expect(englishPatterns.contains { !$0.compiled.isCompiled })
        #expect(report == Self.report(TestRules.whole, english))
        #expect(report.contains("\"findings\""))
        let whole = TestRules.whole
        #expect(whole.languages.compiledLanguages == whole.languages.keys)
        #expect(whole.languages.values.allSatisfy { $0.patterns.allSatisfy(\.compiled.isCompiled) })
        #expect(Self.lexicon(rules.lexicon) == Self.lexicon(whole.lexicon))
        #expect(rules.lexicon.filterFrequency == whole.lexicon.filterFrequency)
        #expect(Self.patterns(rules) == Self.patterns(whole))
        for language in rules.languages.keys {
            #expect(try #require(rules.languages[language]).prescan.table == #require(whole.languages[language]).prescan.table, "\(language)")
        }
        #expect(Self.report(rules, [Paths.corpora("")]) == Self.report(whole, [Paths.corpora("")]))
        // The examples are there: `concord rules` runs them on the built-in rules.
        #expect(RuleExamples.run(rules).examples == RuleExamples.run(whole).examples)
    }

    /// The entry the build made of the built-in rules (`RuleCache.builtIn`) is the entry a
    /// first run made from the files stores in a cache folder, byte for byte, with the pre-scan
    /// tables and the expanded patterns made ahead (`DerivedRules`, which a first run from the
    /// files works out when it compiles a language). Holding every analysis, it is what a run
    /// reads, without reading or filling its cache folder; a run with an empty
    /// cache folder that stores nothing in it (`--no-cache`)
    /// reads it as a second run reads the cache's, and gives the same patterns, lexicon, letter counts,
    /// pre-scan tables and reports as the rules compiled whole. Without a cache folder at all
    /// (the library's `RuleSet.standard()`), the rules are read from the files, with their
    /// examples.
    @Test func runsWithoutACacheReadTheEntryTheBuildMade() throws {
        let built = try #require(RuleCache.builtIn(for: .builtIn))
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let filling = try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false)
        #expect(!filling.fromCache && Self.entries(cache).count == 1)
        // The build's entry holds every analysis (`DerivedRules` current): a run reads it and
        // neither reads nor fills the cache folder, which would hold the same.
        let other = cache.appendingPathComponent("other")
        let fromBuild = try RuleSet(source: .builtIn, cacheFolder: other.path)
        #expect(built.holdsEveryAnalysis, "run scripts/derive-rules (state: \(EmbeddedDerivedRules.state))")
        #expect(fromBuild.fromCache && Self.entries(other).isEmpty)
        #expect(fromBuild.languages.compiledLanguages.isEmpty)
        let stored = try #require(RuleCache(folder: cache.path, sources: [.builtIn]).read())
        #expect(stored.languages.allSatisfy { $0.prescan != nil && $0.expansions != nil })
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(built) == encoder.encode(stored),
                "the built-in entry is not what the files give: if only its analyses differ, run scripts/derive-rules (state: \(EmbeddedDerivedRules.state))")
        #expect(built.filterCounts != nil && built.languages.allSatisfy { $0.whole != nil && $0.prescan != nil && $0.expansions != nil })
        #expect(RuleCache.builtIn(for: .folder(Paths.repository.appendingPathComponent("Rules"))) == nil)

        let whole = TestRules.whole
        let english = [Paths.corpora("seed/res-6-1.en.txt")]
        #expect(!(try RuleSet(source: .builtIn)).fromCache)  // without a cache folder: the files, with their examples
        let empty = cache.path + "/empty"
        do {
            let rules = try RuleSet(source: .builtIn, cacheFolder: empty, writeCache: false)
            #expect(rules.fromCache)
            #expect(rules.languages.compiledLanguages.isEmpty)
            #expect(Self.report(rules, english) == Self.report(whole, english))
            #expect(rules.languages.compiledLanguages == [.en])
            #expect(Self.lexicon(rules.lexicon) == Self.lexicon(whole.lexicon))
            #expect(rules.lexicon.filterFrequency == whole.lexicon.filterFrequency)
            #expect(Self.patterns(rules) == Self.patterns(whole))
            for language in rules.languages.keys {
                #expect(try #require(rules.languages[language]).prescan.table == #require(whole.languages[language]).prescan.table, "\(language)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: empty))
        let all = [Paths.corpora("")]
        #expect(Self.report(try RuleSet(source: .builtIn, cacheFolder: empty, writeCache: false), all) == Self.report(whole, all))
    }

    static func report(_ rules: RuleSet, _ paths: [String]) -> String {
        var options = Pipeline.Options()
        options.paths = paths
        // One job: a test thread blocked waiting for Swift tasks can starve a two-core pool.
        return JSONReport.render(Pipeline(rules: rules, options: options).run(jobs: 1).report)
    }

    /// The first document in a language compiles ahead, on a second thread, the patterns the
    /// pre-scan lets run in its units: the same ones the search compiles on first use (and
    /// nothing once told to stop).
    @Test func compilingAheadCompilesWhatTheSearchNeeds() throws {
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        _ = try RuleSet(source: .builtIn, cacheFolder: cache.path)
        let ahead = try RuleSet(source: .builtIn, cacheFolder: cache.path)
        let searched = try RuleSet(source: .builtIn, cacheFolder: cache.path)
        let stopped = try RuleSet(source: .builtIn, cacheFolder: cache.path)
        #expect(ahead.fromCache && searched.fromCache && stopped.fromCache)
        let document = try DocumentReader().read(path: Paths.corpora("seed/res-6-1.en.txt"))
        let normalized = NormalizedDocument(document)
        func compiled(_ rules: RuleSet) throws -> [String] {
            try #require(rules.languages[.en]).patterns.filter(\.compiled.isCompiled).map(\.id)
        }
        // The search alone: the language's compiling ahead claimed first, so none runs.
        #expect(try #require(searched.languages[.en]).compiledAhead.claim())
        _ = CitationExtractor(rules: searched, prefilter: .icu).references(in: normalized)  // as auto
        let extractor = CitationExtractor(rules: ahead).unitExtractor(try #require(ahead.languages[.en]))
        extractor.compilePatterns(backwardsThrough: CompilingAhead.units(normalized)) { false }
        #expect(try compiled(ahead) == compiled(searched))
        #expect(try !compiled(ahead).isEmpty)
        CitationExtractor(rules: stopped).unitExtractor(try #require(stopped.languages[.en]))
            .compilePatterns(backwardsThrough: CompilingAhead.units(normalized)) { true }
        #expect(try compiled(stopped).isEmpty)
    }

    /// `concord check` starts reading the rules from the cache, and compiling the languages
    /// the files' names give, while it parses its command line: for a rules folder, nothing
    /// without a cached copy; with one, the shared rules are those from the cache, with
    /// exactly the named languages compiled (a folder and a missing file are passed over), and
    /// nothing written. The built-in rules are prefetched from the entry the build made.
    @Test func prefetchReadsTheCachedRulesAndCompilesTheNamedLanguages() throws {
        // A copy of the rules no other test loads: the shared rules are kept per source.
        let copy = try Paths.temporaryDirectory()
        let cache = try Paths.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: copy)
            try? FileManager.default.removeItem(at: cache)
        }
        let rules = copy.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Rules"), to: rules)
        let source = RuleSource.folder(rules)
        let files = [Paths.corpora("seed/res-6-1.fr.txt"), Paths.corpora("seed"), Paths.corpora("seed/missing.ru.txt"),
                     Paths.corpora("seed/res-6-1.en.txt"), Paths.corpora("seed/res-6-1.fr.txt")]
        #expect(RuleSet.prefetch(files: files, source: source, cacheFolder: cache.path, writes: true) == nil)
        #expect(Self.entries(cache).isEmpty)

        _ = try RuleSet(source: source, cacheFolder: cache.path)
        let stored = try FileManager.default.subpathsOfDirectory(atPath: cache.path).sorted()
        let done = try #require(RuleSet.prefetch(files: files, source: source, cacheFolder: cache.path, writes: true))
        done.wait()
        let shared = try RuleSet.shared(source: source, cacheFolder: cache.path)
        #expect(shared.fromCache)
        #expect(shared.languages.compiledLanguages == [.en, .fr])
        #expect(try FileManager.default.subpathsOfDirectory(atPath: cache.path).sorted() == stored)

        // The built-in rules in an empty cache folder: prefetched from the entry the build made
        // (by a run that stores nothing, without storing anything).
        let empty = cache.appendingPathComponent("empty").path
        let writes = PrefilterCache.writes  // the prefetch of a run that stores nothing turns it off
        defer { PrefilterCache.writes = writes }
        let started = try #require(RuleSet.prefetch(files: files, source: .builtIn, cacheFolder: empty, writes: false))
        started.wait()
        // (The shared built-in rules may be those another test loaded first: only what the
        // prefetch wrote is asserted.)
        #expect(!FileManager.default.fileExists(atPath: empty))
        let filling = try #require(RuleSet.prefetch(files: files, source: .builtIn, cacheFolder: cache.appendingPathComponent("filled").path,
                                                    writes: true))
        filling.wait()
    }

    /// A language's ICU locale is known before its rules are compiled (the prefetch opens its
    /// spell-out parser ahead with it), and it is the compiled rules' own: the file's `locale:`,
    /// else the language's code. Rules compiled whole and rules read from the cache entry
    /// (compiled on first use) give the same; asking compiles nothing.
    @Test func aLanguagesLocaleIsKnownBeforeItsRulesAreCompiled() throws {
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let rules = try LanguageDataTests.copyOfRules()
        defer { try? FileManager.default.removeItem(at: rules.deletingLastPathComponent()) }
        try LanguageDataTests.replace("\nlocale: en\n", with: "\nlocale: en_GB\n", in: rules.appendingPathComponent("languages/en.yml"))
        try LanguageDataTests.replace("\nlocale: fr\n", with: "\n", in: rules.appendingPathComponent("languages/fr.yml"))
        let source = RuleSource.folder(rules)

        let whole = try RuleSet(source: source, cacheFolder: cache.path)
        #expect(!whole.fromCache)
        let lazy = try RuleSet(source: source, cacheFolder: cache.path)
        #expect(lazy.fromCache)
        let locales = lazy.languages.keys.map { lazy.languages.locale(of: $0) }
        #expect(lazy.languages.compiledLanguages.isEmpty)
        #expect(locales == lazy.languages.keys.map { lazy.languages[$0]?.locale })
        #expect(locales == whole.languages.keys.map { whole.languages.locale(of: $0) })
        #expect(locales == whole.languages.keys.map { whole.languages[$0]?.locale })
        #expect(lazy.languages.keys.map(\.rawValue) == ["ar", "zh", "en", "fr", "ru", "es"])
        #expect(locales == ["ar", "zh", "en_GB", "fr", "ru", "es"])
        #expect(lazy.languages.locale(of: Language(ruleFile: "xx")) == nil)
    }

    @Test func aSecondLoadReadsTheCacheAndCompilesOnlyTheLanguagesUsed() throws {
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false)
        #expect(!first.fromCache)
        #expect(first.languages.compiledLanguages == first.languages.keys)
        // The run that writes the entry works out every language's pre-scan table, which the
        // entry holds, without compiling a regex (the built-in rules compile on first use).
        #expect(first.languages.values.allSatisfy { $0.patterns.allSatisfy { !$0.compiled.isCompiled } })
        #expect(Self.entries(cache).count == 1)

        let second = try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false)
        #expect(second.fromCache)
        #expect(second.languages.keys == first.languages.keys)
        #expect(second.languages.compiledLanguages.isEmpty)
        // An English document compiles English only.
        let english = Self.report(second, [Paths.corpora("seed/res-6-1.en.txt")])
        #expect(second.languages.compiledLanguages == [.en])
        #expect(english == Self.report(TestRules.whole, [Paths.corpora("seed/res-6-1.en.txt")]))
        // Of the English patterns, only those the pre-scan let run on some unit were compiled
        // (rules from the cache compile a pattern's regex on first use), and the report is
        // the same as with every pattern compiled.
        let englishPatterns = try #require(second.languages[.en]).patterns
        let compiled = englishPatterns.filter(\.compiled.isCompiled).count
        #expect(compiled > 0 && compiled < englishPatterns.count, "\(compiled) of \(englishPatterns.count) compiled")
        #expect(try #require(TestRules.whole.languages[.en]).patterns.allSatisfy(\.compiled.isCompiled))
        #expect(english.contains("\"findings\""))

        // The pre-scan's analysis is read from the entry, and is the one the patterns give.
        for language in second.languages.keys {
            let cached = try #require(second.languages[language]).prescan.table
            let analysed = try #require(TestRules.whole.languages[language]).prescan.table
            #expect(cached == analysed, "\(language)")
            #expect(cached.fits(try #require(second.languages[language]).patterns.count))
        }
        let englishPrescan = try #require(TestRules.whole.languages[.en]).prescan
        #expect(Prescan.decode(englishPrescan.encodedTable) == englishPrescan.table)
        #expect(Prescan.decode(String(englishPrescan.encodedTable.dropLast(3))) == nil)
        #expect(Prescan.decode(englishPrescan.encodedTable + " 7") == nil)
        #expect(Prescan.decode("x") == nil && Prescan.decode("") == nil)
        var foreign = try #require(TestRules.whole.languages[.en]).prescan.table
        foreign.needs.removeLast()
        #expect(!foreign.fits(try #require(TestRules.whole.languages[.en]).patterns.count))
        foreign = try #require(TestRules.whole.languages[.en]).prescan.table
        foreign.positional.append(Int32(foreign.literals.count))
        #expect(!foreign.fits(try #require(TestRules.whole.languages[.en]).patterns.count))

        // Everything else read from the cache is what the YAML gives.
        #expect(Self.patterns(second) == Self.patterns(TestRules.whole))
        #expect(second.lexicon.known == TestRules.whole.lexicon.known)
        // Only the reader's part of each language is decoded at the start: the lexicon it
        // makes is the one the whole files make.
        #expect(Self.lexicon(second.lexicon) == Self.lexicon(TestRules.whole.lexicon))
        #expect(Self.lexicon(second.lexicon).count > 5000)
        #expect(second.checks.checks.map(\.id) == TestRules.whole.checks.checks.map(\.id))
        #expect(second.treaties.entries.count == TestRules.whole.treaties.entries.count)
        #expect(Self.report(second, [Paths.corpora("seed")]) == Self.report(TestRules.whole, [Paths.corpora("seed")]))
        #expect(Self.report(second, [Paths.corpora("")]) == Self.report(TestRules.whole, [Paths.corpora("")]))

        // The entry holds no examples (a check never runs them), but the reader's filters
        // are anchored on the same counts as those made with the examples.
        let entry = try #require(Self.entries(cache).first)
        let text = try String(contentsOf: entry, encoding: .utf8)
        #expect(!text.contains("\"examples\"") && !text.contains("\"counter-examples\"") && text.contains("\"filterCounts\""))
        // Nor in each language's whole file, which the entry holds as JSON text.
        let stored = try #require(RuleCache(folder: cache.path, sources: [.builtIn]).read())
        #expect(stored.languages.count == second.languages.count)
        for language in stored.languages {
            let whole = try #require(language.whole, "\(language.code)")
            #expect(whole.contains("\"patterns\"") && !whole.contains("\"examples\"") && !whole.contains("\"counter-examples\""), "\(language.code)")
        }
        // The patterns as this build expanded them are read from the entry too, as the
        // whole files give them, and used when there is one per pattern.
        for language in stored.languages {
            let expansions = try #require(language.expansions.flatMap(LanguageRules.decodeExpansions), "\(language.code)")
            let whole = try #require(TestRules.whole.languages[Language(ruleFile: language.code)])
            #expect(expansions.map(\.analysed) == whole.patterns.map(\.expanded), "\(language.code)")
            #expect(expansions.map(\.forICU) == whole.patterns.map(\.compiled.pattern), "\(language.code)")
        }
        var marked = try #require(stored.languages.first { $0.code == "en" })
        let wholeEnglish = try #require(TestRules.whole.languages[.en]).patterns
        let encoded = try #require(marked.expansions)
        marked.expansions = try #require(LanguageRules.decodeExpansions(encoded)).map { "\($0.analysed.utf8.count):\($0.analysed)\($0.forICU.utf8.count + 4):(?:)\($0.forICU)" }.joined()
        #expect(try marked.compile(.en, lazily: true).patterns.map(\.compiled.pattern) == wholeEnglish.map { "(?:)" + $0.compiled.pattern })
        // Not one per pattern (one only): expanded again.
        let one = try #require(LanguageRules.decodeExpansions(encoded)?.first)
        marked.expansions = "\(one.analysed.utf8.count):\(one.analysed)\(one.forICU.utf8.count):\(one.forICU)"
        #expect(LanguageRules.decodeExpansions(try #require(marked.expansions))?.count == 1)
        #expect(try marked.compile(.en, lazily: true).patterns.map(\.compiled.pattern) == wholeEnglish.map { $0.compiled.pattern })
        #expect(LanguageRules.decodeExpansions(String(encoded.dropLast(3))) == nil)
        #expect(LanguageRules.decodeExpansions("5:abc") == nil && LanguageRules.decodeExpansions("3:abc") == nil)
        #expect(LanguageRules.decodeExpansions("x") == nil && LanguageRules.decodeExpansions("")?.isEmpty == true)
        // The expansions are most of the entry (about 460 KB for the six languages).
        #expect(text.utf8.count < 800_000, "\(text.utf8.count) bytes")
        #expect(second.lexicon.filterFrequency == TestRules.whole.lexicon.filterFrequency)
        #expect(String(describing: second.lexicon.titleFilter) == String(describing: TestRules.whole.lexicon.titleFilter))
        #expect(RuleExamples.run(second).examples == 0)
        // Rules asked for with their examples are read from the YAML, all examples run.
        // They are compiled whole, every pattern with ICU, as `concord rules` checks them.
        let full = try RuleSet(source: .builtIn, cacheFolder: cache.path, readCache: false)
        #expect(!full.fromCache)
        #expect(full.languages.compiledLanguages == full.languages.keys)
        #expect(full.languages.values.allSatisfy { $0.patterns.allSatisfy(\.compiled.isCompiled) })
        let summary = RuleExamples.run(full)
        #expect(summary.examples == RuleExamples.run(TestRules.whole).examples && summary.examples > 1000)
        #expect(summary.failures.isEmpty)
    }

    /// (A copy of the rules in a folder: the built-in ones are read from the build's entry,
    /// which no run stores.)
    @Test func theRulesCommandRunsEveryExampleWithAWarmCache() throws {
        let cache = try Paths.temporaryDirectory()
        let folder = try LanguageDataTests.copyOfRules()
        defer {
            try? FileManager.default.removeItem(at: cache)
            try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
        }
        let environment = ["XDG_CACHE_HOME": cache.path]
        _ = try CommandResult.run(["check", "--rules", folder.path, Paths.corpora("seed/res-6-1.en.txt")], environment: environment)
        #expect(!Self.entries(cache.appendingPathComponent("concord")).isEmpty)
        let rules = try CommandResult.run(["rules", "--rules", folder.path], environment: environment)
        #expect(rules.status == 0)
        let expected = RuleExamples.run(TestRules.whole).examples
        #expect(rules.stdout.contains("rules: \(expected) examples in \(folder.path) ") && rules.stdout.contains("; 0 failed"),
                "\(rules.stdout.suffix(300))")
    }

    /// The entry is a header line, one line of JSON, then each language's whole file,
    /// pre-scan analysis and expanded patterns as they are (JSON would escape them, and the
    /// decoder unescape them at every start): the JSON is a fraction of the entry, and the
    /// lengths it gives add up.
    @Test func theLanguagesTextsFollowTheJSON() throws {
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        _ = try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false)
        let data = try Data(contentsOf: try #require(Self.entries(cache).first))
        let lines = data.split(separator: UInt8(ascii: "\n"), maxSplits: 2, omittingEmptySubsequences: false)
        try #require(lines.count == 3)
        let json = try #require(JSONSerialization.jsonObject(with: lines[1]) as? [String: Any])
        let languages = try #require(json["languages"] as? [[String: Any]])
        #expect(languages.count == 6)
        var total = 0
        for language in languages {
            #expect(language["whole"] == nil && language["prescan"] == nil && language["expansions"] == nil)
            #expect(language["expansionsBytes"] as? Int ?? 0 > 10_000)
            total += (language["wholeBytes"] as? Int ?? 0) + (language["prescanBytes"] as? Int ?? 0)
                + (language["expansionsBytes"] as? Int ?? 0)
        }
        #expect(total == lines[2].count)
        #expect(lines[1].count * 2 < lines[2].count, "\(lines[1].count) bytes of JSON, \(lines[2].count) of texts")
        #expect(try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false).fromCache)
    }

    @Test func aDamagedEntryIsIgnoredAndWrittenAgain() throws {
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        _ = try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false)
        let entry = try #require(Self.entries(cache).first)
        let good = try Data(contentsOf: entry)

        // Cut short, one byte changed, emptied, not JSON at all.
        var changed = good
        changed[changed.count / 2] ^= 0x20
        for damaged in [good.prefix(good.count / 2), changed, Data(), Data("concord-rules x y\n{}".utf8)] {
            try damaged.write(to: entry)
            let rules = try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false)
            #expect(!rules.fromCache)
            #expect(Self.patterns(rules) == Self.patterns(TestRules.whole))
            #expect(try Data(contentsOf: entry) == good)
            #expect(try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false).fromCache)
        }
    }

    /// With every analysis made ahead, the built-in rules are the build's entry: a stored entry
    /// in the cache folder, even a damaged one, is neither read nor written again, and the
    /// rules give the reports of the rules compiled whole.
    @Test func theBuildsCompleteEntryLeavesTheFolderAlone() throws {
        let built = try #require(RuleCache.builtIn(for: .builtIn))
        try #require(built.holdsEveryAnalysis, "run scripts/derive-rules (state: \(EmbeddedDerivedRules.state))")
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        _ = try RuleSet(source: .builtIn, cacheFolder: cache.path, builtInEntry: false)
        let entry = try #require(Self.entries(cache).first)
        let good = try Data(contentsOf: entry)
        let damaged = good.prefix(good.count / 2)
        try damaged.write(to: entry)
        let rules = try RuleSet(source: .builtIn, cacheFolder: cache.path)
        #expect(rules.fromCache && rules.languages.compiledLanguages.isEmpty)
        #expect(try Data(contentsOf: entry) == damaged)
        #expect(Self.entries(cache) == [entry])
        let seeds = [Paths.corpora("seed/res-6-1.en.txt"), Paths.corpora("seed/res-6-1.ar.txt")]
        #expect(Self.report(rules, seeds) == Self.report(TestRules.whole, seeds))
        #expect(rules.languages.compiledLanguages.contains(.ar) && rules.languages.compiledLanguages.contains(.en))
        #expect(try Data(contentsOf: entry) == damaged)
    }

    @Test func editedRulesGetTheirOwnEntryAndErrorsAreStillReported() throws {
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let folder = try LanguageDataTests.copyOfRules()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        _ = try RuleSet(source: .folder(folder), cacheFolder: cache.path)
        #expect(try RuleSet(source: .folder(folder), cacheFolder: cache.path).fromCache)

        // An edited rule: a new entry, the edit in force.
        let fr = folder.appendingPathComponent("languages/fr.yml")
        try LanguageDataTests.replace("annex-words: [", with: "annex-words: [Appendice, ", in: fr)
        let edited = try RuleSet(source: .folder(folder), cacheFolder: cache.path)
        #expect(!edited.fromCache)
        #expect(Self.entries(cache).count == 2)
        #expect(try RuleSet(source: .folder(folder), cacheFolder: cache.path).fromCache)

        // A broken pattern in a language no document uses is still an error, and not stored.
        let ru = folder.appendingPathComponent("languages/ru.yml")
        let text = try String(contentsOf: ru, encoding: .utf8)
        let broken = try #require(text.range(of: "pattern: "))
        try text.replacingCharacters(in: broken, with: "pattern: (unclosed ").write(to: ru, atomically: true, encoding: .utf8)
        #expect(performing: { try RuleSet(source: .folder(folder), cacheFolder: cache.path) }, throws: { error in
            String(describing: error).hasPrefix(ru.path + ": error:")
        })
        #expect(Self.entries(cache).count == 2)
    }

    /// (A copy of the rules in a folder: the built-in ones are read from the build's entry,
    /// which no run stores.)
    @Test func twoProcessesBuildingTheEntryAtOnceBothSucceed() throws {
        let cache = try Paths.temporaryDirectory()
        let folder = try LanguageDataTests.copyOfRules()
        defer {
            try? FileManager.default.removeItem(at: cache)
            try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
        }
        let seed = Paths.corpora("seed/res-6-1.en.txt")
        let environment = ["XDG_CACHE_HOME": cache.path]
        // --no-cache reads the rule cache but writes nothing in it.
        let expected = try CommandResult.run(["check", "--rules", folder.path, "--no-cache", "--format", "json", seed], environment: environment)
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("concord").path))

        let lock = NSLock()
        nonisolated(unsafe) var results = [CommandResult]()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let result = try? CommandResult.run(["check", "--rules", folder.path, "--format", "json", seed], environment: environment)
            lock.lock()
            if let result { results.append(result) }
            lock.unlock()
        }
        #expect(results.count == 4)
        for result in results {
            #expect(result.status == expected.status && result.stdout == expected.stdout)
        }
        let entries = Self.entries(cache.appendingPathComponent("concord"))
        #expect(entries.count == 1 && entries.allSatisfy { !$0.lastPathComponent.hasPrefix(".") })
        // And a run that reads it gives the same report.
        let warm = try CommandResult.run(["check", "--rules", folder.path, "--no-cache", "--format", "json", seed], environment: environment)
        #expect(warm.stdout == expected.stdout && warm.status == expected.status && warm.stderr == expected.stderr)
    }
}
