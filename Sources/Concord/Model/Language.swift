import Foundation

/// A language, identified by its code (`fr`). The six official languages of the United
/// Nations are constants; any other is known once a rule folder holds `languages/xx.yml` for
/// it. What is known about each (its name, the codes and names users give for it, its ICU
/// locale, its script) comes from those files, not from here.
public struct Language: RawRepresentable, Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let ar = Language(official: "ar")
    public static let zh = Language(official: "zh")
    public static let en = Language(official: "en")
    public static let fr = Language(official: "fr")
    public static let ru = Language(official: "ru")
    public static let es = Language(official: "es")
    /// The six official languages, in the order the United Nations lists them.
    public static let official: [Language] = [.ar, .zh, .en, .fr, .ru, .es]

    private init(official code: String) { rawValue = code }

    /// A language the loaded rules know by this code (the six official ones always).
    public init?(rawValue: String) {
        guard Self.official.contains(where: { $0.rawValue == rawValue }) || LanguageRegistry.knows(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// The language of a rule file: any code a file may be named with.
    init(ruleFile code: String) { rawValue = code }

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }

    /// The languages the rules know (the standard ones, and those of every rule folder
    /// loaded since): the official ones in their order, then the others by code.
    public static var allCases: [Language] { LanguageRegistry.all }

    /// The ICU locale used for break iteration and locale data (`locale` in its rule file).
    public var icuLocale: String { LanguageRegistry.info(self)?.locale ?? rawValue }

    /// A code or name as users write it (`fr`, `fra`, `French`): the `aliases` of the rule files.
    public init?(code: String) {
        guard let language = LanguageRegistry.language(alias: code.lowercased()) else { return nil }
        self = language
    }

    public init(from decoder: Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        self.init(ruleFile: code)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The language a file name gives: `name.fr.txt`, `name-FR.txt`, `A_RES_80_13-EN.txt`,
    /// `res_6_1_ru.md`, or the extension itself (`devset.ar`). Only two-letter codes count
    /// here, so that `E/2003/30` or a word in the name is never read as a language.
    public static func fromFileName(_ name: String) -> Language? {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        var parts = base.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { return nil }
        if parts.count >= 2, let language = twoLetter(parts[parts.count - 1]) { return language }
        if parts.count >= 2 { parts.removeLast() }  // the extension
        if parts.count >= 2, let language = twoLetter(parts[parts.count - 1]) { return language }
        let stem = parts.joined(separator: ".")
        // `-EN`, `_fr`, ` (RU)` at the end of the stem.
        for separator in ["-", "_", " "] {
            if let last = stem.split(separator: Character(separator)).last, last.count < stem.count,
               let language = twoLetter(String(last).trimmingCharacters(in: "()[]")) {
                return language
            }
        }
        return nil
    }

    private static func twoLetter(_ code: String) -> Language? {
        code.count == 2 ? Language(rawValue: code.lowercased()) : nil
    }
}

/// What the rule files say about each language, for `Language(code:)` and `icuLocale`,
/// which callers use before (or without) holding a `RuleSet`: the standard rules' languages,
/// read on first use, and those of every `RuleSet` loaded since (an extra language in a rule
/// folder is known from then on).
enum LanguageRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var infos: [Language: ReadingLexicon.LanguageInfo]?

    private static func withInfos<T>(_ body: (inout [Language: ReadingLexicon.LanguageInfo]) -> T) -> T {
        // Read outside the lock: reading the standard files registers nothing of its own.
        let needsStandard = lock.withLock { infos == nil }
        let standard = needsStandard ? ReadingLexicon.standard.languages : [:]
        return lock.withLock {
            if infos == nil { infos = standard }
            return body(&infos!)
        }
    }

    static func register(_ lexicon: ReadingLexicon) {
        withInfos { infos in infos.merge(lexicon.languages) { _, new in new } }
    }

    static func knows(_ code: String) -> Bool { withInfos { $0.keys.contains { $0.rawValue == code } } }
    static func info(_ language: Language) -> ReadingLexicon.LanguageInfo? { withInfos { $0[language] } }
    static var all: [Language] {
        withInfos { infos in Language.official + infos.keys.filter { !Language.official.contains($0) }.sorted() }
    }

    static func language(alias: String) -> Language? {
        withInfos { infos in
            if let exact = (Language.official + infos.keys).first(where: { $0.rawValue == alias }) { return exact }
            return infos.values.sorted { $0.language < $1.language }.first { $0.aliases.contains(alias) }?.language
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
