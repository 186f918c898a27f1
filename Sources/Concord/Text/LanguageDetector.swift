import CICUShim

/// Tells the language of a text that has no other sign of it, from its scripts (ICU) and,
/// for Latin-script text, a few frequent words of English, French and Spanish.
public enum LanguageDetector {
    public static func detect(_ units: [UInt16]) -> Language? {
        let sample = units.count > 200_000 ? Array(units[0..<200_000]) : units
        var counts = [Int64](repeating: 0, count: 5)
        let status = sample.withUnsafeBufferPointer { buffer in
            counts.withUnsafeMutableBufferPointer { c in
                concord_script_counts(buffer.baseAddress, Int64(buffer.count), c.baseAddress, Int32(c.count))
            }
        }
        guard status == 0 else { return nil }
        let (latin, cyrillic, arabic, han) = (counts[0], counts[1], counts[2], counts[3])
        let total = latin + cyrillic + arabic + han + counts[4]
        guard total > 0 else { return nil }
        // UN texts in every language carry Latin symbols (A/RES/64/293), so a non-Latin
        // script decides as soon as it is a real share of the letters.
        if arabic * 5 >= total { return .ar }
        if han * 10 >= total { return .zh }
        if cyrillic * 5 >= total { return .ru }
        guard latin > 0 else { return nil }
        return latinLanguage(String(decoding: sample, as: UTF16.self))
    }

    private static let stopWords: [Language: Set<Substring>] = [
        .en: ["the", "and", "of", "to", "in", "that", "with", "for", "its", "on"],
        .fr: ["le", "les", "des", "et", "du", "une", "aux", "sur", "est", "dans"],
        .es: ["el", "los", "las", "del", "y", "por", "una", "con", "al", "para"],
    ]

    private static func latinLanguage(_ text: String) -> Language? {
        var scores: [Language: Int] = [.en: 0, .fr: 0, .es: 0]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            for (language, words) in stopWords where words.contains(word) {
                scores[language, default: 0] += 1
            }
        }
        let best = scores.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        guard let best, best.value > 0 else { return nil }
        return best.key
    }
}
