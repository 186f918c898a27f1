/// Reads resolutions as plain text: the seed's form (superscript markers, footnote bodies
/// between the lines where the page broke), pdftotext output (bare-digit markers glued to
/// words, a rule of underscores above each page's footnotes, running headers, job numbers,
/// form feeds between pages) and reflowed text (one paragraph per line, `N text` footnote
/// bodies after the paragraph or at the end of a page's paragraphs, after a `---` or `___`
/// rule or none, no running headers).
struct PlainTextReader: Sendable {
    /// What the lines of a text say of how it was laid out, read once before the text.
    struct Style: Sendable {
        /// One paragraph per line: most text lines end where a paragraph ends (with closing
        /// punctuation or a comma), where wrapped text ends most lines mid-sentence. Footnote
        /// bodies are then one line each, and each line is a paragraph.
        var onePerLine = false
        /// Footnote bodies may stand with no rule above them (`3 See resolution 70/1.`): one
        /// paragraph per line and no superscript footnote block. Such a line is a body only
        /// when it is the next label expected and a marker of that label stands in the text
        /// since the previous bodies.
        var bareBodies = false
        /// Each line a paragraph: one paragraph per line with no blank lines between them
        /// (where blank lines part the paragraphs, lines that go together, as a masthead's,
        /// stand in one run and stay one paragraph, as before).
        var splitLines = false

        init() {}

        /// Wrapped text fills its lines to the page's width: most lines are nearly as long as
        /// the longest (its 95th percentile, which a stray long line does not move). Lines of
        /// reflowed text are as long as their paragraphs, most far shorter than the longest.
        init(_ lines: [SourceLine], from start: Int, units: [UInt16]) {
            var text = 0, ends = 0, blank = 0, superscriptBodies = false
            var lengths = [Int]()
            for line in lines[min(start, lines.count)...] {
                if line.isBlank { blank += 1; continue }
                if PlainTextReader.isSeparator(line) { continue }
                if PlainTextReader.superscriptLabel(line, units: units) != nil { superscriptBodies = true; continue }
                let view = line.view
                if let (_, length) = ParagraphLabel.parse(view), length >= (line.isSimple ? line.range.count : line.text.count) { continue }
                text += 1
                lengths.append(line.range.count)
                if Chars.endsHard(view) || Chars.endsSoft(view) { ends += 1 }
            }
            lengths.sort()
            let wide = lengths.isEmpty ? 0 : lengths[lengths.count * 95 / 100]
            let full = lengths.filter { $0 * 10 >= wide * 7 }.count
            onePerLine = text >= 3 && (ends * 10 >= text * 6 || full * 100 < text * 35)
            bareBodies = onePerLine && !superscriptBodies
            splitLines = onePerLine && blank * 2 < text
        }
    }

    func layout(_ source: SourceText, lines: [SourceLine]) -> Layout {
        var layout = Layout()
        layout.frontMatter = FrontMatter.parse(lines)
        let symbol = layout.frontMatter.fields["symbol"] ?? Self.mastheadSymbol(lines, from: layout.frontMatter.lineCount)
        layout.documentSymbol = symbol
        let furniture = PageFurniture(documentSymbol: symbol)
        let units = source.units
        let style = Style(lines, from: layout.frontMatter.lineCount, units: units)
        /// A form feed before the line's text: a page starts there.
        func startsPage(_ line: SourceLine) -> Bool {
            let full = source.lineRange(line.index)
            var k = full.lowerBound
            let end = line.isBlank ? full.upperBound : line.range.lowerBound
            while k < end { if units[k] == 0x0C { return true }; k += 1 }
            return false
        }

        var i = layout.frontMatter.lineCount
        var interrupted = false
        var lastLabel = 0
        var previousWasBodies = false
        // Each body's group of bodies (one page's footnotes), as an index into `groups`.
        var groups = [Range<Int>]()
        var groupOf = [Int]()
        func appendGroup(_ bodies: [FootnoteBody], to layout: inout Layout) {
            guard let first = bodies.first, let last = bodies.last else { return }
            groups.append(first.labelRange.lowerBound..<max(last.labelRange.upperBound, last.text.sourceRange(0..<last.text.count).upperBound))
            for body in bodies {
                layout.bodies.append(body)
                groupOf.append(groups.count - 1)
            }
        }
        // The labels the markers in the text read since the last group of bodies may have:
        // where a bare body's marker must be.
        var sinceBodies = Set<Int>()
        var openBareGroup = false
        while i < lines.count {
            if lines[i].isBlank {
                if startsPage(lines[i]) { interrupted = true; openBareGroup = false }
                i += 1
                continue
            }
            if startsPage(lines[i]) { interrupted = true; openBareGroup = false }
            var j = i
            while j < lines.count, !lines[j].isBlank { j += 1 }
            let run = Array(lines[i..<j])

            if Self.isSeparator(run[0]) {
                let (bodies, next) = readFootnoteZone(lines, from: i + 1, units: units, furniture: furniture,
                                                      oneLineEach: style.onePerLine, lastLabel: &lastLabel)
                appendGroup(bodies, to: &layout)
                previousWasBodies = false
                openBareGroup = false
                sinceBodies = []
                interrupted = true
                i = next
                continue
            }
            if Self.superscriptLabel(run[0], units: units) != nil {
                var bodies = [FootnoteBody]()
                for line in run {
                    if let (label, labelRange, textStart) = Self.superscriptLabel(line, units: units) {
                        bodies.append(FootnoteBody(label: label, text: MappedText(), labelRange: labelRange))
                        LineJoiner.append(line, from: units, to: &bodies[bodies.count - 1].text, from: textStart)
                        lastLabel = Int(label) ?? lastLabel
                    } else if !bodies.isEmpty {
                        LineJoiner.append(line, from: units, to: &bodies[bodies.count - 1].text)
                    }
                }
                // Bodies in consecutive blocks (¹ …, blank, ² …) are one page's footnotes.
                if previousWasBodies, let last = groups.indices.last {
                    // Widen the open group (its ranges are given to the bodies at the end).
                    groups[last] = groups[last].lowerBound..<run.last!.range.upperBound
                    for body in bodies { layout.bodies.append(body); groupOf.append(last) }
                } else {
                    appendGroup(bodies, to: &layout)
                }
                previousWasBodies = true
                interrupted = true
                i = j
                continue
            }
            if furniture.isFurnitureBlock(run) {
                interrupted = true
                i = j
                continue
            }
            // Text, possibly ending in a footnote rule with no blank line before it.
            var k = i
            var textLines = [SourceLine]()
            func flush() {
                guard !textLines.isEmpty else { return }
                if style.splitLines {
                    // Each line a paragraph; a line holding only a label goes with the next.
                    var pending = [SourceLine]()
                    for line in textLines {
                        pending.append(line)
                        if let (_, length) = ParagraphLabel.parse(line.view), length >= (line.isSimple ? line.range.count : line.text.count) { continue }
                        layout.blocks.append(Layout.Block(lines: pending, interrupted: interrupted))
                        interrupted = false
                        pending = []
                    }
                    if !pending.isEmpty { layout.blocks.append(Layout.Block(lines: pending, interrupted: interrupted)); interrupted = false }
                } else {
                    layout.blocks.append(Layout.Block(lines: textLines, interrupted: interrupted))
                    interrupted = false
                }
                textLines = []
                previousWasBodies = false
                openBareGroup = false
            }
            while k < j, !Self.isSeparator(lines[k]) {
                let line = lines[k]
                if k > i, startsPage(line) { flush(); interrupted = true }
                if style.bareBodies, let body = Self.bareBody(line, units: units, expected: lastLabel + 1, marks: sinceBodies) {
                    flush()
                    if openBareGroup, let last = groups.indices.last {
                        groups[last] = groups[last].lowerBound..<line.range.upperBound
                        layout.bodies.append(body); groupOf.append(last)
                    } else {
                        appendGroup([body], to: &layout)
                    }
                    lastLabel += 1
                    openBareGroup = true
                    interrupted = true
                } else if !furniture.isFurnitureLine(line) {
                    if openBareGroup { sinceBodies = []; openBareGroup = false }
                    if style.bareBodies { Self.markerLabels(line, into: &sinceBodies) }
                    textLines.append(line)
                }
                k += 1
            }
            flush()
            i = k  // a separator, if any, is read on the next turn
        }
        layout.bodyGroups = groupOf.map { groups[$0] }
        return layout
    }


    /// The footnotes under a rule of underscores: `N text`, continuation lines directly
    /// below, bodies separated by blank lines; the zone ends at the first line that is
    /// neither (the next page's header, or text).
    /// In text with one paragraph per line (`oneLineEach`) each body is one line, and the zone
    /// ends at the first line that is no body.
    private func readFootnoteZone(_ lines: [SourceLine], from start: Int, units: [UInt16],
                                  furniture: PageFurniture, oneLineEach: Bool, lastLabel: inout Int) -> ([FootnoteBody], Int) {
        var bodies = [FootnoteBody]()
        var k = start
        var sawBlank = false
        while k < lines.count {
            let line = lines[k]
            if line.isBlank { sawBlank = true; k += 1; continue }
            if furniture.isFurnitureLine(line) { break }
            if let (value, labelRange, textStart) = Self.digitLabel(line, units: units) {
                let plausible: Bool
                if bodies.isEmpty { plausible = value >= 1 && value <= 999 && (value > lastLabel || lastLabel == 0 || value == 1) }
                else if sawBlank { plausible = value > lastLabel && value <= lastLabel + 10 }
                else { plausible = value == lastLabel + 1 }
                if plausible {
                    var text = MappedText()
                    LineJoiner.append(line, from: units, to: &text, from: textStart)
                    bodies.append(FootnoteBody(label: String(value), text: text, labelRange: labelRange))
                    lastLabel = value
                    sawBlank = false
                    k += 1
                    continue
                }
            }
            if !bodies.isEmpty, !sawBlank, !oneLineEach {
                LineJoiner.append(line, from: units, to: &bodies[bodies.count - 1].text)
                k += 1
                continue
            }
            break
        }
        return (bodies, k)
    }

    /// The rule above a page's footnotes: three or more `_` (pdftotext writes fifteen) or `-`
    /// alone on a line (other extractors). Its first unit must be `_` or `-` (no other
    /// character equals either).
    static func isSeparator(_ line: SourceLine) -> Bool {
        guard let first = line.first, first == 0x5F || first == 0x2D else { return false }
        guard line.isSimple else { return isSeparator(line.text) }
        return line.range.count >= 3 && line.units[line.range].allSatisfy { $0 == first }
    }

    static func isSeparator(_ text: String) -> Bool {
        guard let first = text.first, first == "_" || first == "-" else { return false }
        return text.count >= 3 && text.allSatisfy { $0 == first }
    }

    /// A footnote body standing with no rule above it (`3 See resolution 70/1.`): a line that
    /// opens with the label expected next (not a paragraph number, `3.` or `3 -`), whose marker
    /// stands in the text read since the previous bodies (`marks`, from `markerLabels`).
    static func bareBody(_ line: SourceLine, units: [UInt16], expected: Int, marks: Set<Int>) -> FootnoteBody? {
        guard marks.contains(expected), let first = line.first, Chars.isASCIIDigit(first),
              let (value, labelRange, textStart) = digitLabel(line, units: units), value == expected,
              ParagraphLabel.parse(line.view) == nil else { return nil }
        var body = MappedText()
        LineJoiner.append(line, from: units, to: &body, from: textStart)
        return FootnoteBody(label: String(value), text: body, labelRange: labelRange)
    }

    /// The labels a line may hold a marker of: each run of one to three digits that does not
    /// open the line (`peace,3`, `session, 3 in`), and the digits after a year (`20253` → 3).
    static func markerLabels(_ line: SourceLine, into labels: inout Set<Int>) {
        let units = line.units
        var k = line.range.lowerBound
        let end = line.range.upperBound
        while k < end {
            guard Chars.isASCIIDigit(units[k]) else { k += 1; continue }
            var j = k
            var value = 0
            while j < end, Chars.isASCIIDigit(units[j]) { if j - k < 9 { value = value * 10 + Int(units[j] - 0x30) }; j += 1 }
            let count = j - k
            if k > line.range.lowerBound, count <= 3 { labels.insert(value) }
            if count >= 5, count <= 7 {
                var power = 1
                for _ in 0..<(count - 4) { power *= 10 }
                let year = value / power
                if year >= 1900, year <= 2099 { labels.insert(value % power) }
            }
            k = j
        }
    }

    /// `12 Resolution 70/1.` → 12, the label's range, where the text starts.
    static func digitLabel(_ line: SourceLine, units: [UInt16]) -> (Int, Range<Int>, Int)? {
        var k = line.range.lowerBound
        var value = 0
        while k < line.range.upperBound, Chars.isASCIIDigit(units[k]), k - line.range.lowerBound < 3 {
            value = value * 10 + Int(units[k] - 0x30)
            k += 1
        }
        guard k > line.range.lowerBound, k < line.range.upperBound, units[k] == 0x20 || units[k] == 0xA0 || units[k] == 0x09 else { return nil }
        let labelEnd = k
        while k < line.range.upperBound, units[k] == 0x20 || units[k] == 0xA0 || units[k] == 0x09 { k += 1 }
        guard k < line.range.upperBound else { return nil }
        return (value, line.range.lowerBound..<labelEnd, k)
    }

    /// `¹ Nations Unies, …` → "1", the label's range, where the text starts.
    static func superscriptLabel(_ line: SourceLine, units: [UInt16]) -> (String, Range<Int>, Int)? {
        var k = line.range.lowerBound
        var label = [UInt16]()
        while k < line.range.upperBound, Chars.isSuperscriptDigit(units[k]) {
            label.append(Chars.superscriptValue(units[k]))
            k += 1
        }
        guard !label.isEmpty, k < line.range.upperBound else { return nil }
        let labelEnd = k
        while k < line.range.upperBound, units[k] == 0x20 || units[k] == 0xA0 || units[k] == 0x09 { k += 1 }
        guard k < line.range.upperBound else { return nil }
        return (String(utf16Units: label), line.range.lowerBound..<labelEnd, k)
    }

    /// The document's symbol from its masthead: a symbol standing alone on one of the first
    /// lines, or one that heads several pages.
    static func mastheadSymbol(_ lines: [SourceLine], from start: Int) -> String? {
        var counts: [String: Int] = [:]
        for line in lines[min(start, lines.count)...] where PageFurniture.looksLikeSymbol(line) {
            if line.index < start + 15 { return line.text }
            counts[line.text, default: 0] += 1
        }
        return counts.filter { $0.value >= 2 }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
