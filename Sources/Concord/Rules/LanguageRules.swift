import ConcordRuleFiles
import Foundation

/// One language's compiled rules: its citation patterns (ICU regular expressions built from
/// the YAML templates), its issuing bodies, and its month names from ICU's locale data.
public final class LanguageRules: Sendable {
    public struct Pattern: Sendable {
        public var id: String
        public var kind: PatternKind
        /// The compiled regex (compiled here on first use when the rules came from the rule
        /// cache: see `PatternRegex`).
        public var regex: ICURegex { compiled.regex }
        /// The pattern with its placeholders expanded and every word boundary written, as the
        /// pre-scan and the Hyperscan pass read it (ICU compiles an equivalent one, `regex`).
        public var expanded: String { compiled.analysed }
        let compiled: PatternRegex
        public var examples: [Example]
        public var counterExamples: [String]
    }

    public struct Example: Sendable {
        public var text: String
        public var keys: [String]
        public var body: String
    }

    public let language: Language
    public let patterns: [Pattern]
    /// Issuing bodies: each code with a regex that matches any of its forms exactly.
    public var bodies: [(code: String, regex: ICURegex)] { bodyRegexes.map { ($0.code, $0.regex.regex) } }
    let bodyRegexes: [(code: String, regex: PatternRegex)]
    /// Lower-cased month names (format, stand-alone, abbreviated; for Arabic both the Syriac
    /// and the Latin-derived names) → month number 1…12.
    public let months: [String: Int]
    public let path: String
    /// The word lists as written (e.g. `to` for ranges).
    public let words: [String: [String]]
    /// The words for "and" and "to" as the number readers compare them, made once (each
    /// reference read made these sets again: a fiftieth of a run over resolutions).
    let listWords: ListWords
    /// What each pattern needs in a text before it can match (same order as `patterns`).
    let prescan: Prescan
    /// Whether `prescan` and the patterns' expansions are those given to `init` (read from a
    /// rule cache entry), not worked out here: a run that stores an entry keeps the text it
    /// was given instead of encoding the same again.
    let usedStoredPrescan: Bool
    let usedStoredExpansions: Bool
    /// The same patterns in one Hyperscan database, compiled when first used.
    let hyperscan: LazyHyperscanPrefilter
    /// Whether a document has already compiled this language's patterns ahead on a second
    /// thread (`CitationExtractor.references`): the first document in each language does.
    let compiledAhead = OnceFlag()
    /// The ICU locale of spelled-out numbers and month names.
    public let locale: String
    /// Letters of sub-item labels → their Latin key letters (`е` → `e`, `ب` → `b`); a letter
    /// mapped to nothing is dropped (the tatweel of هـ).
    let subItemLetters: [Character: String]
    /// Rewrites applied, in order, to a number in words before ICU parses it.
    /// Each compiled when first needed: a rewrite is tried only on a text holding what its
    /// matches need (`PatternRegex.mayMatch`).
    let spelloutRewrites: [(regex: PatternRegex, replacement: String)]
    /// The examples of `sub-item-letters` and `spellout-rewrites`, run with the pattern examples.
    let letterExamples: [(text: String, key: String)]
    /// Whether words stand between letter boundaries (`word-boundaries`; false for Chinese and
    /// Arabic, which write conjunctions on the next word).
    let wordBoundaries: Bool
    /// Characters that separate numbers written in words in a list (`number-word-separators`).
    let numberWordSeparators: Set<Character>
    let numberExamples: [(text: String, number: Int)]
    /// Words that name a number (`number-words`), folded as the matching text is.
    let numberWords: [String: Int]
    /// A report's section letters written as words (`structure.section-letters`: Arabic ألف,
    /// باء …), folded → their Latin letter (A, B …), for references to sections (ثالثا-باء).
    let sectionLetters: [String: String]
    /// What follows (or, in Chinese, precedes) a reference that names another document
    /// (`article 5 of the Protocol`, 《公约》第五条), tried at the reference's end (start).
    var externalAfter: ICURegex? { externalAfterRegex?.regex }
    var externalBefore: ICURegex? { externalBeforeRegex?.regex }
    private let externalAfterRegex: PatternRegex?
    private let externalBeforeRegex: PatternRegex?
    /// The words that say a reference's target stands before it (`above`) or after it (`below`).
    let aboveWords: [String]
    let belowWords: [String]
    /// The `cross-references` examples: references into the document itself, and into others.
    let crossReferenceExamples: (internal: [String], external: [String])
    /// How resolution numbers are written (`{resnum}`, part letters, sessions in digits).
    let resolutionNumbers: ResolutionNumbers
    /// How the language writes numbers that are not citations (`numbers`).
    public let numberFormat: NumberFormat
    /// How a cited document is given its title (`titles`), if the file says.
    let titles: TitleRules?

    /// `lazily`: the patterns' regexes are compiled on first use, not here — for rules read
    /// from the rule cache, which stores only rules that compiled completely (so that nothing
    /// can fail later), where a check of one document in English used to compile every English
    /// pattern (ICU builds every `\p{L}` set afresh: a tenth of a warm start-up) although its
    /// pre-scan ruled most of them out in every unit.
    /// `prescan`: the pre-scan's analysis of these patterns, as the rule cache stored it
    /// (nil, or one that does not fit them: analysed here). `expansions`: the patterns as
    /// this build expanded them (`encodedExpansions`), as the rule cache stored them (nil, or
    /// not one per pattern: expanded here).
    init(_ file: RuleFiles.LanguageFile, language: Language, path: String, lazily: Bool = false,
         prescan table: Prescan.Table? = nil, expansions: [(analysed: String, forICU: String)]? = nil) throws(RuleError) {
        self.language = language
        self.path = path
        self.words = file.words
        self.listWords = ListWords(file.words)
        let boundaries = file.wordBoundaries ?? true
        self.wordBoundaries = boundaries
        self.locale = file.locale ?? language.rawValue

        var letters = [Character: String]()
        for (letter, latin) in file.subItemLetters?.letters ?? [:] {
            guard letter.count == 1, let character = letter.first else {
                throw RuleError(file: path, message: "sub-item-letters: '\(letter)' is not one letter")
            }
            letters[character] = latin
        }
        self.subItemLetters = letters
        self.letterExamples = (file.subItemLetters?.examples ?? []).map { ($0.text, $0.key) }
        var rewrites = [(regex: PatternRegex, replacement: String)]()
        var numberExamples = [(text: String, number: Int)]()
        for (index, rewrite) in (file.spelloutRewrites ?? []).enumerated() {
            if lazily {
                rewrites.append((PatternRegex(pattern: rewrite.pattern, id: "spellout-rewrites[\(index)]", path: path, caseInsensitive: false), rewrite.replacement))
            } else {
                do { rewrites.append((PatternRegex(try ICURegex(rewrite.pattern, caseInsensitive: false)), rewrite.replacement)) } catch {
                    throw RuleError(file: path, message: "spellout-rewrites: \(error)")
                }
            }
            numberExamples += (rewrite.examples ?? []).map { ($0.text, $0.number) }
        }
        self.spelloutRewrites = rewrites
        self.numberExamples = numberExamples
        self.numberWordSeparators = Set((file.numberWordSeparators ?? []).compactMap { $0.count == 1 ? $0.first : nil })
        var numberWords = [String: Int]()
        for (word, number) in file.numberWords ?? [:] { numberWords[NormalizedText(word).string.lowercased()] = number }
        self.numberWords = numberWords
        var sectionLetters = [String: String]()
        for (index, word) in (file.structure?.sectionLetters ?? []).prefix(26).enumerated() {
            sectionLetters[NormalizedText(word).string.lowercased()] = String(UnicodeScalar(UInt8(0x41 + index)))
        }
        self.sectionLetters = sectionLetters
        let cross = file.crossReferences
        do {
            func compiled(_ pattern: String, _ id: String) throws(ICURegex.SyntaxError) -> PatternRegex {
                lazily ? PatternRegex(pattern: pattern, id: id, path: path) : PatternRegex(try ICURegex(pattern, caseInsensitive: true))
            }
            self.externalAfterRegex = try cross?.externalAfter.map { pattern throws(ICURegex.SyntaxError) in try compiled(pattern, "cross-references.external-after") }
            self.externalBeforeRegex = try cross?.externalBefore.map { pattern throws(ICURegex.SyntaxError) in try compiled(pattern + "$", "cross-references.external-before") }
        } catch {
            throw RuleError(file: path, message: "cross-references: \(error)")
        }
        self.aboveWords = (cross?.above ?? []).map { NormalizedText($0).string.lowercased() }
        self.belowWords = (cross?.below ?? []).map { NormalizedText($0).string.lowercased() }
        self.crossReferenceExamples = (cross?.examples?.internal ?? [], cross?.examples?.external ?? [])
        self.numberFormat = try Self.numberFormat(file.numbers, path: path, wordBoundaries: boundaries, lazily: lazily)
        self.titles = try file.titles.map { titles throws(RuleError) in try TitleRules(titles, path: path, lazily: lazily) }

        var months = [String: Int]()
        for locale in file.months?.locales ?? [self.locale] {
            for names in LocaleData.monthNames(locale: locale, kinds: 0...3) {
                for (index, name) in names.enumerated() {
                    let folded = NormalizedText(name).string.lowercased()
                    guard !folded.isEmpty, Int(folded) == nil else { continue }
                    months[folded] = index + 1
                    if folded.hasSuffix(".") { months[String(folded.dropLast())] = index + 1 }
                }
            }
        }
        self.months = months

        /// A form as a pattern, and whether it needs a letter boundary before and after.
        func form(_ text: String) -> (core: String, before: Bool, after: Bool) {
            var out = ""
            for c in NormalizedText(text).string {
                // Each special character is one scalar, and no other character is canonically
                // equivalent to one of them (none is any code point's decomposition), so the
                // character's only scalar is compared. Compared as Characters, every non-ASCII
                // letter of every form took Swift's slow comparison path against each of the
                // nineteen: 30 million instructions for Russian's word forms, a sixth of the
                // work of the thread that makes the rules in a start-up without a cache folder.
                let scalars = c.unicodeScalars
                switch scalars.count == 1 ? scalars.first! : Unicode.Scalar(0) {
                case "'", "’": out += "['’]"
                case " ": out += "\\s+"
                case "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "^", "$", "/", "-":
                    out += "\\" + String(c)
                default: out.append(c)
                }
            }
            guard boundaries else { return (out, false, false) }
            let first = text.unicodeScalars.first!, last = text.unicodeScalars.last!
            return (out, first.properties.isAlphabetic || first.properties.numericType != nil,
                    last.properties.isAlphabetic || last.properties.numericType != nil)
        }
        /// The forms as one alternation, longest first. The letter boundaries are written once
        /// per group of forms, not once per form, and compiled case-sensitively: ICU builds
        /// (and, in a case-insensitive pattern, closes over case) a set for every \p{L}, which
        /// across a few hundred word forms and month names took most of a second.
        ///
        /// `spaceBefore` / `spaceAfter`: the pattern puts whitespace (`\s` or `\s+`) right
        /// before / after the group, so no letter or number can stand there and the boundary
        /// is left out — the same matches, and one set fewer for ICU to build (each costs
        /// about 0.085 ms; the boundaries were most of the time ICU took to compile a
        /// language's patterns).
        func alternation(_ forms: [String], spaceBefore: Bool = false, spaceAfter: Bool = false) -> String {
            // Each form's length counted once, not in every comparison (a count walks the
            // form's grapheme clusters: 26 million instructions for Russian's word lists).
            let sorted = forms.map { (length: $0.count, text: $0) }
                .sorted { $0.length != $1.length ? $0.length > $1.length : $0.text < $1.text }.map { form($0.text) }
            // The groups that need a boundary before them come first and share one: ICU tries
            // `(?<!B)(?:X|Y)` exactly as `(?<!B)X|(?<!B)Y` (the look-behind is atomic and
            // looks at the same place), and builds one set fewer.
            var behind: [String] = [], groups: [String] = []
            for (before, after) in [(true, true), (true, false), (false, true), (false, false)] {
                let members = sorted.filter { $0.before == before && $0.after == after }.map(\.core)
                guard !members.isEmpty else { continue }
                let group = "(?:" + members.joined(separator: "|") + ")" + (after && !spaceAfter ? "(?-i:(?![\\p{L}\\p{N}]))" : "")
                if before && !spaceBefore { behind.append(group) } else { groups.append(group) }
            }
            if !behind.isEmpty {
                groups.insert("(?-i:(?<![\\p{L}\\p{N}]))" + (behind.count == 1 ? behind[0] : "(?:" + behind.joined(separator: "|") + ")"), at: 0)
            }
            return "(?:" + groups.joined(separator: "|") + ")"
        }

        func monthAlternation(spaceBefore: Bool) -> String {
            let first = alternation(Array(months.keys), spaceBefore: spaceBefore)
            guard file.months?.pairs == true else { return first }
            return "(?:\(first)(?:\\s*/\\s*\(alternation(Array(months.keys))))?)"
        }
        let allBodyForms = file.bodies.flatMap(\.forms)
        let forms = file.resolutionNumbers
        for (written, latin) in forms?.partLetters ?? [:] where latin.count != 1 || !latin.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            throw RuleError(file: path, message: "resolution-numbers: part letter '\(written)' must map to one Latin capital, not '\(latin)'")
        }
        do {
            self.resolutionNumbers = try ResolutionNumbers(
                partLetters: forms?.partLetters ?? [:], sessionPrefixes: forms?.sessionPrefixes ?? [],
                bareNotBefore: forms?.bareNotBefore ?? [], yearWords: forms?.yearWords ?? [],
                andWords: (file.words["and"] ?? []).map { NormalizedText($0).string.lowercased() },
                and: file.words["and"].map { alternation($0) } ?? "(?!)", lazily: lazily)
        } catch {
            throw RuleError(file: path, message: "resolution-numbers: \(error)")
        }
        // The placeholders' groups, each made when a pattern first uses it: when the cache
        // holds the patterns' expansions (`expansions`), none is, and a run no longer spends
        // 2 % of its instructions making alternations of every word list only to drop them.
        // A word list of the file takes its name over a built-in, as it always has.
        let resolutionNumbersPattern = resolutionNumbers.pattern
        var builtIns = [String: String]()
        func builtIn(_ key: String) -> String? {
            if let done = builtIns[key] { return done }
            let made: String
            if let forms = file.words[key] {
                made = alternation(forms)
            } else if key == "body" {
                made = allBodyForms.isEmpty ? "(?!)" : alternation(allBodyForms)
            } else if key == "month" {
                made = monthAlternation(spaceBefore: false)
            } else if key == "resnum" {
                made = resolutionNumbersPattern
            } else {
                return nil
            }
            builtIns[key] = made
            return made
        }
        let fragments = file.fragments ?? [:]
        // The placeholders made of word forms, written again where whitespace stands beside
        // them (see `alternation`).
        var wordForms = file.words
        if !allBodyForms.isEmpty { wordForms["body"] = allBodyForms }
        var besideSpace = [String: String]()
        func wordGroup(_ key: String, spaceBefore: Bool, spaceAfter: Bool) -> String? {
            guard spaceBefore || spaceAfter else { return builtIn(key) }
            let memo = "\(key) \(spaceBefore) \(spaceAfter)"
            if let done = besideSpace[memo] { return done }
            let group: String
            if let forms = wordForms[key] {
                group = alternation(forms, spaceBefore: spaceBefore, spaceAfter: spaceAfter)
            } else if key == "month", spaceBefore {
                group = monthAlternation(spaceBefore: true)
            } else {
                return builtIn(key)
            }
            besideSpace[memo] = group
            return group
        }
        /// Whether a pattern's text ends with `\s` or `\s+` (the backslash not itself escaped),
        /// read backwards from its last bytes (it used to copy the whole text so far at every
        /// placeholder).
        func endsWithSpace(_ text: String) -> Bool {
            var bytes = text.utf8.reversed().makeIterator()
            var last = bytes.next()
            if last == UInt8(ascii: "+") { last = bytes.next() }
            guard last == UInt8(ascii: "s"), bytes.next() == UInt8(ascii: "\\") else { return false }
            var backslashes = 1
            while bytes.next() == UInt8(ascii: "\\") { backslashes += 1 }
            return backslashes % 2 == 1
        }
        /// Whether a pattern's text starts with `\s+`, or with `\s` not made optional.
        func startsWithSpace(_ text: Substring) -> Bool {
            guard text.hasPrefix("\\s") else { return false }
            let next = text.dropFirst(2).first
            return next != "*" && next != "?" && next != "{"
        }

        // Each fragment expanded once (its expansion does not depend on where it is used): a
        // fragment used by many patterns and fragments was expanded again at every use.
        // `forICU`: the form ICU compiles, without the boundaries whitespace beside a word
        // group makes needless (`wordGroup`); the pre-scan and the Hyperscan pass read the form
        // with every boundary, which matches exactly the same texts.
        var expandedFragments = [false: [String: String](), true: [String: String]()]
        func expand(_ template: String, id: String, depth: Int = 0, forICU: Bool = false) throws(RuleError) -> String {
            guard depth < 10 else { throw RuleError(file: path, message: "\(id): placeholders nest too deep (a fragment uses itself?)") }
            var out = ""
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                out += rest[..<open]
                let after = rest[rest.index(after: open)...]
                let name = after.prefix { $0.isLetter || $0.isNumber }
                // `\p{L}` and `\P{Lu}` are ICU property classes, not placeholders.
                let isProperty = out.hasSuffix("\\p") || out.hasSuffix("\\P")
                if !isProperty, let first = name.first, first.isLetter, after.dropFirst(name.count).first == "}" {
                    let key = String(name)
                    if let done = expandedFragments[forICU]![key] {
                        out += done
                    } else if let fragment = fragments[key] {
                        let done = "(?:" + (try expand(fragment, id: id, depth: depth + 1, forICU: forICU)) + ")"
                        expandedFragments[forICU]![key] = done
                        out += done
                    } else if let builtIn = wordGroup(key, spaceBefore: forICU && endsWithSpace(out),
                                                      spaceAfter: forICU && startsWithSpace(after.dropFirst(name.count + 1))) {
                        out += builtIn
                    } else {
                        throw RuleError(file: path, message: "\(id): unknown placeholder {\(key)} (not in words, fragments or the built-ins resnum, month, body)")
                    }
                    rest = after.dropFirst(name.count + 1)
                } else {
                    out += "{"
                    rest = after
                }
            }
            out += rest
            return out
        }

        var patterns = [Pattern]()
        let stored = expansions?.count == file.patterns.count ? expansions : nil
        for (index, pattern) in file.patterns.enumerated() {
            guard let kind = PatternKind(rawValue: pattern.kind) else {
                throw RuleError(file: path, message: "\(pattern.id): unknown kind '\(pattern.kind)' (one of \(PatternKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let expanded: String, forICU: String
            if let stored {
                (expanded, forICU) = stored[index]
            } else {
                expanded = SetForms.rewrite(try expand(pattern.pattern, id: pattern.id))
                // The boundaries whose neighbours decide them left out too (`NeedlessBoundaries`).
                forICU = NeedlessBoundaries.removed(from: SetForms.rewrite(try expand(pattern.pattern, id: pattern.id, forICU: true)))
            }
            let regex: PatternRegex
            if lazily {
                regex = PatternRegex(pattern: forICU, analysed: expanded, id: pattern.id, path: path)
            } else {
                do { regex = PatternRegex(try ICURegex(forICU), analysed: expanded) } catch {
                    throw RuleError(file: path, message: "\(pattern.id): \(error)")
                }
            }
            patterns.append(Pattern(
                id: pattern.id, kind: kind, compiled: regex,
                examples: (pattern.examples?.match ?? []).map { Example(text: $0.text, keys: $0.keys, body: $0.body ?? "A") },
                counterExamples: pattern.examples?.noMatch ?? []))
        }
        self.patterns = patterns
        if let table, table.fits(patterns.count) {
            self.prescan = Prescan(table: table)
            self.usedStoredPrescan = true
        } else {
            self.prescan = Prescan(patterns: patterns.map(\.expanded))
            self.usedStoredPrescan = false
        }
        self.usedStoredExpansions = stored != nil
        self.hyperscan = LazyHyperscanPrefilter(patterns: patterns.map(\.expanded))

        var bodies = [(code: String, regex: PatternRegex)]()
        for body in file.bodies {
            let pattern = "^" + alternation(body.forms) + "$"
            if lazily {
                bodies.append((body.code, PatternRegex(pattern: pattern, id: "body \(body.code)", path: path)))
                continue
            }
            do { bodies.append((body.code, PatternRegex(try ICURegex(pattern)))) } catch {
                throw RuleError(file: path, message: "body \(body.code): \(error)")
            }
        }
        self.bodyRegexes = bodies
    }

    /// Compiles the regexes besides the patterns that rules from the cache compile on first
    /// use (the resolution numbers, the cross-reference words): the prefetch does, on its own
    /// thread, once the language's rules are made (`RuleSet.prefetch`). Not the issuing
    /// bodies: a phrase is tried only against the bodies whose names it may hold
    /// (`bodyCode(for:)`), and most of a language's bodies are never compiled.
    func compileTheRest() {
        _ = externalAfterRegex?.regex
        _ = externalBeforeRegex?.regex
        _ = resolutionNumbers.compiled.regex
    }

    /// This language's rules with another file's patterns and bodies added (an extra rule
    /// folder of the configuration).
    func adding(_ extra: LanguageRules) -> LanguageRules {
        LanguageRules(self, patterns: patterns + extra.patterns, bodies: bodyRegexes + extra.bodyRegexes)
    }

    private init(_ base: LanguageRules, patterns: [Pattern], bodies: [(code: String, regex: PatternRegex)]) {
        self.language = base.language
        self.patterns = patterns
        self.prescan = Prescan(patterns: patterns.map(\.expanded))
        self.usedStoredPrescan = false
        self.usedStoredExpansions = false
        self.hyperscan = LazyHyperscanPrefilter(patterns: patterns.map(\.expanded))
        self.bodyRegexes = bodies
        self.months = base.months
        self.path = base.path
        self.words = base.words
        self.listWords = base.listWords
        self.locale = base.locale
        self.subItemLetters = base.subItemLetters
        self.spelloutRewrites = base.spelloutRewrites
        self.letterExamples = base.letterExamples
        self.numberExamples = base.numberExamples
        self.numberWordSeparators = base.numberWordSeparators
        self.numberWords = base.numberWords
        self.sectionLetters = base.sectionLetters
        self.externalAfterRegex = base.externalAfterRegex
        self.externalBeforeRegex = base.externalBeforeRegex
        self.aboveWords = base.aboveWords
        self.belowWords = base.belowWords
        self.crossReferenceExamples = base.crossReferenceExamples
        self.numberFormat = base.numberFormat
        self.titles = base.titles
        self.wordBoundaries = base.wordBoundaries
        self.resolutionNumbers = base.resolutionNumbers
    }

    private static func numberFormat(_ numbers: RuleFiles.LanguageFile.Numbers?, path: String, wordBoundaries: Bool,
                                     lazily: Bool) throws(RuleError) -> NumberFormat {
        func units(_ list: [String]?, _ name: String, default fallback: Set<UInt16>) throws(RuleError) -> Set<UInt16> {
            guard let list else { return fallback }
            var result = Set<UInt16>()
            for separator in list {
                let u = Array(separator.utf16)
                guard u.count == 1 else { throw RuleError(file: path, message: "numbers.\(name): '\(separator)' is not one character") }
                result.insert(u[0])
            }
            return result
        }
        // Compiled when first searched (rules from the cache, which compiled them before): a
        // language whose rules are read for a run of its script in another language's
        // document (`UnitExtractor.foreignReferences`) rarely searches them.
        var skip = [PatternRegex]()
        for (index, pattern) in (numbers?.skip ?? []).enumerated() {
            if lazily {
                skip.append(PatternRegex(pattern: pattern, id: "numbers.skip[\(index)]", path: path))
                continue
            }
            do { skip.append(PatternRegex(try ICURegex(pattern, caseInsensitive: true))) } catch {
                throw RuleError(file: path, message: "numbers.skip: \(error)")
            }
        }
        var words = [String: Int]()
        for (word, value) in numbers?.words ?? [:] { words[word.lowercased()] = value }
        var format = NumberFormat(thousands: try units(numbers?.thousands, "thousands", default: [0x2C]),
                            decimal: try units(numbers?.decimal, "decimal", default: [0x2E]),
                            words: words, skipPatterns: skip,
                            examples: (numbers?.examples ?? []).map { ($0.text, $0.numbers) },
                            wordBoundaries: wordBoundaries)
        format.reversedGroups = numbers?.reversedGroups ?? false
        return format
    }

    /// The body code for a phrase that names an issuing body.
    public func bodyCode(for phrase: String) -> String? {
        let units = Array(NormalizedText(phrase.trimmingWhitespace()).units)
        // (A body whose names the phrase cannot hold is neither compiled nor tried.)
        return bodyRegexes.first { $0.regex.mayMatch(in: units) && !$0.regex.regex.matches(in: units).isEmpty }?.code
    }

    /// The issuing body a text opens with (`The General Assembly,` → A).
    public func bodyCode(opening text: String) -> String? {
        var phrase = text.trimmingWhitespace()
        while let last = phrase.last, ",،，:".contains(last) { phrase.removeLast() }
        if let code = bodyCode(for: phrase) { return code }
        // `The General Assembly`, `إن الجمعية العامة`: try without the first word.
        if let space = phrase.firstIndex(of: " ") {
            return bodyCode(for: String(phrase[phrase.index(after: space)...]))
        }
        return nil
    }

    public func month(_ name: String) -> Int? {
        let folded = NormalizedText(name).string.lowercased()
        if let month = months[folded] { return month }
        if folded.hasSuffix("."), let month = months[String(folded.dropLast())] { return month }
        // Arabic pairs: تشرين الأول/أكتوبر
        for part in folded.split(separator: "/") {
            if let month = months[String(part).trimmingWhitespace()] { return month }
        }
        return nil
    }
}

extension LanguageRules {
    /// The patterns as this build expanded them (`analysed`, `forICU`), one after another,
    /// each text after its length in UTF-8 bytes and a colon: the rule cache stores it, so
    /// that a later run does not expand the patterns again (`decodeExpansions`).
    var encodedExpansions: String {
        var out = ""
        for pattern in patterns {
            for text in [pattern.compiled.analysed, pattern.compiled.pattern] { out += "\(text.utf8.count):" + text }
        }
        return out
    }

    /// What `encodedExpansions` wrote; nil when the text is not that (cut short, damaged).
    static func decodeExpansions(_ text: String) -> [(analysed: String, forICU: String)]? {
        let bytes = Array(text.utf8)
        var at = 0
        func next() -> String? {
            var length = 0, digits = 0
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9"), digits < 9 {
                length = length * 10 + Int(bytes[at] - UInt8(ascii: "0"))
                at += 1
                digits += 1
            }
            guard digits > 0, at < bytes.count, bytes[at] == UInt8(ascii: ":"), length <= bytes.count - at - 1 else { return nil }
            defer { at += 1 + length }
            return String(validating: bytes[(at + 1)..<(at + 1 + length)], as: UTF8.self)
        }
        var expansions = [(analysed: String, forICU: String)]()
        while at < bytes.count {
            guard let analysed = next(), let forICU = next() else { return nil }
            expansions.append((analysed, forICU))
        }
        return expansions
    }
}

/// A pattern's ICU regex: compiled when the rules are compiled, or (rules read from the rule
/// cache, which compiled completely before) on first use, once, whichever thread asks first.
final class PatternRegex: @unchecked Sendable {
    /// The pattern given to ICU (`ICURegex` writes its sets in their cheaper forms, `SetForms`).
    let pattern: String
    /// The same pattern with every word boundary written (see `LanguageRules.Pattern.expanded`).
    let analysed: String
    private let id: String
    private let path: String
    private let caseInsensitive: Bool
    private let lock = NSLock()
    private var compiled: ICURegex?  // guarded by lock
    /// What every match needs and starts with (`Prescan.analyze`), read on first use.
    private var reading: (needs: [Prescan.Clause], starts: Prescan.Clause?)?  // guarded by lock

    private func analysis() -> (needs: [Prescan.Clause], starts: Prescan.Clause?) {
        lock.lock()
        defer { lock.unlock() }
        if let reading { return reading }
        let read = Prescan.analyze(analysed)
        reading = read
        return read
    }

    /// Whether a match may start at the first unit of `units` (false: the regex need not be
    /// tried there; true when the pattern's start is not known).
    func mayStart(atStartOf units: [UInt16]) -> Bool {
        analysis().starts.map { Prescan.mayStart($0, atStartOf: units) } ?? true
    }

    /// Whether a match may lie anywhere in `units` (`Prescan.mayMatch`): false when the text
    /// lacks what every match needs, and the regex need be neither compiled nor tried. For
    /// the lookups run on short texts (a phrase naming a body, a number in words): each
    /// compiled regex is a hundred microseconds and more of ICU's time.
    func mayMatch(in units: [UInt16]) -> Bool {
        Prescan.mayMatch(analysis().needs, in: units)
    }

    init(_ regex: ICURegex, analysed: String? = nil) {
        pattern = regex.pattern
        self.analysed = analysed ?? regex.pattern
        id = ""
        path = ""
        caseInsensitive = true
        compiled = regex
    }

    init(pattern: String, analysed: String? = nil, id: String, path: String, caseInsensitive: Bool = true) {
        self.pattern = pattern
        self.analysed = analysed ?? pattern
        self.id = id
        self.path = path
        self.caseInsensitive = caseInsensitive
    }

    /// Whether the regex has been compiled (for the rule cache's tests).
    var isCompiled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return compiled != nil
    }

    var regex: ICURegex {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        do {
            let regex = try ICURegex(pattern, caseInsensitive: caseInsensitive)
            compiled = regex
            return regex
        } catch {
            // The built-in rules compile (the tests compile them whole), and only rules that
            // compiled before are cached (the cache key names this build).
            fatalError("concord: a pattern compiled on first use does not compile: \(path): \(id): \(error)")
        }
    }
}

extension LanguageRules {
    /// Whether the words right after a reference (`of the Protocol`, `de la Convention`),
    /// or in Chinese right before it (`《公约》第五条`), name another document.
    func names(anotherDocument range: Range<Int>, in units: [UInt16]) -> Bool {
        if let after = externalAfter, range.upperBound < units.count,
           !after.matches(in: units, startingOnlyAt: [Int32(range.upperBound)]).isEmpty {
            return true
        }
        if let before = externalBefore, range.lowerBound > 0 {
            let slice = Array(units[max(0, range.lowerBound - 40)..<range.lowerBound])
            if !before.matches(in: slice).isEmpty { return true }
        }
        return false
    }
}

/// A flag that one caller, the first to ask, claims.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false  // guarded by lock

    /// True for the first caller only.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}

/// A language's words for "and" and "to" (`words.and`, `words.to`) as the number readers use
/// them: lower-cased, and the "and" words also folded as matching text is (`NormalizedText`).
struct ListWords: Sendable {
    /// The words for "and", lower-cased, in the order written.
    let and: [String]
    let andSet: Set<String>
    /// The same, the longest first (then as written): the order a word for "and" written on
    /// the next word is looked for, so that one that begins another (`e`, `et`) is tried after
    /// it, whatever the order of a `Set` (which is not fixed from one run to the next).
    let andLongestFirst: [String]
    /// The words for "and", normalized as matching text is, then lower-cased.
    let andFolded: Set<String>
    let to: Set<String>
    /// The words for "to" and the hyphen: what makes a range of two numbers.
    let range: Set<String>

    init(_ words: [String: [String]]) {
        and = (words["and"] ?? []).map { $0.lowercased() }
        andSet = Set(and)
        andLongestFirst = and.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
        andFolded = Set((words["and"] ?? []).map { NormalizedText($0).string.lowercased() })
        to = Set((words["to"] ?? []).map { $0.lowercased() })
        range = to.union(["-"])
    }
}
