import Foundation
import Testing
@testable import Concord

/// The label that opens a paragraph (`12.`, `12 -`, `(iv)`, `II.`), read on UTF-16 units when
/// every unit is a character of its own and through `Substring` otherwise. Both scans for `)`
/// and `.` stop once the label is longer than a label may be: these tests hold the limits, and
/// hold the two ways to the same answer on every line of the corpora's texts.
@Suite struct ParagraphLabelTests {
    private static func units(_ text: String) -> (ParagraphLabel, Int)? {
        let units = Array(text.utf16)
        return ParagraphLabel.parse(UnitText(units: units[...], isSimple: units.allSatisfy(Chars.isSimple)))
    }

    private static func both(_ text: String) -> [(ParagraphLabel, Int)?] {
        [units(text), ParagraphLabel.parse(Substring(text))]
    }

    @Test func labelsAtTheirLongest() {
        let cases: [(String, ParagraphLabel?, Int)] = [
            ("(abcd) text", .item("abcd"), 7),
            ("(abcde) text", nil, 0),
            ("(abcd", nil, 0),
            ("(a) text", .item("a"), 4),
            ("(iv)", .item("iv"), 4),
            ("(a b) text", nil, 0),
            ("()", nil, 0),
            ("(abcd)x", nil, 0),
            ("IIIII. text", .section("IIIII"), 7),
            ("IIIIII. text", nil, 0),
            ("XLVII. Rules", .section("XLVII"), 7),
            ("A. Introduction", .section("A"), 3),
            ("AB. text", nil, 0),
            ("Article 5. The Parties", nil, 0),
            ("The General Assembly. It", nil, 0),
            ("II.x", nil, 0),
            ("12. Decides", .number(12), 4),
            ("12 - يقرر", .number(12), 5),
            ("999.", .number(999), 4),
            ("1000. text", nil, 0),
        ]
        for (text, label, length) in cases {
            for (way, found) in zip(["units", "Substring"], Self.both(text)) {
                #expect(found?.0 == label, "\(way): \(text)")
                if let label, found?.0 == label { #expect(found?.1 == length, "\(way): \(text)") }
            }
        }
    }

    /// A long paragraph that opens with a capital or a parenthesis and has no label: the
    /// answer does not depend on where its first `.` or `)` is.
    @Test func longParagraphsWithoutALabel() {
        let body = String(repeating: "the Parties shall ", count: 200)
        for opening in ["Article 5 ", "(the Convention ", "IIIIIII ", "A "] {
            for end in [".", ")", ""] {
                let text = opening + body + end
                #expect(Self.both(text).allSatisfy { $0 == nil }, "\(opening)…\(end)")
                // The same with a combining mark far in, which sends the units to `Substring`.
                #expect(Self.units(text + "e\u{301}") == nil, "\(opening)…\(end) with a mark")
            }
        }
    }

    @Test func unitsAndSubstringAgreeOnTheCorpora() throws {
        var lines = 0, labels = 0
        for folder in ["seed", "treaty", "report", "repository"] {
            let root = Paths.corpora(folder)
            let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
            for name in names where name.hasSuffix(".txt") || name.hasSuffix(".md") {
                let text = try String(contentsOfFile: root + "/" + name, encoding: .utf8)
                for line in text.split(separator: "\n").map(String.init) {
                    let units = Array(line.utf16)
                    guard units.allSatisfy(Chars.isSimple) else { continue }
                    let (a, b) = (Self.units(line), ParagraphLabel.parse(Substring(line)))
                    #expect(a?.0 == b?.0 && a?.1 == b?.1, "\(name): \(line.prefix(40))")
                    lines += 1
                    if a != nil { labels += 1 }
                }
            }
        }
        #expect(lines > 1_500)
        #expect(labels > 200)
    }
}
