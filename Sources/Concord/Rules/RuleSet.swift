import ConcordRuleFiles
import Foundation

/// The compiled rules: symbol grammar, treaty catalogue, and each language's patterns.
/// Loaded once from a `RuleSource` (the built-in rules unless `--rules DIR` replaces them)
/// and shared (immutable, thread-safe).
///
/// Start-up: the built-in rules come decoded by the build (`EmbeddedRules.decoded`), and a
/// run compiles a language's patterns only when a document in that language asks for them. A
/// rules folder's files are decoded from their YAML and compiled whole, so that any error in
/// any file is reported. With a cache folder (`RuleCache`), the first run of a set of rules
/// stores the decoded files and each language's pre-scan table; later runs read them back
/// instead of decoding the files again, and compile languages as the built-in rules do.
public final class RuleSet: Sendable {
    public let source: RuleSource
    public let symbols: SymbolGrammar
    public let treaties: TreatyCatalogue
    /// When the General Assembly's sessions sat (`Rules/sessions.yml`; empty when a rules
    /// folder has none).
    public let sessions: SessionCatalogue
    public let languages: LanguageTable
    public let checks: CheckCatalogue
    /// What the reader needs from the language files (give it to `DocumentReader`).
    public let lexicon: ReadingLexicon
    /// Whether these rules were read from a rule cache entry (their languages then compiled on
    /// first use): the cache folder's, or the one the build made of the built-in rules
    /// (`RuleCache.builtIn`). Such rules hold no examples (see `RuleCacheEntry`): `concord
    /// rules`, which runs them, loads the rules with `readCache` false.
    public let fromCache: Bool

    /// `source` is the complete set: symbols.yml, treaties.yml, checks.yml and the language
    /// files it holds. `extraFolders` (from the configuration) add series, treaties and
    /// language patterns: each may hold any of symbols.yml, treaties.yml, languages/xx.yml, in
    /// the same format. `cacheFolder`: the rule cache's folder (see `RuleCache`); nil reads
    /// the files (and compiles the built-in rules a language at a time, a rules folder whole).
    /// `writeCache`: false reads the cache but stores nothing in it (`--no-cache`, `--format
    /// html`, which write nothing). `readCache`: false reads the files even when the cache holds
    /// the rules (their examples are not in the cache) and compiles them whole.
    /// `builtInEntry` false: never the entry the build made (`RuleCache.builtIn`; for the tests
    /// of the path a run takes without it).
    public convenience init(source: RuleSource = .builtIn, extraFolders: [URL] = [], cacheFolder: String? = nil,
                            writeCache: Bool = true, readCache: Bool = true) throws(RuleError) {
        try self.init(source: source, extraFolders: extraFolders, cacheFolder: cacheFolder, writeCache: writeCache,
                      readCache: readCache, builtInEntry: true)
    }

    init(source: RuleSource = .builtIn, extraFolders: [URL] = [], cacheFolder: String? = nil, writeCache: Bool = true,
         readCache: Bool = true, builtInEntry: Bool) throws(RuleError) {
        self.source = source
        try source.checkExists("the rules folder given with --rules")
        let extras = extraFolders.map(RuleSource.folder)
        for extra in extras { try extra.checkExists("the rule folder named in the configuration") }
        let cache = cacheFolder.map { RuleCache(folder: $0, sources: [source] + extras) }
        // The built-in rules hold no error a run could report (the tests compile every pattern
        // and run every example; see below).
        let lazily = source == .builtIn && extras.isEmpty && readCache
        // The rules as a cache entry holds them: the cache folder's, else (for the built-in
        // rules) the one the build made of them (`RuleCache.builtIn`, with the analyses made
        // ahead when the build found them current, `DerivedRules`): such a run decodes, counts
        // and analyses no more than a run with a cache folder that holds them. A run that fills
        // the cache folder compiles every language (analysing those the entry holds no analyses
        // for) and stores the entry with them. Without a cache folder (the library's
        // `RuleSet.standard()`) the rules are read from their files, with their examples, as
        // before.
        // When the build made every language's analyses ahead (`DerivedRules` current), its
        // entry is all a cache folder's entry would hold: the folder is neither read nor
        // filled (reading and checking the stored copy was 6 % of a one-document check, and
        // filling it made a first run decode and analyse all six languages).
        var entry: (decoded: RuleCache.Decoded, inFolder: Bool, complete: Bool)?
        if lazily, builtInEntry, cache != nil, let decoded = RuleCache.builtIn(for: source), decoded.holdsEveryAnalysis {
            entry = (decoded, false, true)
        } else if readCache, let cache, let decoded = cache.read() {
            entry = (decoded, true, false)
        } else if lazily, builtInEntry, cache != nil, let decoded = RuleCache.builtIn(for: source) {
            entry = (decoded, false, false)
        }
        if let (decoded, inFolder, complete) = entry, let filterFrequency = decoded.filterFrequency {
            // Rules compiled before by this build: nothing can fail; languages on first use.
            if inFolder, writeCache, let cache { CacheFolder.markUsed(cache.url.path) }
            let fills = !inFolder && !complete && writeCache ? cache : nil
            // A run that fills the cache: every language compiled (its pre-scan analysed unless
            // the entry holds it, each regex still on first use) on the other cores while the
            // lexicon is made.
            let group = DispatchGroup()
            nonisolated(unsafe) var compiled = [Result<LanguageRules, RuleError>]()
            if fills != nil {
                DispatchQueue.global().async(group: group) {
                    compiled = Self.inParallel(decoded.languages) { entry throws(RuleError) in
                        try entry.compile(Language(ruleFile: entry.code), lazily: true)
                    }
                }
            }
            defer { group.wait() }  // also when what follows throws
            self.symbols = SymbolGrammar(decoded.symbols)
            self.treaties = TreatyCatalogue(decoded.treaties)
            self.sessions = decoded.sessions.map(SessionCatalogue.init) ?? .empty
            self.checks = try CheckCatalogue(decoded.checks, path: source.name("checks.yml"))
            self.lexicon = try ReadingLexicon(files: decoded.languages.map { (Language(ruleFile: $0.code), $0.file, $0.path) },
                                              filterFrequency: filterFrequency, lazily: true)
            if let fills {
                group.wait()
                var stored = decoded, languages = [(Language, LanguageRules)]()
                for (k, result) in compiled.enumerated() {
                    let rules = try result.get()
                    // The entry's own text where the language was compiled from it (the
                    // build's entry holds every analysis): encoding it again made the same
                    // string, 9 % of the run that fills the cache.
                    if stored.languages[k].prescan == nil || !rules.usedStoredPrescan {
                        stored.languages[k].prescan = rules.prescan.encodedTable
                    }
                    if stored.languages[k].expansions == nil || !rules.usedStoredExpansions {
                        stored.languages[k].expansions = rules.encodedExpansions
                    }
                    languages.append((Language(ruleFile: stored.languages[k].code), rules))
                }
                self.languages = LanguageTable(compiled: languages)
                fills.write(stored)
            } else {
                self.languages = LanguageTable(lazy: decoded.languages)
            }
            self.fromCache = true
            return
        }
        // A rules folder (--rules, rule-folders) is compiled whole, every pattern with ICU, so
        // that an error in any of its files is reported at once; so are rules asked for with
        // their examples (`readCache` false: `concord rules`, which checks them). The built-in
        // rules hold no such error (the tests compile every pattern and run every example): a
        // run compiles a language only when a document in it asks, its patterns' regexes on
        // first use, as with rules read from the cache. A run that fills the cache still works
        // out every language's pre-scan table, which the entry holds (without ICU: each regex
        // on first use).
        let compileAll = !lazily || (writeCache && cache != nil)
        // The languages decode and compile in parallel with the rest (ICU builds each
        // pattern's sets afresh: this is most of the start-up); the first error in language
        // order is the one reported.
        let languageList = source.languages()
        let group = DispatchGroup()
        nonisolated(unsafe) var compiled = [Result<(RuleCache.DecodedLanguage, LanguageRules?), RuleError>]()
        DispatchQueue.global().async(group: group) {
            compiled = Self.inParallel(languageList) { language throws(RuleError) in
                try Self.languageRules(language, source: source, extras: extras, compile: compileAll, lazily: lazily)
            }
        }
        defer { group.wait() }  // also when the base files below throw
        var symbolFile = try source.decode(RuleFiles.Symbols.self, "symbols.yml")
        var treatyFile = try source.decode(RuleFiles.Treaties.self, "treaties.yml")
        for extra in extras {
            if extra.contains("symbols.yml") {
                let more = try extra.decode(RuleFiles.Symbols.self, "symbols.yml")
                symbolFile.series += more.series
                symbolFile.examples.match += more.examples.match
                symbolFile.examples.noMatch += more.examples.noMatch
            }
            if extra.contains("treaties.yml") {
                let more = try extra.decode(RuleFiles.Treaties.self, "treaties.yml")
                treatyFile.treaties = (treatyFile.treaties ?? []) + (more.treaties ?? [])
                treatyFile.instruments = (treatyFile.instruments ?? []) + (more.instruments ?? [])
            }
        }
        self.symbols = SymbolGrammar(symbolFile)
        self.treaties = TreatyCatalogue(treatyFile)
        let sessionFile = source.contains("sessions.yml") ? try source.decode(RuleFiles.Sessions.self, "sessions.yml") : nil
        self.sessions = sessionFile.map(SessionCatalogue.init) ?? .empty
        let checkFile = try source.decode(RuleFiles.Checks.self, "checks.yml")
        self.checks = try CheckCatalogue(checkFile, path: source.name("checks.yml"))
        group.wait()
        var languages = [(Language, LanguageRules)]()
        var decodedLanguages = [RuleCache.DecodedLanguage]()
        for (language, result) in zip(languageList, compiled) {
            var (decoded, rules) = try result.get()
            if let rules {
                languages.append((language, rules))
                if decoded.extras.isEmpty {
                    decoded.prescan = rules.prescan.encodedTable
                    decoded.expansions = rules.encodedExpansions
                }
            }
            decodedLanguages.append(decoded)
        }
        if compileAll {
            self.languages = LanguageTable(compiled: languages)
        } else {
            self.languages = LanguageTable(lazy: decodedLanguages)
        }
        self.lexicon = try ReadingLexicon(files: decodedLanguages.map { (Language(ruleFile: $0.code), $0.file, $0.path) },
                                          lazily: lazily)
        self.fromCache = false
        if writeCache {
            cache?.write(RuleCache.Decoded(symbols: symbolFile, treaties: treatyFile, sessions: sessionFile, checks: checkFile,
                                           languages: decodedLanguages).withoutExamples(filterFrequency: lexicon.filterFrequency))
        }
    }

    /// The rules of a folder of the same layout as `Rules/`, replacing the built-in ones.
    public convenience init(folder: URL, extraFolders: [URL] = []) throws(RuleError) {
        try self.init(source: .folder(folder), extraFolders: extraFolders)
    }

    /// One language's file (with the extra folders' files for it) and, when `compile`, its
    /// compiled rules (`lazily`: each pattern's regex on first use).
    private static func languageRules(_ language: Language, source: RuleSource, extras: [RuleSource], compile: Bool,
                                      lazily: Bool) throws(RuleError) -> (RuleCache.DecodedLanguage, LanguageRules?) {
        let relative = "languages/\(language.rawValue).yml"
        let file = try source.decode(RuleFiles.LanguageFile.self, relative)
        guard file.language == language.rawValue else {
            throw RuleError(file: source.name(relative), message: "says language '\(file.language)' but is named \(language.rawValue).yml")
        }
        var decoded = RuleCache.DecodedLanguage(code: language.rawValue, file: file, path: source.name(relative), extras: [])
        for extra in extras where extra.languages().contains(language) {
            decoded.extras.append(.init(file: try extra.decode(RuleFiles.LanguageFile.self, relative), path: extra.name(relative)))
        }
        return (decoded, compile ? try decoded.compile(language, lazily: lazily) : nil)
    }

    /// `work` over every item on all cores, the results in the items' order.
    static func inParallel<T: Sendable, R: Sendable>(_ items: [T], _ work: @Sendable (T) throws(RuleError) -> R) -> [Result<R, RuleError>] {
        let lock = NSLock()
        nonisolated(unsafe) var results = [Result<R, RuleError>?](repeating: nil, count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let result: Result<R, RuleError>
            do throws(RuleError) { result = .success(try work(items[index])) } catch { result = .failure(error) }
            lock.lock()
            results[index] = result
            lock.unlock()
        }
        return results.map { $0! }
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var sharedRules: [[RuleSource]: RuleSet] = [:]

    /// The rules of a source (with extra folders), compiled once per process; with a cache
    /// folder, read through the rule cache (`RuleCache`).
    /// `withExamples`: rules that hold their examples (read from the YAML, not the cache).
    public static func shared(source: RuleSource = .builtIn, extraFolders: [URL] = [], cacheFolder: String? = nil, writeCache: Bool = true,
                              withExamples: Bool = false) throws(RuleError) -> RuleSet {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        let key = [source] + extraFolders.map(RuleSource.folder)
        if let rules = sharedRules[key], !(withExamples && rules.fromCache) { return rules }
        let rules = try RuleSet(source: source, extraFolders: extraFolders, cacheFolder: cacheFolder, writeCache: writeCache,
                                readCache: !withExamples)
        sharedRules[key] = rules
        return rules
    }

    /// The built-in rules, compiled once per process.
    public static func standard() throws(RuleError) -> RuleSet {
        try shared(source: .builtIn)
    }

    /// Starts reading the rules (`source`, the built-in ones) from the rule cache on a thread of its own, then
    /// compiling the languages the names of `files` give (`res-6-1.en.txt`), while the caller
    /// goes on parsing its command line: `shared(source: .builtIn, cacheFolder:)` then finds
    /// them loaded, or waits for them. Nothing is started unless the cache holds a copy of the
    /// rules or they are the built-in ones, of which the build made an entry
    /// (`RuleCache.builtIn`): a first run of a rules folder, which decodes and analyses every
    /// file and writes the cache, does so itself (were the copy damaged, the prefetch would
    /// load and store them as the run would).
    /// At most `limit` files are looked at.
    /// `writes` false: the run stores nothing in the cache folder (`--no-cache`), and neither
    /// does the prefetch (true leaves that to the run's own setting).
    /// Returns a semaphore the thread signals when it is done, for tests (nil: nothing started).
    @discardableResult
    public static func prefetch(files: [String], source: RuleSource = .builtIn, cacheFolder: String, writes: Bool,
                                limit: Int = 16) -> DispatchSemaphore? {
        let cache = RuleCache(folder: cacheFolder, sources: [source])
        // Without an entry in the folder, the built-in rules are read from the one the build made.
        guard FileManager.default.fileExists(atPath: cache.url.path) || RuleCache.builtIn(for: source) != nil else { return nil }
        if !writes { PrefilterCache.writes = false }
        let names = files.prefix(limit).filter { path in
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            guard let rules = try? shared(source: source, cacheFolder: cacheFolder, writeCache: writes) else { return }
            var seen = Set<Language>()
            for name in names {
                guard let language = DocumentReader.languageOfName(name, lexicon: rules.lexicon),
                      seen.insert(language).inserted else { continue }
                // ICU's spell-out parser for the language's locale is opened on another core
                // while its rules are compiled here, when no earlier run's answers are stored.
                if let locale = rules.languages.locale(of: language) { LocaleData.openSpelloutAhead(locale: locale) }
                rules.languages[language]?.compileTheRest()
            }
        }
        thread.start()
        return done
    }
}

/// United Nations Treaty Series registrations from `Rules/treaties.yml`.
public struct TreatyCatalogue: Sendable {
    public struct Entry: Sendable {
        public var number: Int
        public var volumes: [Int]
        public var titles: [String: String]
    }
    public let entries: [Int: Entry]
    /// Instruments cited by name: the symbol and the names per language (case-folded, NFKC).
    public struct Instrument: Sendable {
        public var symbol: String
        /// Per language: each name as the rules write it, and folded for matching.
        public var names: [String: [(written: String, folded: String)]]
        /// Texts (language, text) that must name it with these article pins, or (nil) not at all.
        public var examples: [(language: String, text: String, pins: [String]?)] = []
    }
    public let instruments: [Instrument]

    init(_ file: RuleFiles.Treaties) {
        var entries = [Int: Entry]()
        for treaty in file.treaties ?? [] {
            entries[treaty.number] = Entry(number: treaty.number, volumes: treaty.volumes, titles: treaty.titles)
        }
        self.entries = entries
        self.instruments = (file.instruments ?? []).map { instrument in
            Instrument(symbol: instrument.symbol,
                       names: instrument.names.mapValues { $0.map { ($0, NormalizedText($0).string.lowercased()) } },
                       examples: (instrument.examples?.match ?? []).map { ($0.language, $0.text, $0.pins ?? []) }
                           + (instrument.examples?.noMatch ?? []).map { ($0.language, $0.text, nil) })
        }
    }

    /// The instrument a pinpoint names: one of its names (in the citing text's language) after
    /// the pinpoint, with at most a few characters between (`article 12 of the Convention …`,
    /// `l'article 12 de la Convention …`, `статьи 12 Конвенции …`), or just before it
    /// (`《…公约》第十二条`). The longest name wins; nil when none stands there.
    public func instrument(before: String, after: String, language: String) -> (symbol: String, name: String)? {
        let before = NormalizedText(before).string.lowercased(), after = NormalizedText(after).string.lowercased()
        var best: (symbol: String, name: String)?
        for instrument in instruments {
            for (written, name) in instrument.names[language] ?? [] where name.count > (best?.name.count ?? 0) {
                if let range = after.range(of: name), after.distance(from: after.startIndex, to: range.lowerBound) <= 12 {
                    best = (instrument.symbol, written)
                } else if let range = before.range(of: name, options: .backwards),
                          before.distance(from: range.upperBound, to: before.endIndex) <= 3 {
                    best = (instrument.symbol, written)
                }
            }
        }
        return best
    }

    /// Whether a volume/number pair contradicts a known registration (a known number whose
    /// volumes do not include this one). An unknown number contradicts nothing.
    public func contradicts(volume: Int, number: Int) -> Bool {
        guard let entry = entries[number] else { return false }
        return !entry.volumes.contains(volume)
    }
}

/// Each language's compiled rules, by language: compiled when the table is made, or (rules
/// read from the rule cache) on first use, once, whichever thread asks first.
public final class LanguageTable: Sendable {
    /// The languages, in the rules' order (the official ones, then the others by code).
    public let keys: [Language]
    private let lock = NSLock()
    nonisolated(unsafe) private var compiled: [Language: LanguageRules]
    private let compilers: [Language: @Sendable () throws(RuleError) -> LanguageRules]
    /// Each language's ICU locale (`LanguageRules.locale`), known before its rules are compiled.
    private let locales: [Language: String]
    /// Each language's stored pre-scan analysis (`Prescan.encode`), where its entry holds one
    /// that compiling it would use (no extra folder adds patterns); decoded on first ask.
    private let storedPrescans: [Language: String]
    nonisolated(unsafe) private var prescanTables: [Language: Prescan.Table?] = [:]

    init(compiled: [(Language, LanguageRules)]) {
        keys = compiled.map(\.0)
        self.compiled = Dictionary(compiled, uniquingKeysWith: { first, _ in first })
        compilers = [:]
        locales = Dictionary(compiled.map { ($0.0, $0.1.locale) }, uniquingKeysWith: { first, _ in first })
        storedPrescans = [:]
    }

    /// The languages of `entries`, each compiled on first use (`lazily`, its patterns compiled
    /// for ICU when first matched).
    init(lazy entries: [RuleCache.DecodedLanguage]) {
        var compilers = [(Language, @Sendable () throws(RuleError) -> LanguageRules)]()
        var locales = [(Language, String)]()
        var prescans = [(Language, String)]()
        for entry in entries {
            let language = Language(ruleFile: entry.code)
            compilers.append((language, { () throws(RuleError) -> LanguageRules in try entry.compile(language, lazily: true) }))
            // As `LanguageRules` reads it.
            locales.append((language, entry.file.locale ?? language.rawValue))
            // As `compile` reads it.
            if entry.extras.isEmpty, let prescan = entry.prescan { prescans.append((language, prescan)) }
        }
        keys = compilers.map(\.0)
        compiled = [:]
        self.compilers = Dictionary(compilers, uniquingKeysWith: { first, _ in first })
        self.locales = Dictionary(locales, uniquingKeysWith: { first, _ in first })
        storedPrescans = Dictionary(prescans, uniquingKeysWith: { first, _ in first })
    }

    /// Whether any of a language's patterns may match in `units` (`Prescan.anyMayMatch`):
    /// false only where none can, so that its rules would find nothing there but symbols.
    /// Read from its compiled pre-scan, or for a language not compiled yet from its stored
    /// analysis alone, without compiling it (the runs of another script that a unit's
    /// extractor reads with each candidate language: an Arabic document's
    /// `CTOC/COP/WG.4/2011/8` made it compile English, French and Spanish, 15 % of its check).
    /// True when neither is there, or for a language the rules have no file for.
    func mayMatch(_ language: Language, in units: [UInt16]) -> Bool {
        lock.lock()
        let table: Prescan.Table?
        if let rules = compiled[language] {
            table = rules.prescan.table
        } else if let decoded = prescanTables[language] {
            table = decoded
        } else {
            // (Checked once here, not at every ask: a table whose ids do not fit its literals
            // is not used.)
            table = storedPrescans[language].flatMap(Prescan.decode).flatMap { $0.fits($0.needs.count) ? $0 : nil }
            prescanTables[language] = .some(table)
        }
        lock.unlock()
        guard let table else { return true }
        return Prescan.anyMayMatch(table, in: units)
    }

    /// A language's ICU locale, without compiling its rules; nil when the rules have no file
    /// for it.
    public func locale(of language: Language) -> String? { locales[language] }

    /// A language's rules; nil when the rules have no file for it.
    public subscript(language: Language) -> LanguageRules? {
        lock.lock()
        defer { lock.unlock() }
        if let rules = compiled[language] { return rules }
        guard let compile = compilers[language] else { return nil }
        do {
            let rules = try compile()
            compiled[language] = rules
            return rules
        } catch {
            // The built-in rules compile (the tests compile them whole), and only rules that
            // compiled before are cached (the cache key names this build).
            fatalError("concord: rules compiled on first use do not compile: \(error)")
        }
    }

    /// How many languages have rules.
    public var count: Int { keys.count }

    /// Every language's rules, in the rules' order (compiling those not compiled yet).
    public var values: [LanguageRules] { keys.compactMap { self[$0] } }

    /// The languages whose rules are compiled so far (all of them unless read from the cache).
    public var compiledLanguages: [Language] {
        lock.lock()
        defer { lock.unlock() }
        return keys.filter { compiled[$0] != nil }
    }
}
