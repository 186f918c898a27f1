import Foundation

/// The compiled rules: symbol grammar, treaty catalogue, and each language's patterns.
/// Loaded once from a `RuleSource` (the built-in rules unless `--rules DIR` replaces them)
/// and shared (immutable, thread-safe).
public final class RuleSet: Sendable {
    public let source: RuleSource
    public let symbols: SymbolGrammar
    public let treaties: TreatyCatalogue
    /// When the General Assembly's sessions sat (`Rules/sessions.yml`; empty when a rules
    /// folder has none).
    public let sessions: SessionCatalogue
    public let languages: [Language: LanguageRules]
    public let checks: CheckCatalogue
    /// What the reader needs from the language files (give it to `DocumentReader`).
    public let lexicon: ReadingLexicon

    /// `source` is the complete set: symbols.yml, treaties.yml, checks.yml and the language
    /// files it holds. `extraFolders` (from the configuration) add series, treaties and
    /// language patterns: each may hold any of symbols.yml, treaties.yml, languages/xx.yml, in
    /// the same format.
    public init(source: RuleSource = .builtIn, extraFolders: [URL] = []) throws(RuleError) {
        self.source = source
        try source.checkExists("the rules folder given with --rules")
        let extras = extraFolders.map(RuleSource.folder)
        for extra in extras { try extra.checkExists("the rule folder named in the configuration") }
        // The languages compile in parallel with the rest (ICU builds each pattern's sets
        // afresh: this is most of the start-up); the first error in language order is the
        // one reported.
        let languageList = source.languages()
        let group = DispatchGroup()
        nonisolated(unsafe) var compiled = [Result<(RuleFiles.LanguageFile, LanguageRules), RuleError>]()
        DispatchQueue.global().async(group: group) {
            compiled = Self.inParallel(languageList) { language throws(RuleError) in
                try Self.languageRules(language, source: source, extras: extras)
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
                treatyFile.treaties += try extra.decode(RuleFiles.Treaties.self, "treaties.yml").treaties
            }
        }
        self.symbols = SymbolGrammar(symbolFile)
        self.treaties = TreatyCatalogue(treatyFile)
        self.sessions = source.contains("sessions.yml") ? SessionCatalogue(try source.decode(RuleFiles.Sessions.self, "sessions.yml")) : .empty
        self.checks = try CheckCatalogue(try source.decode(RuleFiles.Checks.self, "checks.yml"), path: source.name("checks.yml"))
        group.wait()
        var languages = [Language: LanguageRules]()
        var files = [(language: Language, file: RuleFiles.LanguageFile, path: String)]()
        for (language, result) in zip(languageList, compiled) {
            let (file, rules) = try result.get()
            languages[language] = rules
            files.append((language, file, source.name("languages/\(language.rawValue).yml")))
        }
        self.languages = languages
        self.lexicon = try ReadingLexicon(files: files)
    }

    /// The rules of a folder of the same layout as `Rules/`, replacing the built-in ones.
    public convenience init(folder: URL, extraFolders: [URL] = []) throws(RuleError) {
        try self.init(source: .folder(folder), extraFolders: extraFolders)
    }

    /// One language's file and rules, with the extra folders' patterns added.
    private static func languageRules(_ language: Language, source: RuleSource, extras: [RuleSource]) throws(RuleError) -> (RuleFiles.LanguageFile, LanguageRules) {
        let relative = "languages/\(language.rawValue).yml"
        let file = try source.decode(RuleFiles.LanguageFile.self, relative)
        guard file.language == language.rawValue else {
            throw RuleError(file: source.name(relative), message: "says language '\(file.language)' but is named \(language.rawValue).yml")
        }
        var rules = try LanguageRules(file, language: language, path: source.name(relative))
        for extra in extras where extra.languages().contains(language) {
            let more = try extra.decode(RuleFiles.LanguageFile.self, relative)
            rules = rules.adding(try LanguageRules(more, language: language, path: extra.name(relative)))
        }
        return (file, rules)
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

    /// The rules of a source (with extra folders), compiled once per process.
    public static func shared(source: RuleSource = .builtIn, extraFolders: [URL] = []) throws(RuleError) -> RuleSet {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        let key = [source] + extraFolders.map(RuleSource.folder)
        if let rules = sharedRules[key] { return rules }
        let rules = try RuleSet(source: source, extraFolders: extraFolders)
        sharedRules[key] = rules
        return rules
    }

    /// The built-in rules, compiled once per process.
    public static func standard() throws(RuleError) -> RuleSet {
        try shared(source: .builtIn)
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

    init(_ file: RuleFiles.Treaties) {
        var entries = [Int: Entry]()
        for treaty in file.treaties {
            entries[treaty.number] = Entry(number: treaty.number, volumes: treaty.volumes, titles: treaty.titles)
        }
        self.entries = entries
    }

    /// Whether a volume/number pair contradicts a known registration (a known number whose
    /// volumes do not include this one). An unknown number contradicts nothing.
    public func contradicts(volume: Int, number: Int) -> Bool {
        guard let entry = entries[number] else { return false }
        return !entry.volumes.contains(volume)
    }
}
