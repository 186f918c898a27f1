import Foundation
import Testing
@testable import Concord

@Suite struct NormalizedTextTests {
    /// Every space separator of Unicode becomes U+0020 (the C shim asks ICU only in the
    /// ranges where space separators are).
    @Test func everySpaceSeparatorBecomesASpace() {
        var separators = 0
        for u in 0x80...0xFFFF {
            guard let scalar = Unicode.Scalar(UInt32(u)), scalar.properties.generalCategory == .spaceSeparator else { continue }
            separators += 1
            #expect(NormalizedText(String(scalar)).units == [0x20], "U+\(String(u, radix: 16, uppercase: true))")
        }
        #expect(separators >= 16)
    }

    @Test func foldsWhatMatchingMustNotSee() {
        #expect(NormalizedText("rapportant¹").string == "rapportant1")
        #expect(NormalizedText("CTOC／COP／２０１２／７").string == "CTOC/COP/2012/7")
        #expect(NormalizedText("القرار ٦٤/٢٩٣").string == "القرار 64/293")
        #expect(NormalizedText("۱۲۳").string == "123")
        #expect(NormalizedText("\u{200F}A/RES/64/293\u{200E}\u{061C}").string == "A/RES/64/293")
        #expect(NormalizedText("\u{2066}S/RES/1325(2000)\u{2069}").string == "S/RES/1325(2000)")
        #expect(NormalizedText("n°\u{00A0}39574\u{202F};").string == "n° 39574 ;")
        #expect(NormalizedText("2014–2024 — 5‑8 −3").string == "2014-2024 - 5-8 -3")
        #expect(NormalizedText("*Recueil des Traités*").string == "Recueil des Traités")
        #expect(NormalizedText("ﬁnal").string == "final")
    }

    @Test func mapsEveryUnitBackToItsSegment() {
        // "e" + combining acute composes to one unit that maps to both source units.
        let text = NormalizedText("re\u{301}solution ¹")
        #expect(text.string == "résolution 1")
        #expect(text.originalRange(ofUnit: 1) == 1..<3)
        #expect(text.originalRange(ofUnit: 2) == 3..<4)
        // The superscript maps to itself; a range maps to the span of its segments.
        #expect(text.originalRange(ofUnit: 11) == 12..<13)
        #expect(text.originalRange(0..<2) == 0..<3)
        // U+FDFA expands to 18 characters, all from one source unit.
        let expanded = NormalizedText("ﷺ")
        #expect(expanded.count == 18)
        #expect((0..<expanded.count).allSatisfy { expanded.originalRange(ofUnit: $0) == 0..<1 })
    }

    /// The tatweel only stretches an Arabic word: it is dropped, so that الفــرع ثانيــا reads
    /// as الفرع ثانيا, and the letters around it keep their own source places; a short
    /// vowel written on a tatweel stays, mapped to the tatweel and itself.
    @Test func dropsTheTatweelKeepingTheMap() {
        let text = NormalizedText("الفــرع ثانيـا")
        #expect(text.string == "الفرع ثانيا")
        // ر (unit 3) stands after the two tatweels (source 3 and 4) at source unit 5.
        #expect(text.originalRange(ofUnit: 3) == 5..<6)
        #expect(text.originalRange(0..<5) == 0..<7)
        // ثانيا: ي is source unit 11, the tatweel 12 is gone, ا is 13.
        #expect(text.originalRange(ofUnit: 9) == 11..<12)
        #expect(text.originalRange(ofUnit: 10) == 13..<14)
        let vowel = NormalizedText("لـَ")
        #expect(vowel.string == "ل\u{064E}")
        #expect(vowel.originalRange(ofUnit: 1) == 1..<3)
    }

    @Test func composesWithTheParagraphMapToReachSourceLinesAndColumns() throws {
        let source = SourceText("title\n\u{200F}ضمن القرار ٦٤/٢٩٣\u{200F}\n")
        var mapped = MappedText()
        let line = source.lineRange(1)
        mapped.append(source.units, range: line)
        let normalized = NormalizedText(mapped.units)
        let match = try #require(normalized.string.range(of: "64/293"))
        let start = normalized.string.utf16.distance(from: normalized.string.utf16.startIndex, to: match.lowerBound.samePosition(in: normalized.string.utf16)!)
        let original = normalized.originalRange(start..<(start + 6))
        let sourceRange = mapped.sourceRange(original)
        // Line 2, after the RLM (column 1) and "ضمن القرار " (11 code points): column 13.
        #expect(source.position(of: sourceRange.lowerBound) == SourcePosition(line: 2, column: 13))
        #expect(source.string(sourceRange) == "٦٤/٢٩٣")
    }

    /// Real UN sentences in Arabic, Chinese, Russian and French: every normalized character
    /// maps back to source characters that normalize to text containing it.
    @Test(arguments: ["ar", "zh", "ru", "fr"])
    func roundTripOnRealSentences(language: String) throws {
        guard let path = Paths.shared("corpus/unpc-dev-1-2000/devset.\(language)") else { return }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2000)
        var checked = 0
        for line in lines {
            let original = Array(line.utf16)
            let normalized = NormalizedText(original)
            var previousStart = 0
            for i in 0..<normalized.count {
                let range = normalized.originalRange(ofUnit: i)
                // Ranges are within the source and never go backwards.
                #expect(range.lowerBound >= previousStart && range.upperBound <= original.count && !range.isEmpty)
                previousStart = range.lowerBound
                let again = NormalizedText(Array(original[range]))
                if !again.units.contains(normalized.units[i]) {
                    Issue.record("\(language): unit \(i) of “\(line.prefix(60))” does not come from \(range)")
                    return
                }
                checked += 1
            }
        }
        #expect(checked > 50_000)
    }
}

@Suite struct SourceTextTests {
    @Test func linesAndColumnsCountCodePoints() throws {
        let source = SourceText("a\r\nb😀c\rd\u{000C}e\n")
        #expect(source.lineCount == 4)
        let c = try #require(source.units.firstIndex(of: 0x63))
        #expect(source.position(of: c) == SourcePosition(line: 2, column: 3))  // 😀 is one column
        #expect(source.offset(of: SourcePosition(line: 2, column: 3)) == c)
        let e = try #require(source.units.firstIndex(of: 0x65))
        #expect(source.position(of: e) == SourcePosition(line: 3, column: 3))  // form feed is not a line break
    }

    /// The line starts and columns are those of a plain unit-by-unit reading, whatever
    /// stands where (`SourceText` passes over eight units at a time when none is a control
    /// character or a surrogate): line breaks of each kind, a CR and its LF on either side of
    /// an eight-unit boundary, tabs and form feeds, surrogate pairs and lone surrogates, at
    /// every offset of 4,000 seeded texts, and the seed in six languages.
    @Test func lineStartsAndColumnsAreThoseOfAPlainReading() throws {
        /// The reference: each unit read in turn.
        func plainStarts(_ units: [UInt16]) -> (starts: [Int], surrogates: Bool) {
            var starts = [0], surrogates = false, i = 0
            while i < units.count {
                let u = units[i]
                if u >= 0xD800 && u <= 0xDFFF { surrogates = true }
                if u == 0x0A { starts.append(i + 1) } else if u == 0x0D {
                    if i + 1 < units.count, units[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
            return (starts, surrogates)
        }
        let texts = try SeededUnits.texts(
            seed: 2_225, count: 4_000,
            pool: [0x0A, 0x0D, 0x09, 0x0C, 0x1F, 0x20, 0x7F, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0x4E00, 0x627, 0xFEFF],
            poolShare: 3, plain: 0x61...0x7A)
        var breaks = 0, withSurrogates = 0
        for units in texts {
            let source = SourceText(units: units)
            let plain = plainStarts(units)
            #expect(source.lineStarts == plain.starts, "\(units)")
            breaks += plain.starts.count - 1
            if plain.surrogates { withSurrogates += 1 }
            // The columns count code points only where a surrogate stands (`hasSurrogates`).
            for offset in stride(from: 0, through: units.count, by: max(1, units.count / 50)) {
                let line = source.lineIndex(of: offset)
                let column = 1 + units[plain.starts[line]..<offset].filter { !UTF16.isTrailSurrogate($0) }.count
                let expected = plain.surrogates ? column : offset - plain.starts[line] + 1
                #expect(source.position(of: offset) == SourcePosition(line: line + 1, column: expected), "\(units) at \(offset)")
            }
        }
        #expect(breaks > 3_000 && withSurrogates > 1_000, "\(breaks) breaks, \(withSurrogates) texts with surrogates")
    }

    @Test func mappedTextSurvivesRemovals() {
        let source = SourceText("Nations1 are\nprevented")
        var text = MappedText()
        text.append(source.units, range: source.lineRange(0))
        text.appendInserted(" ", at: 12)
        text.append(source.units, range: source.lineRange(1))
        #expect(text.string == "Nations1 are prevented")
        let removed = text.removing([7..<8])
        #expect(removed.string == "Nations are prevented")
        #expect(removed.sourceOffset(at: 7) == 8)   // the space after the marker
        #expect(removed.sourceOffset(at: 11) == 12) // the joining space maps to the line end
        #expect(removed.sourceOffset(at: 12) == 13) // "prevented" on line 2
        #expect(source.position(of: removed.sourceOffset(at: 12)) == SourcePosition(line: 2, column: 1))
    }
}
