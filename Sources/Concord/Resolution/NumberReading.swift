import Foundation

/// Reading the numbers inside a matched reference: resolution numbers in a list, numbers and
/// ordinals in digits or words (ICU spellout), article and paragraph lists, sub-item letters.
extension ReferenceResolver {
    /// The resolution numbers inside a list group (`5/1 et 5/8 en date du 22 octobre 2010`).
    func numbers(inList range: Range<Int>?, of units: [UInt16]) -> [String] {
        guard let range else { return [] }
        let slice = Array(units[range])
        let andWords = language.listWords.andFolded
        var result = [String]()
        for match in language.resolutionNumbers.regex.matches(in: slice) {
            let number = String(utf16Units: slice[match.range])
            if number.allSatisfy({ $0.isASCII && $0.isNumber }), !result.isEmpty {
                // A bare number (`2118`) counts only as a list item after a comma or "and";
                // after a month name it is a year (`5/1 du 22 octobre 2010`).
                // What stands just before it (a comma or a word for "and"): a few units suffice.
                let before = String(utf16Units: slice[max(0, match.range.lowerBound - 24)..<match.range.lowerBound])
                    .trimmingWhitespace().lowercased()
                // `, 1540`, `、1540`, `and 1540`, `和1540`: in a language written without word
                // boundaries (Chinese, Arabic: `word-boundaries: false`) the word for "and"
                // is written on the number.
                let lastWord = before.split(separator: " ").last.map(String.init) ?? ""
                let attaches = !language.wordBoundaries
                guard before.hasSuffix(",") || before.hasSuffix("、") || before.hasSuffix("،") || andWords.contains(lastWord)
                        || (attaches && andWords.contains(where: { before.hasSuffix($0) && !Self.endsInsideWord(before, $0) })) else { continue }
            }
            result.append(number)
        }
        return result
    }

    /// Whether `word` ends `text` only as the end of a longer word: the و of أيار/مايو is not
    /// the conjunction و (a year after it is not a list item), the و of `2118 و` or `2118، و` is.
    static func endsInsideWord(_ text: String, _ word: String) -> Bool {
        guard text.hasSuffix(word) else { return false }
        let rest = text.dropLast(word.count)
        return rest.last.map { $0.isLetter } ?? false
    }

    func integers(in text: String) -> [Int] {
        text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
    }

    /// A number written in digits or in words (二十八, sixth, six, шестой): ICU's spell-out
    /// parse reads cardinals and ordinals alike (it tries all the locale's rule sets).
    func parseNumber(_ raw: String) -> Int? {
        let trimmed = raw.trimmingWhitespace()
        if let value = Int(trimmed) { return value }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let value = Int(digits) { return value }  // 1er
        if let value = digitByDigit(trimmed) { return value }
        let locale = language.locale
        // What ICU's spell-out parser misreads, rewritten first (`spellout-rewrites`).
        // A rewrite is compiled and tried only on a text holding what its matches need.
        var text = trimmed
        var units = text.utf16Array
        for rewrite in language.spelloutRewrites where rewrite.regex.mayMatch(in: units) {
            let rewritten = rewrite.regex.regex.replacingMatches(in: text, with: rewrite.replacement)
            if rewritten != text { text = rewritten; units = text.utf16Array }
        }
        return LocaleData.parseSpellout(text.lowercased(), locale: locale)
    }

    /// A number written place by place in the language's one-character `number-words` for
    /// the digits 0–9 (Chinese 第一六三条 = article 163, 二〇一五 = 2015): two characters or
    /// more, each a digit word, none a word for ten or more (十 makes 二十三 a number for ICU).
    func digitByDigit(_ text: String) -> Int? {
        guard text.count >= 2, text.count <= 9, !language.numberWords.isEmpty else { return nil }
        var value = 0
        for character in text {
            guard let digit = language.numberWords[String(character).lowercased()], (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `sixth` → [6]; `eighth, ninth and tenth` → [8, 9, 10]; `التاسعة والستين` → [69] (the
    /// whole is tried first: Arabic and Chinese compounds carry the word for "and" inside).
    func ordinals(_ raw: String) -> [Int] {
        if let whole = parseNumber(raw) { return [whole] }
        let andWords = language.listWords.andSet
        var parts = [String]()
        for piece in raw.split(whereSeparator: { ",،、;".contains($0) }) {
            var current = [Substring]()
            for word in piece.split(separator: " ") {
                if andWords.contains(word.lowercased()) {
                    if !current.isEmpty { parts.append(current.joined(separator: " ")); current = [] }
                } else {
                    current.append(word)
                }
            }
            if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        }
        var values = [Int]()
        for part in parts {
            if let value = parseNumber(part) { values.append(value); continue }
            // Attached conjunctions: و in Arabic lists (والتاسعة).
            for word in part.split(separator: " ") {
                let w = String(word)
                if let value = parseNumber(w) { values.append(value); continue }
                // Each word for "and" it begins with, the longest first, until the rest reads.
                for prefix in language.listWords.andLongestFirst where w.hasPrefix(prefix) && w.count > prefix.count {
                    if let value = parseNumber(String(w.dropFirst(prefix.count))) { values.append(value); break }
                }
            }
        }
        return values
    }

    /// `16 and 18` → [16, 18]; `66-4 and 66-5` → [66]: a hyphen between a number and a
    /// smaller one numbers an article of a national code (article 66-4 of the CIC), keyed by
    /// its first number as Arabic texts (which write 2.1 as 2-1) require. A range (`3 to 5`,
    /// `3-5`, `3 à 5`, `3 a 5`, `3 по 5`, `3至第5`: the language's word for "to" or a hyphen
    /// before a greater number) is one key, `3-5`, as a range of paragraphs is.
    func articleNumbers(_ list: String) -> [String] {
        let rangeWords = language.listWords.range
        func isRange(_ sep: String) -> Bool {
            rangeWords.contains(sep) || (!language.wordBoundaries && rangeWords.contains { $0 != "-" && sep.contains($0) })
        }
        var digits = [String]()
        var previous: Int?
        var afterHyphen = false
        var separator = ""
        var i = list.startIndex
        while i < list.endIndex {
            if list[i].isASCII, list[i].isNumber {
                var j = i
                while j < list.endIndex, list[j].isASCII, list[j].isNumber { j = list.index(after: j) }
                let value = Int(list[i..<j])!
                let sep = separator.trimmingWhitespace().lowercased()
                if afterHyphen, let previous, value < previous {
                    // part of the article before it
                } else if let previous, value > previous, digits.last == String(previous), isRange(sep) {
                    digits[digits.count - 1] = "\(previous)-\(value)"
                } else if !digits.contains(String(value)) {
                    digits.append(String(value))
                }
                previous = value
                afterHyphen = j < list.endIndex && list[j] == "-"
                separator = ""
                i = j
            } else {
                if list[i] != "-" { afterHyphen = false }
                separator.append(list[i])
                i = list.index(after: i)
            }
        }
        if !digits.isEmpty { return digits }
        // Numbers in words (Chinese numerals: 第二十八条), between commas, spaces and the
        // language's `number-word-separators` (和, 及, 与).
        let separators = language.numberWordSeparators
        let words = list.split(whereSeparator: { "、, ".contains($0) || separators.contains($0) })
        return words.compactMap { parseNumber(String($0)) }.map(String.init)
    }

    /// Sub-item letters as their Latin key letters (`sub-item-letters` of the language file:
    /// Russian `2(е)` with a Cyrillic е, Arabic abjad order أ = a, ب = b, ج = c, …).
    func latinized(_ letters: Substring) -> String {
        guard !language.subItemLetters.isEmpty else { return letters.lowercased() }
        var out = ""
        for letter in letters.lowercased() { out += language.subItemLetters[letter] ?? String(letter) }
        return out
    }

    /// `46 à 51` → ["46-51"]; `9 and 11` → ["9", "11"]; `2 (e)` → ["2(e)"]; `1 c)` → ["1(c)"].
    func paragraphKeys(_ list: String) -> [String] {
        let andWords = language.listWords.andSet
        var items = [(String, String)]()  // (number with sub-letters, separator before it)
        var separator = ""
        var i = list.startIndex
        while i < list.endIndex {
            if list[i].isASCII, list[i].isNumber {
                var j = i
                while j < list.endIndex, list[j].isASCII, list[j].isNumber { j = list.index(after: j) }
                var item = String(list[i..<j])
                // `140.2`: a sub-paragraph is keyed by its paragraph (Arabic writes 140-2, which
                // reads as a range; the rules there key it by its first number too).
                if j < list.endIndex, list[j] == ".", let next = list.index(j, offsetBy: 1, limitedBy: list.endIndex),
                   next < list.endIndex, list[next].isASCII, list[next].isNumber {
                    j = next
                    while j < list.endIndex, list[j].isASCII, list[j].isNumber { j = list.index(after: j) }
                }
                // Sub-letters: ` (a)`, `(a)(ii)`, French ` c)`.
                var k = j
                while true {
                    var m = k
                    while m < list.endIndex, list[m] == " " { m = list.index(after: m) }
                    if m < list.endIndex, list[m] == "(" {
                        let inner = list[list.index(after: m)...].prefix { $0.isLetter }
                        let close = list.index(m, offsetBy: inner.count + 1, limitedBy: list.endIndex)
                        if !inner.isEmpty, inner.count <= 4, let close, close < list.endIndex, list[close] == ")" {
                            item += "(\(latinized(inner)))"; k = list.index(after: close); continue
                        }
                    } else if m < list.endIndex, list[m].isLetter {
                        let inner = list[m...].prefix { $0.isLetter }
                        let close = list.index(m, offsetBy: inner.count, limitedBy: list.endIndex)
                        if inner.count <= 3, let close, close < list.endIndex, list[close] == ")" {
                            item += "(\(latinized(inner)))"; k = list.index(after: close); continue
                        }
                    }
                    break
                }
                items.append((item, separator))
                separator = ""
                i = k
            } else if let (label, end) = siblingLabel(in: list, at: i), let last = items.last?.0,
                      let open = last.lastIndex(of: "("), Self.isListSeparator(separator, and: andWords) {
                // `1 (a), (b) and (c)`, `1 a), b) y c)`: the letters after the first are sub-items
                // of the same paragraph (1(a), 1(b), 1(c)).
                items.append((String(last[..<open]) + "(\(label))", separator))
                separator = ""
                i = end
            } else {
                separator.append(list[i])
                i = list.index(after: i)
            }
        }
        let rangeWords = language.listWords.range
        // Where words run together (`word-boundaries: false`), the word for "to" comes with
        // the unit's words around it: 第9段至第11段, 第9至第11段 are paragraphs 9 to 11.
        func isRange(_ sep: String) -> Bool {
            rangeWords.contains(sep) || (!language.wordBoundaries && rangeWords.contains { $0 != "-" && sep.contains($0) })
        }
        var keys = [String]()
        for (item, before) in items {
            let sep = before.trimmingWhitespace().lowercased()
            if isRange(sep), let last = keys.popLast() {
                keys.append("\(last)-\(item)")
            } else {
                keys.append(item)
            }
        }
        return keys
    }

    /// A sub-item label standing alone at `i`: `(b)` or `b)` (at most four letters), its key
    /// letter and the place after it.
    func siblingLabel(in list: String, at i: String.Index) -> (String, String.Index)? {
        var m = i
        if list[m] == "(" { m = list.index(after: m) }
        let inner = list[m...].prefix { $0.isLetter }
        guard !inner.isEmpty, inner.count <= 4, inner.endIndex < list.endIndex, list[inner.endIndex] == ")" else { return nil }
        return (latinized(inner), list.index(after: inner.endIndex))
    }

    /// Whether the text between two list items is a comma (`,`, `、`, `،`) or the word for "and"
    /// (`, `, ` and `, `, y `, `和`, ` و `).
    static func isListSeparator(_ text: String, and andWords: Set<String>) -> Bool {
        let commas = ",、،"
        var rest = text.trimmingWhitespace().lowercased()
        if let first = rest.first, commas.contains(first) { rest = String(rest.dropFirst()).trimmingWhitespace() }
        return rest.isEmpty ? text.contains(where: { commas.contains($0) }) : andWords.contains(rest)
    }

    static func dateExists(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

/// Reading pins: the numbers, letters and section paths of `article 9 (3) (b)`,
/// `第十八条第二款`, `المادة الثانية عشرة`, `Chapter V`, `section III.B`, the words that
/// say where a target stands, and whether the reference names another document.
extension ReferenceResolver {
    /// One number of a pin, in digits: `18`, `V` (Roman), `十八`, `الثانية عشرة`, `premier`.
    func pinNumber(_ raw: String) -> Int? {
        let text = raw.trimmingWhitespace(also: "()")
        guard !text.isEmpty else { return nil }
        if let value = Int(text) { return value }
        if let value = Self.romanValue(text) { return value }
        let folded = NormalizedText(text).string.lowercased()
        if let value = language.numberWords[folded] { return value }
        return parseNumber(text)
    }

    /// The numbers of a list of paragraphs, in digits: `1 and 2`, `第一款和第二款`, `1 و2`.
    func numeralRuns(_ list: String) -> [Int] {
        let chinese = Set("零〇一二三四五六七八九十百千两")
        var runs = [String]()
        var current = ""
        for character in list {
            if (character.isASCII && character.isNumber) || chinese.contains(character) {
                current.append(character)
            } else if !current.isEmpty {
                runs.append(current); current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs.compactMap { pinNumber($0) }
    }

    /// `I`, `iv`, `XII` → 1, 4, 12 (upper or lower case, not mixed); nil for anything else.
    static func romanValue(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        guard text == text.uppercased() || text == text.lowercased() else { return nil }
        let digits = text.uppercased().compactMap { values[$0] }
        guard !digits.isEmpty, digits.count == text.count else { return nil }
        var total = 0
        for (i, value) in digits.enumerated() {
            total += i + 1 < digits.count && digits[i + 1] > value ? -value : value
        }
        return Chars.roman(total) == text.uppercased() ? total : nil
    }

    /// The numbers of a pin's list: `16 and 18`, `V and VI`, `十八`, `الثانية عشرة`.
    func pinNumbers(_ list: String) -> [String] {
        if list.contains(where: { $0.isASCII && $0.isNumber }) { return articleNumbers(list) }
        if let whole = pinNumber(list) { return [String(whole)] }
        let andWords = language.listWords.andSet
        let toWords = language.listWords.to
        var values = [String]()
        // The pieces between commas and number-word separators, each with the separator
        // before it: a word for "to" (至, 到) makes a range of the number before and after it
        // (第三条至第五条, 第十五至二十五条: articles 3 to 5, 15 to 25, one key each as with digits).
        var pieces = [(text: Substring, afterTo: Bool)]()
        var start = list.startIndex
        var afterTo = false
        for i in list.indices where ",،、;".contains(list[i]) || numberWordSeparators.contains(list[i]) {
            pieces.append((list[start..<i], afterTo))
            afterTo = toWords.contains(String(list[i]).lowercased())
            start = list.index(after: i)
        }
        pieces.append((list[start...], afterTo))
        for (piece, afterTo) in pieces where !piece.isEmpty {
            let words = piece.split(separator: " ").map(String.init)
            var current = [String]()
            var firstInPiece = true
            func flush() {
                guard !current.isEmpty else { return }
                defer { firstInPiece = false }
                var text = current.joined(separator: " ")
                // Where words run together (`word-boundaries: false`), the unit's words repeated
                // in a list or range (三条 and 第五 in 第三条至第五) are no part of the number:
                // the reading words that take a number or follow one (`number-words-before`,
                // `number-words-after`) are dropped from its ends when it does not read whole.
                if !language.wordBoundaries, pinNumber(text) == nil {
                    let lexicon = rules.lexicon
                    if let word = lexicon.numberWordsBefore.filter({ !$0.isEmpty && text.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
                        text.removeFirst(word.count)
                    }
                    if let word = lexicon.numberWordsAfter.filter({ !$0.isEmpty && text.hasSuffix($0) }).max(by: { $0.count < $1.count }) {
                        text.removeLast(word.count)
                    }
                }
                if let value = pinNumber(text) {
                    if afterTo, firstInPiece, let previous = values.last, let low = Int(previous), value > low {
                        values[values.count - 1] = "\(low)-\(value)"
                    } else {
                        values.append(String(value))
                    }
                }
                current = []
            }
            for word in words {
                if andWords.contains(word.lowercased()) { flush(); continue }
                // `التاسعة والعاشرة`: the word for "and" written on the next number word.
                if let and = language.listWords.andLongestFirst.first(where: {
                    word.hasPrefix($0) && word.count > $0.count + 1
                        && language.numberWords[NormalizedText(String(word.dropFirst($0.count))).string.lowercased()] != nil
                }) {
                    flush(); current.append(String(word.dropFirst(and.count))); continue
                }
                current.append(word)
            }
            flush()
        }
        return values
    }

    private var numberWordSeparators: Set<Character> { language.numberWordSeparators }

    /// A section's path of labels: `III.B` → `3.B`, `II.A.1` → `2.A.1`, `2` → `2`; the parts
    /// may be joined by a hyphen and the letters written as words (Arabic `ثالثا-باء` → `3.B`,
    /// the language's `section-letters`), and the word for "and" written on the next label
    /// (Arabic `وثالثا-جيم`).
    func sectionPaths(_ list: String) -> [String] {
        let andWords = language.listWords.and
        var joined = list
        for spaced in [" - ", " -", "- "] { joined = joined.replacingLiteral(spaced, with: "-") }
        // A label of two words (Arabic الحادي عشر, حادي عشر-باء: the number-words with a
        // space) is one label, not two: a word is joined to the one before it when the two
        // begin with such a number word (with the word for "and" written on it, وحادي عشر).
        var labels = [String]()
        for word in joined.split(whereSeparator: { ",،、 ".contains($0) }).map(String.init) {
            if let last = labels.last, !last.contains(where: { $0 == "." || $0 == "-" }) {
                let head = last + " " + (word.split(whereSeparator: { $0 == "." || $0 == "-" }).first.map(String.init) ?? "")
                let bare = andWords.first(where: { head.lowercased().hasPrefix($0) && head.count > $0.count })
                    .map { String(head.dropFirst($0.count)) }
                if [head, bare].compactMap({ $0 }).contains(where: { language.numberWords[NormalizedText($0).string.lowercased()] != nil }) {
                    labels[labels.count - 1] = last + " " + word
                    continue
                }
            }
            labels.append(word)
        }
        return labels
            .filter { !andWords.contains($0.lowercased()) }
            .compactMap { label -> String? in
                func path(_ label: String) -> String? {
                    let parts = label.split(whereSeparator: { $0 == "." || $0 == "-" }).map(String.init)
                    guard let first = parts.first, let head = pinNumber(first) else { return nil }
                    let rest = parts.dropFirst().map { part in
                        language.sectionLetters[NormalizedText(part).string.lowercased()] ?? part.uppercased()
                    }
                    return ([String(head)] + rest).joined(separator: ".")
                }
                if let path = path(label) { return path }
                guard let and = andWords.first(where: { label.lowercased().hasPrefix($0) && label.count > $0.count }) else { return nil }
                return path(String(label.dropFirst(and.count)))
            }
    }

    /// A sub-paragraph or sub-item label as its key: letters by their place in the
    /// language's sequence (`б` → b, `ب` → b); a number in a sub-item place (Chinese
    /// `(二)`, `㈡` after NFKC) counts in letters where it is the first level below the
    /// paragraph and in lower-case Roman numerals below a letter, as UN texts number them.
    func subItem(_ raw: String, afterLetter: Bool) -> String? {
        let text = raw.trimmingWhitespace(also: "()")
        guard !text.isEmpty else { return nil }
        if afterLetter, Self.romanValue(text.lowercased()) != nil, text == text.lowercased() { return text }
        if !text.contains(where: { $0.isLetter }) || text.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) {
            guard let n = pinNumber(text), n >= 1 else { return nil }
            if afterLetter { return Chars.roman(n).lowercased() }
            guard n <= 26 else { return nil }
            return String(UnicodeScalar(UInt8(96 + n)))
        }
        return latinized(Substring(text))
    }

    /// The sub-paragraph labels of a list, each closed by a bracket: `(a) and (l)`, `a) et l)`,
    /// `(а) и (б)` → [a, l], [a, l], [a, b]; the words between them are not labels.
    func subLabels(_ list: String) -> [String] {
        var labels = [String](), current = ""
        for character in list {
            if character.isLetter { current.append(character); continue }
            if character == ")", !current.isEmpty, let label = subItem(current, afterLetter: false) { labels.append(label) }
            current = ""
        }
        return labels
    }

    /// `above` or `below` in the words after a reference (`paragraph 5 above`).
    func direction(_ words: String?) -> CitationNote? {
        guard let words else { return nil }
        let folded = NormalizedText(words).string.lowercased()
        if language.aboveWords.contains(where: { folded.contains($0) }) { return .pointsBack }
        if language.belowWords.contains(where: { folded.contains($0) }) { return .pointsForward }
        return nil
    }

    /// Whether the words right after a reference (`of the Protocol`, `de la Convention`),
    /// or in Chinese right before it (`《公约》第五条`), name another document.
    func names(anotherDocument range: Range<Int>, in units: [UInt16]) -> Bool {
        language.names(anotherDocument: range, in: units)
    }
}
