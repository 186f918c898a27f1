/// Reads resolutions as Markdown: `[^n]` markers, `[^n]:` footnote definitions (continuation
/// lines below them, indented or not, up to a blank line), `#` headings. Emphasis stays in
/// the text as written; the matching view drops it.
struct MarkdownReader: Sendable {
    func layout(_ source: SourceText, lines: [SourceLine]) -> Layout {
        var layout = Layout()
        layout.frontMatter = FrontMatter.parse(lines)
        layout.documentSymbol = layout.frontMatter.fields["symbol"]
        let units = source.units
        var bodies = [FootnoteBody]()
        var i = layout.frontMatter.lineCount
        var inBody = false
        while i < lines.count {
            if lines[i].isBlank { i += 1; continue }
            if let (label, labelRange, textStart) = definition(lines[i], units: units) {
                var text = MappedText()
                LineJoiner.append(lines[i], from: units, to: &text, from: textStart)
                i += 1
                while i < lines.count, !lines[i].isBlank {
                    if let (next, nextRange, _) = definition(lines[i], units: units) {
                        // Converters from PDF turn a continuation line that starts with a
                        // number (`1994 (United Nations publication …`) into a definition
                        // `[^1994]:`. One that follows directly and breaks the sequence is
                        // taken back as the continuation it was.
                        guard let value = Int(next), let previous = Int(label), value != previous + 1 else { break }
                        var k = nextRange.lowerBound + 2
                        let labelEnd = nextRange.upperBound - 2
                        var restored = MappedText()
                        restored.append(units, range: k..<labelEnd)
                        k = nextRange.upperBound
                        while k < lines[i].range.upperBound, units[k] == 0x20 { k += 1 }
                        if k < lines[i].range.upperBound {
                            restored.appendInserted(" ", at: k)
                            restored.append(units, range: k..<lines[i].range.upperBound)
                        }
                        if !text.isEmpty { text.appendInserted(" ", at: nextRange.lowerBound) }
                        text.append(restored, range: 0..<restored.count)
                        i += 1
                        continue
                    }
                    LineJoiner.append(lines[i], from: units, to: &text)
                    i += 1
                }
                bodies.append(FootnoteBody(label: label, text: text, labelRange: labelRange))
                continue
            }
            var block = [SourceLine]()
            while i < lines.count, !lines[i].isBlank, definition(lines[i], units: units) == nil {
                block.append(stripHeadingMarks(lines[i], units: units))
                i += 1
            }
            block.removeAll { $0.isBlank || PlainTextReader.isSeparator($0) }
            guard let first = block.first else { continue }
            // Converted PDFs keep paragraphs cut at page breaks as separate blocks: a block that
            // goes on in lower case may continue the one before (the assembler decides, as
            // after footnote bodies in text), and so may one after a block that stops
            // mid-sentence (running text longer than a heading with no closing punctuation:
            // `… and the Final` before `Documents of the 2000 …`, in any script), unless its
            // first word opens a unit (`cut`). The masthead's lines (`Eightieth session Agenda
            // item 13 Integrated and coordinated implementation of …`), before any block has
            // ended with punctuation, are headings.
            // A short block with no punctuation of its own after such a cut is a running header
            // the converter kept (`Participation by the State of Palestine during the eightieth
            // session`) or a heading: no paragraph goes on into it.
            let previousCut = inBody && (layout.blocks.last.map(Self.stopsMidSentence) ?? false)
                && !Self.isShortUnpunctuated(block)
            layout.blocks.append(Layout.Block(lines: block, interrupted: Chars.startsLowercase(first.view), cut: previousCut))
            if let last = block.last, Chars.endsHard(last.view) || Chars.endsSoft(last.view) { inBody = true }
        }
        if let first = bodies.first, let last = bodies.last {
            let group = first.labelRange.lowerBound..<last.text.sourceRange(0..<last.text.count).upperBound
            layout.bodies = bodies
            layout.bodyGroups = Array(repeating: group, count: bodies.count)
        }
        return layout
    }

    /// Whether a block is running text cut mid-sentence: ending with neither closing nor soft
    /// punctuation, and a numbered paragraph (`14 - يرحب بنتائج … المعني بالمساعدة`) or longer
    /// than a heading (150 characters, an ideograph counting three: Chinese says in 60 what
    /// English says in 180).
    static func stopsMidSentence(_ block: Layout.Block) -> Bool {
        guard let first = block.lines.first, let last = block.lines.last,
              !Chars.endsHard(last.view), !Chars.endsSoft(last.view) else { return false }
        if case .number? = ParagraphLabel.parse(first.view)?.0 { return true }
        var length = 0
        for line in block.lines {
            for unit in line.units[line.range] {
                length += (0x3000...0x9FFF).contains(unit) || (0xF900...0xFAFF).contains(unit) ? 3 : 1
                if length >= 150 { return true }
            }
        }
        return false
    }

    /// A block ending with neither closing nor soft punctuation that is not cut text (a
    /// heading, a running header).
    static func isShortUnpunctuated(_ lines: [SourceLine]) -> Bool {
        guard let last = lines.last, !Chars.endsHard(last.view), !Chars.endsSoft(last.view) else { return false }
        return !stopsMidSentence(Layout.Block(lines: lines, interrupted: false))
    }

    /// `[^12]: Resolution 70/1.` → "12", the `[^12]:` range, where the text starts.
    private func definition(_ line: SourceLine, units: [UInt16]) -> (String, Range<Int>, Int)? {
        let r = line.range
        guard r.count >= 5, units[r.lowerBound] == 0x5B, units[r.lowerBound + 1] == 0x5E else { return nil }
        var k = r.lowerBound + 2
        while k < r.upperBound, units[k] != 0x5D { k += 1 }
        guard k + 1 < r.upperBound, units[k + 1] == 0x3A, k > r.lowerBound + 2 else { return nil }
        let label = String(utf16Units: units[(r.lowerBound + 2)..<k])
        var textStart = k + 2
        while textStart < r.upperBound, units[textStart] == 0x20 || units[textStart] == 0x09 { textStart += 1 }
        guard textStart < r.upperBound else { return nil }
        return (label, r.lowerBound..<(k + 2), textStart)
    }

    /// `## Annex` → `Annex`.
    private func stripHeadingMarks(_ line: SourceLine, units: [UInt16]) -> SourceLine {
        var k = line.range.lowerBound
        while k < line.range.upperBound, units[k] == 0x23 { k += 1 }
        guard k > line.range.lowerBound, k < line.range.upperBound, units[k] == 0x20 else { return line }
        while k < line.range.upperBound, units[k] == 0x20 { k += 1 }
        return SourceLine(index: line.index, range: k..<line.range.upperBound, units: units, isStrictlyEmpty: false)
    }
}
