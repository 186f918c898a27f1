import Foundation
import Testing
@testable import Concord

/// `SetForms.rewrite` compiles the sets that case cannot change case-sensitively, with the code
/// points ICU's case closure would add written out, and writes letters (with numbers or marks)
/// with the properties ICU keeps built: a pattern must match exactly what ICU matches with the
/// pattern as written.
@Suite struct SetFormsTests {
    @Test(arguments: [
        // A property escape alone: wrapped, with what the closure adds; one that names a case: left.
        (#"\p{L}+"#, #"(?-i:[\p{L}\x{345}]+)"#),
        (#"\P{N}"#, #"(?-i:\P{N})"#),
        (#"\P{L}"#, #"(?-i:[^\p{L}\x{345}])"#),
        (#"[\P{L}\p{N}]"#, #"[\P{L}\p{N}]"#),
        (#"\p{Lu}\p{Ll}"#, #"\p{Lu}\p{Ll}"#),
        (#"\p{Greek}"#, #"\p{Greek}"#),  // not in the table: left to ICU
        // A class of properties and code points without case: wrapped whole.
        (#"(?<![\p{L}\p{N}])"#, #"(?<!(?-i:[\p{L}\p{N}\x{345}]))"#),
        (#"[\p{L}\x{0640}\d]"#, #"(?-i:[\p{L}\x{0640}\d\x{345}])"#),
        (#"[\p{L}''’-]*"#, #"(?-i:[\x{345}\p{L}''’-]*)"#),
        (#"[-\p{L}]"#, #"(?-i:[-\p{L}\x{345}])"#),
        (#"[-\p{L}-]"#, #"[-\p{L}-]"#),
        (#"[-\p{N}-]"#, #"(?-i:[-\p{N}-])"#),
        (#"[\p{N}.,]"#, #"(?-i:[\p{N}.,])"#),
        // A quantifier goes inside the group (ICU loops over a class faster, and without a
        // state saved per repetition).
        (#"\p{N}{2,4}?x"#, #"(?-i:\p{N}{2,4}?)x"#),
        (#"[\p{L}]{3}+\p{N}{,x"#, #"(?-i:[\p{L}\x{345}]{3}+)(?-i:\p{N}){,x"#),
        (#"[\p{Arabic} ]+?"#, #"(?-i:[\p{Arabic} ]+?)"#),
        (#"第[\p{N}〇一二三四五六七八九十]+条"#, #"第(?-i:[\p{N}〇一二三四五六七八九十]+)条"#),
        (#"[ك\p{L}]"#, #"(?-i:[\p{L}ك\x{345}])"#),
        (#"[\p{L}\p{M}\x{0640}]"#, #"(?-i:[\p{L}\p{M}\x{0640}])"#),  // each holds what the other's closure adds
        (#"الفقرة[\p{N}\p{Zs}]"#, #"الفقرة(?-i:[\p{N}\p{Zs}])"#),
        // A letter with case, a range, a negated or nested class, a set operation: left.
        (#"[a\p{L}]"#, #"[a\p{L}]"#),
        (#"[\p{Lu}\p{N}]"#, #"[\p{Lu}\p{N}]"#),
        (#"[\p{N}0-9]"#, #"[\p{N}0-9]"#),
        (#"[^\p{L}]"#, #"[^\p{L}]"#),
        (#"[[\p{L}]\p{N}]"#, #"[[\p{L}]\p{N}]"#),
        (#"[\p{L}&&\p{N}]"#, #"[\p{L}&&\p{N}]"#),
        (#"[\p{L}\n]"#, #"[\p{L}\n]"#),
        // Already case-sensitive: left (so the rewrite can run twice).
        (#"(?-i:(?<![\p{L}\p{N}]))"#, #"(?-i:(?<![\p{L}\p{N}]))"#),
        (#"(?-i)\p{L}(?i)\p{L}"#, #"(?-i)\p{L}(?i)(?-i:[\p{L}\x{345}])"#),
        (#"(?:(?-i:a)\p{L})"#, #"(?:(?-i:a)(?-i:[\p{L}\x{345}]))"#),
        (#"(?i:(?-i)x)\p{N}"#, #"(?i:(?-i)x)(?-i:\p{N})"#),
        // Classes without properties, escaped brackets and letters outside ASCII pass as they are.
        (#"[0-9]\[\p"#, #"[0-9]\[\p"#),
        (#"\\p{L}"#, #"\\p{L}"#),
        (#"résolution \d+\s*\(\d{4}\)"#, #"résolution \d+\s*\(\d{4}\)"#),
        // Patterns the walk cannot follow are left whole.
        (#"(?x) [\p{L}] # letter"#, #"(?x) [\p{L}] # letter"#),
        (#"\Q[\p{L}]\E\p{L}"#, #"\Q[\p{L}]\E\p{L}"#),
        (#"(?#[)\p{L}"#, #"(?#[)\p{L}"#),
        (#"[]\p{L}]"#, #"[]\p{L}]"#),
    ])
    func rewrites(_ input: String, _ expected: String) {
        #expect(SetForms.rewrite(input) == expected)
        // Running it again changes nothing.
        #expect(SetForms.rewrite(expected) == expected)
    }

    /// The cheaper forms replace the properties of a class or an escape, in either case scope;
    /// a class they cannot sit in (a hyphen beside, a range, a negated class) is left.
    @Test func cheaperForms() throws {
        let ln = try #require(SetForms.equalForm(["L", "N"])), l = try #require(SetForms.equalForm(["L"]))
        let lm = try #require(SetForms.equalForm(["L", "M"]))
        let cases: [(String, Bool, String)] = [
            (#"(?<![\p{L}\p{N}])"#, false, "(?<!\(ln))"),
            (#"(?<![\p{N}\p{L}])"#, false, "(?<!\(ln))"),
            (#"(?<![\p{L}\p{N}])"#, true, "(?<!(?-i:[\(ln)\\x{345}]))"),
            (#"\p{L}+x"#, false, "\(l)+x"),
            (#"\p{L}+x"#, true, "(?-i:[\(l)\\x{345}]+)x"),
            (#"[\p{L}\p{M}\x{0640}]+"#, true, "(?-i:[\(lm)\\x{0640}]+)"),
            (#"[\p{L}\p{M}\x{0640}]+"#, false, "[\(lm)\\x{0640}]+"),
            (#"[\p{L}ab]"#, false, "[\(l)ab]"),
            (#"[\p{L}-]"#, false, #"[\p{L}-]"#),
            (#"[\p{L}a-z]"#, false, #"[\p{L}a-z]"#),
            (#"[^\p{L}]"#, false, #"[^\p{L}]"#),
            (#"\P{L}"#, false, #"\P{L}"#),
            (#"\P{L}"#, true, #"(?-i:[^\p{L}\x{345}])"#),
            (#"[\p{N}]"#, false, #"[\p{N}]"#),
        ]
        Self.expectCheaper(cases)
        // ICU itself says whether a form is the set: a wrong one is refused.
        #expect(!SetForms.same(["L"], (#"\p{ID_Start}"#, "")))
        #expect(!SetForms.same(["L", "N"], (#"\p{ID_Start}\P{nt=None}"#, #"\x{1885}\x{1886}\x{2118}\x{212E}\x{309B}\x{309C}"#)))
    }

    /// Each pattern rewritten with the cheaper forms, in its case scope, is the expected text.
    static func expectCheaper(_ cases: [(String, Bool, String)],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        for (input, caseless, expected) in cases {
            #expect(SetForms.rewrite(input, caseInsensitive: caseless, cheaper: true) == expected, "\(input) \(caseless)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Every code point but the surrogates, in UTF-16.
    static let everyCodePoint: [UInt16] = {
        var units = [UInt16]()
        units.reserveCapacity(2_200_000)
        for value in UInt32(0)...0x10FFFF where !(0xD800...0xDFFF).contains(value) {
            if value < 0x10000 {
                units.append(UInt16(value))
            } else {
                units.append(UInt16(0xD800 + ((value - 0x10000) >> 10)))
                units.append(UInt16(0xDC00 + ((value - 0x10000) & 0x3FF)))
            }
        }
        return units
    }()

    /// The runs of code points a pattern `X+` matches, over every code point.
    static func matched(_ regex: ICURegex) -> [Range<Int>] {
        regex.matches(in: everyCodePoint).map(\.range)
    }

    /// The first few places where two lists of matches differ (the lists run to thousands).
    static func difference(_ got: [Range<Int>], _ expected: [Range<Int>]) -> String {
        let a = Set(got), b = Set(expected)
        return "\(got.count) against ICU's \(expected.count); only rewritten \(a.subtracting(b).sorted { $0.lowerBound < $1.lowerBound }.prefix(5)), only ICU \(b.subtracting(a).sorted { $0.lowerBound < $1.lowerBound }.prefix(5))"
    }

    /// The table is ICU's closure: each property, alone, in a class and complemented, matches
    /// the same code points case-insensitively as written and rewritten.
    @Test func theTableIsWhatICUsClosureAdds() throws {
        var compared = 0
        for name in SetForms.added.keys.sorted() {
            for pattern in ["\\p{\(name)}+", "[\\p{\(name)}]+", "\\P{\(name)}+"] {
                let rewritten = SetForms.rewrite(pattern)
                #expect(rewritten != pattern, "\(pattern) left")
                let asWritten = try ICURegex(pattern, caseInsensitive: true, rewritingSets: false)
                let expected = Self.matched(asWritten)
                let got = Self.matched(try ICURegex(rewritten, caseInsensitive: true, rewritingSets: false))
                let same = got == expected
                #expect(same, "\(pattern) → \(rewritten): \(Self.difference(got, expected))")
                compared += expected.reduce(0) { $0 + $1.count }
            }
        }
        #expect(compared > 1_000_000)
    }

    /// Each cheaper form is its set, over every code point, case-sensitively and not.
    @Test func theCheaperFormsAreTheirSets() throws {
        for names in SetForms.equalForms.keys.sorted(by: { $0.joined() < $1.joined() }) {
            let written = "[" + names.map { "\\p{\($0)}" }.joined() + "]+"
            for caseless in [false, true] {
                let rewritten = SetForms.rewrite(written, caseInsensitive: caseless, cheaper: true)
                #expect(rewritten.contains("ID_"), "\(written): \(rewritten)")
                let expected = Self.matched(try ICURegex(written, caseInsensitive: caseless, rewritingSets: false))
                let got = Self.matched(try ICURegex(rewritten, caseInsensitive: caseless, rewritingSets: false))
                let same = got == expected
                #expect(same, "\(written) → \(rewritten): \(Self.difference(got, expected))")
            }
            // The one-class form is the nested one: a union taken before the `--`.
            let form = try #require(SetForms.equalForms[names])
            let flat = try #require(SetForms.equalForm(names))
            #expect(flat == "[\(form.union)--[\(form.less)]]")
            let nested = Self.matched(try ICURegex("[[\(form.union)]--[\(form.less)]]+", caseInsensitive: false, rewritingSets: false))
            let one = Self.matched(try ICURegex(flat + "+", caseInsensitive: false, rewritingSets: false))
            #expect(one == nested, "\(names): \(Self.difference(one, nested))")
            #expect(nested.reduce(0) { $0 + $1.count } > 100_000)
        }
    }

    /// A script is written as the ranges ICU gives for it: the same code points as the
    /// property, case-sensitively and not, over every code point; in a class beside other
    /// properties the script is replaced and the others kept; beside a hyphen it is left.
    @Test func scriptsAreWrittenAsTheirRanges() throws {
        for name in SetForms.rangedScripts.sorted() {
            let form = try #require(SetForms.rangeForm(name), "\(name)")
            #expect(!form.contains("\\p"))
            for caseless in [false, true] {
                let expected = Self.matched(try ICURegex("[\\p{\(name)}]+", caseInsensitive: caseless, rewritingSets: false))
                let got = Self.matched(try ICURegex("[\(form)]+", caseInsensitive: caseless, rewritingSets: false))
                let same = got == expected
                #expect(same, "\(name) \(caseless): \(Self.difference(got, expected))")
                #expect(expected.reduce(0) { $0 + $1.count } > 100, "\(name)")
            }
        }
        #expect(SetForms.rangeForm("Greek") == nil && SetForms.rangeForm("L") == nil)
        let latin = try #require(SetForms.rangeForm("Latin")), arabic = try #require(SetForms.rangeForm("Arabic"))
        let cases: [(String, Bool, String)] = [
            (#"(?-i:[\p{Latin}\p{Arabic}\p{N}/])"#, true, "(?-i:[\(latin)\(arabic)\\p{N}/])"),
            (#"[\p{Latin}\p{N}/]"#, false, "[\(latin)\\p{N}/]"),
            (#"[\p{Arabic} ]+"#, true, "(?-i:[\(arabic) ]+)"),
            (#"\p{Arabic}x"#, false, "[\(arabic)]x"),
            (#"\p{Arabic}x"#, true, "(?-i:[\(arabic)])x"),
            (#"\P{Arabic}"#, false, #"\P{Arabic}"#),
            (#"[\p{Latin}-]"#, false, #"[\p{Latin}-]"#),
            (#"[\p{Greek}\p{N}]"#, false, #"[\p{Greek}\p{N}]"#),
        ]
        Self.expectCheaper(cases)
    }

    /// The resolution numbers of every language (`{resnum}`, whose part letters end at the
    /// three scripts' letters) match the same, as written and with the scripts as ranges, over
    /// text that puts every code point of the first planes after a part letter.
    @Test func resolutionNumbersMatchTheSameWithScriptsAsRanges() throws {
        var text = ""
        for value in UInt32(0x20)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = String(Character(scalar))
            text += "64/293 A\(c) 52/7 A and B\(c) 2200 А\(c) (XXI) 41/59 B\(c)/1 1325 (2000)\(c) "
        }
        let units = Array(text.utf16)
        var found = 0
        for language in Language.official {
            let pattern = try #require(TestRules.shared.languages[language]).resolutionNumbers.pattern
            #expect(SetForms.rewrite(pattern, caseInsensitive: false, cheaper: true).contains("\\p{Latin}") == false, "\(language)")
            let asWritten = try ICURegex(pattern, caseInsensitive: false, rewritingSets: false)
            let rewritten = try ICURegex(pattern, caseInsensitive: false)
            let expected = asWritten.matches(in: units).map(\.groups), got = rewritten.matches(in: units).map(\.groups)
            let same = got == expected
            #expect(same, "\(language): \(Self.difference(got.map { $0[0]! }, expected.map { $0[0]! }))")
            found += expected.count
        }
        #expect(found > 50_000)
    }

    /// A code point `caseFree` accepts is its own closure: the class of all of them matches the
    /// same code points case-insensitively and case-sensitively.
    @Test func caseFreeCodePointsAreTheirOwnClosure() throws {
        var ranges = [(UInt32, UInt32)]()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), SetForms.caseFree(scalar) else { continue }
            if let last = ranges.last, last.1 + 1 == value { ranges[ranges.count - 1].1 = value } else { ranges.append((value, value)) }
        }
        let body = ranges.map { $0.0 == $0.1 ? "\\x{\(String($0.0, radix: 16))}" : "\\x{\(String($0.0, radix: 16))}-\\x{\(String($0.1, radix: 16))}" }.joined()
        let caseless = Self.matched(try ICURegex("[\(body)]+", caseInsensitive: true, rewritingSets: false))
        let exact = Self.matched(try ICURegex("[\(body)]+", caseInsensitive: false))
        let same = caseless == exact
        #expect(same, "\(Self.difference(caseless, exact))")
        // Letters without case are among them (Arabic, Chinese); letters with case are not.
        #expect(exact.reduce(0) { $0 + $1.count } > 900_000)
        #expect(SetForms.caseFree("ك") && SetForms.caseFree("条") && SetForms.caseFree("’"))
        #expect(!SetForms.caseFree("a") && !SetForms.caseFree("Ж") && !SetForms.caseFree("\u{345}"))
    }

    /// Patterns of the shapes the rules write, as written and rewritten, over text that puts
    /// every code point of the first planes (and U+0345, the one letter-like mark the closure
    /// adds) where a boundary or a class decides.
    @Test func rewrittenPatternsMatchWhatICUMatches() throws {
        let patterns = [
            #"\s*,?\s+(?:of|to|in|under)\s+(?!(?:the\s+)?present\b)(?:the\s+)?[\p{L}\p{N}]"#,
            #"(?<!\p{L})(?:entitled|titled)\s*"(?<title>[^"]{1,40})""#,
            #"(?<![\p{L}\p{N}])(?:art\.|article)\s*(?<n>\d+)(?![\p{L}\p{N}])"#,
            #"(?<![\p{L}\p{M}\x{0640}])ال[\p{L}\p{M}\x{0640}]+"#,
            #"\b(?<list>\d+(?:[\p{N}.,]\d+)*)\P{L}"#,
            #"[\d\p{L}-]+/[\p{N}/.]+"#,
        ]
        var text = ""
        for value in UInt32(0x20)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = String(Character(scalar))
            text += " of \(c)x, article 5\(c) \(c)article 5 \(c)entitled \"a\(c)\" ال\(c)ب 12\(c)3 \(c)a-1/2.\(c)\n"
        }
        text += "article 5\u{345} \u{345}article 6 of \u{345} ال\u{345}ب \u{399}\u{3B9}\u{1FBE}"
        let units = Array(text.utf16)
        var found = 0
        for pattern in patterns {
            #expect(SetForms.rewrite(pattern) != pattern, "\(pattern) left")
            for caseless in [true, false] {
                let asWritten = try ICURegex(pattern, caseInsensitive: caseless, rewritingSets: false)
                let rewritten = try ICURegex(pattern, caseInsensitive: caseless)
                let expected = asWritten.matches(in: units).map(\.groups), got = rewritten.matches(in: units).map(\.groups)
                let same = got == expected
                #expect(same, "\(pattern) \(caseless): \(Self.difference(got.map { $0[0]! }, expected.map { $0[0]! })), groups \(got.count == expected.count)")
                found += expected.count
            }
        }
        #expect(found > 10_000)
    }

    /// `\d` in a class is written as the numeric type `De` when ICU agrees it is the same set:
    /// in a class of case-free parts the class is compiled case-sensitively, in any other
    /// class (negated, with a range) only the `\d` changes; outside a class, escaped, or
    /// without `cheaper`, nothing does. Each pattern matches what ICU matches as written, over
    /// every code point, in both case scopes.
    @Test func digitsInClassesAreWrittenAsTheNumericType() throws {
        let digits = try #require(SetForms.digitForm)
        #expect(digits == #"\p{nt=De}"#)
        let cases: [(String, Bool, String)] = [
            (#"[\d/]+x"#, true, #"(?-i:[\p{nt=De}/]+)x"#),
            (#"[\d/]+x"#, false, #"[\p{nt=De}/]+x"#),
            (#"[^()\d]{3}"#, true, #"[^()\p{nt=De}]{3}"#),
            (#"[\d٠-٩]"#, true, #"[\p{nt=De}٠-٩]"#),
            (#"[\d-]"#, true, #"(?-i:[\d-])"#),
            (#"[\d-]"#, false, #"[\d-]"#),
            (#"[\\d]\d+"#, true, #"[\\d]\d+"#),
            (#"\d+[a\d]"#, true, #"\d+[a\p{nt=De}]"#),
            (#"[\x{345}\d\p{L}-]"#, false, #"[\x{345}\d\p{L}-]"#),
        ]
        Self.expectCheaper(cases)
        #expect(SetForms.rewrite(#"[\d/]"#, caseInsensitive: false) == #"[\d/]"#)
        #expect(SetForms.rewrite(#"[\d/]"#, caseInsensitive: true) == #"[\d/]"#)
        for written in [#"[\d/]+"#, #"[^()\d]+"#, #"[\d年至到和及、]+"#, #"[\d٠-٩]+"#, #"[a\d]+"#, #"[\d\p{L}]+"#] {
            for caseless in [false, true] {
                let rewritten = SetForms.rewrite(written, caseInsensitive: caseless, cheaper: true)
                #expect(rewritten.contains("nt=De"), "\(written): \(rewritten)")
                let expected = Self.matched(try ICURegex(written, caseInsensitive: caseless, rewritingSets: false))
                let got = Self.matched(try ICURegex(rewritten, caseInsensitive: caseless, rewritingSets: false))
                let same = got == expected
                #expect(same, "\(written) → \(rewritten): \(Self.difference(got, expected))")
                #expect(expected.count > 60)
            }
        }
    }

    /// Classes are remembered per process by what they hold and their case scope: the same
    /// class in both scopes of one pattern, and again in another pattern, is written for each
    /// scope.
    @Test func aClassSeenBeforeIsRewrittenForItsScope() throws {
        let ln = try #require(SetForms.equalForm(["L", "N"]))
        let caseless = "(?-i:[\(ln)\\x{345}])"
        for _ in 0..<2 {
            #expect(SetForms.rewrite(#"(?<![\p{L}\p{N}])x(?-i:[\p{L}\p{N}])"#, caseInsensitive: true, cheaper: true)
                    == "(?<!\(caseless))x(?-i:\(ln))")
            #expect(SetForms.rewrite(#"(?-i:[\p{L}\p{N}])y(?<![\p{L}\p{N}])"#, caseInsensitive: true, cheaper: true)
                    == "(?-i:\(ln))y(?<!\(caseless))")
            #expect(SetForms.rewrite(#"[\p{L}\p{N}]"#, caseInsensitive: false, cheaper: true) == ln)
            #expect(SetForms.rewrite(#"[\p{L}\p{N}]"#, caseInsensitive: false, cheaper: false) == #"[\p{L}\p{N}]"#)
        }
    }

    /// An error names the pattern as the rules wrote it.
    @Test func anErrorNamesThePatternAsWritten() {
        #expect(throws: ICURegex.SyntaxError.self) { try ICURegex(#"[\p{L}\p{N}](unclosed"#) }
        do {
            _ = try ICURegex(#"[\p{L}\p{N}](unclosed"#)
        } catch {
            #expect(error.pattern == #"[\p{L}\p{N}](unclosed"#)
        }
    }
}
