/// Finds footnote markers in paragraphs and pairs them with footnote bodies.
///
/// Explicit markers are unambiguous: superscript digits (`rapportant¹`) and Markdown
/// references (`[^3]`). Text taken from a PDF has bare digits instead (`Nations1`, `2024,1`,
/// `Commitment, 12 which`, even `2014–20243` for marker 3 after a year), which look like
/// any other number. They are told apart by what a footnote must satisfy: its marker comes
/// after the previous footnote's marker and before its own body (which sits at the foot of
/// the same page), and it follows a word, not a word that takes a number (`resolution 12`,
/// `section 11`) nor precedes a month (`12 September`); those words are the
/// `number-words-before` and `number-words-after` of the language files.
struct MarkerFinder: Sendable {
    var markdown: Bool
    /// The words that take a number or follow one (`number-words-before`, `-after` of the
    /// language files).
    var lexicon: ReadingLexicon

    private struct Found {
        var paragraph: Int
        var range: Range<Int>      // the marker in the paragraph's text
        var removal: Range<Int>    // what to take out of the text (a spaced marker takes its space)
        var label: String
    }

    func attach(_ paragraphs: inout [Paragraph], layout: Layout) -> [Footnote] {
        var found = [Found]()
        let searchable = Set(paragraphs.indices.filter { index in
            let p = paragraphs[index]
            return p.kind != .closing && !(p.kind == .heading && index < (paragraphs.firstIndex { $0.kind != .heading } ?? 0))
        })
        for index in paragraphs.indices where searchable.contains(index) {
            found += explicitMarkers(in: paragraphs[index].text.units, paragraph: index)
        }
        let explicitLabels = Set(found.map(\.label))

        // Bare-digit markers, label by label in document order of the bodies.
        let groupEnds = Array(Set(layout.bodyGroups.map(\.upperBound))).sorted()
        for (bodyIndex, body) in layout.bodies.enumerated() where !explicitLabels.contains(body.label) {
            guard Int(body.label) != nil else { continue }
            let group = layout.bodyGroups[bodyIndex]
            // The end of the last group of bodies before this one (binary search: a document
            // may have 100,000 bodies).
            var low = 0, high = groupEnds.count
            while low < high { let mid = (low + high) / 2; if groupEnds[mid] <= group.lowerBound { low = mid + 1 } else { high = mid } }
            let pageStart = low > 0 ? groupEnds[low - 1] : 0
            // Between the markers of the labels around it; a marker standing out of order
            // (a converter that put `[^5]` in the wrong paragraph) does not bound the search.
            let value = Int(body.label) ?? 0
            let next = found.filter { (Int($0.label) ?? 0) > value }
                .min { ($0.paragraph, $0.range.lowerBound) < ($1.paragraph, $1.range.lowerBound) }
            let previous = found.filter { marker in
                (Int(marker.label) ?? 0) < value
                    && next.map { (marker.paragraph, marker.range.lowerBound) < ($0.paragraph, $0.range.lowerBound) } ?? true
            }.max { ($0.paragraph, $0.range.lowerBound) < ($1.paragraph, $1.range.lowerBound) }
            if let marker = inferMarker(body.label, in: paragraphs, searchable: searchable, after: previous, before: next,
                                        sourceWindow: pageStart..<group.lowerBound) {
                found.append(marker)
            }
        }

        // Take markers out of the texts, remembering where each stood.
        var markersByParagraph = [Int: [FootnoteMarker]]()
        for index in Set(found.map(\.paragraph)).sorted() {
            let mine = found.filter { $0.paragraph == index }.sorted { $0.range.lowerBound < $1.range.lowerBound }
            let paragraph = paragraphs[index]
            var removedBefore = 0
            var markers = [FootnoteMarker]()
            for marker in mine {
                let textOffset = marker.removal.lowerBound - removedBefore
                markers.append(FootnoteMarker(label: marker.label,
                                              sourceRange: paragraph.text.sourceRange(marker.range),
                                              paragraphID: paragraph.id, textOffset: textOffset))
                removedBefore += marker.removal.count
            }
            paragraphs[index].text = paragraph.text.removing(mine.map(\.removal))
            paragraphs[index].markers = markers
            markersByParagraph[index] = markers
        }

        // One footnote per label: bodies in their order, then markers that have no body.
        var footnotes = [Footnote]()
        var position = [String: Int]()
        for body in layout.bodies {
            if let existing = position[body.label] {
                // A second body with the same label: keep both visible to the checks.
                if footnotes[existing].body == nil { footnotes[existing].body = body; continue }
                position[body.label] = footnotes.count
                footnotes.append(Footnote(label: body.label, body: body, markers: []))
            } else {
                position[body.label] = footnotes.count
                footnotes.append(Footnote(label: body.label, body: body, markers: []))
            }
        }
        for index in markersByParagraph.keys.sorted() {
            for marker in markersByParagraph[index]! {
                if let existing = footnotes.firstIndex(where: { $0.label == marker.label }) {
                    footnotes[existing].markers.append(marker)
                } else {
                    footnotes.append(Footnote(label: marker.label, body: nil, markers: [marker]))
                }
            }
        }
        return footnotes.enumerated().sorted { a, b in
            let (x, y) = (Int(a.element.label), Int(b.element.label))
            if let x, let y, x != y { return x < y }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func explicitMarkers(in units: [UInt16], paragraph: Int) -> [Found] {
        var result = [Found]()
        var i = 0
        while i < units.count {
            // Most units are neither a superscript digit (U+00B2 and above) nor `[`.
            if units[i] < 0xB2 && units[i] != 0x5B { i += 1; continue }
            if Chars.isSuperscriptDigit(units[i]) {
                var j = i
                var label = [UInt16]()
                while j < units.count, Chars.isSuperscriptDigit(units[j]) {
                    label.append(Chars.superscriptValue(units[j])); j += 1
                }
                result.append(Found(paragraph: paragraph, range: i..<j, removal: i..<j,
                                    label: String(utf16Units: label)))
                i = j
                continue
            }
            // Markdown `[^label]`
            if markdown, units[i] == 0x5B, i + 2 < units.count, units[i + 1] == 0x5E {
                var j = i + 2
                while j < units.count, units[j] != 0x5D, units[j] != 0x20, j - i < 20 { j += 1 }
                if j < units.count, units[j] == 0x5D, j > i + 2 {
                    result.append(Found(paragraph: paragraph, range: i..<(j + 1), removal: i..<(j + 1),
                                        label: String(utf16Units: units[(i + 2)..<j])))
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return result
    }

    private func inferMarker(_ label: String, in paragraphs: [Paragraph], searchable: Set<Int>,
                             after previous: Found?, before next: Found?, sourceWindow: Range<Int>) -> Found? {
        let digits = label.utf16Array
        let startParagraph = previous?.paragraph ?? 0
        for index in startParagraph..<paragraphs.count where searchable.contains(index) {
            let text = paragraphs[index].text
            let units = text.units
            var i = (index == previous?.paragraph) ? previous!.range.upperBound : 0
            while i < units.count {
                guard Chars.isASCIIDigit(units[i]) else { i += 1; continue }
                var j = i
                while j < units.count, Chars.isASCIIDigit(units[j]) { j += 1 }
                defer { i = j }
                let run = Array(units[i..<j])
                var markerStart: Int?
                if run == digits {
                    markerStart = i
                } else if run.count == 4 + digits.count, Array(run.suffix(digits.count)) == digits,
                          let year = Int(String(utf16Units: run.prefix(4))), year >= 1900, year <= 2099 {
                    markerStart = j - digits.count  // `2014–20243`: marker 3 glued to a year
                }
                guard let start = markerStart else { continue }
                if let next, (index, start) >= (next.paragraph, next.range.lowerBound) { return nil }
                let source = text.sourceOffset(at: start)
                if !markdown {
                    if source >= sourceWindow.upperBound { return nil }  // past its body: not on this page
                    if source < sourceWindow.lowerBound { continue }
                }
                if let removal = acceptable(units, runStart: i, markerStart: start, end: j) {
                    return Found(paragraph: index, range: start..<j, removal: removal, label: label)
                }
            }
        }
        return nil
    }

    /// Whether a digit run at `markerStart..<end` reads as a footnote marker; if so, what to
    /// take out of the text.
    private func acceptable(_ u: [UInt16], runStart: Int, markerStart: Int, end: Int) -> Range<Int>? {
        let next: UInt16? = end < u.count ? u[end] : nil
        // In a script written without spaces (Chinese) a marker stands between two characters
        // (报告5所载), as numbers do: the language's number words tell them apart.
        if let next, LineJoiner.isIdeographic(next), markerStart == runStart, runStart > 0,
           LineJoiner.isIdeographic(u[runStart - 1]) || isClosing(u[runStart - 1]) {
            return deniedAround(u, start: runStart, end: end) ? nil : markerStart..<end
        }
        // The same with a space an extractor put before it (`报告 5所载`).
        if let next, LineJoiner.isIdeographic(next), markerStart == runStart, runStart > 1, u[runStart - 1] == 0x20,
           LineJoiner.isIdeographic(u[runStart - 2]) || isClosing(u[runStart - 2]) {
            return deniedAround(u, start: runStart - 1, end: end) ? nil : (runStart - 1)..<end
        }
        if let next, isLetter(next) || next == 0x2F || next == 0x25 { return nil }          // 1st, 5/1, 5%
        if let next, isDash(next), end + 1 < u.count, Chars.isASCIIDigit(u[end + 1]) { return nil }  // 5–8
        if let next, (next == 0x2E || next == 0x2C), end + 1 < u.count, Chars.isASCIIDigit(u[end + 1]) { return nil } // 1.5, 1,000
        if markerStart != runStart { return markerStart..<end }  // glued to a year
        guard runStart > 0 else { return nil }
        let previous = u[runStart - 1]
        if previous == 0x28 || previous == 0x2F || isDash(previous) { return nil }           // (1), 80/1, 5–8
        // Digits that end a symbol-like token (`A/80/L.2`, `WG.4`) are part of it; after a
        // comma or semicolon they are not (`resolution 79/7;1`).
        var t = runStart
        while t > 0, u[t - 1] != 0x20 { t -= 1 }
        if previous != 0x2C, previous != 0x3B, u[t..<runStart].contains(0x2F) { return nil }
        if previous == 0x2E, runStart >= 2 {
            if Chars.isASCIIDigit(u[runStart - 2]) { return nil }                            // 1.5
            // `No.5`, `para.5`, `WG.4`: a number after an abbreviation, not a marker; after
            // a full word (`Development.2`) it is one.
            var w = runStart - 1
            while w > 0, isLetter(u[w - 1]) { w -= 1 }
            let word = u[w..<(runStart - 1)]
            if word.count <= 4 || word.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return nil }
        }
        if isLetter(previous) || isClosing(previous) {
            if denied(before: u, at: runStart) { return nil }
            return markerStart..<end  // glued: `Nations1`, `2024,1`, `Committee,3`
        }
        guard previous == 0x20, runStart >= 2 else { return nil }
        let beforeSpace = u[runStart - 2]
        // After a year and a space (`2014–2024 3 and`): the year's four digits, no more.
        var yearStart = runStart - 1
        while yearStart > 0, Chars.isASCIIDigit(u[yearStart - 1]) { yearStart -= 1 }
        let afterYear = runStart - 1 - yearStart == 4 && (yearStart == 0 || !Chars.isASCIIDigit(u[yearStart - 1]) && u[yearStart - 1] != 0x2F && u[yearStart - 1] != 0x2E)
            && Int(String(utf16Units: u[yearStart..<(runStart - 1)])).map { (1900...2099).contains($0) } == true
        guard isLetter(beforeSpace) || isClosing(beforeSpace) || afterYear else { return nil }
        if let next, !(next == 0x20 || next == 0x2C || next == 0x3B || next == 0x2E || next == 0x3A
                       || next == 0x060C || next == 0x061B || next == 0xFF0C || next == 0x3001 || next == 0x3002 || next == 0xFF1B) { return nil }
        if denied(before: u, at: runStart - 1) || deniedAfter(u, from: end) { return nil }
        return (runStart - 1)..<end  // spaced: `Commitment, 12 which` → take the space too
    }

    private func isLetter(_ u: UInt16) -> Bool {
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.isAlphabetic
    }

    private func isDash(_ u: UInt16) -> Bool { u == 0x2D || (u >= 0x2010 && u <= 0x2015) || u == 0x2212 }

    private func isClosing(_ u: UInt16) -> Bool {
        // , ; : . ) ’ ” " » ] and the Arabic and CJK commas, semicolons and full stop
        [0x2C, 0x3B, 0x3A, 0x2E, 0x29, 0x2019, 0x201D, 0x22, 0xBB, 0x5D,
         0x060C, 0x061B, 0xFF0C, 0x3001, 0x3002, 0xFF1B, 0xFF09, 0x300B].contains(u)
    }

    /// The word ending just before `position` (skipping spaces and punctuation).
    private func denied(before u: [UInt16], at position: Int) -> Bool {
        var end = position
        while end > 0, !isLetter(u[end - 1]) {
            if Chars.isASCIIDigit(u[end - 1]) { return false }
            // Only spaces between the word and the number count: `Rights, 1` is a marker.
            if u[end - 1] != 0x20 { return false }
            end -= 1
        }
        var start = end
        while start > 0, isLetter(u[start - 1]) { start -= 1 }
        let word = String(utf16Units: u[start..<end]).lowercased()
        return lexicon.numberWordsBefore.contains(word)
    }

    /// Whether a number word of the language files ends right before `start` or begins right
    /// at `end` (`第2款`, `172个`): words are not delimited in these scripts, so they are
    /// matched as the text's end and start.
    private func deniedAround(_ u: [UInt16], start: Int, end: Int) -> Bool {
        let before = String(utf16Units: u[max(0, start - 4)..<start])
        let after = String(utf16Units: u[end..<min(u.count, end + 4)])
        return lexicon.numberWordsBefore.contains { !$0.isEmpty && before.hasSuffix($0) }
            || lexicon.numberWordsAfter.contains { !$0.isEmpty && after.hasPrefix($0) }
    }

    private func deniedAfter(_ u: [UInt16], from position: Int) -> Bool {
        var start = position
        while start < u.count, u[start] == 0x20 { start += 1 }
        var end = start
        while end < u.count, isLetter(u[end]) || u[end] == 0x25 { end += 1 }
        let word = String(utf16Units: u[start..<end]).lowercased()
        if word.hasPrefix("%") { return true }
        return lexicon.numberWordsAfter.contains(word)
    }
}
