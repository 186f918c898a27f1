/// Reads resolutions as plain text: the seed's form (superscript markers, footnote bodies
/// between the lines where the page broke) and pdftotext output (bare-digit markers glued to
/// words, a rule of underscores above each page's footnotes, running headers, job numbers).
struct PlainTextReader: Sendable {
    func layout(_ source: SourceText, lines: [SourceLine]) -> Layout {
        var layout = Layout()
        layout.frontMatter = FrontMatter.parse(lines)
        let symbol = layout.frontMatter.fields["symbol"] ?? Self.mastheadSymbol(lines, from: layout.frontMatter.lineCount)
        layout.documentSymbol = symbol
        let furniture = PageFurniture(documentSymbol: symbol)
        let units = source.units

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
        while i < lines.count {
            if lines[i].isBlank { i += 1; continue }
            var j = i
            while j < lines.count, !lines[j].isBlank { j += 1 }
            let run = Array(lines[i..<j])

            if Self.isSeparator(run[0]) {
                let (bodies, next) = readFootnoteZone(lines, from: i + 1, units: units, furniture: furniture, lastLabel: &lastLabel)
                appendGroup(bodies, to: &layout)
                previousWasBodies = false
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
            while k < j, !Self.isSeparator(lines[k]) {
                if !furniture.isFurnitureLine(lines[k]) { textLines.append(lines[k]) }
                k += 1
            }
            if !textLines.isEmpty {
                layout.blocks.append(Layout.Block(lines: textLines, interrupted: interrupted))
                interrupted = false
                previousWasBodies = false
            }
            i = k  // a separator, if any, is read on the next turn
        }
        layout.bodyGroups = groupOf.map { groups[$0] }
        return layout
    }


    /// The footnotes under a rule of underscores: `N text`, continuation lines directly
    /// below, bodies separated by blank lines; the zone ends at the first line that is
    /// neither (the next page's header, or text).
    private func readFootnoteZone(_ lines: [SourceLine], from start: Int, units: [UInt16],
                                  furniture: PageFurniture, lastLabel: inout Int) -> ([FootnoteBody], Int) {
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
            if !bodies.isEmpty, !sawBlank {
                LineJoiner.append(line, from: units, to: &bodies[bodies.count - 1].text)
                k += 1
                continue
            }
            break
        }
        return (bodies, k)
    }

    /// `isSeparator` of a line: its first unit must be `_` (no other character equals `_`).
    static func isSeparator(_ line: SourceLine) -> Bool {
        guard line.first == 0x5F else { return false }
        guard line.isSimple else { return isSeparator(line.text) }
        return line.range.count >= 5 && line.units[line.range].allSatisfy { $0 == 0x5F }
    }

    static func isSeparator(_ text: String) -> Bool {
        text.count >= 5 && text.allSatisfy { $0 == "_" }
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
        return (String(decoding: label, as: UTF16.self), line.range.lowerBound..<labelEnd, k)
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
