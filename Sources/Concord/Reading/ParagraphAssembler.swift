/// Turns runs of text lines into paragraphs: splits runs where a numbered paragraph starts,
/// rejoins a paragraph that footnote bodies or a page break interrupted, and tells each
/// paragraph's kind (title, chapeau, preambular, operative, annex, …) and id.
struct ParagraphAssembler: Sendable {
    /// The words of titles, closing lines and annex headings, from the language files.
    var lexicon: ReadingLexicon

    /// A paragraph before classification: its lines, and the label found at its start.
    private struct Draft {
        var lines: [SourceLine]
        var label: (ParagraphLabel, Int)?
        /// The lines' units joined by a space (the text the tests below look at), built once.
        private(set) var units: [UInt16] = []
        private(set) var isSimple = true

        init(lines: [SourceLine], label: (ParagraphLabel, Int)?) {
            self.lines = []
            self.label = label
            append(lines)
        }

        mutating func append(_ more: [SourceLine]) {
            for line in more {
                if !lines.isEmpty { units.append(0x20) }
                units.append(contentsOf: line.units[line.range])
                isSimple = isSimple && line.isSimple
                lines.append(line)
            }
        }

        var view: UnitText { UnitText(units: units[...], isSimple: isSimple) }
    }

    /// What a paragraph of this text would be taken for by its words: `title`, `closing`,
    /// `annex`, `opening` (of a new unit) (the `reading` examples of the language files).
    func reads(_ text: String, as kind: String) -> Bool {
        let units = text.utf16Array
        let view = UnitText(units: units[...], isSimple: units.allSatisfy(Chars.isSimple))
        switch kind {
        case "title": return isTitle(view)
        case "closing": return isClosing(view)
        case "annex": return isAnnexHeading(view)
        case "opening": return opensUnit(view)
        default: return false
        }
    }

    /// What the original format shows of the lines (0-based; `DocumentReader.read`):
    /// `starting`, lines that start a paragraph, never joined to one an interruption cut;
    /// `continuing`, lines that go on with the paragraph of the line before, which the next
    /// paragraph number at their start does not split.
    func assemble(_ layout: Layout, units: [UInt16], starting: Set<Int> = [], continuing: Set<Int> = []) -> [Paragraph] {
        var drafts = [Draft]()
        var lastNumber = 0
        let openers = documentOpenings(layout)
        let endings = openingEndings
        for block in layout.blocks {
            var first = true
            for piece in split(block.lines, lastNumber: &lastNumber, continuing: continuing) {
                let label = ParagraphLabel.parse(piece[0].view)
                if first, block.interrupted || block.cut, !starting.contains(piece[0].index), label == nil, let previous = drafts.last,
                   block.interrupted ? continues(previous, with: piece[0].view, openers: openers, endings: endings)
                                     : resumes(previous, with: piece[0].view, openers: openers, endings: endings) {
                    drafts[drafts.count - 1].append(piece)
                } else {
                    drafts.append(Draft(lines: piece, label: label))
                }
                first = false
            }
        }
        return classify(drafts, units: units)
    }

    /// Splits a run of lines where a line opens a new labelled paragraph after a line that
    /// ends one (pdftotext often leaves no blank line between numbered paragraphs).
    private func split(_ lines: [SourceLine], lastNumber: inout Int, continuing: Set<Int>) -> [[SourceLine]] {
        var pieces = [[SourceLine]]()
        var current = [SourceLine]()
        for line in lines {
            let parsed = ParagraphLabel.parse(line.view)
            var number: Int?
            if case .number(let n)? = parsed?.0 { number = n }
            if let last = current.last, let (_, length) = parsed {
                // A line holding only a label (`3.`, `(a)`) always opens a paragraph, and so
                // does the next number in sequence after a heading with no full stop.
                let next = !continuing.contains(line.index) && (number.map { $0 == lastNumber + 1 || $0 == 1 } ?? false)
                if Chars.endsHard(last.view) || Chars.endsSoft(last.view) || length >= characterCount(line) || next {
                    pieces.append(current)
                    current = []
                }
            }
            if let number, current.isEmpty { lastNumber = number }
            current.append(line)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Whether text that resumes after an interruption continues the paragraph before it: not
    /// after closing punctuation, nor when it opens with a paragraph number or label, an annex
    /// heading or the closing line. Mid-sentence (no punctuation at all) it goes on, even
    /// with a word that may open a paragraph (Arabic `وإذ` also joins two clauses of one
    /// paragraph), unless what stands before is a title or a heading. After a comma it goes
    /// on unless it opens a new unit: with one of the language's `reading.paragraph-openings`,
    /// or with a first word that opens other paragraphs of this document (`openers`), which
    /// holds for openings the language file does not list, in every script. Letter case is one
    /// sign where the script has it (a lower-case start goes on, unless the language opens
    /// its paragraphs in lower case, as Russian does), never a requirement.
    private func continues(_ previous: Draft, with next: UnitText, openers: Set<[UInt16]>, endings: Set<[UInt16]>) -> Bool {
        let text = previous.view
        if Chars.endsHard(text) { return false }
        if ParagraphLabel.parse(next) != nil || isAnnexHeading(next) || isClosing(next) { return false }
        if !Chars.endsSoft(text) {
            guard startsWithOpening(next) else { return true }
            if case .section? = previous.label?.0 { return false }
            return !isTitle(text) && !isHeadingLike(text)
        }
        if startsWithOpening(next) { return false }
        if Chars.startsLowercase(next) { return true }
        if let word = Self.firstWord(next.units), openers.contains(word) || endings.contains(Self.ending(word) ?? []) {
            return false
        }
        return true
    }

    /// Whether text after a block that stopped mid-sentence, with nothing to say the
    /// paragraph was interrupted (a Markdown page break), goes on with it: as after an
    /// interruption, and not when its first word opens a unit — a paragraph opening, a word
    /// that opens other paragraphs of the document, or an ending such openings share
    /// (`-ing`): a converter that drops a list item's label drops the line before it too
    /// (`… disability-inclusive` [`development;` `(k)`] `Reaffirming the commitment …`).
    private func resumes(_ previous: Draft, with next: UnitText, openers: Set<[UInt16]>, endings: Set<[UInt16]>) -> Bool {
        if startsWithOpening(next) { return false }
        if let word = Self.firstWord(next.units), openers.contains(word) || endings.contains(Self.ending(word) ?? []) {
            return false
        }
        return continues(previous, with: next, openers: openers, endings: endings)
    }

    /// The endings (last three letters) shared by at least three different first words of
    /// the `paragraph-openings` of the language files: the forms preambular paragraphs open
    /// with (`-ing` of Recalling, Noting, …; `-ant` of Rappelant, Notant, …; `-ndo` of
    /// Recordando, …). A word with such an ending after a comma, written in the case the
    /// script does not use to go on a sentence, opens a paragraph though no file lists it
    /// (`Regretting`). Scripts without case never reach this test with a listed opening, and
    /// their openings share no such ending.
    private var openingEndings: Set<[UInt16]> { lexicon.openingEndings }

    /// The endings of `openingEndings`, from the lexicon's openings (made once, by the lexicon).
    static func openingEndings(of openings: [String]) -> Set<[UInt16]> {
        var words = [[UInt16]: Set<[UInt16]>]()
        for opening in openings {
            guard let word = Self.firstWord(opening.utf16Array[...]), let ending = Self.ending(word) else { continue }
            words[Array(ending), default: []].insert(word)
        }
        return Set(words.filter { $0.value.count >= 3 }.keys)
    }

    /// The last three units of a word of five or more.
    static func ending(_ word: [UInt16]) -> [UInt16]? { word.count >= 5 ? Array(word.suffix(3)) : nil }

    /// The first words of the paragraphs that start on their own after a paragraph ending
    /// with a comma (the preamble's openings, whatever the language lists): text resuming
    /// after a break with one of them opens a paragraph too.
    private func documentOpenings(_ layout: Layout) -> Set<[UInt16]> {
        var words = Set<[UInt16]>()
        var previousEndsSoft = false
        for block in layout.blocks {
            guard let first = block.lines.first, let last = block.lines.last else { continue }
            if !block.interrupted, previousEndsSoft, ParagraphLabel.parse(first.view) == nil,
               let word = Self.firstWord(first.units[first.range]) {
                words.insert(word)
            }
            previousEndsSoft = Chars.endsSoft(last.view)
        }
        return words
    }

    /// A paragraph's first word: its letters up to a space or punctuation (at most 24, so
    /// that a script written without spaces gives none).
    static func firstWord(_ units: ArraySlice<UInt16>) -> [UInt16]? {
        let rest = units.drop { $0 == 0x20 }
        let word = rest.prefix { Chars.isSimple($0) && Chars.isLetter($0) }
        guard !word.isEmpty, word.count <= 24 else { return nil }
        if word.endIndex < rest.endIndex, Chars.isLetter(rest[word.endIndex]) || !Chars.isSimple(rest[word.endIndex]) { return nil }
        return Array(word)
    }

    /// Whether a text opens a new unit by its start: a preambular or operative opening of one
    /// of the languages, a paragraph number or label, an annex heading, the closing line.
    func opensUnit(_ text: UnitText) -> Bool {
        startsWithOpening(text) || ParagraphLabel.parse(text) != nil || isAnnexHeading(text) || isClosing(text)
    }

    /// Whether a text starts with one of the `reading.paragraph-openings` (`Recalling`,
    /// `ссылаясь`, `وإذ`, `回顾`); the filter turns away nearly every other first unit.
    private func startsWithOpening(_ text: UnitText) -> Bool {
        guard let first = text.units.first(where: { $0 != 0x20 }), lexicon.openingFilter.mayStart(first) else { return false }
        // The longest opening is a few words: the first units are enough.
        let head = text.units.drop { $0 == 0x20 }.prefix(80)
        return lexicon.startsWithParagraphOpening(String(utf16Units: head))
    }

    private func classify(_ drafts: [Draft], units: [UInt16]) -> [Paragraph] {
        enum Phase { case masthead, preamble, operative, annex }
        var phase = Phase.masthead
        var sawTitle = false
        var paragraphs = [Paragraph]()
        var counters: [ParagraphKind: Int] = [:]
        var usedIDs = Set<String>()
        var parentID: String?

        func uniqueID(_ base: String) -> String {
            var id = base
            var n = 2
            while usedIDs.contains(id) { id = "\(base)-\(n)"; n += 1 }
            usedIDs.insert(id)
            return id
        }

        // The chapeau: the first paragraph after the title that ends with a comma and opens
        // the preamble (`The General Assembly,`). Without a title, the first such paragraph.
        let titleIndex = drafts.firstIndex { isTitle($0.view) }
        let searchFrom = (titleIndex ?? -1) + 1
        let chapeauIndex = drafts.indices.first { index in
            index >= searchFrom && drafts[index].label == nil && Chars.endsSoft(drafts[index].view)
                && drafts[index].view.hasAtMost(300)
        }

        for (index, draft) in drafts.enumerated() {
            let text = draft.view
            var kind: ParagraphKind
            var number: Int?
            var label: String?
            var strip = 0
            var parent: String?

            if index == titleIndex {
                kind = .title; sawTitle = true
            } else if index == chapeauIndex {
                kind = .chapeau; phase = .preamble
            } else if isClosing(text) {
                kind = .closing
            } else if isAnnexHeading(draft.lines[0].view) || startsWithAnnexHeading(draft) {
                kind = .heading; phase = .annex; parentID = nil
            } else if let (parsed, length) = draft.label, phase != .masthead || sawTitle || chapeauIndex == nil {
                strip = length
                switch parsed {
                case .number(let value):
                    if phase == .annex {
                        kind = .annex
                    } else if phase == .operative || (phase == .preamble && value == 1) || (phase == .masthead && value == 1) {
                        kind = .operative; phase = .operative
                    } else {
                        kind = phase == .preamble ? .preambular : .text
                    }
                    number = value
                    if kind == .preambular || kind == .text { number = nil; strip = 0 }
                case .item(let item):
                    kind = .subparagraph; label = item; parent = parentID
                case .section(let section):
                    kind = .heading; label = section
                }
            } else {
                switch phase {
                case .masthead: kind = .heading
                case .preamble: kind = .preambular
                case .operative: kind = isHeadingLike(text) ? .heading : .text
                case .annex: kind = isHeadingLike(text) ? .heading : .annexText
                }
            }

            let ordinal = (counters[kind] ?? 0) + 1
            counters[kind] = ordinal
            let id: String
            switch kind {
            case .operative, .annex:
                id = uniqueID("\(kind.idPrefix)\(number ?? ordinal)")
                parentID = id
            case .preambular:
                number = ordinal
                id = uniqueID("pp\(ordinal)")
            case .subparagraph:
                id = uniqueID("\(parent ?? "sub").\(label ?? String(ordinal))")
            default:
                id = uniqueID("\(kind.idPrefix)\(ordinal)")
            }

            var mapped = MappedText()
            for (lineIndex, line) in draft.lines.enumerated() {
                var start: Int? = nil
                if lineIndex == 0, strip > 0 {
                    start = offset(ofCharacter: strip, in: line, units: units)
                    if start == line.range.upperBound { continue }
                }
                LineJoiner.append(line, from: units, to: &mapped, from: start)
            }
            paragraphs.append(Paragraph(id: id, kind: kind, number: number, label: label, parentID: parent,
                                        text: mapped, start: draft.lines[0].range.lowerBound))
        }
        return paragraphs
    }

    /// The unit offset of the `count`-th character of a line.
    private func offset(ofCharacter count: Int, in line: SourceLine, units: [UInt16]) -> Int {
        if line.isSimple { return min(line.range.upperBound, line.range.lowerBound + count) }
        let prefix = line.text.prefix(count)
        return min(line.range.upperBound, line.range.lowerBound + prefix.utf16.count)
    }

    private func characterCount(_ line: SourceLine) -> Int {
        line.isSimple ? line.range.count : line.text.count
    }

    /// `isTitle`, with the tests that reject nearly every paragraph done on simple units
    /// first (length, a slash between two digits near the start); the rest on the String.
    func isTitle(_ text: UnitText) -> Bool {
        guard text.isSimple else {
            // Only the tests that can say no, on what the units decide; the rest on the String.
            if Chars.knownEndsSoft(text) == true { return false }
            if text.headEnd - text.units.startIndex >= 30 {
                let head = text.units.prefix(30)
                guard let slash = head.firstIndex(of: 0x2F), slash > head.startIndex, slash + 1 < head.endIndex,
                      Chars.digitValue(head[slash - 1]) != nil, Chars.digitValue(head[slash + 1]) != nil else { return false }
            }
            return text.hasAtMost(250) && isTitle(text.string)
        }
        guard text.count <= 250, !Chars.endsSoft(text) else { return false }
        let head = text.units.prefix(30)
        guard let slash = head.firstIndex(of: 0x2F), slash > head.startIndex, slash + 1 < head.endIndex,
              Chars.digitValue(head[slash - 1]) != nil, Chars.digitValue(head[slash + 1]) != nil else { return false }
        // `80/3.` at the start, or a word for resolution / decision before the number.
        if Chars.digitValue(head[head.startIndex]) != nil { return head.contains(0x2E) }
        guard head.allSatisfy({ $0 < 0x80 }) else { return isTitle(text.string) }
        // ASCII can hold only the words written in ASCII; lower-cased by hand.
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return lexicon.titleFilter.asciiContains(lower)
    }

    /// `80/3. Awaza Political Declaration`, `Résolution 6/1`, `第6/1号决议`, `القرار 6/1`.
    private func isTitle(_ text: String) -> Bool {
        guard text.count <= 250, !Chars.endsSoft(text) else { return false }
        let head = text.prefix(30)
        guard let slash = head.firstIndex(of: "/") else { return false }
        let before = head[..<slash].last
        let after = head[head.index(after: slash)...].first
        guard let b = before, let a = after, Chars.digitValue(b) != nil, Chars.digitValue(a) != nil else { return false }
        // `80/3.` at the start, or a word for resolution / decision before the number.
        if Chars.digitValue(text.first!) != nil { return head.contains(".") }
        return lexicon.containsTitleWord(String(head))
    }

    func isClosing(_ text: UnitText) -> Bool {
        guard text.count <= 120 else { return false }  // `utf16.count`, as below
        if text.isASCII {
            // ASCII text can hold only the phrases written in ASCII; lower-cased by hand.
            return lexicon.closingFilter.asciiContains(text.units.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        }
        // The filter built from the phrases when the rules loaded says no only when no
        // phrase can be there.
        guard lexicon.closingFilter.mayMatch(text.units) else { return false }
        return isClosing(text.string)
    }

    private func isClosing(_ text: String) -> Bool {
        // `3rd plenary meeting 19 September 2025`: a short line; long paragraphs are never it.
        guard text.utf16.count <= 120 else { return false }
        return lexicon.containsClosingPhrase(text)
    }

    /// `isAnnexHeading`: the first unit must start one of the words (no word starts with a
    /// character canonically equal to a different unit); then on units when simple.
    func isAnnexHeading(_ text: UnitText) -> Bool {
        guard let first = text.units.first(where: { $0 != 0x20 }), lexicon.annexFilter.mayStart(first) else { return false }
        guard text.isSimple else {
            // The first word's units, up to a space: when they are simple and none of the
            // words, the first word is none of them (were the space joined to a mark after it,
            // the word would hold that and be none of them either).
            let start = text.units.startIndex
            let space = text.units.firstIndex(of: 0x20) ?? text.units.endIndex
            let word = text.units[start..<space]
            if word.allSatisfy(Chars.isSimple), !lexicon.annexUnits.contains(where: { $0.elementsEqual(word) }) { return false }
            return isAnnexHeading(text.string)
        }
        // As `split(separator: " ")`: words between spaces, empty ones dropped.
        var words = 0
        var firstWord: ArraySlice<UInt16>?
        var k = text.units.startIndex
        let end = text.units.endIndex
        while k < end {
            if text.units[k] == 0x20 { k += 1; continue }
            var j = k
            while j < end, text.units[j] != 0x20 { j += 1 }
            words += 1
            if firstWord == nil { firstWord = text.units[k..<j] }
            k = j
        }
        guard let word = firstWord, words <= 3 else { return false }
        return lexicon.annexUnits.contains { $0.elementsEqual(word) }
    }

    /// A heading written on one line with its title (`Annex Awaza Political Declaration`, as
    /// text with one paragraph per line gives it): the annex word, then a short text with no
    /// closing punctuation.
    private func startsWithAnnexHeading(_ draft: Draft) -> Bool {
        let text = draft.view
        // Over any number of lines: a PDF sets a long annex title on two centred lines, which
        // a Word document holds in one paragraph (A_RES_80_9's `Annex 2025 Political …`).
        guard let word = Self.firstWord(text.units), text.hasAtMost(150),
              !Chars.endsHard(text), !Chars.endsSoft(text) else { return false }
        return isAnnexHeading(UnitText(units: word[...], isSimple: true))
    }

    private func isAnnexHeading(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard let first = words.first, words.count <= 3 else { return false }
        return lexicon.annexWords.contains(String(first))
    }

    private func isHeadingLike(_ text: UnitText) -> Bool {
        if !text.isSimple {
            // Any test the units decide as false decides the whole.
            if Chars.knownEndsHard(text) == true || Chars.knownEndsSoft(text) == true
                || Chars.knownStartsWithCasedLetter(text) == false || Chars.knownStartsLowercase(text) == true {
                return false
            }
        }
        return text.hasAtMost(150) && !Chars.endsHard(text) && !Chars.endsSoft(text) && Chars.startsWithCasedLetter(text)
            && !Chars.startsLowercase(text)
    }
}
