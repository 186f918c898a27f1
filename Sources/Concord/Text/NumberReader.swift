/// How one language writes numbers that are not citations (`numbers` in its rule file): the
/// characters that separate groups of three digits and those that mark decimals, spelled-out
/// small numbers, and patterns whose numbers are not compared (Chinese `9月`, a month written
/// in digits where the other languages write its name).
public struct NumberFormat: Sendable {
    public var thousands: Set<UInt16>
    public var decimal: Set<UInt16>
    /// Lower-cased number words → their value.
    public var words: [String: Int] { didSet { index() } }
    /// Each compiled when first searched (`PatternRegex`).
    var skipPatterns: [PatternRegex] { didSet { (skipAtDigits, skipHeads) = Self.startsWithDigit(skipPatterns) } }
    /// The `skip` patterns, compiled.
    public var skip: [ICURegex] { skipPatterns.map(\.regex) }
    /// For each `skip` pattern, whether every match of it starts with a digit (the literal
    /// pre-scan's reading of the pattern, `Prescan.starts`): it is then tried at the text's
    /// digits only, not searched through the whole text.
    private(set) var skipAtDigits: [Bool] = []
    /// For each `skip` pattern tried at the digits, what its matches start with (`DigitHead`):
    /// the digits where it cannot match are not tried.
    private(set) var skipHeads: [DigitHead?] = []
    /// `numbers.examples`: a text and the numbers it must give, in order.
    public var examples: [(text: String, numbers: [String])]
    /// Whether words stand between letter boundaries (false: a word is found anywhere).
    public var wordBoundaries: Bool { didSet { index() } }
    /// The words looked up by their bytes, when they stand between boundaries; else compared
    /// by code units where they allow (`NumberWordSearch`). Made when the words are set, once
    /// per language, not by every `NumberReader` (readers are made per unit and per line).
    private(set) var wordTable: WordTable<Int>?
    private(set) var literalSearch: NumberWordSearch?
    /// Without word boundaries: each word's first code point, decomposed (NFD), by word.
    private(set) var decomposedFirsts: [String: UInt32] = [:]
    /// Whether groups of digits may stand in reverse order (`000 2` for 2 000: Arabic text
    /// taken from PDF files).
    public var reversedGroups: Bool = false

    public init(thousands: Set<UInt16> = [0x2C], decimal: Set<UInt16> = [0x2E], words: [String: Int] = [:],
                skip: [ICURegex] = [], examples: [(text: String, numbers: [String])] = [], wordBoundaries: Bool = true) {
        self.init(thousands: thousands, decimal: decimal, words: words, skipPatterns: skip.map { PatternRegex($0) },
                  examples: examples, wordBoundaries: wordBoundaries)
    }

    init(thousands: Set<UInt16>, decimal: Set<UInt16>, words: [String: Int], skipPatterns: [PatternRegex],
         examples: [(text: String, numbers: [String])], wordBoundaries: Bool) {
        self.thousands = thousands
        self.decimal = decimal
        self.words = words
        self.skipPatterns = skipPatterns
        self.examples = examples
        self.wordBoundaries = wordBoundaries
        (skipAtDigits, skipHeads) = Self.startsWithDigit(skipPatterns)
        index()
    }

    private static func startsWithDigit(_ patterns: [PatternRegex]) -> ([Bool], [DigitHead?]) {
        let atDigits = patterns.map { regex in
            guard let first = Prescan.starts(of: regex.pattern) else { return false }
            return first.digit && first.literals.isEmpty
        }
        return (atDigits, zip(patterns, atDigits).map { $1 ? DigitHead.of($0.pattern) : nil })
    }

    private mutating func index() {
        wordTable = wordBoundaries && !words.isEmpty ? WordTable(words) : nil
        literalSearch = wordBoundaries ? nil : NumberWordSearch(words)
        decomposedFirsts = [:]
        if !wordBoundaries {
            for word in words.keys {
                if let first = word.decomposedStringWithCanonicalMapping.unicodeScalars.first { decomposedFirsts[word] = first.value }
            }
        }
    }
}

/// Reads the numbers written in digits in a text (any digit script: ASCII, Arabic-Indic,
/// extended Arabic-Indic, full-width), with the language's thousands and decimal separators,
/// as normalised values (`1 000` → `1000`, `2,50` → `2.5`), and the numbers it spells out.
public struct NumberReader: Sendable {
    public struct Number: Sendable, Equatable {
        public var value: String
        /// The other reading of a separator between a group of one to three digits and
        /// exactly three (`18.561`: 18561 or 18.561; `1,000`), whatever the language.
        public var alternative: String?
        /// Where it stands in the text read.
        public var range: Range<Int>
        /// The value, then the alternative if any.
        public var readings: [String] { [value] + (alternative.map { [$0] } ?? []) }
    }

    public let format: NumberFormat
    /// The number words compared by code units, when the language has no word breaks and
    /// its words allow (`NumberWordSearch`).
    var literalSearch: NumberWordSearch? { format.literalSearch }

    public init(format: NumberFormat) {
        self.format = format
    }

    /// The value of a digit of any script the reader knows, or nil.
    static func digit(_ u: UInt16) -> Int? { Chars.digitValue(u) }

    private static func isLetter(_ u: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(u) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// What the language's `skip` patterns take in `text`: the group `number` of each match
    /// when there is one (`(?<number>\d+)月`), else the whole match. A pattern whose matches
    /// start with a digit is tried at the digits only (each search went through the whole
    /// unit), unless the text holds a character outside the BMP (a digit may be one:
    /// `\d` is any decimal digit, and the table of digits covers the BMP). `atDigits: false`
    /// searches everywhere: the reference of the tests.
    func skipped(in text: [UInt16], atDigits: Bool = true) -> [Range<Int>] {
        var ranges = [Range<Int>]()
        var digits: [Int32]?
        var digitsRead = false
        for (index, pattern) in format.skipPatterns.enumerated() {
            if atDigits, format.skipAtDigits[index], !digitsRead {
                digitsRead = true
                digits = Self.digitPlaces(text)
            }
            let found: [ICURegex.Match]
            if atDigits, format.skipAtDigits[index], let digits {
                let places = format.skipHeads[index].map { Prescan.admitted(digits, by: $0, in: text) } ?? digits
                found = places.isEmpty ? [] : pattern.regex.matches(in: text, startingOnlyAt: places)
            } else {
                found = pattern.regex.matches(in: text)
            }
            for match in found { ranges.append(match["number"] ?? match.range) }
        }
        return ranges
    }

    /// Where `text` holds a decimal digit (any script), or nil when it holds a surrogate.
    static func digitPlaces(_ text: [UInt16]) -> [Int32]? {
        var places = [Int32]()
        let ok = text.withUnsafeBufferPointer { units in
            LiteralScanner.categories.withUnsafeBufferPointer { categories in
                for (k, u) in units.enumerated() {
                    if u & 0xF800 == 0xD800 { return false }
                    if categories[Int(u)] & 2 != 0 { places.append(Int32(k)) }
                }
                return true
            }
        }
        return ok ? places : nil
    }

    /// The numbers in digits of `text`, outside `excluding` (text offsets) and the language's
    /// `skip` patterns. A number followed by letters (`1er`, `21st`) is read; one that continues
    /// a word (`H2O`, `CN4`) is not, in languages written with word breaks.
    public func numbers(in text: [UInt16], excluding: [Range<Int>] = []) -> [Number] {
        var excluded = excluding
        // The `skip` patterns are searched when the first number needs them, not in a unit
        // with no number in digits (each was a search of every unit).
        var skipsSearched = format.skipPatterns.isEmpty
        func isExcluded(_ range: Range<Int>) -> Bool {
            if !skipsSearched {
                skipsSearched = true
                excluded += skipped(in: text)
            }
            return excluded.contains { $0.overlaps(range) }
        }
        var result = [Number]()
        var i = 0
        let n = text.count
        func digitsRun(from start: Int) -> Int {
            var j = start
            while j < n, Self.digit(text[j]) != nil { j += 1 }
            return j
        }
        while i < n {
            guard Self.digit(text[i]) != nil else { i += 1; continue }
            let start = i
            if format.reversedGroups, let (value, alternative, end) = reversedGroups(text, from: start, digitsRun: digitsRun) {
                i = end
                if !isExcluded(start..<end) {
                    result.append(Number(value: value, alternative: alternative, range: start..<end))
                }
                continue
            }
            var end = digitsRun(from: i)
            var integer = text[start..<end].map { String(Self.digit($0)!) }.joined()
            var fraction = ""
            var groups = 0
            // Groups of three after a thousands separator (only after a first group of 1 to 3).
            if end - start <= 3 {
                while end + 3 < n, format.thousands.contains(text[end]) {
                    let groupEnd = digitsRun(from: end + 1)
                    guard groupEnd - (end + 1) == 3 else { break }
                    integer += text[(end + 1)..<groupEnd].map { String(Self.digit($0)!) }.joined()
                    end = groupEnd
                    groups += 1
                }
            }
            if end + 1 < n, format.decimal.contains(text[end]), Self.digit(text[end + 1]) != nil {
                let fractionEnd = digitsRun(from: end + 1)
                fraction = text[(end + 1)..<fractionEnd].map { String(Self.digit($0)!) }.joined()
                end = fractionEnd
            }
            // In a language written with word breaks, a number glued after a letter is part of a
            // code (`H2O`, `CN4`); Chinese and Arabic write numbers against their words (`9月`, `و2015`).
            let glued = format.wordBoundaries && start > 0 && Self.isLetter(text[start - 1])
            let range = start..<end
            i = end
            if glued || isExcluded(range) { continue }
            var alternative: String?
            let firstGroup = integer.count - 3 * groups
            if groups == 1, fraction.isEmpty, [0x2C, 0x2E, 0x66B, 0x66C].contains(text[start + firstGroup]) {
                alternative = Self.normalized(String(integer.prefix(firstGroup)), String(integer.suffix(3)))
            } else if groups == 0, fraction.count == 3, integer.count <= 3 {
                alternative = Self.normalized(integer + fraction, "")
            }
            result.append(Number(value: Self.normalized(integer, fraction), alternative: alternative, range: range))
        }
        return result
    }

    /// Groups of digits separated by spaces that read as a number only in reverse order
    /// (`000 2` for `2 000`, `700 787 8`): the reversed value, the value as written when it
    /// also reads as one (`000 116`), and where it ends. Nil when the groups are not such.
    private func reversedGroups(_ text: [UInt16], from start: Int, digitsRun: (Int) -> Int) -> (String, String?, Int)? {
        var runs = [Range<Int>]()
        var i = start
        while true {
            let end = digitsRun(i)
            runs.append(i..<end)
            guard end + 1 < text.count, text[end] == 0x20 || text[end] == 0xA0 || text[end] == 0x202F,
                  Self.digit(text[end + 1]) != nil else { break }
            i = end + 1
        }
        guard runs.count >= 2, runs.dropLast().allSatisfy({ $0.count == 3 }), (1...3).contains(runs.last!.count),
              runs[0].lowerBound == start else { return nil }
        let groups = runs.map { text[$0].map { String(Self.digit($0)!) }.joined() }
        let reversed = Self.normalized(groups.reversed().joined(), "")
        // `000 2` can only be reversed; `589 299` reads both ways (the reversed reading second).
        if runs.last!.count < 3 || groups[0] == "000" { return (reversed, nil, runs.last!.upperBound) }
        return (Self.normalized(groups.joined(), ""), reversed, runs.last!.upperBound)
    }

    static func normalized(_ integer: String, _ fraction: String) -> String {
        var integer = integer, fraction = fraction
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        return fraction.isEmpty ? integer : integer + "." + fraction
    }

    /// The values of the number words (`five`, `cinq`, `五`) in `text`: in a language written
    /// with word breaks, each run of letters and `-` of the lower-cased text that is a number
    /// word; otherwise each number word found anywhere in it. Read straight from the code
    /// units (`LowercaseWords`) when the text allows, else through a `String`; the same values.
    public func spelled(in text: [UInt16]) -> Set<String> {
        guard !format.words.isEmpty else { return [] }
        var found = Set<String>()
        if format.wordBoundaries {
            // (An empty number word would be looked up between any two separators.)
            if format.words[""] == nil, let table = format.wordTable, LowercaseWords.forEachWordUTF8(in: text, hyphen: true, { word in
                if let value = table.value(word) { found.insert(String(value)) }
            }) { return found }
        } else if let search = literalSearch, let lower = LowercaseWords.lowered(text) {
            for (_, value) in search.occurring(in: lower) { found.insert(String(value)) }
            return found
        } else if !format.wordBoundaries {
            return spelledThroughString(in: text, searchingPresentOnly: true)
        }
        return spelledThroughString(in: text)
    }

    /// `spelled` through a `String` (the way for any text; the reference of the tests).
    /// `searchingPresentOnly` (words found anywhere): a word Foundation's search finds, as
    /// written or canonically equivalent, leaves its first code point, decomposed, among the
    /// text's decomposed code points; a word whose first is not there is not searched for
    /// (the search, word by word through the whole text, took two million instructions for a
    /// unit of Arabic with vowel marks). The same values.
    func spelledThroughString(in text: [UInt16], searchingPresentOnly: Bool = false) -> Set<String> {
        guard !format.words.isEmpty else { return [] }
        let lower = String(utf16Units: text).lowercased()
        var found = Set<String>()
        if format.wordBoundaries {
            var word = ""
            for character in lower + " " {
                if character.isLetter || character == "-" { word.append(character); continue }
                if let value = format.words[word] { found.insert(String(value)) }
                word = ""
            }
        } else {
            let present = searchingPresentOnly ? Set(lower.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)) : nil
            for (word, value) in format.words {
                if let present, let first = format.decomposedFirsts[word], !present.contains(first) { continue }
                if lower.contains(word) { found.insert(String(value)) }
            }
        }
        return found
    }
}

/// The number words of a language written without word breaks, found in a plain text
/// (`LowercaseWords`) by comparing code units, in one pass. Foundation's search that
/// `spelled` used finds canonically equivalent sequences too; the two agree when the text is
/// plain (every code unit a cluster of its own, no combining mark) and the words are CJK
/// ideographs or Arabic letters: a plain text equivalent to such a word is that word (the
/// only other plain characters whose decomposition holds them are the Arabic letters with
/// hamza or madda, themselves letters of the words' alphabet, decomposed the same way in
/// both), so only such words are searched so.
struct NumberWordSearch: Sendable {
    /// The CJK ideographs and the Arabic letters.
    static let letters: [ClosedRange<UInt16>] = [LowercaseWords.ideographs, 0x0621...0x064A]
    /// The words, grouped by their first code unit.
    private let groups: [[(units: [UInt16], word: String, value: Int)]]
    /// For each code unit from `lowest` on, 1 + the index of the group of words it starts, or
    /// 0 (a table: a dictionary looked up at every code unit was most of the search).
    private let first: [UInt16]
    private let lowest: UInt16

    init?(_ words: [String: Int]) {
        var byFirst = [UInt16: [(units: [UInt16], word: String, value: Int)]]()
        for (word, value) in words {
            let units = word.utf16Array
            guard !units.isEmpty, units.allSatisfy({ u in Self.letters.contains { $0.contains(u) } }) else { return nil }
            byFirst[units[0], default: []].append((units, word, value))
        }
        let starts = byFirst.keys.sorted()
        guard let lowest = starts.first, let highest = starts.last else { return nil }
        var first = [UInt16](repeating: 0, count: Int(highest - lowest) + 1)
        var groups = [[(units: [UInt16], word: String, value: Int)]]()
        for unit in starts {
            groups.append(byFirst[unit]!)
            first[Int(unit - lowest)] = UInt16(groups.count)
        }
        self.groups = groups
        self.first = first
        self.lowest = lowest
    }

    /// The words (with their values) found in `text`.
    /// (Each word found once, marked by its place in its group: a dictionary of the words
    /// found, looked up before every comparison, was most of the search.)
    func occurring(in text: [UInt16]) -> [(word: String, value: Int)] {
        var found = [(word: String, value: Int)]()
        var seen = [[Bool]]()
        for i in text.indices {
            let offset = Int(text[i]) - Int(lowest)
            guard offset >= 0, offset < first.count, first[offset] != 0 else { continue }
            let group = Int(first[offset]) - 1
            for (k, candidate) in groups[group].enumerated() where text.count - i >= candidate.units.count
                && text[i..<(i + candidate.units.count)].elementsEqual(candidate.units) {
                if seen.isEmpty { seen = groups.map { [Bool](repeating: false, count: $0.count) } }
                guard !seen[group][k] else { continue }
                seen[group][k] = true
                found.append((candidate.word, candidate.value))
            }
        }
        return found
    }
}

/// Compares the numbers of one unit across versions with the majority rule of the set checks:
/// a version is out of line when it gives a number the majority does not (in digits or in
/// words) in place of one the majority gives. A version that only lacks a number (written in
/// words, or left out) or only adds one (a month in digits) is not: that is translation, not
/// a wrong figure.
public enum NumberComparison {
    public struct Odd: Sendable, Equatable {
        /// The index of the version out of line, in the arrays given.
        public var version: Int
        /// Its numbers the majority does not give, and the majority's it does not give.
        public var extra: [String]
        public var missing: [String]
        /// The versions that give every missing number.
        public var agreeing: [Int]
    }

    /// What a comparison finds: agreement (or differences that are only additions or
    /// omissions), versions out of line, or two versions that differ with no majority.
    public enum Outcome: Sendable, Equatable {
        case agree
        case odd([Odd])
        /// No majority: the versions that differ.
        case tie([Int])
    }

    /// `digits[i]`: the numbers version i writes in digits (every reading of each); `words[i]`:
    /// those it spells out; `tokens[i]`, when given: the readings of each number version i
    /// writes (a number is out of line only when none of its readings is the majority's).
    public static func compare(digits: [Set<String>], words: [Set<String>], tokens: [[[String]]]? = nil) -> Outcome {
        let count = digits.count
        guard count >= 2, digits.contains(where: { $0 != digits[0] }) else { return .agree }
        let given = digits.indices.map { digits[$0].union(words[$0]) }
        var holders = [String: Int]()
        for set in given { for value in set { holders[value, default: 0] += 1 } }
        let inDigits = digits.reduce(into: Set<String>()) { $0.formUnion($1) }
        let majority = { (value: String) in holders[value, default: 0] >= 2 && holders[value, default: 0] * 2 > count }
        let minority = { (value: String) in holders[value, default: 0] * 2 < count }
        let readings = tokens ?? digits.map { $0.sorted().map { [$0] } }
        var odd = [Odd]()
        for i in digits.indices {
            let extra = Array(Set(readings[i].filter { $0.allSatisfy(minority) }.compactMap(\.first))).sorted()
            let missing = holders.keys.filter { majority($0) && inDigits.contains($0) && !given[i].contains($0) }.sorted()
            guard !extra.isEmpty, !missing.isEmpty else { continue }
            let agreeing = given.indices.filter { j in j != i && missing.allSatisfy { given[j].contains($0) } }
            odd.append(Odd(version: i, extra: extra, missing: missing, agreeing: agreeing))
        }
        if !odd.isEmpty { return .odd(odd) }
        // Two versions: no majority; they differ when each gives a number the other does not.
        if count == 2, !digits[0].subtracting(given[1]).isEmpty, !digits[1].subtracting(given[0]).isEmpty { return .tie([0, 1]) }
        return .agree
    }
}
