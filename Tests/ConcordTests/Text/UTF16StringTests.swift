import Foundation
import Testing
@testable import Concord

/// `String(utf16Units:)` makes the `String` the standard library makes from the same units,
/// on every corpus text and on surrogates paired, lone and reversed.
@Suite struct UTF16StringTests {
    @Test func theSameStringAsTheStandardLibrarys() throws {
        var texts: [[UInt16]] = [[], Array("A/RES/70/1".utf16), Array("résolution 70/1 — 第七十届会议 قرار".utf16),
                                 [0x61, 0xD83D, 0xDE00, 0x62], [0xD83D], [0xDE00, 0x61], [0x61, 0xDE00, 0xD83D], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
                                 [0xD83D, 0xD83D, 0xDE00], [0xDBFF, 0xDFFF, 0xD800], [0xD800, 0xDC00, 0xDC00, 0x41], [0xFFFD, 0xFEFF, 0xE000]]
        for path in [Paths.seed, Paths.corpora("seed/res-6-1.zh.txt"), Paths.corpora("seed/res-6-1.ar.txt")] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            texts += text.split(separator: "\n").map { Array($0.utf16) }
        }
        for units in texts {
            let made = String(utf16Units: units), standard = String(decoding: units, as: UTF16.self)
            #expect(Array(made.utf8) == Array(standard.utf8), "\(units.prefix(8))")
            #expect(Array(String(utf16Units: units.dropFirst()).utf8) == Array(String(decoding: units.dropFirst(), as: UTF16.self).utf8))
        }
        #expect(texts.count > 50)
    }

    /// `utf16Array`, and the reader's transcoder it calls, give the units `Array(utf16)`
    /// gives: for every code point (one, two, three and four UTF-8 bytes; outside the BMP, a
    /// surrogate pair), for the corpus texts in six languages and the rules' patterns, and for
    /// strings of random code points.
    @Test func unitsReadFromUTF8AreTheStandardLibrarys() throws {
        var texts = ["", "A/RES/70/1", "résolution 70/1 — 第七十届会议 قرار 😀", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"]
        texts.append(String(String.UnicodeScalarView((UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init))))
        for path in [Paths.seed, Paths.corpora("seed/res-6-1.zh.txt"), Paths.corpora("seed/res-6-1.ar.txt"), Paths.corpora("seed/res-6-1.ru.txt")] {
            texts.append(try String(contentsOfFile: path, encoding: .utf8))
        }
        for language in Language.official {
            texts += try #require(TestRules.shared.languages[language]).patterns.map(\.expanded)
        }
        var generator = SplitMix(state: 16)
        let planes: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xFFFF, 0x10000...0x10FFFF]
        for _ in 0..<2_000 {
            let scalars = (0..<Int.random(in: 0...40, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: planes.randomElement(using: &generator)!, using: &generator))
            }
            texts.append(String(String.UnicodeScalarView(scalars)))
        }
        var units = 0
        for text in texts {
            let standard = Array(text.utf16)
            #expect(text.utf16Array == standard, "\(text.unicodeScalars.prefix(8).map(\.value))")
            // The transcoder itself, not the standard view `utf16Array` falls back on: it
            // takes every string's UTF-8 and gives the same units.
            #expect(SourceDecoder.transcode(Array(text.utf8)[...]) == standard)
            // A substring made into a String of its own (not a slice of a larger one).
            let tail = String(text.dropFirst())
            #expect(tail.utf16Array == Array(tail.utf16))
            units += standard.count
        }
        #expect(units > 1_500_000)
    }

    /// Anchors become ids the same way, ASCII or not.
    @Test func anchorsBecomeIds() {
        #expect(StructureBuilder.id(for: "article:12(3)(b)") == "art12.3.b")
        #expect(StructureBuilder.id(for: "annex:1/paragraph:3") == "an1.p3")
        #expect(StructureBuilder.id(for: "part:2/chapter:iv/section:a/rule:7") == "pt2.chiv.sa.r7")
        #expect(StructureBuilder.id(for: "particle::1") == "pt1")  // `article:` first, then `part:`
        #expect(StructureBuilder.id(for: "preamble") == "preamble")
        #expect(StructureBuilder.id(for: "article:٣/paragraph:1") == "art٣.p1")
    }

    /// `replacingLiteral`, `trimmingWhitespace` and `containsASCII` give Foundation's answers, on every line of
    /// three language versions of the seed (as they are, and with spaces, tabs, no-break and
    /// ideographic spaces and brackets around them) and on the anchors and key templates they
    /// rewrite in the pipeline.
    @Test func foundationsStringsWithoutItsBridge() throws {
        var texts = ["", " ", "\u{3000}", "annex:1/paragraph:3", "A/RES/{number}", "{number}{number}", "II - A", "II -A- B",
                     "(a) ", " (iv)", "()", "e\u{301}:x", "\u{301}", "a\u{2009}", "\u{FEFF}b", "\u{85}c",
                     "a/\u{338}b", "é.\u{301}", "x\u{226E}/", "1/CP.21", "A/RES/70/1", "/", ".", ":\u{301}",
                     " \u{301}a", "a\u{A0}\u{301}", "\u{3000}\u{308}(x)\u{2003}", "\t\u{200B} \u{200C}"]
        for path in [Paths.seed, Paths.corpora("seed/res-6-1.zh.txt"), Paths.corpora("seed/res-6-1.ar.txt")] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for line in text.split(separator: "\n").map(String.init) {
                texts += [line, " " + line + "\t", "\u{A0}" + line, line + "\u{3000}", "(" + line, line + ")"]
            }
        }
        #expect(texts.count > 200)
        for text in texts {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.prefix(20))")
            #expect(text.trimmingWhitespace(also: "()") == text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "()"))))
            for character: StaticString in [".", "/", ":"] {
                #expect(text.containsASCII(character) == text.contains("\(character)"), "\(text.prefix(20)) \(character)")
            }
            for (target, replacement) in [(":", " "), ("{number}", "70/1"), (" - ", "-"), ("- ", "-"), ("e", "")] {
                #expect(text.replacingLiteral(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement),
                        "\(text.prefix(20)) \(target)")
            }
        }
    }

    /// `foundationWhitespace` is Foundation's `.whitespaces` on every code point, and the
    /// trimming gives Foundation's string around each BMP character, and with `also` holding
    /// characters outside the BMP (Foundation's way) or marks.
    @Test func foundationsWhiteSpaceOnEveryCodePoint() {
        var differences = [UInt32]()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let foundation = CharacterSet.whitespaces.contains(scalar)
            let ours = value <= 0xFFFF && String.foundationWhitespace(UInt16(value))
            if foundation != ours { differences.append(value) }
            if value <= 0xFFFF, value % 7 == 0 || foundation {
                let text = String(Character(scalar)) + "a b" + String(Character(scalar))
                if text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces) { differences.append(value) }
                if text.trimmingWhitespace(also: "a") != text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "a"))) {
                    differences.append(value)
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(10).map { String($0, radix: 16) })")
        for also in ["😀", "\u{301}", "()😀"] {
            let text = "😀 (x\u{301}) \u{301}😀"
            #expect(text.trimmingWhitespace(also: also) == text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: also))), "\(also)")
        }
    }

    /// `hasAtMostCharacters` gives `count <= limit` at every limit around the count, on every
    /// line of the six language versions of the seed (whole, and their first 41 and 161 units,
    /// the lengths the structure asks about) and on strings whose units join in characters:
    /// `\r\n`, combining marks, Arabic harakat, an emoji sequence, Hangul jamo.
    @Test func characterCountsWithoutCounting() throws {
        var texts = ["", "a", "\r\n", String(repeating: "\r\n", count: 50), String(repeating: "e\u{301}", count: 60),
                     String(repeating: "بِسْمِ ", count: 30), String(repeating: "👩‍👩‍👧", count: 45), String(repeating: "\u{1100}\u{1161}", count: 50),
                     String(repeating: "x", count: 170) + "\u{301}", String(repeating: "ab\r\n", count: 60)]
        for language in ["ar", "en", "es", "fr", "ru", "zh"] {
            let text = try String(contentsOfFile: Paths.corpora("seed/res-6-1.\(language).txt"), encoding: .utf8)
            for line in text.split(separator: "\n").map(String.init) {
                texts += [line, String(decoding: Array(line.utf16.prefix(41)), as: UTF16.self),
                          String(decoding: Array(line.utf16.prefix(161)), as: UTF16.self)]
            }
        }
        #expect(texts.count > 900)
        for text in texts {
            let count = text.count
            for limit in Set([0, 1, 40, 160, max(0, count - 1), count, count + 1]) {
                #expect(text.hasAtMostCharacters(limit) == (count <= limit), "\(text.prefix(20)) \(limit)")
            }
        }
    }
}
