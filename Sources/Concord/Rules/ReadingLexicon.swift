import ConcordRuleFiles
import Foundation

/// What the reader needs to know about languages, taken from the `reading` sections (and the
/// name, aliases and script) of the language files: the words that make a paragraph a title,
/// a closing line or an annex heading, the words around a number that say it is no footnote
/// marker, and what tells a text's language. The reader runs before any language is known,
/// so the lists of all languages are used together. Built when the rules load, with the
/// fast filters made from the lists themselves; immutable and shared.
public struct ReadingLexicon: Sendable {
    /// One language as its rule file describes it.
    public struct LanguageInfo: Sendable {
        public var language: Language
        public var name: String
        /// Lower-cased codes and names `Language(code:)` accepts (`fra`, `french`).
        public var aliases: Set<String>
        /// The one-letter code of UN file names (`E`), upper case; nil when the file gives none.
        public var unCode: String?
        public var locale: String
        /// The script its letters are written in (`Latin`, `Cyrillic`, `Arabic`, `Han`).
        public var script: String
        /// For a script other than Latin: the percentage of a text's letters in that script
        /// from which the text is taken to be in this language.
        public var scriptShare: Int?
        public var stopWords: Set<String>
        /// This language's bit in `stopWordOwners` (0: none, past 64 languages).
        public internal(set) var stopWordBit: UInt64 = 0
    }

    public let languages: [Language: LanguageInfo]
    /// `languages` by code, as the language detector walks them (sorted once, not per unit).
    public let languagesInOrder: [LanguageInfo]
    /// Those of Latin script that list stop words, in that order: the languages a Latin unit
    /// may be told apart by (`LanguageDetector.unitLanguage`; filtered once, not per unit).
    let latinWithStopWords: [LanguageInfo]
    /// Every stop word with the bits of the languages that list it: one look-up of a word's
    /// bytes (`LowercaseWords.forEachWordUTF8`) instead of one hash per language
    /// (`LanguageDetector.wordScores`); nil past 64 languages.
    let stopWordTable: WordTable<UInt64>?
    /// Lower-cased words for resolution and decision (`résolution`, `决议`).
    let titleWords: [String]
    let titleFilter: WordFilter
    /// Lower-cased phrases of the closing line (`plenary meeting`).
    let closingPhrases: [String]
    let closingFilter: WordFilter
    /// Annex heading words, as written (compared exactly).
    let annexWords: Set<String>
    let annexUnits: [[UInt16]]
    let annexFilter: WordFilter
    /// Lower-cased words after which a number is that word's number, and before which a
    /// number is a day, a quantity, …: not a footnote marker.
    let numberWordsBefore: Set<String>
    let numberWordsAfter: Set<String>
    /// The first words of preambular and operative paragraphs as written (`Recalling`,
    /// `ссылаясь`, `وإذ`, `回顾`): text that resumes after an interruption with one of them
    /// opens a new paragraph. Compared as written, so that `recalling` in lower case, mid-
    /// sentence in English, is none of them.
    let paragraphOpenings: [String]
    /// Anchored on each opening's first character: says no to nearly every other text.
    let openingFilter: WordFilter
    /// The endings shared by three or more openings (`ParagraphAssembler.openingEndings`),
    /// made once with the lexicon: the reader asked for them once per document.
    let openingEndings: Set<[UInt16]>
    /// How each language heads and labels the units of treaties and reports.
    public let structure: StructureRules
    /// The `reading` examples: a text, what it must be (`title`, `closing`, `annex`) or not be.
    let examples: [(path: String, kind: String, text: String, expected: Bool)]
    /// The `pdf-repairs` of all languages (each in one script: a PDF's words are repaired
    /// before its language is known), and their examples: what a word read from a PDF must
    /// become (itself, for the words a repair must leave alone).
    let pdfRepairs: PdfRepairs
    let pdfRepairExamples: [(path: String, read: String, text: String)]

    /// The scripts `LanguageDetector` counts (ICU's script of each letter, in the C shim).
    static let scripts = ["Latin", "Cyrillic", "Arabic", "Han"]

    /// How common each letter and pair of letters the title and closing filters anchor on is
    /// in the languages' words and their rules' examples (`WordFilter.frequency(of:for:)`).
    let filterFrequency: [UInt32: Int]

    /// `filterFrequency`: the counts, when the files come without their examples (the rule
    /// cache stores the counts made with them); nil counts them here.
    /// `lazily`: the structure rules' regexes compiled when first used (rules from the cache).
    init(files: [(language: Language, file: RuleFiles.LanguageFile, path: String)], filterFrequency: [UInt32: Int]? = nil,
         lazily: Bool = false) throws(RuleError) {
        var languages = [Language: LanguageInfo]()
        var title = [String](), closing = [String](), annex = [String](), before = [String](), after = [String]()
        var openings = [String]()
        var examples = [(path: String, kind: String, text: String, expected: Bool)]()
        var repairs = [(read: [UInt32], write: [UInt32])]()
        var repairExamples = [(path: String, read: String, text: String)]()
        for (language, file, path) in files {
            for repair in file.pdfRepairs ?? [] {
                let read = repair.read.unicodeScalars.map(\.value), write = repair.write.unicodeScalars.map(\.value)
                guard !read.isEmpty, read.sorted() == write.sorted(), read != write else {
                    throw RuleError(file: path, message: "pdf-repairs: '\(repair.read)' → '\(repair.write)' must give the same characters in another order")
                }
                repairs.append((read, write))
                repairExamples += (repair.examples ?? []).map { (path, $0.read, $0.text) }
                repairExamples += (repair.unchanged ?? []).map { (path, $0, $0) }
            }
            let given = file.reading?.examples
            for (kind, texts, expected) in [("title", given?.title, true), ("closing", given?.closing, true),
                                            ("annex", given?.annex, true), ("opening", given?.opening, true),
                                            ("title", given?.notTitle, false), ("closing", given?.notClosing, false),
                                            ("annex", given?.notAnnex, false), ("opening", given?.notOpening, false)] {
                examples += (texts ?? []).map { (path, kind, $0, expected) }
            }
            let script = file.script ?? "Latin"
            guard Self.scripts.contains(script) else {
                throw RuleError(file: path, message: "script '\(script)' is not one of \(Self.scripts.joined(separator: ", "))")
            }
            if script != "Latin", file.scriptShare == nil {
                throw RuleError(file: path, message: "a language written in \(script) needs script-share (the percentage of letters that tells it)")
            }
            let reading = file.reading
            if let code = file.unCode {
                guard code.count == 1, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw RuleError(file: path, message: "un-code '\(code)' must be one letter (the language letter of UN file names: E, F, …)")
                }
                if let other = languages.values.first(where: { $0.unCode == code.uppercased() }) {
                    throw RuleError(file: path, message: "un-code '\(code)' is already the code of \(other.language.rawValue)")
                }
            }
            languages[language] = LanguageInfo(
                language: language, name: file.name ?? language.rawValue,
                aliases: Set((file.aliases ?? []).map { $0.lowercased() } + [language.rawValue]),
                unCode: file.unCode?.uppercased(),
                locale: file.locale ?? language.rawValue, script: script, scriptShare: file.scriptShare,
                stopWords: Set((reading?.stopWords ?? []).map { $0.lowercased() }))
            title += reading?.titleWords ?? []
            closing += reading?.closingPhrases ?? []
            annex += reading?.annexWords ?? []
            before += reading?.numberWordsBefore ?? []
            after += reading?.numberWordsAfter ?? []
            openings += reading?.paragraphOpenings ?? []
        }
        var owners = [String: UInt64]()
        if languages.count <= 64 {
            for (bit, language) in languages.keys.sorted().enumerated() {
                languages[language]!.stopWordBit = 1 << UInt64(bit)
                for word in languages[language]!.stopWords { owners[word, default: 0] |= 1 << UInt64(bit) }
            }
        }
        stopWordTable = languages.count <= 64 ? WordTable(owners) : nil
        self.languages = languages
        languagesInOrder = languages.values.sorted { $0.language < $1.language }
        latinWithStopWords = languagesInOrder.filter { $0.script == "Latin" && !$0.stopWords.isEmpty }
        known = Set(languages.keys)
        structure = try StructureRules(files: files, lazily: lazily)
        titleWords = Self.unique(title.map { $0.lowercased() })
        closingPhrases = Self.unique(closing.map { $0.lowercased() })
        // How common each letter and pair of letters is, from the languages' own words and the
        // examples of their rules (sentences of real UN documents): the filters anchor each
        // phrase on its rarest pair.
        let frequency = filterFrequency ?? {
            let corpus = FilterCounts.corpus(of: files.map(\.file))
            return WordFilter.frequency(of: corpus.words, for: corpus.phrases)
        }()
        self.filterFrequency = frequency
        titleFilter = WordFilter(titleWords, frequency: frequency)
        closingFilter = WordFilter(closingPhrases, frequency: frequency)
        annexWords = Set(annex)
        annexUnits = Self.unique(annex).map { Array($0.utf16) }
        annexFilter = WordFilter(Array(annexWords), caseSensitive: true, anchorFirst: true)
        numberWordsBefore = Set(before.map { $0.lowercased() })
        numberWordsAfter = Set(after.map { $0.lowercased() })
        paragraphOpenings = Self.unique(openings)
        openingFilter = WordFilter(paragraphOpenings, caseSensitive: true, anchorFirst: true)
        openingEndings = ParagraphAssembler.openingEndings(of: paragraphOpenings)
        self.examples = examples
        pdfRepairs = PdfRepairs(pairs: repairs)
        pdfRepairExamples = repairExamples
    }

    private static func unique(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }

    /// No language known: the reader finds no titles, closings or annexes by their words.
    public static let empty = try! ReadingLexicon(files: [])

    /// The lexicon of the rules built into Concord: what `DocumentReader()` and
    /// `Language(code:)` use when no other rules are given (a reader for other rules takes
    /// `rules.lexicon`). The language files are read (not compiled) once, on first use.
    public static let standard: ReadingLexicon = {
        let source = RuleSource.builtIn
        let files = try? source.languages().map { language throws(RuleError) in
            let relative = "languages/\(language.rawValue).yml"
            return (language, try source.decode(RuleFiles.LanguageFile.self, relative), source.name(relative))
        }
        return files.flatMap { try? ReadingLexicon(files: $0) } ?? .empty
    }()

    /// The scripts written right to left (of those `scripts` lists).
    static let rightToLeftScripts: Set<String> = ["Arabic"]

    /// The languages written right to left (their script's direction).
    public var rightToLeft: Set<Language> {
        Set(languages.values.filter { Self.rightToLeftScripts.contains($0.script) }.map(\.language))
    }

    /// The languages this lexicon knows (kept: file names ask it once per file).
    public let known: Set<Language>

    /// The language a code or a name stands for (`fr`, `fra`, `French`), among the
    /// languages this lexicon knows.
    public func language(code: String) -> Language? {
        let lower = code.lowercased()
        if let exact = languages.keys.first(where: { $0.rawValue == lower }) { return exact }
        return languages.values.sorted { $0.language < $1.language }.first { $0.aliases.contains(lower) }?.language
    }

    /// The language whose one-letter UN code this is (`E`, `f`: UN file names are written in
    /// either case).
    public func language(unCode: String) -> Language? {
        guard unCode.count == 1 else { return nil }
        let upper = unCode.uppercased()
        return languages.values.first { $0.unCode == upper }?.language
    }

    /// The language a folder's name stands for: a code, a name or alias (`en`, `english`,
    /// `Français`), or a UN letter (`E`); compared in Unicode's composed form, since some file
    /// systems give names decomposed.
    public func language(folder: String) -> Language? {
        let name = folder.precomposedStringWithCanonicalMapping
        return language(unCode: name) ?? language(code: name)
    }

    /// Whether the text holds the name of a closing phrase, lower-cased as a String.
    func containsClosingPhrase(_ text: String) -> Bool {
        let lower = text.lowercased()
        return closingPhrases.contains { lower.contains($0) }
    }

    /// Whether the text opens with one of the paragraph openings, compared as written
    /// (Strings: canonical equivalence): the whole word, unless the opening ends in a Han
    /// character (Chinese runs its words together), so that `إذ` does not open `إذا`.
    func startsWithParagraphOpening(_ text: String) -> Bool {
        paragraphOpenings.contains { opening in
            guard text.hasPrefix(opening) else { return false }
            let rest = text.dropFirst(opening.count)
            guard let next = rest.first, let last = opening.unicodeScalars.last else { return true }
            if last.properties.isIdeographic { return true }
            return !(next.isLetter || next.isNumber || next.unicodeScalars.first!.properties.generalCategory == .nonspacingMark)
        }
    }

    func containsTitleWord(_ text: String) -> Bool {
        let lower = text.lowercased()
        return titleWords.contains { lower.contains($0) }
    }
}
