import Foundation

/// The compiled rules: symbol grammar, treaty catalogue, and each language's patterns.
/// Loaded once from the `Rules/` folder and shared (immutable, thread-safe).
public final class RuleSet: Sendable {
    public let folder: URL
    public let symbols: SymbolGrammar
    public let treaties: TreatyCatalogue
    public let languages: [Language: LanguageRules]
    public let checks: CheckCatalogue
    /// What the reader needs from the language files (give it to `DocumentReader`).
    public let lexicon: ReadingLexicon

    /// `extraFolders` (from the configuration) add series, treaties and language patterns:
    /// each may hold any of symbols.yml, treaties.yml, languages/xx.yml, in the same format.
    public init(folder: URL, extraFolders: [URL] = []) throws(RuleError) {
        self.folder = folder
        // The languages compile in parallel with the rest (ICU builds each pattern's sets
        // afresh: this is most of the start-up); the first error in language order is the
        // one reported.
        let group = DispatchGroup()
        let languageFiles = Self.languageFiles(in: folder)
        nonisolated(unsafe) var compiled = [Result<(RuleFiles.LanguageFile, LanguageRules), RuleError>]()
        DispatchQueue.global().async(group: group) {
            compiled = Self.inParallel(languageFiles) { entry throws(RuleError) in
                try Self.languageRules(entry.language, url: entry.url, extraFolders: extraFolders)
            }
        }
        defer { group.wait() }  // also when the base files below throw
        var symbolFile = try RuleFiles.decode(RuleFiles.Symbols.self, from: folder.appendingPathComponent("symbols.yml"))
        var treatyFile = try RuleFiles.decode(RuleFiles.Treaties.self, from: folder.appendingPathComponent("treaties.yml"))
        for extra in extraFolders {
            guard FileManager.default.fileExists(atPath: extra.path) else {
                throw RuleError(file: extra.path, message: "the rule folder named in the configuration does not exist")
            }
            let symbols = extra.appendingPathComponent("symbols.yml")
            if FileManager.default.fileExists(atPath: symbols.path) {
                let more = try RuleFiles.decode(RuleFiles.Symbols.self, from: symbols)
                symbolFile.series += more.series
                symbolFile.examples.match += more.examples.match
                symbolFile.examples.noMatch += more.examples.noMatch
            }
            let treaties = extra.appendingPathComponent("treaties.yml")
            if FileManager.default.fileExists(atPath: treaties.path) {
                treatyFile.treaties += try RuleFiles.decode(RuleFiles.Treaties.self, from: treaties).treaties
            }
        }
        self.symbols = SymbolGrammar(symbolFile)
        self.treaties = TreatyCatalogue(treatyFile)
        let checksURL = folder.appendingPathComponent("checks.yml")
        self.checks = try CheckCatalogue(try RuleFiles.decode(RuleFiles.Checks.self, from: checksURL), path: checksURL.path)
        group.wait()
        var languages = [Language: LanguageRules]()
        var files = [(language: Language, file: RuleFiles.LanguageFile, path: String)]()
        for (entry, result) in zip(languageFiles, compiled) {
            switch result {
            case .success(let (file, rules)):
                languages[entry.language] = rules
                files.append((entry.language, file, entry.url.path))
            case .failure(let error): throw error
            }
        }
        self.languages = languages
        self.lexicon = try ReadingLexicon(files: files)
        if extraFolders.isEmpty { ReadingLexicon.remember(lexicon, folder: folder) }
        LanguageRegistry.register(lexicon)
    }

    /// The language files of a rules folder: one per `languages/xx.yml`, named by its code,
    /// the official languages first in their order, then the others by code. This is the one
    /// place that says which languages the rules hold.
    static func languageFiles(in folder: URL) -> [(language: Language, url: URL)] {
        let directory = folder.appendingPathComponent("languages")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let codes = names.filter { $0.hasSuffix(".yml") && !$0.hasPrefix(".") }.map { String($0.dropLast(4)) }
        let official = Language.official.map(\.rawValue).filter(codes.contains)
        let others = codes.filter { !official.contains($0) }.sorted()
        return (official + others).map { (Language(ruleFile: $0), directory.appendingPathComponent("\($0).yml")) }
    }

    /// One language's file and rules, with the extra folders' patterns added.
    private static func languageRules(_ language: Language, url: URL, extraFolders: [URL]) throws(RuleError) -> (RuleFiles.LanguageFile, LanguageRules) {
        let file = try RuleFiles.decode(RuleFiles.LanguageFile.self, from: url)
        guard file.language == language.rawValue else {
            throw RuleError(file: url.path, message: "says language '\(file.language)' but is named \(language.rawValue).yml")
        }
        var rules = try LanguageRules(file, language: language, path: url.path)
        for extra in extraFolders {
            let more = extra.appendingPathComponent("languages/\(language.rawValue).yml")
            guard FileManager.default.fileExists(atPath: more.path) else { continue }
            let extraRules = try LanguageRules(try RuleFiles.decode(RuleFiles.LanguageFile.self, from: more), language: language, path: more.path)
            rules = rules.adding(extraRules)
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

    /// The Rules folder: `--rules`, then `CONCORD_RULES`, then a `Rules/` folder (holding
    /// symbols.yml) in the current folder or above it, or above the executable.
    public static func locate(explicit: String? = nil) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["CONCORD_RULES"] { return URL(fileURLWithPath: env) }
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        starts.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for start in starts {
            var url = start
            while true {
                let candidate = url.appendingPathComponent("Rules")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("symbols.yml").path) { return candidate }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }

    private static let sharedLock = NSLock()
    nonisolated(unsafe) private static var sharedRules: [String: RuleSet] = [:]

    /// The rules of a folder, compiled once per process.
    public static func shared(folder: URL, extraFolders: [URL] = []) throws(RuleError) -> RuleSet {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        let key = ([folder] + extraFolders).map(\.path).joined(separator: "|")
        if let rules = sharedRules[key] { return rules }
        let rules = try RuleSet(folder: folder, extraFolders: extraFolders)
        sharedRules[key] = rules
        return rules
    }

    public static func standard() throws(RuleError) -> RuleSet {
        guard let folder = locate() else {
            throw RuleError(file: "Rules/", message: "the Rules folder was not found: give --rules DIR or set CONCORD_RULES")
        }
        return try shared(folder: folder)
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
