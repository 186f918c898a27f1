import CICUShim

/// Tells the language of a text that has no other sign of it, from its scripts (ICU) and the
/// `script`, `script-share` and `stop-words` of the language files.
public enum LanguageDetector {
    /// The scripts counted, in the order they decide: a script other than Latin decides as
    /// soon as it is a real share of the letters (UN texts in every language carry Latin
    /// symbols, A/RES/64/293), Arabic before Han before Cyrillic; Latin text is told by its
    /// frequent words. Which scripts exist is Unicode's knowledge, not a language's: it stays
    /// here, with the shim's counts (Latin, Cyrillic, Arabic, Han, other) in this order.
    private static let deciding: [(script: String, count: Int)] = [("Arabic", 2), ("Han", 3), ("Cyrillic", 1)]

    public static func detect(_ units: [UInt16], lexicon: ReadingLexicon = .standard) -> Language? {
        let sample = units.count > 200_000 ? Array(units[0..<200_000]) : units
        var counts = [Int64](repeating: 0, count: 5)
        let status = sample.withUnsafeBufferPointer { buffer in
            counts.withUnsafeMutableBufferPointer { c in
                concord_script_counts(buffer.baseAddress, Int64(buffer.count), c.baseAddress, Int32(c.count))
            }
        }
        guard status == 0 else { return nil }
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        let languages = lexicon.languages.values.sorted { $0.language < $1.language }
        for (script, index) in deciding {
            let candidates = languages.filter { info in
                info.script == script && info.scriptShare.map { counts[index] * 100 >= Int64($0) * total } ?? false
            }
            guard !candidates.isEmpty else { continue }
            if candidates.count == 1 { return candidates[0].language }
            return byWords(String(decoding: sample, as: UTF16.self), among: candidates) ?? candidates[0].language
        }
        guard counts[0] > 0 else { return nil }
        return byWords(String(decoding: sample, as: UTF16.self), among: languages.filter { $0.script == "Latin" })
    }

    /// The language whose stop words the text holds most often (ties: the first by code);
    /// nil when it holds none.
    private static func byWords(_ text: String, among languages: [ReadingLexicon.LanguageInfo]) -> Language? {
        let candidates = languages.filter { !$0.stopWords.isEmpty }
        guard !candidates.isEmpty else { return nil }
        let sets = candidates.map { Set($0.stopWords.map { Substring($0) }) }
        var scores = [Int](repeating: 0, count: candidates.count)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            for (index, words) in sets.enumerated() where words.contains(word) { scores[index] += 1 }
        }
        guard let best = scores.max(), best > 0 else { return nil }
        return candidates[scores.firstIndex(of: best)!].language
    }
}
