import ConcordRuleFiles

/// How each language writes the headings and labels of the units of treaties, conventions,
/// charters, rules of procedure and reports: the `structure` sections of the language files,
/// compiled. Immutable and shared; held by the `ReadingLexicon`, since the reader builds the
/// structure.
public struct StructureRules: Sendable {
    /// A heading that opens a unit.
    public enum HeadingKind: String, Sendable, CaseIterable {
        case preamble, part, chapter, section, article, rule, annex
    }

    struct LanguageStructure: Sendable {
        var headings: [(kind: HeadingKind, regex: PatternRegex)]
        /// The language's `number-words` (NFKC, lower case): the same list the resolver reads.
        var numbers: [String: Int]
        var paragraphLabels: [PatternRegex]
        var itemLabels: [PatternRegex]
        var itemLetters: [String]
        var sectionLabels: [PatternRegex]
        var sectionLetters: [String]
        var reportWords: [String]
        var rulesWords: [String]
        var locale: String
    }

    let languages: [Language: LanguageStructure]
    /// `structure.examples`: a text and the anchor segment it must give (nil: none).
    let examples: [(path: String, language: Language, text: String, anchor: String?)]

    /// `lazily`: each regex compiled when first used (rules read from the rule cache, which
    /// compiled before: a document in one language then compiles no other's headings).
    init(files: [(language: Language, file: RuleFiles.LanguageFile, path: String)], lazily: Bool = false) throws(RuleError) {
        var languages = [Language: LanguageStructure]()
        var examples = [(path: String, language: Language, text: String, anchor: String?)]()
        for (language, file, path) in files {
            guard let structure = file.structure else { continue }
            func compile(_ pattern: String, _ what: String) throws(RuleError) -> PatternRegex {
                if lazily { return PatternRegex(pattern: "^(?:\(pattern))", id: "structure.\(what)", path: path, caseInsensitive: false) }
                do { return PatternRegex(try ICURegex("^(?:\(pattern))", caseInsensitive: false)) } catch {
                    throw RuleError(file: path, message: "structure.\(what): \(error.description)")
                }
            }
            var headings = [(kind: HeadingKind, regex: PatternRegex)]()
            for (name, pattern) in (structure.headings ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let kind = HeadingKind(rawValue: name) else {
                    throw RuleError(file: path, message: "structure.headings: unknown unit '\(name)' (one of \(HeadingKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                headings.append((kind, try compile(pattern, "headings.\(name)")))
            }
            // Tried from the outermost unit in: a `Part` heading is never read as an article.
            headings.sort { HeadingKind.allCases.firstIndex(of: $0.kind)! < HeadingKind.allCases.firstIndex(of: $1.kind)! }
            var paragraphLabels = [PatternRegex](), itemLabels = [PatternRegex]()
            for pattern in structure.paragraphLabels ?? [] { paragraphLabels.append(try compile(pattern, "paragraph-labels")) }
            for pattern in structure.itemLabels ?? [] { itemLabels.append(try compile(pattern, "item-labels")) }
            var sectionLabels = [PatternRegex]()
            for pattern in structure.sectionLabels ?? [] { sectionLabels.append(try compile(pattern, "section-labels")) }
            // The number words are one list of the language file, which the resolver reads too.
            if structure.numbers != nil {
                throw RuleError(file: path, message: "structure.numbers: number words are one list now, `number-words` at the top level of the file (the resolver reads it too)")
            }
            var numbers = [String: Int]()
            for (word, number) in file.numberWords ?? [:] { numbers[NormalizedText(word).string.lowercased()] = number }
            languages[language] = LanguageStructure(
                headings: headings, numbers: numbers, paragraphLabels: paragraphLabels,
                itemLabels: itemLabels, itemLetters: structure.itemLetters ?? [],
                sectionLabels: sectionLabels, sectionLetters: structure.sectionLetters ?? [],
                reportWords: (structure.reportWords ?? []).map { $0.lowercased() },
                rulesWords: (structure.rulesOfProcedureWords ?? []).map { $0.lowercased() },
                locale: file.locale ?? language.rawValue)
            examples += (structure.examples ?? []).map { (path, language, $0.text, $0.anchor) }
        }
        self.languages = languages
        self.examples = examples
    }

    /// The languages to try for a document: its own, or every language when it is not known.
    private func candidates(_ language: Language?) -> [LanguageStructure] {
        if let language, let own = languages[language] { return [own] }
        return languages.keys.sorted().compactMap { languages[$0] }
    }

    /// The heading a short paragraph opens with (`Article 12`, `第十二条`, `المادة الثانية
    /// عشرة`, `Chapter V`): its kind and number. A paragraph that goes on as a sentence after
    /// the words (`Article 12 shall not apply …`) is no heading.
    func heading(_ text: String, language: Language?) -> (kind: HeadingKind, number: Int?)? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.hasAtMostCharacters(160) else { return nil }
        let units = trimmed.utf16Array
        for structure in candidates(language) {
            for (kind, regex) in structure.headings {
                // The first match, when it starts the text: the pattern tried there only (not
                // at all when the text does not begin with what every match begins with).
                guard regex.mayStart(atStartOf: units), let match = regex.regex.matches(in: units, startingOnlyAt: [0]).first else { continue }
                let rest = String(utf16Units: units[match.range.upperBound...]).trimmingWhitespace()
                if let last = rest.last, ".;,:。；，،".contains(last) { continue }
                if rest.count > 120 { continue }
                if kind == .preamble { return (kind, nil) }
                let group = match["number"] ?? match["number2"]
                guard let group else { continue }
                let raw = String(utf16Units: units[group])
                guard let number = Self.number(raw, in: structure) else { continue }
                return (kind, number)
            }
        }
        return nil
    }

    /// A numbered-paragraph label of the language's own (`三、`): the number and the units it
    /// takes with the spaces after it.
    func paragraphLabel(_ text: String, language: Language?) -> (number: Int, length: Int)? {
        let units = Array(text.utf16.prefix(40))
        for structure in candidates(language) {
            for regex in structure.paragraphLabels {
                guard let match = regex.regex.matches(in: units).first, match.range.lowerBound == 0,
                      let group = match["number"],
                      let number = Self.number(String(utf16Units: units[group]), in: structure) else { continue }
                return (number, Self.skipSpaces(units, from: match.range.upperBound))
            }
        }
        return nil
    }

    /// A sub-paragraph label of the language's own (`б)`): the letter as written and the
    /// units the label takes with the spaces after it.
    func itemLabel(_ text: String, language: Language?) -> (letter: String, length: Int)? {
        let units = Array(text.utf16.prefix(16))
        for structure in candidates(language) {
            for regex in structure.itemLabels {
                guard let match = regex.regex.matches(in: units).first, match.range.lowerBound == 0, let group = match["letter"] else { continue }
                return (String(utf16Units: units[group]), Self.skipSpaces(units, from: match.range.upperBound))
            }
        }
        return nil
    }

    /// A report section label of the language's own (Chinese `三.`, Arabic `ثالثا -`,
    /// `باء -`): the label as the anchors write it (`3`, `B`) and the units it takes.
    func sectionLabel(_ text: String, language: Language?) -> (label: String, length: Int)? {
        let units = Array(text.utf16.prefix(24))
        for structure in candidates(language) {
            for regex in structure.sectionLabels {
                guard let match = regex.regex.matches(in: units).first, match.range.lowerBound == 0 else { continue }
                if let group = match["number"], let number = Self.number(String(utf16Units: units[group]), in: structure) {
                    return (String(number), Self.skipSpaces(units, from: match.range.upperBound))
                }
                if let group = match["letter"], let index = structure.sectionLetters.firstIndex(of: String(utf16Units: units[group])),
                   index < 26 {
                    return (String(UnicodeScalar(UInt8(0x41 + index))), Self.skipSpaces(units, from: match.range.upperBound))
                }
            }
        }
        return nil
    }

    private static func skipSpaces(_ units: [UInt16], from k: Int) -> Int {
        var j = k
        while j < units.count, units[j] == 0x20 || units[j] == 0x09 { j += 1 }
        return j
    }

    /// A sub-paragraph letter as the anchors write it: lower-case Latin by its position in
    /// the language's own sequence (Russian `б` → `b`, Arabic `ب` → `b`); Latin letters and
    /// Roman numerals lower-cased.
    func itemKey(_ label: String, language: Language?) -> String {
        if let language, let letters = languages[language]?.itemLetters,
           let index = letters.firstIndex(of: label), index < 26 {
            return String(UnicodeScalar(UInt8(0x61 + index)))
        }
        return label.lowercased()
    }

    /// Whether a title or heading names a report by its first words (`Report of the
    /// Secretary-General`), or its last in a language that puts them there (`秘书长的报告`).
    func namesReport(_ text: String, language: Language?) -> Bool {
        let lower = text.lowercased()
        let trimmed = lower.trimmingWhitespace()
        return candidates(language).contains { $0.reportWords.contains { trimmed.hasPrefix($0) || trimmed.hasSuffix($0) } }
    }

    /// Whether a title or heading names rules of procedure, whose units are rules even where
    /// a language heads them as articles (Chinese `第7条`).
    func namesRulesOfProcedure(_ text: String, language: Language?) -> Bool {
        let lower = text.lowercased()
        return candidates(language).contains { $0.rulesWords.contains { lower.contains($0) } }
    }

    /// A number as headings write it: digits (any script), Roman numerals, a word of
    /// the language's `number-words`, or a number in words read by ICU's spell-out (十二,
    /// ordinal or not: one parse reads both).
    static func number(_ raw: String, in structure: LanguageStructure) -> Int? {
        let text = raw.trimmingWhitespace()
        if !structure.numbers.isEmpty, let value = structure.numbers[NormalizedText(text).string.lowercased()] { return value }
        // Decimal digits of any script (Arabic-Indic ٣); not 十, whose value Swift also knows.
        if !text.isEmpty, text.allSatisfy({ $0.unicodeScalars.count == 1 && $0.unicodeScalars.first!.properties.numericType == .decimal }) {
            return text.reduce(0) { $0 * 10 + $1.wholeNumberValue! }
        }
        if let roman = roman(text) { return roman }
        return LocaleData.parseSpellout(text.lowercased(), locale: structure.locale)
    }

    /// `XIV` → 14; nil for anything that is not a Roman numeral in upper or lower case.
    static func roman(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        let upper = text.uppercased()
        guard !upper.isEmpty, upper.count <= 8, upper.allSatisfy({ values[$0] != nil }) else { return nil }
        let digits = upper.map { values[$0]! }
        var total = 0
        for (i, value) in digits.enumerated() {
            total += i + 1 < digits.count && digits[i + 1] > value ? -value : value
        }
        return total > 0 ? total : nil
    }

    /// The anchor segment a text read as one heading gives (`article:12`, `preamble`), for
    /// the examples.
    func exampleAnchor(_ text: String, language: Language) -> String? {
        guard let (kind, number) = heading(text, language: language) else { return nil }
        return number.map { "\(kind.rawValue):\($0)" } ?? kind.rawValue
    }
}
