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

    /// Where the shim counts a script's letters (Latin, Cyrillic, Arabic, Han), if it does.
    private static func countIndex(_ script: String) -> Int? {
        switch script {
        case "Latin": 0
        case "Cyrillic": 1
        case "Arabic": 2
        case "Han": 3
        default: nil
        }
    }

    public static func detect(_ units: [UInt16], lexicon: ReadingLexicon = .standard) -> Language? {
        let sample = units.count > 200_000 ? Array(units[0..<200_000]) : units
        guard let counts = scriptCounts(sample) else { return nil }
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        let languages = lexicon.languagesInOrder
        for (script, index) in deciding {
            let candidates = languages.filter { info in
                info.script == script && info.scriptShare.map { counts[index] * 100 >= Int64($0) * total } ?? false
            }
            guard !candidates.isEmpty else { continue }
            if candidates.count == 1 { return candidates[0].language }
            return byWords(sample, among: candidates, lexicon: lexicon) ?? candidates[0].language
        }
        guard counts[0] > 0 else { return nil }
        return byWords(sample, among: languages.filter { $0.script == "Latin" }, lexicon: lexicon)
    }

    /// The language one unit (a paragraph, a footnote body, an aligned segment) of a
    /// `file`-language document is written in: a version often holds a sentence or a table
    /// row left untranslated (English in the Chinese or Russian file), to be read with the
    /// rules of its own language. Decided by script first: while the file's script is a real
    /// share of the unit's letters (its `script-share`; any for Latin), or the unit has no
    /// letters of another language's script, it is the file's language. Latin text in a file
    /// of another script is told by its stop words; Latin text in a Latin-script file changes
    /// language only when another language's stop words clearly outnumber the file's (at least
    /// three, and three times as many): a short line with a borrowed word stays the file's.
    public static func unitLanguage(_ units: [UInt16], file: Language, lexicon: ReadingLexicon = .standard) -> Language {
        guard let own = lexicon.languages[file], units.count >= 12, let counts = scriptCounts(units) else { return file }
        let total = counts.reduce(0, +)
        guard total > 0 else { return file }
        let ownCount = Self.countIndex(own.script).map { counts[$0] } ?? 0
        let languages = lexicon.languagesInOrder
        if own.script != "Latin" {
            let share = Int64(own.scriptShare ?? 20)
            if ownCount * 100 >= share * total { return file }
        }
        // Another script that is most of the letters decides (Arabic before Han before Cyrillic).
        for (script, i) in deciding where script != own.script && counts[i] * 2 > total {
            let candidates = languages.filter { $0.script == script }
            if candidates.count == 1 { return candidates[0].language }
            if let found = byWords(units, among: candidates, lexicon: lexicon) { return found }
        }
        guard counts[0] * 2 > total else { return file }
        let latin = lexicon.latinWithStopWords
        let scores = wordScores(units, among: latin, lexicon: lexicon)
        guard let best = scores.max(), best >= 3, let at = scores.firstIndex(of: best) else { return file }
        let winner = latin[at].language
        if own.script != "Latin" { return winner }
        let ownScore = latin.firstIndex { $0.language == file }.map { scores[$0] } ?? 0
        return winner != file && best >= 3 * max(ownScore, 1) ? winner : file
    }

    /// The languages a run of another script inside a unit (`ScriptRuns`) may be written in,
    /// told as the per-unit decision tells them: the languages of that script, and among
    /// several the one whose stop words the run holds most (`decided`). When that does not
    /// decide — no stop word (`General Assembly resolution 70/1`) or a tie (`de` is French and
    /// Spanish) — the languages still in the running, by code, for the caller to try.
    public static func runLanguages(_ units: ArraySlice<UInt16>, script: String,
                                    lexicon: ReadingLexicon = .standard) -> (languages: [Language], decided: Bool) {
        let candidates = lexicon.languagesInOrder.filter { $0.script == script }
        if candidates.count <= 1 { return (candidates.map(\.language), true) }
        let scores = wordScores(units, among: candidates, lexicon: lexicon)
        guard let best = scores.max(), best > 0 else { return (candidates.map(\.language), false) }
        let leaders = zip(candidates, scores).filter { $0.1 == best }.map(\.0.language)
        return (leaders, leaders.count == 1)
    }

    /// The letters of each script counted by the shim (Latin, Cyrillic, Arabic, Han, other).
    private static func scriptCounts(_ units: [UInt16]) -> [Int64]? {
        var counts = [Int64](filling: 0, count: 5)
        let status = units.withUnsafeBufferPointer { buffer in
            counts.withUnsafeMutableBufferPointer { c in
                concord_script_counts(buffer.baseAddress, Int64(buffer.count), c.baseAddress, Int32(c.count))
            }
        }
        return status == 0 ? counts : nil
    }

    /// How many of each language's stop words the text holds: its words lower-cased, split
    /// at every `Character` that is not a letter. Read straight from the code units
    /// (`LowercaseWords`) when the text allows, else through a `String`; the same counts.
    /// With the `lexicon` the languages come from, each word is looked up once in its
    /// `stopWordTable`, by its bytes, instead of once per language; the same counts.
    static func wordScores<C: Collection>(_ units: C, among languages: [ReadingLexicon.LanguageInfo],
                                          lexicon: ReadingLexicon? = nil) -> [Int]
    where C.Element == UInt16 {
        var scores = [Int](filling: 0, count: languages.count)
        let read: Bool
        if let owners = lexicon?.stopWordTable, languages.allSatisfy({ $0.stopWordBit != 0 }) {
            read = LowercaseWords.forEachWordUTF8(in: units) { word in
                guard let mask = owners.value(word) else { return }
                for index in languages.indices where languages[index].stopWordBit & mask != 0 { scores[index] += 1 }
            }
        } else {
            read = LowercaseWords.forEachWord(in: units) { word in
                for index in languages.indices where languages[index].stopWords.contains(word) { scores[index] += 1 }
            }
        }
        return read ? scores : wordScores(String(utf16Units: units), among: languages)
    }

    /// `wordScores` through a `String` (the way for any text; the reference of the tests).
    static func wordScores(_ text: String, among languages: [ReadingLexicon.LanguageInfo]) -> [Int] {
        // The lexicon's own sets (building them again for every unit was a fifth of a run).
        var scores = [Int](filling: 0, count: languages.count)
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let word = String(word)
            for (index, language) in languages.enumerated() where language.stopWords.contains(word) { scores[index] += 1 }
        }
        return scores
    }

    /// The language whose stop words the text holds most often (ties: the first by code);
    /// nil when it holds none.
    private static func byWords<C: Collection>(_ units: C, among languages: [ReadingLexicon.LanguageInfo],
                                               lexicon: ReadingLexicon) -> Language?
    where C.Element == UInt16 {
        let candidates = languages.filter { !$0.stopWords.isEmpty }
        guard !candidates.isEmpty else { return nil }
        let scores = wordScores(units, among: candidates, lexicon: lexicon)
        guard let best = scores.max(), best > 0 else { return nil }
        return candidates[scores.firstIndex(of: best)!].language
    }
}
