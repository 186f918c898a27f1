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

    /// A language code: two or three lower-case letters (`fr`, `de`, `haw`). Whether rules
    /// exist for it is the rules' business (`RuleSet.languages`).
    public init?(rawValue: String) {
        guard (2...3).contains(rawValue.count), rawValue.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        self.rawValue = rawValue
    }

    /// The language of a rule file: any code a file may be named with.
    init(ruleFile code: String) { rawValue = code }

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }

    /// The ICU locale used for break iteration and locale data (`locale` in the built-in
    /// rule file; for another language its rules' `LanguageRules.locale`, else the code).
    public var icuLocale: String { ReadingLexicon.standard.languages[self]?.locale ?? rawValue }

    /// A code or name as users write it (`fr`, `fra`, `French`), among the languages of the
    /// built-in rules (`ReadingLexicon.language(code:)` asks other rules).
    public init?(code: String) {
        guard let language = ReadingLexicon.standard.language(code: code) else { return nil }
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
    /// `res_6_1_ru.md`, or the extension itself (`devset.ar`). Only two-letter codes of the
    /// languages `known` (those of the built-in rules unless other rules are given) count
    /// here, so that `E/2003/30` or a word in the name is never read as a language.
    public static func fromFileName(_ name: String, known: Set<Language> = ReadingLexicon.standard.known) -> Language? {
        func twoLetter(_ code: String) -> Language? {
            guard code.count == 2, let language = Language(rawValue: code.lowercased()), known.contains(language) else { return nil }
            return language
        }
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
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
