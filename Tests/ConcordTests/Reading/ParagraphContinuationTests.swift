import Foundation
import Testing
@testable import Concord

/// A paragraph cut by a footnote block goes on after it unless the text there opens a new
/// unit, whatever the letter case: variants of the seed built from its own lines, with the
/// first two footnote bodies moved (in the seed they cut preambular paragraph 8, which here
/// is made whole). Body ¹ goes between preambular paragraphs 2 and 3 (a new paragraph after
/// the block: it must not be joined), body ² inside paragraph 5 right after a comma (the
/// paragraph goes on after the block: it must be one paragraph).
@Suite struct ParagraphContinuationTests {
    /// Where each language's paragraph 5 is cut (the text up to and including the comma), and
    /// how the seed's two halves of paragraph 8 are joined.
    static let cuts: [String: (after: String, joiner: String)] = [
        "ar": ("وإذ يرى أن خطة العمل العالمية ستعزز،", " "),
        "zh": ("并认为《全球行动计划》除其他外将加强合作，", ""),
        "en": ("the Protocol to Prevent, Suppress and Punish Trafficking in Persons,", " "),
        "ru": ("по борьбе с торговлей людьми², и считая,", " "),
    ]

    /// The seed of a language with the footnote bodies ¹ and ² moved as the suite says.
    static func variant(_ language: String) throws -> String {
        let lines = try String(contentsOfFile: Paths.corpora("seed/res-6-1.\(language).txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body1 = lines[24], body2 = lines[26]
        try #require(body1.hasPrefix("¹ ") && body2.hasPrefix("² "))
        let cut = try #require(cuts[language])
        let pp5 = lines[16]
        let split = try #require(pp5.range(of: cut.after))
        let head = String(pp5[..<split.upperBound])
        let tail = String(pp5[split.upperBound...].drop { $0 == " " })
        var out = Array(lines[0..<10])          // masthead to pp1
        out += [lines[10], "", body1, ""]       // pp2 (marker ¹, ends with a comma), then body ¹
        out += [lines[12], "", lines[14], ""]   // pp3 (a new paragraph after the block), pp4
        out += [head, "", body2, "", tail, ""]  // pp5 cut by body ² after a comma
        out += [lines[18], "", lines[20], ""]
        out += [lines[22] + cut.joiner + lines[28]]  // pp8 whole
        out += Array(lines[29...])
        return out.joined(separator: "\n")
    }

    static func write(_ language: String, to folder: URL) throws -> String {
        let path = folder.appendingPathComponent("res-6-1.\(language).txt").path
        try variant(language).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["ar", "zh", "en", "ru"])
    func aParagraphGoesOnAfterAFootnoteBlockAndANewOneDoesNotJoin(language: String) throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try DocumentReader().read(path: try Self.write(language, to: folder))
        let french = try DocumentReader().read(path: Paths.seed)
        // The same paragraphs as the French, and the markers in the same paragraphs.
        #expect(document.paragraphs(.preambular).count == french.paragraphs(.preambular).count)
        #expect(document.paragraphs.count == french.paragraphs.count)
        #expect(document.footnotes.map { $0.markers.map(\.paragraphID) } == french.footnotes.map { $0.markers.map(\.paragraphID) })
        #expect(document.footnotes.allSatisfy { $0.body != nil })
        // Paragraph 5 is one paragraph across body ², its two halves in order.
        let cut = try #require(Self.cuts[language])
        let pp5 = try #require(document.paragraph("pp5")).text.string
        let lines = try Self.variant(language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tail = lines[22]
        #expect(pp5.hasSuffix(tail), "\(language) pp5: \(pp5)")
        #expect(pp5.contains(String(cut.after.suffix(8))), "\(language) pp5: \(pp5)")
        // Paragraph 3 opens after body ¹ on its own: it is not joined to paragraph 2.
        let pp2 = try #require(document.paragraph("pp2")).text.string
        let pp3 = try #require(document.paragraph("pp3")).text.string
        #expect(lines[14].hasPrefix(String(pp3.prefix(20))), "\(language) pp3: \(pp3.prefix(40))")
        #expect(!pp2.contains(String(lines[14].prefix(20))))
    }

    /// The six-language set with the Arabic variant is as clean as the seed's set.
    @Test func theSetWithTheArabicVariantHasNoFinding() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = [try Self.write("ar", to: folder)]
        for language in ["en", "es", "fr", "ru", "zh"] {
            let path = folder.appendingPathComponent("res-6-1.\(language).txt").path
            try FileManager.default.copyItem(atPath: Paths.corpora("seed/res-6-1.\(language).txt"), toPath: path)
            files.append(path)
        }
        let report = TestPipeline.report([DocumentSet(name: "res-6-1", files: files.sorted())])
        #expect(report.findings.map { "\($0.rule) \($0.message)" } == [])
    }

    /// A lower-case word mid-sentence in English, or a word that only begins like an opening,
    /// is no opening; the openings of each language are.
    @Test func openingsAreReadAsWrittenAndWhole() {
        let assembler = ParagraphAssembler(lexicon: TestRules.shared.lexicon)
        for text in ["Recalling its resolution 5/1,", "ссылаясь на свою резолюцию", "وإذ يشير إلى قراره", "回顾其第5/1号决议", "3. Decides", "(a) the"] {
            #expect(assembler.reads(text, as: "opening"), "\(text)")
        }
        for text in ["recalling also that", "Recallings", "إذا لزم الأمر", "في جملة أمور", "改进打击贩运人口行动的协调", "Especially Women and Children,"] {
            #expect(!assembler.reads(text, as: "opening"), "\(text)")
        }
    }
}

/// Where a break falls decides nothing by itself: text cut mid-sentence goes on whatever word
/// follows, and text after a comma opens a paragraph when its first word is an opening the
/// language file does not list. Real documents, with a form feed put where a page could break.
@Suite struct ContinuationAcrossPageBreakTests {
    /// Cuts `line` of `text` at `offset` with a form feed between the halves.
    static func cut(_ text: String, line index: Int, at offset: String.Index) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = lines[index]
        lines.replaceSubrange(index...index, with: [String(line[..<offset]).trimmingCharacters(in: .whitespaces), "\u{0C}",
                                                    String(line[offset...]).trimmingCharacters(in: .whitespaces)])
        return lines.joined(separator: "\n")
    }

    /// In the Russian and Chinese seeds, a paragraph cut right before a word that can open a
    /// paragraph (`и признавая` — `признавая` opens paragraphs too; `并认为`) but with no
    /// punctuation before it stays one paragraph: every such place is tried.
    @Test(arguments: ["ru", "zh"])
    func aParagraphCutMidSentenceBeforeAnOpeningWordGoesOn(language: String) throws {
        let path = Paths.corpora("seed/res-6-1.\(language).txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let original = try DocumentReader().read(path: path)
        let assembler = ParagraphAssembler(lexicon: TestRules.shared.lexicon)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var tried = 0
        for (index, line) in lines.enumerated() where index > 8 && !line.hasPrefix("¹") && line.count > 40 {
            var k = line.index(line.startIndex, offsetBy: 2)
            while k < line.endIndex {
                let before = line[line.index(before: k)]
                let midSentence = language == "zh" ? before.isLetter : (before == " " && line[line.index(k, offsetBy: -2)].isLetter)
                if midSentence, assembler.reads(String(line[k...]), as: "opening"), !ParagraphLabelProbe.isLabel(line[k...]) {
                    tried += 1
                    let variant = try DocumentReader().read(bytes: Array(Self.cut(text, line: index, at: k).utf8), file: "res-6-1.\(language).txt")
                    #expect(variant.paragraphs.map(\.kind) == original.paragraphs.map(\.kind), "\(language) line \(index + 1): cut before \(line[k...].prefix(12))")
                    #expect(variant.paragraphs.map { $0.text.string.filter { !$0.isWhitespace } } == original.paragraphs.map { $0.text.string.filter { !$0.isWhitespace } })
                }
                k = line.index(after: k)
            }
        }
        print("\(language): \(tried) places cut mid-sentence before an opening word")
        #expect(tried >= 5)
    }

    /// `Regretting` opens a preambular paragraph of A/RES/80/1 though `en.yml` does not list it:
    /// after a page break that follows the comma of the paragraph before, it opens a new one.
    @Test func anUnlistedOpeningAfterACommaOpensAParagraph() throws {
        guard let path = Paths.shared("corpus/en-ga-80-txt/A_RES_80_1.txt") else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!TestRules.shared.lexicon.paragraphOpenings.contains("Regretting"))
        let original = try DocumentReader().read(path: path)
        // The blank line between the two paragraphs becomes a page break.
        let variant = text.replacingOccurrences(of: "General Assembly, \n \nRegretting", with: "General Assembly, \n\u{0C}\nRegretting")
        #expect(variant != text)
        let document = try DocumentReader().read(bytes: Array(variant.utf8), file: "A_RES_80_1.txt")
        #expect(document.paragraphs.map(\.kind) == original.paragraphs.map(\.kind))
        #expect(document.paragraph("pp2")?.text.string.hasPrefix("Regretting") == true)
    }
}

/// Whether text starts with a paragraph label (`3.`, `(a)`), through the reader's own test.
enum ParagraphLabelProbe {
    static func isLabel(_ text: Substring) -> Bool {
        let units = Array(text.utf16)
        return ParagraphLabel.parse(UnitText(units: units[...], isSimple: units.allSatisfy(Chars.isSimple))) != nil
    }
}

extension ParagraphContinuationTests {
    /// Markdown from a PDF converter keeps a paragraph cut at a page break as two blocks with
    /// nothing between them: the seed's preambular paragraph 8, cut after `… challenges and`
    /// (`并`, `والاقتصادية`) in every language, is one paragraph again, in scripts with and
    /// without letter case; the masthead's lines stay headings.
    @Test(arguments: ["ar", "zh", "en", "es", "fr", "ru"])
    func aParagraphCutAtAPageBreakInMarkdownIsOne(language: String) throws {
        let path = Paths.corpora("seed/res-6-1.\(language).txt")
        let text = try DocumentReader().read(path: path)
        // The seed's lines without its footnote bodies and rules, one block each, as Markdown.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { line in !line.isEmpty && !"¹²³⁴⁵⁶⁷⁸⁹⁰_".contains(line.first!) }
        let markdown = try DocumentReader().read(bytes: Array(lines.joined(separator: "\n\n").utf8), file: "res-6-1.\(language).md")
        #expect(markdown.paragraphs.map(\.kind) == text.paragraphs.map(\.kind), "\(language)")
        let cut = try #require(markdown.paragraphs(.preambular).dropFirst(7).first)
        #expect(cut.text.string.hasSuffix(try #require(text.paragraphs(.preambular).dropFirst(7).first).text.string.suffix(12)), "\(language)")
    }
}
