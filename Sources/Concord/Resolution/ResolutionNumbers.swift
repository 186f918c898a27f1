/// How one language writes a resolution or decision number (`{resnum}` of the rule files):
/// `64/293`, `1325 (2000)`, `2832 (XXVI)`, `S-24/2`, `ES-10/19`, `1/CP.21`, a bare three- or
/// four-digit number, and General Assembly part letters (`41/59 B`, `52/7 A and B`,
/// `2200 A (XXI)`). The letters a language writes parts with besides Latin A–Z (Cyrillic
/// look-alikes, Arabic letter names) and the way it writes a session in digits (Arabic
/// `(د-10)` for `(X)`) come from its file (`resolution-numbers`).
struct ResolutionNumbers: Sendable {
    /// Written part letter (as in the file) → the Latin letter of the symbol.
    let partLetters: [String: String]
    /// What stands before a session number written in digits (`د-`).
    let sessionPrefixes: [String]
    /// Words that may follow the year inside the brackets (Russian `2118 (2013 год)`), lower case.
    let yearWords: [String]
    let andWords: [String]
    /// The `{resnum}` placeholder.
    let pattern: String
    /// The same, to pull the numbers out of a matched list (compiled on first use when the
    /// rules come from the cache: see `LanguageRules.compileTheRest`).
    var regex: ICURegex { compiled.regex }
    let compiled: PatternRegex

    /// `and`: the language's words for "and" as a pattern (`{and}`), between part letters.
    /// `bareNotBefore`: patterns that may not follow a bare number (Chinese `年`: a year).
    /// `yearWords`: words that may follow a year in brackets (Russian `год`: `2118 (2013 год)`).
    init(partLetters: [String: String], sessionPrefixes: [String], bareNotBefore: [String] = [], yearWords: [String] = [],
         andWords: [String], and: String, lazily: Bool = false) throws {
        self.partLetters = partLetters
        self.sessionPrefixes = sessionPrefixes
        self.yearWords = yearWords.map { $0.lowercased().filter { !$0.isWhitespace } }
        self.andWords = andWords
        func escaped(_ text: String) -> String {
            text.map { "\\^$.|?*+()[]{}/-".contains($0) ? "\\\($0)" : String($0) }.joined()
        }
        let written = partLetters.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }.map(escaped)
        // A part letter is a letter alone: not the start of a word or of a symbol (`A/RES/…`);
        // case-sensitive, so that English `a` is no part letter. Chinese writes 号 right after
        // it, so only letters of the alphabetic scripts end it.
        let letter = "(?-i:(?:" + (["[A-Z]"] + written).joined(separator: "|") + ")(?![\\p{Latin}\\p{Cyrillic}\\p{Arabic}\\p{N}/]))"
        let parts = "(?:\\s?\(letter)(?:(?:\\s*,\\s*(?:\(and)\\s*)?|\\s*\(and)\\s*)\(letter))*)"
        let yearWord = yearWords.isEmpty ? "" : "(?:\\s+(?i:" + yearWords.map(escaped).joined(separator: "|") + ")(?!\\p{L}))?"
        let session = "(?:\\d{4}\(yearWord)|[IVXLC]+|(?:ES|S)-[IVXLC]+" + sessionPrefixes.map { "|" + escaped($0) + "\\d{1,2}" }.joined() + ")"
        let roman = "(?:[IVXLC]+|(?:ES|S)-[IVXLC]+" + sessionPrefixes.map { "|" + escaped($0) + "\\d{1,2}" }.joined() + ")"
        pattern = "(?:(?:ES|S)-\\d{1,2}/\\d{1,3}|\\d{1,4}/[A-Z]{1,4}\\.\\d{1,3}|\\d{1,4}/\\d{1,4}(?![\\d/])\(parts)?"
            + "|\\d{1,4}(?:\\s?\(letter)(?=\\s?\\(\(roman)\\)))?\\s?\\(\(session)\\)|(?<![\\d/])\\d{3,4}(?![\\d/]" + bareNotBefore.map { "|" + $0 }.joined() + "))"
        compiled = lazily ? PatternRegex(pattern: pattern, id: "resolution-numbers", path: "", caseInsensitive: false)
            : PatternRegex(try ICURegex(pattern, caseInsensitive: false))
    }

    /// One number as cited, as the numbers of its symbols: `64/293` → [64/293];
    /// `1325 (2000)` → [1325(2000)]; `2200 A (XXI)` → [2200A(XXI)]; `52/7 A and B` →
    /// [52/7A, 52/7B] (two resolutions); `973 (د-10)` → [973(X)].
    func canonical(_ written: String) -> [String] {
        // `2118 (2013 год)`: the year alone in its brackets.
        var raw = written
        if !yearWords.isEmpty, let open = raw.firstIndex(of: "("), let close = raw.lastIndex(of: ")"), open < close {
            let inner = raw[raw.index(after: open)..<close].filter { !$0.isWhitespace }
            let year = inner.prefix { $0.isASCII && $0.isNumber }
            if year.count == 4, yearWords.contains(String(inner.dropFirst(4)).lowercased()) { raw = String(raw[..<open]) + "(" + String(year) + ")" }
        }
        let compact = raw.filter { !$0.isWhitespace }.uppercased()
        if compact.hasPrefix("ES-") || compact.hasPrefix("S-") || compact.containsASCII(".") { return [compact] }
        var rest = Substring(raw)
        let base = rest.prefix { ($0.isASCII && $0.isNumber) || $0 == "/" }
        rest = rest.dropFirst(base.count)
        var session: String?
        if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
            var inner = String(rest[rest.index(after: open)..<close]).filter { !$0.isWhitespace }.uppercased()
            for prefix in sessionPrefixes where inner.hasPrefix(prefix.uppercased()) {
                if let n = Int(inner.dropFirst(prefix.count)), n > 0 { inner = Chars.roman(n) }
            }
            session = inner
            rest = rest[..<open]
        }
        var letters = [String]()
        func latin(_ word: some StringProtocol) -> String? {
            if let latin = partLetters[String(word)] { return latin }
            if word.count == 1, let c = word.unicodeScalars.first, ("A"..."Z").contains(c) { return String(word) }
            return nil
        }
        for token in rest.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "،" || $0 == "、" }) {
            if andWords.contains(token.lowercased()) { continue }
            if let letter = latin(token) { letters.append(letter); continue }
            // The word for "and" written on the letters: Chinese A和B, Arabic وباء.
            for and in andWords where token.contains(and) {
                let pieces = token.components(separatedBy: and).filter { !$0.isEmpty }
                let found = pieces.compactMap { latin($0) }
                if !found.isEmpty, found.count == pieces.count { letters += found; break }
            }
        }
        let tail = session.map { "(\($0))" } ?? ""
        if letters.isEmpty { return [String(base) + tail] }
        var seen = Set<String>()
        return letters.filter { seen.insert($0).inserted }.map { String(base) + $0 + tail }
    }
}
