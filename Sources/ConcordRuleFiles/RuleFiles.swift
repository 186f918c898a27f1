import Foundation

/// The YAML files of the top-level `Rules/` folder, as written by editors. Only data here;
/// `RuleSet` compiles it, read from a `RuleSource`. A module of its own, shared by Concord
/// and the build tool that decodes the built-in rules at build time (`Plugins/EmbedRulesTool`):
/// both decode the same types, so the JSON the build stores is what a run decodes.
package enum RuleFiles {
    /// The type a rule file of the `Rules/` layout decodes to, by its path relative to the
    /// folder (`symbols.yml`, `languages/en.yml`); nil for a file the rules do not read.
    package static func type(of relative: String) -> (any Codable.Type)? {
        switch relative {
        case "symbols.yml": Symbols.self
        case "treaties.yml": Treaties.self
        case "sessions.yml": Sessions.self
        case "checks.yml": Checks.self
        case _ where relative.hasPrefix("languages/") && relative.hasSuffix(".yml")
            && !relative.dropFirst("languages/".count).contains("/"): LanguageFile.self
        default: nil
        }
    }

    /// `Rules/symbols.yml`: the grammar of document symbols.
    package struct Symbols: Codable {
        package struct Series: Codable {
            package var prefix: String
            package var name: String
            /// The symbol of a resolution of this body, as a template (`{number}` →
            /// `64/293`): `A/RES/{number}`. Without one, resolutions get `resolution:PREFIX/…`.
            package var resolutions: String?
            package var decisions: String?
        }
        package struct Example: Codable {
            package var text: String
            package var keys: [String]
        }
        package var series: [Series]
        package var subsidiaryBodies: [String]
        package var documentNatures: [String]
        package var modifiers: [String]
        package var examples: Examples
        package struct Examples: Codable {
            package var match: [Example] = []
            package var noMatch: [String] = []
            enum CodingKeys: String, CodingKey { case match, noMatch = "no-match" }
        }
        enum CodingKeys: String, CodingKey {
            case series, subsidiaryBodies = "subsidiary-bodies", documentNatures = "document-natures", modifiers, examples
        }
    }

    /// `Rules/treaties.yml`: United Nations Treaty Series registrations.
    package struct Treaties: Codable {
        package struct Treaty: Codable {
            package var number: Int
            package var volumes: [Int]
            package var titles: [String: String]
        }
        package var treaties: [Treaty]?
        /// `instruments`: treaties and other instruments cited by name (`article 12 of the
        /// Convention against …`): the symbol a repository holds the instrument under, and its
        /// names per language, as they stand after (or, in Chinese, before) a pinpoint.
        package struct Instrument: Codable {
            package var symbol: String
            package var names: [String: [String]]
            package var examples: InstrumentExamples?
        }
        package struct InstrumentExamples: Codable {
            package var match: [InstrumentExample]?
            package var noMatch: [InstrumentExample]?
            enum CodingKeys: String, CodingKey { case match, noMatch = "no-match" }
        }
        package struct InstrumentExample: Codable {
            package var language: String
            package var text: String
            package var pins: [String]?
        }
        package var instruments: [Instrument]?
    }

    /// `Rules/sessions.yml`: when the General Assembly's sessions sat.
    package struct Sessions: Codable {
        package struct Regular: Codable {
            package var baseYear: Int
            package var openingMonth: Int
            package var closingMonth: Int
            enum CodingKeys: String, CodingKey { case baseYear = "base-year", openingMonth = "opening-month", closingMonth = "closing-month" }
        }
        package struct Session: Codable {
            package var session: String
            package var from: Int
            package var fromMonth: Int?
            package var to: Int?
            package var toMonth: Int?
            enum CodingKeys: String, CodingKey { case session, from, fromMonth = "from-month", to, toMonth = "to-month" }
        }
        package struct Distances: Codable {
            package var after: Int?
            package var before: Int?
        }
        package struct Pairing: Codable {
            package var after: Int?
            package var before: Int?
            package var languages: [String: Distances]?
        }
        package struct Example: Codable {
            package var resolution: String
            package var date: String
        }
        package struct Examples: Codable {
            package var match: [Example] = []
            package var noMatch: [Example] = []
            enum CodingKeys: String, CodingKey { case match, noMatch = "no-match" }
        }
        package var regular: Regular
        package var sessions: [Session]
        package var pairing: Pairing
        package var examples: Examples?
    }

    /// `Rules/checks.yml`: the checks' ids, default severities and descriptions.
    package struct Checks: Codable {
        package struct Check: Codable {
            package var id: String
            package var severity: String
            package var description: String
        }
        package var checks: [Check]
        /// `comparison`: how the versions of one unit compare their pins (`PinComparison`).
        package var comparison: Comparison?
    }

    /// `comparison` in `Rules/checks.yml`: ranges compared as their numbers, and the pin
    /// kinds that translation traditions use for one unit; examples of texts (one per
    /// language) that cite the same units, and of texts that do not.
    package struct Comparison: Codable {
        package struct Group: Codable {
            package var kinds: [String]
            package var why: String?
        }
        /// `within`: pin kinds of the units of an outer unit (`annex`) that a version may name
        /// without it.
        package struct Within: Codable {
            package var outer: String
            package var kinds: [String]
            package var why: String?
        }
        /// `year-optional`: a symbol prefix whose number names the document alone.
        package struct YearOptional: Codable {
            package var prefix: String
            package var why: String?
        }
        package struct Examples: Codable {
            package var same: [[String: String]]?
            /// Versions that cite the same units, one less precisely (`set.coarser-pin`).
            package var coarser: [[String: String]]?
            package var different: [[String: String]]?
        }
        package var rangeLimit: Int?
        package var interchangeable: [Group]?
        package var within: [Within]?
        package var yearOptional: [YearOptional]?
        package var examples: Examples?
        enum CodingKeys: String, CodingKey { case rangeLimit = "range-limit", interchangeable, within, yearOptional = "year-optional", examples }
    }

    /// `Rules/languages/xx.yml`: the words and patterns of one language.
    package struct LanguageFile: Codable {
        package struct Body: Codable {
            package var code: String
            package var forms: [String]
        }
        package struct Pattern: Codable {
            package var id: String
            package var kind: String
            package var pattern: String
            package var examples: PatternExamples?
        }
        package struct PatternExamples: Codable {
            package var match: [Example]?
            package var noMatch: [String]?
            enum CodingKeys: String, CodingKey { case match, noMatch = "no-match" }
        }
        package struct Example: Codable {
            package var text: String
            package var keys: [String]
            /// The issuing body of the document the example stands in (default `A`).
            package var body: String?
        }
        /// `months`: which ICU locales give the month names, and whether two names stand
        /// paired with a slash (UN Arabic: تشرين الأول/أكتوبر).
        package struct Months: Codable {
            package var locales: [String]?
            package var pairs: Bool?
        }
        /// `reading`: the words the reader looks for before any citation is extracted.
        package struct Reading: Codable {
            package var titleWords: [String]?
            package var closingPhrases: [String]?
            package var annexWords: [String]?
            package var stopWords: [String]?
            package var numberWordsBefore: [String]?
            package var numberWordsAfter: [String]?
            package var paragraphOpenings: [String]?
            package var examples: ReadingExamples?
            enum CodingKeys: String, CodingKey {
                case titleWords = "title-words", closingPhrases = "closing-phrases", annexWords = "annex-words",
                     stopWords = "stop-words", numberWordsBefore = "number-words-before",
                     numberWordsAfter = "number-words-after", paragraphOpenings = "paragraph-openings", examples
            }
        }
        /// Texts the reader must (or must not) take for a title, a closing line, an annex
        /// heading, the opening of a new paragraph.
        package struct ReadingExamples: Codable {
            package var title: [String]?
            package var closing: [String]?
            package var annex: [String]?
            package var opening: [String]?
            package var notTitle: [String]?
            package var notClosing: [String]?
            package var notAnnex: [String]?
            package var notOpening: [String]?
            enum CodingKeys: String, CodingKey {
                case title, closing, annex, opening, notTitle = "not-title", notClosing = "not-closing",
                     notAnnex = "not-annex", notOpening = "not-opening"
            }
        }
        /// `sub-item-letters`: a letter of this language's sub-item labels → its Latin key letter.
        package struct SubItemLetters: Codable {
            package var letters: [String: String]
            package var examples: [LetterExample]?
        }
        package struct LetterExample: Codable {
            package var text: String
            package var key: String
        }
        /// `spellout-rewrites`: what to change in a number written in words before ICU's
        /// spell-out parser reads it.
        package struct Rewrite: Codable {
            package var pattern: String
            package var replacement: String
            package var examples: [NumberExample]?
        }
        package struct NumberExample: Codable {
            package var text: String
            package var number: Int
        }
        /// `pdf-repairs`: a sequence of characters a PDF's text gives (`read`) in the place of
        /// another (`write`, the same characters in another order), replaced in every word
        /// read from a PDF; examples: what a word read from a PDF (`read`) must become
        /// (`text`), and words it must leave as they are (`unchanged`).
        package struct PdfRepair: Codable {
            package var read: String
            package var write: String
            package var examples: [PdfRepairExample]?
            package var unchanged: [String]?
        }
        package struct PdfRepairExample: Codable {
            package var read: String
            package var text: String
        }
        /// `structure`: how the language heads and labels the units of treaties and reports.
        package struct Structure: Codable {
            package var headings: [String: String]?
            /// No longer read: its words are in `number-words` (an error names the move).
            package var numbers: [String: Int]?
            package var paragraphLabels: [String]?
            package var itemLabels: [String]?
            package var itemLetters: [String]?
            package var sectionLabels: [String]?
            package var sectionLetters: [String]?
            package var reportWords: [String]?
            package var rulesOfProcedureWords: [String]?
            package var examples: [StructureExample]?
            enum CodingKeys: String, CodingKey {
                case headings, numbers, paragraphLabels = "paragraph-labels", itemLabels = "item-labels",
                     itemLetters = "item-letters", sectionLabels = "section-labels",
                     sectionLetters = "section-letters", reportWords = "report-words",
                     rulesOfProcedureWords = "rules-of-procedure-words", examples
            }
        }
        package struct StructureExample: Codable {
            package var text: String
            package var anchor: String?
        }
        /// `cross-references`: what tells a reference into the document itself from one into
        /// another document, and the words that say where its target stands.
        package struct CrossReferences: Codable {
            package var externalAfter: String?
            package var externalBefore: String?
            package var above: [String]?
            package var below: [String]?
            package var examples: CrossReferenceExamples?
            enum CodingKeys: String, CodingKey {
                case externalAfter = "external-after", externalBefore = "external-before", above, below, examples
            }
        }
        package struct CrossReferenceExamples: Codable {
            package var `internal`: [String]?
            package var external: [String]?
        }
        /// `resolution-numbers`: how the language writes General Assembly part letters and
        /// sessions in digits inside resolution numbers.
        package struct ResolutionNumberForms: Codable {
            package var partLetters: [String: String]?
            package var sessionPrefixes: [String]?
            package var bareNotBefore: [String]?
            package var yearWords: [String]?
            enum CodingKeys: String, CodingKey {
                case partLetters = "part-letters", sessionPrefixes = "session-prefixes", bareNotBefore = "bare-not-before",
                     yearWords = "year-words"
            }
        }
        /// `numbers`: how the language writes numbers that are not citations (years, figures),
        /// for `set.number-mismatch`.
        package struct Numbers: Codable {
            package var thousands: [String]?
            package var decimal: [String]?
            package var words: [String: Int]?
            package var skip: [String]?
            package var reversedGroups: Bool?
            package var examples: [NumbersExample]?
            enum CodingKeys: String, CodingKey {
                case thousands, decimal, words, skip, reversedGroups = "reversed-groups", examples
            }
        }
        package struct NumbersExample: Codable {
            package var text: String
            package var numbers: [String]
        }
        /// `titles`: how a cited document is given its title (`resolution 64/293, entitled
        /// “…”`), for `plausibility.conflicting-title`.
        package struct Titles: Codable {
            package var pattern: String
            package var reference: String?
            package var distance: Int?
            package var examples: [TitleExample]?
            package var counterExamples: [String]?
            enum CodingKeys: String, CodingKey {
                case pattern, reference, distance, examples, counterExamples = "counter-examples"
            }
        }
        package struct TitleExample: Codable {
            package var text: String
            package var key: String
            package var title: String
        }
        package var language: String
        package var name: String?
        package var aliases: [String]?
        /// The one-letter code of UN file names (`E` in `2512345E.txt`, `A_RES_80_1_E`, `E/`).
        package var unCode: String?
        package var locale: String?
        package var script: String?
        package var scriptShare: Int?
        package var months: Months?
        package var reading: Reading?
        package var structure: Structure?
        package var subItemLetters: SubItemLetters?
        package var spelloutRewrites: [Rewrite]?
        package var pdfRepairs: [PdfRepair]?
        package var numberWordSeparators: [String]?
        /// `number-words`: words that name a number where ICU's spell-out parser does not
        /// read them (Arabic ordinals: الثانية عشرة = 12).
        package var numberWords: [String: Int]?
        package var crossReferences: CrossReferences?
        package var resolutionNumbers: ResolutionNumberForms?
        package var numbers: Numbers?
        package var titles: Titles?
        package var wordBoundaries: Bool?
        package var words: [String: [String]]
        package var fragments: [String: String]?
        package var bodies: [Body]
        package var patterns: [Pattern]
        enum CodingKeys: String, CodingKey {
            case language, name, aliases, unCode = "un-code", locale, script, scriptShare = "script-share", months, reading, structure,
                 subItemLetters = "sub-item-letters", spelloutRewrites = "spellout-rewrites", pdfRepairs = "pdf-repairs",
                 numberWordSeparators = "number-word-separators", numberWords = "number-words",
                 crossReferences = "cross-references", resolutionNumbers = "resolution-numbers", numbers, titles,
                 wordBoundaries = "word-boundaries", words, fragments, bodies, patterns
        }
    }
}

// MARK: - Without their examples (the rule cache)

/// The rule files without the examples of their rules, as the rule cache stores them: a
/// check never reads an example (only `concord rules` runs them, from the YAML), and decoding
/// them was most of the cache entry's size and a sixth of a warm start-up.
extension RuleFiles.Symbols {
    /// `examples` may be missing (the rule cache leaves them out); the YAML has them.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        series = try container.decode([Series].self, forKey: .series)
        subsidiaryBodies = try container.decode([String].self, forKey: .subsidiaryBodies)
        documentNatures = try container.decode([String].self, forKey: .documentNatures)
        modifiers = try container.decode([String].self, forKey: .modifiers)
        examples = try container.decodeIfPresent(Examples.self, forKey: .examples) ?? Examples()
    }

    /// No examples, no `examples` key.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(series, forKey: .series)
        try container.encode(subsidiaryBodies, forKey: .subsidiaryBodies)
        try container.encode(documentNatures, forKey: .documentNatures)
        try container.encode(modifiers, forKey: .modifiers)
        if !examples.match.isEmpty || !examples.noMatch.isEmpty { try container.encode(examples, forKey: .examples) }
    }

    package var withoutExamples: Self {
        var copy = self
        copy.examples = Examples()
        return copy
    }
}

extension RuleFiles.Treaties {
    package var withoutExamples: Self {
        var copy = self
        copy.instruments = instruments?.map { var instrument = $0; instrument.examples = nil; return instrument }
        return copy
    }
}

extension RuleFiles.Sessions {
    package var withoutExamples: Self {
        var copy = self
        copy.examples = nil
        return copy
    }
}

extension RuleFiles.Checks {
    package var withoutExamples: Self {
        var copy = self
        copy.comparison?.examples = nil
        return copy
    }
}

extension RuleFiles.LanguageFile {
    package var withoutExamples: Self {
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
    package var forReader: Self {
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
