/// One of the six official languages of the United Nations.
public enum Language: String, Sendable, CaseIterable, Codable, Comparable {
    case ar, zh, en, fr, ru, es

    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }

    /// The ICU locale used for break iteration and locale data.
    public var icuLocale: String { rawValue }

    public init?(code: String) {
        let lower = code.lowercased()
        switch lower {
        case "ar", "ara", "arabic": self = .ar
        case "zh", "zho", "chi", "ch", "c", "chinese": self = .zh
        case "en", "eng", "e", "english": self = .en
        case "fr", "fra", "fre", "f", "french": self = .fr
        case "ru", "rus", "r", "russian": self = .ru
        case "es", "spa", "s", "sp", "spanish": self = .es
        default: return nil
        }
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

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
