/// The structure stage: tells a document's genre, reads its units as that genre has them
/// (a treaty's parts, chapters, articles and their numbered paragraphs; a report's numbered
/// paragraphs under section headings) and gives every unit its language-independent anchor
/// (README, "Anchors"). Resolutions and decisions keep the paragraphs the assembler made,
/// unchanged but for their anchors.
struct StructureBuilder: Sendable {
    var lexicon: ReadingLexicon
    var language: Language?
    private var rules: StructureRules { lexicon.structure }

    /// The document with its genre (the one given, else told from the text), identity and
    /// anchors.
    func build(_ document: Document, genre given: DocumentGenre?) -> Document {
        var document = document
        let genre = given ?? detect(document.paragraphs)
        document.genre = genre
        // An own number like `6/1` is a resolution's or decision's; a report or a treaty
        // is named by its symbol (a number with a slash in a report is one it cites).
        document.identity = DocumentIdentity(symbol: document.symbol,
                                             number: genre == .resolution || genre == .unknown ? Self.ownNumber(document) : nil)
        var paragraphs = document.paragraphs
        switch genre {
        case .treaty: paragraphs = treaty(paragraphs)
        case .report: paragraphs = labelled(paragraphs, report: true)
        case .resolution, .unknown: paragraphs = labelled(paragraphs, report: false)
        }
        // Markers name their paragraph by id: follow the ids the genre gave.
        var renamed = [String: String]()
        for (old, new) in zip(document.paragraphs, paragraphs) where old.id != new.id { renamed[old.id] = new.id }
        if !renamed.isEmpty {
            for p in paragraphs.indices {
                for m in paragraphs[p].markers.indices { paragraphs[p].markers[m].paragraphID = renamed[paragraphs[p].markers[m].paragraphID] ?? paragraphs[p].markers[m].paragraphID }
            }
            for f in document.footnotes.indices {
                for m in document.footnotes[f].markers.indices {
                    let id = document.footnotes[f].markers[m].paragraphID
                    document.footnotes[f].markers[m].paragraphID = renamed[id] ?? id
                }
            }
        }
        document.paragraphs = paragraphs
        return document
    }

    // MARK: Genre

    /// A resolution or decision by its title (`Resolution 6/1`, `80/3.`) or by a chapeau with
    /// operative paragraphs and no article; a treaty by two article (or rule) headings; a
    /// report by its title words only (section headings over numbered paragraphs are also in
    /// resolutions and in lists of sentences, which must keep today's reading); else unknown.
    func detect(_ paragraphs: [Paragraph]) -> DocumentGenre {
        let hasChapeau = paragraphs.contains { $0.kind == .chapeau }
        // `Report of the Secretary-General` at the top, and no chapeau: a report, whatever
        // its paragraphs cite (`resolution 6/1` in paragraph 1 is no title).
        let head = paragraphs.prefix { $0.kind != .operative && $0.kind != .annex }.prefix(12)
        if !hasChapeau, head.contains(where: { $0.text.count <= 200 && rules.namesReport($0.text.string, language: language) }) {
            return .report
        }
        if paragraphs.contains(where: { $0.kind == .title }) { return .resolution }
        var articles = 0
        for paragraph in paragraphs where paragraph.kind != .subparagraph && paragraph.text.count <= 160 {
            if let (kind, _) = rules.heading(paragraph.text.string, language: language), kind == .article || kind == .rule {
                articles += 1
                if articles >= 2 { return .treaty }
            }
        }
        let operative = paragraphs.filter { $0.kind == .operative }.count
        if hasChapeau && operative >= 1 { return .resolution }
        return .unknown
    }

    /// The number in the title (`Resolution 6/1` → `6/1`, `80/3. …` → `80/3`, `第6/1号决议`),
    /// digits of any script in ASCII; else the number of a resolution symbol (`A/RES/80/15`).
    static func ownNumber(_ document: Document) -> String? {
        if let title = document.paragraphs.first(where: { $0.kind == .title }) {
            let characters = Array(title.text.string.prefix(40)).map { c -> Character in
                c.unicodeScalars.count == 1 && c.unicodeScalars.first!.properties.numericType == .decimal ? c : (c == "/" ? c : " ")
            }
            for i in characters.indices where characters[i] == "/" && i > 0 && i + 1 < characters.count {
                guard characters[i - 1].wholeNumberValue != nil, characters[i + 1].wholeNumberValue != nil else { continue }
                var start = i - 1
                while start > 0, characters[start - 1].wholeNumberValue != nil { start -= 1 }
                var end = i + 1
                while end + 1 < characters.count, characters[end + 1].wholeNumberValue != nil { end += 1 }
                let digits = { (range: ClosedRange<Int>) in range.map { String(characters[$0].wholeNumberValue!) }.joined() }
                return digits(start...(i - 1)) + "/" + digits((i + 1)...end)
            }
        }
        if let symbol = document.symbol, let range = symbol.range(of: "/RES/") {
            return String(symbol[range.upperBound...])
        }
        return nil
    }

    // MARK: Resolutions, decisions, reports, unknown genres

    /// The assembler's paragraphs with anchors: preambular `preamble:N`, operative (or a
    /// report's numbered) `paragraph:N`, sub-items `paragraph:N(a)(ii)`, annexes `annex:K` and
    /// their paragraphs `annex:K/paragraph:N`, section headings `section:1.B.1`. In a report,
    /// numbered paragraphs become `numbered` and section headings `section`, with new ids;
    /// otherwise kinds and ids stay as they are.
    private func labelled(_ input: [Paragraph], report: Bool) -> [Paragraph] {
        var paragraphs = input
        var annex: String?
        var annexCount = 0
        var sectionPath = [String]()
        var seen = Set<String>()
        var anchors = [String: String]()  // id → anchor
        var items = ItemNesting()
        var lastNumber = 0
        var lastNumbered: (id: String, anchor: String)?
        for index in paragraphs.indices {
            var p = paragraphs[index]
            // A report's section heading of the language's own (`三.`, `ثالثا -`, `باء -`).
            if report, [.heading, .text, .preambular, .annexText, .title].contains(p.kind), p.label == nil, p.text.count <= 150,
               let (label, length) = rules.sectionLabel(p.text.string, language: language) {
                p = Self.dropping(length, from: p)
                p.kind = .heading; p.number = nil; p.label = label
            }
            // A report's numbered paragraph the assembler took for something else (a title:
            // `1. … resolution 6/1.` holds a number with a slash).
            if report, [.title, .text, .preambular, .heading, .chapeau].contains(p.kind), p.label == nil,
               let (number, length) = numberLabel(p) {
                p = Self.dropping(length, from: p)
                p.kind = .operative; p.number = number
            }
            switch p.kind {
            case .preambular:
                p.anchor = "preamble:\(p.number ?? index)"
            case .operative, .annex:
                guard let number = p.number else { break }
                // A short line with a number and no full stop, out of the paragraphs' sequence
                // (`1. Mandate` after paragraph 14, or before paragraph 15), is a report's
                // third-level heading.
                // (The cheap tests first: the next number is looked for, and the text read, only
                // where they pass.)
                func outOfSequence() -> Bool {
                    if number != lastNumber + 1 { return true }
                    let next = paragraphs[(index + 1)...].first { $0.kind == .operative || $0.kind == .annex }?.number
                    return next != nil && next != number + 1
                }
                if report, sectionPath.count >= 1, annex == nil, outOfSequence(), isHeadingLike(p.text.string) {
                    sectionPath = Array(sectionPath.prefix(2)) + [String(number)]
                    p.kind = .section; p.label = String(number); p.number = nil
                    p.anchor = "section:" + sectionPath.joined(separator: ".")
                    break
                }
                lastNumber = number
                var anchor = "paragraph:\(number)"
                if p.kind == .annex || annex != nil { anchor = "\(annex ?? "annex:1")/\(anchor)" }
                else if seen.contains(anchor), !sectionPath.isEmpty { anchor = "section:\(sectionPath.joined(separator: "."))/\(anchor)" }
                p.anchor = anchor
                lastNumbered = (p.id, anchor)
                if report { p.kind = .numbered }
                p.parentAnchor = annex
                items.reset()
            case .subparagraph:
                if report, let lastNumbered, p.parentID.flatMap({ anchors[$0] }) == nil { p.parentID = lastNumbered.id }
                guard let parent = p.parentID, let parentAnchor = anchors[parent] else { break }
                let (anchor, container) = items.anchor(for: p.label ?? "", under: parentAnchor, rules: rules, language: language)
                p.anchor = anchor
                p.parentAnchor = container
            case .heading where ParagraphAssembler(lexicon: lexicon).reads(p.text.string, as: "annex"),
                 .heading where p.text.count <= 40 && rules.heading(p.text.string, language: language)?.kind == .annex,
                 .text where p.text.count <= 40 && rules.heading(p.text.string, language: language)?.kind == .annex:
                annexCount += 1
                let number = rules.heading(p.text.string, language: language)?.number
                    ?? Self.annexNumber(p.text.string, rules: rules, language: language) ?? annexCount
                if report { p.kind = .heading }
                annex = "annex:\(number)"
                p.anchor = annex
                sectionPath = []
            case .heading where p.label != nil:
                let label = p.label!
                let roman = StructureRules.roman(label)
                let isLatinLetter = label.count == 1 && label.unicodeScalars.allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A }
                let isLetter = isLatinLetter && (roman == nil || (sectionPath.count >= 1 && Self.nextLetter(after: sectionPath.count >= 2 ? sectionPath[1] : nil) == label))
                if isLetter {
                    sectionPath = Array(sectionPath.prefix(1)) + [label]
                } else if let roman {
                    sectionPath = [String(roman)]
                } else {
                    sectionPath = [label]
                }
                p.anchor = (annex.map { $0 + "/" } ?? "") + "section:" + sectionPath.joined(separator: ".")
                if report { p.kind = .section }
            case .annexText, .text:
                // A report's `a)` (French, Russian `б)`): a sub-paragraph of the numbered one.
                if report, lastNumbered != nil, let (letter, length) = rules.itemLabel(p.text.string, language: language) {
                    p = Self.dropping(length, from: p)
                    let (anchor, container) = items.anchor(for: letter, under: lastNumbered!.anchor, rules: rules, language: language)
                    p.kind = .subparagraph; p.label = letter; p.number = nil
                    p.anchor = anchor; p.parentAnchor = container; p.parentID = lastNumbered!.id
                } else if p.kind == .annexText {
                    p.parentAnchor = annex
                }
            default:
                break
            }
            // A report's annex holds its unnumbered lines, headings or not (the title and rows
            // of a list of documents): whether a line reads as a heading depends on its length
            // and script, so the versions would otherwise hold different lines in the annex.
            if report, let annex, p.anchor == nil, p.parentAnchor == nil, [.heading, .text, .annexText].contains(p.kind) {
                p.parentAnchor = annex
            }
            if let anchor = p.anchor { seen.insert(anchor); anchors[p.id] = anchor }
            paragraphs[index] = p
        }
        guard report else { return paragraphs }
        return Self.renamed(paragraphs)
    }

    /// `Annex II` → 2; nil for an unnumbered `Annex`. A number run on (`附件一`) is read by
    /// the language's annex heading (`structure.headings.annex`), before this is asked.
    static func annexNumber(_ text: String, rules: StructureRules, language: Language?) -> Int? {
        let words = text.split(separator: " ")
        guard words.count >= 2, let structure = rules.languages[language ?? .en] ?? rules.languages.values.first else { return nil }
        return StructureRules.number(String(words[1]), in: structure)
    }

    static func nextLetter(after letter: String?) -> String {
        guard let letter, let scalar = letter.unicodeScalars.first else { return "A" }
        return String(UnicodeScalar(scalar.value + 1) ?? "A")
    }

    /// A heading rather than a paragraph: short, and not ending as a sentence does.
    private func isHeadingLike(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 100, let last = trimmed.last else { return false }
        return !".;,:。；，،：！？!?".contains(last)
    }

    // MARK: Treaties

    /// A treaty's units from its paragraphs: headings of parts, chapters, sections, articles
    /// (or rules), the preamble before the first of them, numbered paragraphs and lettered
    /// sub-paragraphs of each article; new ids from the anchors (`art12.3.b`).
    private func treaty(_ input: [Paragraph]) -> [Paragraph] {
        var paragraphs = input
        let rulesOfProcedure = input.prefix(8).contains { $0.text.count <= 200 && rules.namesRulesOfProcedure($0.text.string, language: language) }
        var part: String?, chapter: String?, section: String?, article: String?, numbered: String?
        // An annex to the treaty (`Annex`, `Annex II`, `附件一`): its units are anchored
        // under it (`annex:1/article:2`, `annex:1/paragraph:3`).
        var annex: String?
        var annexCount = 0
        var inBody = false
        // The preamble opens with the chapeau (`The States Parties to this Convention,`) or a
        // `Preamble` heading; what stands before it (the title) is no preambular paragraph.
        var inPreamble = !input.contains { $0.kind == .chapeau }
        var preambleCount = 0
        var lastPreambular: Int?
        var items = ItemNesting()
        var ids = [String: String]()  // anchor → id, for parents
        for index in paragraphs.indices {
            var p = paragraphs[index]
            if p.kind == .title || p.kind == .closing { continue }
            let text = p.text.string
            if p.kind != .subparagraph, isTreatyAnnexHeading(p) {
                annexCount += 1
                let number = rules.heading(text, language: language)?.number
                    ?? Self.annexNumber(text, rules: rules, language: language) ?? annexCount
                annex = "annex:\(number)"; part = nil; chapter = nil; section = nil; article = nil; numbered = nil
                p.kind = .heading; p.anchor = annex; p.parentAnchor = nil; p.parentID = nil
                p.label = String(number); p.number = number
                inBody = true
                items.reset()
            } else if p.kind != .subparagraph, let (kind, number) = rules.heading(text, language: language), kind != .annex {
                let n = number.map(String.init) ?? ""
                // Inside an annex, its parts, chapters, articles are the annex's.
                let within = annex.map { $0 + "/" } ?? ""
                switch kind {
                case .preamble:
                    p.kind = .heading; p.anchor = "preamble"; inPreamble = true
                case .annex: break
                case .part:
                    part = within + "part:\(n)"; chapter = nil; section = nil; article = nil; numbered = nil
                    p.kind = .part; p.anchor = part; p.parentAnchor = annex; inBody = true
                case .chapter:
                    chapter = within + "chapter:\(n)"; section = nil; article = nil; numbered = nil
                    p.kind = .chapter; p.anchor = chapter; p.parentAnchor = part ?? annex; inBody = true
                case .section:
                    section = (chapter.map { $0 + "/" } ?? within) + "section:\(n)"; article = nil; numbered = nil
                    p.kind = .section; p.anchor = section; p.parentAnchor = chapter ?? part ?? annex; inBody = true
                case .article, .rule:
                    let isRule = kind == .rule || rulesOfProcedure
                    article = within + "\(isRule ? "rule" : "article"):\(n)"; numbered = nil
                    p.kind = isRule ? .rule : .article; p.anchor = article; p.parentAnchor = section ?? chapter ?? part ?? annex
                    inBody = true
                }
                p.label = number.map(String.init); p.number = number; p.parentID = p.parentAnchor.flatMap { ids[$0] }
                items.reset()
            } else if let article, let (number, length) = numberLabel(p) {
                p = Self.dropping(length, from: p)
                numbered = "\(article)(\(number))"
                p.kind = .numbered; p.number = number; p.label = String(number)
                p.anchor = numbered; p.parentAnchor = article; p.parentID = ids[article]
                items.reset()
            } else if let annex, article == nil, let (number, length) = numberLabel(p) {
                // A numbered paragraph of an annex that has no articles: `annex:1/paragraph:3`.
                p = Self.dropping(length, from: p)
                numbered = "\(annex)/paragraph:\(number)"
                p.kind = .numbered; p.number = number; p.label = String(number)
                p.anchor = numbered; p.parentAnchor = annex; p.parentID = ids[annex]
                items.reset()
            } else if let parent = numbered ?? article, let (letter, length) = itemLabel(p) {
                p = Self.dropping(length, from: p)
                let (anchor, container) = items.anchor(for: letter, under: parent, rules: rules, language: language)
                p.kind = .subparagraph; p.number = nil; p.label = letter
                p.anchor = anchor; p.parentAnchor = container; p.parentID = ids[container]
            } else if p.kind == .chapeau {
                inPreamble = true
            } else if !inBody, !inPreamble {
                // The title, and what stands with it before the preamble.
            } else if !inBody, p.kind == .preambular || p.kind == .text || p.kind == .operative || p.kind == .heading {
                lastPreambular = index
                preambleCount += 1
                p.kind = .preambular; p.number = preambleCount; p.label = nil; p.parentID = nil
                p.anchor = "preamble:\(preambleCount)"; p.parentAnchor = nil
            } else if inBody {
                // Text of a unit that carries no label of its own: an article's title or its
                // one unnumbered paragraph. It belongs to the innermost unit.
                if p.kind != .chapeau { p.kind = .text }
                p.number = nil; p.label = nil
                p.anchor = nil; p.parentAnchor = numbered ?? article ?? section ?? chapter ?? part ?? annex
                p.parentID = p.parentAnchor.flatMap { ids[$0] }
            }
            if let anchor = p.anchor { ids[anchor] = Self.id(for: anchor) }
            paragraphs[index] = p
        }
        // `Have agreed as follows:` closes the preamble (it ends with a colon): it is no
        // preambular paragraph of its own, but belongs to the preamble.
        if let last = lastPreambular, let end = paragraphs[last].text.string.trimmingWhitespace().last, ":：".contains(end) {
            paragraphs[last].kind = .text; paragraphs[last].number = nil
            paragraphs[last].anchor = nil; paragraphs[last].parentAnchor = nil
        }
        return Self.renamed(paragraphs)
    }

    /// A treaty's annex heading: the language's annex word opening a short heading (`Annex`,
    /// `Annex II`, `Приложение`), or a heading pattern of kind annex (Chinese `附件一`).
    private func isTreatyAnnexHeading(_ p: Paragraph) -> Bool {
        guard p.kind == .heading || p.kind == .text || p.kind == .annexText else { return false }
        let text = p.text.string
        guard text.hasAtMostCharacters(40) else { return false }
        return ParagraphAssembler(lexicon: lexicon).reads(text, as: "annex") || rules.heading(text, language: language)?.kind == .annex
    }

    /// The number of a numbered paragraph: the one the assembler read (`3.`, Arabic `3 -`),
    /// one still at the start of its text, or a label of the language's own (`三、`).
    private func numberLabel(_ p: Paragraph) -> (Int, Int)? {
        if (p.kind == .operative || p.kind == .annex), let number = p.number { return (number, 0) }
        guard p.kind != .subparagraph else { return nil }
        let text = p.text.string
        if case let (.number(n), length)? = ParagraphLabel.parse(Substring(text)) {
            return (n, String(text.prefix(length)).utf16.count)
        }
        return rules.paragraphLabel(text, language: language)
    }

    private func itemLabel(_ p: Paragraph) -> (String, Int)? {
        if p.kind == .subparagraph, let label = p.label { return (label, 0) }
        let text = p.text.string
        if case let (.item(label), length)? = ParagraphLabel.parse(Substring(text)) {
            return (label, String(text.prefix(length)).utf16.count)
        }
        return rules.itemLabel(text, language: language)
    }

    /// The paragraph without its first `length` units of text (a label the assembler left in).
    private static func dropping(_ length: Int, from paragraph: Paragraph) -> Paragraph {
        guard length > 0, length <= paragraph.text.count else { return paragraph }
        var p = paragraph
        var text = MappedText()
        text.append(paragraph.text, range: length..<paragraph.text.count)
        p.text = text
        for m in p.markers.indices { p.markers[m].textOffset = max(0, p.markers[m].textOffset - length) }
        return p
    }

    /// A paragraph id from its anchor (`article:12(3)(b)` → `art12.3.b`, `annex:1/paragraph:3`
    /// → `an1.p3`); unanchored units keep theirs. Unique, as the assembler's ids are.
    private static func renamed(_ input: [Paragraph]) -> [Paragraph] {
        var paragraphs = input
        var used = Set(input.filter { $0.anchor == nil }.map(\.id))
        var byOld = [String: String]()
        for index in paragraphs.indices {
            guard let anchor = paragraphs[index].anchor else { continue }
            var id = id(for: anchor)
            var n = 2
            let base = id
            while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
            used.insert(id)
            byOld[paragraphs[index].id] = id
            paragraphs[index].id = id
        }
        for index in paragraphs.indices {
            if let parent = paragraphs[index].parentID, let new = byOld[parent] { paragraphs[index].parentID = new }
        }
        return paragraphs
    }

    static func id(for anchor: String) -> String {
        // An ASCII anchor (every anchor the structure makes) is rewritten byte by byte, the same
        // replacements in the same order; Foundation's search, which compares canonically
        // equivalent text, only for others (it was a twentieth of a run).
        if anchor.utf8.allSatisfy({ $0 < 0x80 }) {
            var id = Array(anchor.utf8)
            for (long, short) in idReplacementBytes { id = String.replacing(long, with: short, in: id) }
            return String(decoding: id, as: UTF8.self)
        }
        var id = anchor
        for (long, short) in idReplacements { id = id.replacingOccurrences(of: long, with: short) }
        return id
    }

    /// The rewriting of an anchor into an id, in order.
    private static let idReplacements = [("article:", "art"), ("chapter:", "ch"), ("part:", "pt"), ("section:", "s"), ("rule:", "r"),
                                         ("paragraph:", "p"), ("annex:", "an"), ("preamble:", "pp"), ("/", "."), ("(", "."), (")", "")]
    /// The same as bytes (made once: made at every call, they were most of the rewriting).
    private static let idReplacementBytes = idReplacements.map { (Array($0.0.utf8), Array($0.1.utf8)) }
}

/// Sub-items under one paragraph: letters `(a)`, `(b)`, and Roman numerals `(i)`, `(ii)`
/// nested under the letter before them — `(i)` after `(h)` is the letter i.
struct ItemNesting {
    private var lastLetter: String?
    private var letterAnchor: String?
    private var parent: String?

    mutating func reset() { lastLetter = nil; letterAnchor = nil; parent = nil }

    /// The anchor of an item labelled `label` under the unit `parent`, and the unit it
    /// belongs to (the paragraph, or the letter a Roman numeral is nested under).
    mutating func anchor(for label: String, under parent: String, rules: StructureRules, language: Language?) -> (String, String) {
        if parent != self.parent { reset(); self.parent = parent }
        let key = rules.itemKey(label, language: language)
        let isRoman = StructureRules.roman(key) != nil && key.allSatisfy { "ivxlc".contains($0) }
        let continuesLetters = lastLetter.map { StructureBuilder.nextLetter(after: $0) == key } ?? false
        if isRoman, let letterAnchor, !continuesLetters {
            return ("\(letterAnchor)(\(key))", letterAnchor)
        }
        lastLetter = key
        let anchor = "\(parent)(\(key))"
        letterAnchor = anchor
        return (anchor, parent)
    }
}
