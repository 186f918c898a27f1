import Foundation
import Yams

/// The YAML files of the top-level `Rules/` folder, as written by editors. Only data here;
/// `RuleSet` compiles it, read from a `RuleSource`.
enum RuleFiles {
    /// `Rules/symbols.yml`: the grammar of document symbols.
    struct Symbols: Codable {
        struct Series: Codable {
            var prefix: String
            var name: String
            /// The symbol of a resolution of this body, as a template (`{number}` →
            /// `64/293`): `A/RES/{number}`. Without one, resolutions get `resolution:PREFIX/…`.
            var resolutions: String?
            var decisions: String?
        }
        struct Example: Codable {
            var text: String
            var keys: [String]
        }
        var series: [Series]
        var subsidiaryBodies: [String]
        var documentNatures: [String]
        var modifiers: [String]
        var examples: Examples
        struct Examples: Codable {
            var match: [Example] = []
            var noMatch: [String] = []
            enum CodingKeys: String, CodingKey { case match, noMatch = "no-match" }
        }
        enum CodingKeys: String, CodingKey {
            case series, subsidiaryBodies = "subsidiary-bodies", documentNatures = "document-natures", modifiers, examples
        }
    }

    /// `Rules/treaties.yml`: United Nations Treaty Series registrations.
    struct Treaties: Codable {
        struct Treaty: Codable {
            var number: Int
            var volumes: [Int]
            var titles: [String: String]
        }
        var treaties: [Treaty]?
        /// `instruments`: treaties and other instruments cited by name (`article 12 of the
        /// Convention against …`): the symbol a repository holds the instrument under, and its
        /// names per language, as they stand after (or, in Chinese, before) a pinpoint.
        struct Instrument: Codable {
            var symbol: String
            var names: [String: [String]]
            var examples: InstrumentExamples?
        }
        struct InstrumentExamples: Codable {
            var match: [InstrumentExample]?
            var noMatch: [InstrumentExample]?
            enum CodingKeys: String, CodingKey { case match, noMatch = "no-match" }
        }
        struct InstrumentExample: Codable {
            var language: String
            var text: String
            var pins: [String]?
        }
        var instruments: [Instrument]?
    }

    /// `Rules/sessions.yml`: when the General Assembly's sessions sat.
    struct Sessions: Codable {
        struct Regular: Codable {
            var baseYear: Int
            var openingMonth: Int
            var closingMonth: Int
            enum CodingKeys: String, CodingKey { case baseYear = "base-year", openingMonth = "opening-month", closingMonth = "closing-month" }
        }
        struct Session: Codable {
            var session: String
            var from: Int
            var fromMonth: Int?
            var to: Int?
            var toMonth: Int?
            enum CodingKeys: String, CodingKey { case session, from, fromMonth = "from-month", to, toMonth = "to-month" }
        }
        struct Distances: Codable {
            var after: Int?
            var before: Int?
        }
        struct Pairing: Codable {
            var after: Int?
            var before: Int?
            var languages: [String: Distances]?
        }
        struct Example: Codable {
            var resolution: String
            var date: String
        }
        struct Examples: Codable {
            var match: [Example] = []
            var noMatch: [Example] = []
            enum CodingKeys: String, CodingKey { case match, noMatch = "no-match" }
        }
        var regular: Regular
        var sessions: [Session]
        var pairing: Pairing
        var examples: Examples?
    }

    /// `Rules/checks.yml`: the checks' ids, default severities and descriptions.
    struct Checks: Codable {
        struct Check: Codable {
            var id: String
            var severity: String
            var description: String
        }
        var checks: [Check]
        /// `comparison`: how the versions of one unit compare their pins (`PinComparison`).
        var comparison: Comparison?
    }

    /// `comparison` in `Rules/checks.yml`: ranges compared as their numbers, and the pin
    /// kinds that translation traditions use for one unit; examples of texts (one per
    /// language) that cite the same units, and of texts that do not.
    struct Comparison: Codable {
        struct Group: Codable {
            var kinds: [String]
            var why: String?
        }
        /// `within`: pin kinds of the units of an outer unit (`annex`) that a version may name
        /// without it.
        struct Within: Codable {
            var outer: String
            var kinds: [String]
            var why: String?
        }
        /// `year-optional`: a symbol prefix whose number names the document alone.
        struct YearOptional: Codable {
            var prefix: String
            var why: String?
        }
        struct Examples: Codable {
            var same: [[String: String]]?
            /// Versions that cite the same units, one less precisely (`set.coarser-pin`).
            var coarser: [[String: String]]?
            var different: [[String: String]]?
        }
        var rangeLimit: Int?
        var interchangeable: [Group]?
        var within: [Within]?
        var yearOptional: [YearOptional]?
        var examples: Examples?
        enum CodingKeys: String, CodingKey { case rangeLimit = "range-limit", interchangeable, within, yearOptional = "year-optional", examples }
    }

    /// `Rules/languages/xx.yml`: the words and patterns of one language.
    struct LanguageFile: Codable {
        struct Body: Codable {
            var code: String
            var forms: [String]
        }
        struct Pattern: Codable {
            var id: String
            var kind: String
            var pattern: String
            var examples: PatternExamples?
        }
        struct PatternExamples: Codable {
            var match: [Example]?
            var noMatch: [String]?
            enum CodingKeys: String, CodingKey { case match, noMatch = "no-match" }
        }
        struct Example: Codable {
            var text: String
            var keys: [String]
            /// The issuing body of the document the example stands in (default `A`).
            var body: String?
        }
        /// `months`: which ICU locales give the month names, and whether two names stand
        /// paired with a slash (UN Arabic: تشرين الأول/أكتوبر).
        struct Months: Codable {
            var locales: [String]?
            var pairs: Bool?
        }
        /// `reading`: the words the reader looks for before any citation is extracted.
        struct Reading: Codable {
            var titleWords: [String]?
            var closingPhrases: [String]?
            var annexWords: [String]?
            var stopWords: [String]?
            var numberWordsBefore: [String]?
            var numberWordsAfter: [String]?
            var paragraphOpenings: [String]?
            var examples: ReadingExamples?
            enum CodingKeys: String, CodingKey {
                case titleWords = "title-words", closingPhrases = "closing-phrases", annexWords = "annex-words",
                     stopWords = "stop-words", numberWordsBefore = "number-words-before",
                     numberWordsAfter = "number-words-after", paragraphOpenings = "paragraph-openings", examples
            }
        }
        /// Texts the reader must (or must not) take for a title, a closing line, an annex
        /// heading, the opening of a new paragraph.
        struct ReadingExamples: Codable {
            var title: [String]?
            var closing: [String]?
            var annex: [String]?
            var opening: [String]?
            var notTitle: [String]?
            var notClosing: [String]?
            var notAnnex: [String]?
            var notOpening: [String]?
            enum CodingKeys: String, CodingKey {
                case title, closing, annex, opening, notTitle = "not-title", notClosing = "not-closing",
                     notAnnex = "not-annex", notOpening = "not-opening"
            }
        }
        /// `sub-item-letters`: a letter of this language's sub-item labels → its Latin key letter.
        struct SubItemLetters: Codable {
            var letters: [String: String]
            var examples: [LetterExample]?
        }
        struct LetterExample: Codable {
            var text: String
            var key: String
        }
        /// `spellout-rewrites`: what to change in a number written in words before ICU's
        /// spell-out parser reads it.
        struct Rewrite: Codable {
            var pattern: String
            var replacement: String
            var examples: [NumberExample]?
        }
        struct NumberExample: Codable {
            var text: String
            var number: Int
        }
        /// `pdf-repairs`: a sequence of characters a PDF's text gives (`read`) in the place of
        /// another (`write`, the same characters in another order), replaced in every word
        /// read from a PDF; examples: what a word read from a PDF (`read`) must become
        /// (`text`), and words it must leave as they are (`unchanged`).
        struct PdfRepair: Codable {
            var read: String
            var write: String
            var examples: [PdfRepairExample]?
            var unchanged: [String]?
        }
        struct PdfRepairExample: Codable {
            var read: String
            var text: String
        }
        /// `structure`: how the language heads and labels the units of treaties and reports.
        struct Structure: Codable {
            var headings: [String: String]?
            /// No longer read: its words are in `number-words` (an error names the move).
            var numbers: [String: Int]?
            var paragraphLabels: [String]?
            var itemLabels: [String]?
            var itemLetters: [String]?
            var sectionLabels: [String]?
            var sectionLetters: [String]?
            var reportWords: [String]?
            var rulesOfProcedureWords: [String]?
            var examples: [StructureExample]?
            enum CodingKeys: String, CodingKey {
                case headings, numbers, paragraphLabels = "paragraph-labels", itemLabels = "item-labels",
                     itemLetters = "item-letters", sectionLabels = "section-labels",
                     sectionLetters = "section-letters", reportWords = "report-words",
                     rulesOfProcedureWords = "rules-of-procedure-words", examples
            }
        }
        struct StructureExample: Codable {
            var text: String
            var anchor: String?
        }
        /// `cross-references`: what tells a reference into the document itself from one into
        /// another document, and the words that say where its target stands.
        struct CrossReferences: Codable {
            var externalAfter: String?
            var externalBefore: String?
            var above: [String]?
            var below: [String]?
            var examples: CrossReferenceExamples?
            enum CodingKeys: String, CodingKey {
                case externalAfter = "external-after", externalBefore = "external-before", above, below, examples
            }
        }
        struct CrossReferenceExamples: Codable {
            var `internal`: [String]?
            var external: [String]?
        }
        /// `resolution-numbers`: how the language writes General Assembly part letters and
        /// sessions in digits inside resolution numbers.
        struct ResolutionNumberForms: Codable {
            var partLetters: [String: String]?
            var sessionPrefixes: [String]?
            var bareNotBefore: [String]?
            var yearWords: [String]?
            enum CodingKeys: String, CodingKey {
                case partLetters = "part-letters", sessionPrefixes = "session-prefixes", bareNotBefore = "bare-not-before",
                     yearWords = "year-words"
            }
        }
        /// `numbers`: how the language writes numbers that are not citations (years, figures),
        /// for `set.number-mismatch`.
        struct Numbers: Codable {
            var thousands: [String]?
            var decimal: [String]?
            var words: [String: Int]?
            var skip: [String]?
            var reversedGroups: Bool?
            var examples: [NumbersExample]?
            enum CodingKeys: String, CodingKey {
                case thousands, decimal, words, skip, reversedGroups = "reversed-groups", examples
            }
        }
        struct NumbersExample: Codable {
            var text: String
            var numbers: [String]
        }
        /// `titles`: how a cited document is given its title (`resolution 64/293, entitled
        /// “…”`), for `plausibility.conflicting-title`.
        struct Titles: Codable {
            var pattern: String
            var reference: String?
            var distance: Int?
            var examples: [TitleExample]?
            var counterExamples: [String]?
            enum CodingKeys: String, CodingKey {
                case pattern, reference, distance, examples, counterExamples = "counter-examples"
            }
        }
        struct TitleExample: Codable {
            var text: String
            var key: String
            var title: String
        }
        var language: String
        var name: String?
        var aliases: [String]?
        /// The one-letter code of UN file names (`E` in `2512345E.txt`, `A_RES_80_1_E`, `E/`).
        var unCode: String?
        var locale: String?
        var script: String?
        var scriptShare: Int?
        var months: Months?
        var reading: Reading?
        var structure: Structure?
        var subItemLetters: SubItemLetters?
        var spelloutRewrites: [Rewrite]?
        var pdfRepairs: [PdfRepair]?
        var numberWordSeparators: [String]?
        /// `number-words`: words that name a number where ICU's spell-out parser does not
        /// read them (Arabic ordinals: الثانية عشرة = 12).
        var numberWords: [String: Int]?
        var crossReferences: CrossReferences?
        var resolutionNumbers: ResolutionNumberForms?
        var numbers: Numbers?
        var titles: Titles?
        var wordBoundaries: Bool?
        var words: [String: [String]]
        var fragments: [String: String]?
        var bodies: [Body]
        var patterns: [Pattern]
        enum CodingKeys: String, CodingKey {
            case language, name, aliases, unCode = "un-code", locale, script, scriptShare = "script-share", months, reading, structure,
                 subItemLetters = "sub-item-letters", spelloutRewrites = "spellout-rewrites", pdfRepairs = "pdf-repairs",
                 numberWordSeparators = "number-word-separators", numberWords = "number-words",
                 crossReferences = "cross-references", resolutionNumbers = "resolution-numbers", numbers, titles,
                 wordBoundaries = "word-boundaries", words, fragments, bodies, patterns
        }
    }

    /// `file` is the name errors give: see `RuleSource.name`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws(RuleError) -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let DecodingError.keyNotFound(key, context) {
            throw RuleError(file: file, message: "missing key '\(key.stringValue)' at \(Self.path(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw RuleError(file: file, message: "wrong type at \(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw RuleError(file: file, message: "missing value at \(Self.path(context.codingPath))")
        } catch DecodingError.dataCorrupted(let context) where context.underlyingError is YamlError {
            throw RuleError(file: file, message: "not valid YAML: \(Self.oneLine(context.underlyingError!))")
        } catch let error as YamlError {
            throw RuleError(file: file, message: "not valid YAML: \(Self.oneLine(error))")
        } catch {
            throw RuleError(file: file, message: "\(error)")
        }
    }

    /// Yams' message on one line (an error is one line of the CLI's output), without the
    /// quoted source line and its caret: the message gives the line and column.
    private static func oneLine(_ error: Error) -> String {
        var lines = String(describing: error).split(separator: "\n").map(String.init)
        if lines.count >= 3, lines.last!.trimmingCharacters(in: .whitespaces) == "^" { lines.removeLast(2) }
        let text = lines.joined(separator: " ").replacingOccurrences(of: ": error: ", with: ": ")
        return text.hasSuffix(":") ? String(text.dropLast()) : text
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }
}

/// A rule file that cannot be used: named, with what is wrong.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: \(message)" }

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
}

// MARK: - Without their examples (the rule cache)

/// The rule files without the examples of their rules, as the rule cache stores them: a
/// check never reads an example (only `concord rules` runs them, from the YAML), and decoding
/// them was most of the cache entry's size and a sixth of a warm start-up.
extension RuleFiles.Symbols {
    /// `examples` may be missing (the rule cache leaves them out); the YAML has them.
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        series = try container.decode([Series].self, forKey: .series)
        subsidiaryBodies = try container.decode([String].self, forKey: .subsidiaryBodies)
        documentNatures = try container.decode([String].self, forKey: .documentNatures)
        modifiers = try container.decode([String].self, forKey: .modifiers)
        examples = try container.decodeIfPresent(Examples.self, forKey: .examples) ?? Examples()
    }

    /// No examples, no `examples` key.
    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(series, forKey: .series)
        try container.encode(subsidiaryBodies, forKey: .subsidiaryBodies)
        try container.encode(documentNatures, forKey: .documentNatures)
        try container.encode(modifiers, forKey: .modifiers)
        if !examples.match.isEmpty || !examples.noMatch.isEmpty { try container.encode(examples, forKey: .examples) }
    }

    var withoutExamples: Self {
        var copy = self
        copy.examples = Examples()
        return copy
    }
}

extension RuleFiles.Treaties {
    var withoutExamples: Self {
        var copy = self
        copy.instruments = instruments?.map { var instrument = $0; instrument.examples = nil; return instrument }
        return copy
    }
}

extension RuleFiles.Sessions {
    var withoutExamples: Self {
        var copy = self
        copy.examples = nil
        return copy
    }
}

extension RuleFiles.Checks {
    var withoutExamples: Self {
        var copy = self
        copy.comparison?.examples = nil
        return copy
    }
}

extension RuleFiles.LanguageFile {
    var withoutExamples: Self {
        var copy = self
        copy.patterns = patterns.map { var pattern = $0; pattern.examples = nil; return pattern }
        copy.reading?.examples = nil
        copy.structure?.examples = nil
        copy.subItemLetters?.examples = nil
        copy.spelloutRewrites = spelloutRewrites?.map { var rewrite = $0; rewrite.examples = nil; return rewrite }
        copy.pdfRepairs = pdfRepairs?.map { var repair = $0; repair.examples = nil; repair.unchanged = nil; return repair }
        copy.crossReferences?.examples = nil
        copy.numbers?.examples = nil
        copy.titles?.examples = nil
        copy.titles?.counterExamples = nil
        return copy
    }
}

extension RuleFiles.LanguageFile {
    /// Only what the reader's lexicon (`ReadingLexicon`, `StructureRules`) reads of a language
    /// given its letter counts: the rule cache decodes this part of every language at every
    /// start, and the rest of a language when a document in it appears.
    var forReader: Self {
        var copy = self
        copy.words = [:]
        copy.patterns = []
        copy.bodies = []
        copy.fragments = nil
        copy.months = nil
        copy.subItemLetters = nil
        copy.spelloutRewrites = nil
        copy.numberWordSeparators = nil
        copy.crossReferences = nil
        copy.resolutionNumbers = nil
        copy.numbers = nil
        copy.titles = nil
        copy.wordBoundaries = nil
        return copy
    }
}
