import Foundation
import Testing
@testable import Concord

/// What a match starting with a digit starts with (`DigitHead`): its reading of patterns,
/// what it admits, and that on every corpus text every match of every rule that starts with
/// a digit starts at a place the pre-scan still gives.
@Suite struct DigitHeadTests {
    /// A head as `fewest-most:followers` (`*` for any follower, `s` for ICU's `\s` in ASCII,
    /// letters in lower case only: both cases are always there), then ` !d` when a match may
    /// not start right after a digit.
    static func reading(_ pattern: String) -> String? {
        guard let head = DigitHead.of(pattern) else { return nil }
        let range = (head.afterDigit ? "" : "!d ") + "\(head.fewest)-\(head.most.map(String.init) ?? "")"
        if head.anyFollower { return range + ":*" }
        func has(_ c: Int) -> Bool { c < 64 ? head.following.0 & (1 << UInt64(c)) != 0 : head.following.1 & (1 << UInt64(c - 64)) != 0 }
        let space = [9, 10, 11, 12, 13, 28, 29, 30, 31, 32]
        var text = space.allSatisfy(has) ? "s" : ""
        for c in 33..<127 where has(c) && !(c >= 0x41 && c <= 0x5A) {
            if c >= 0x61 && c <= 0x7A { #expect(has(c - 32), "both cases of \(c)") }
            text.unicodeScalars.append(Unicode.Scalar(UInt8(c)))
        }
        return range + ":" + text
    }

    @Test func readings() {
        #expect(Self.reading(#"\b(?<day>\d{1,2})\s+May"#) == "!d 1-2:s")
        #expect(Self.reading(#"\d+\s+May"#) == "1-:s")
        #expect(Self.reading(#"\b\d{1,2}(?:st|nd|rd|th)?\s+of"#) == "!d 1-2:snrst")
        #expect(Self.reading(#"(?<!\d)\d{1,2}(?:[.:]\d{2})?\s*(?:a\.\s?m\.|p\.\s?m\.)"#) == "!d 1-2:s.:ap")
        #expect(Self.reading(#"\b(?<day>\d{1,2})(?:\s*(?:-|(?<![\p{L}])(?:to)(?![\p{L}])|and)\s*(?<day2>\d{1,2}))?\s+(?<month>May|June)"#) == "!d 1-2:s-at")
        // Only when every way to the digit passes the assertion; `\b?`, `\B` and `(?<=\d)` do not count.
        #expect(Self.reading(#"(?:\b|x)?\d\s"#) == "1-1:s")
        #expect(Self.reading(#"(?:\b|(?<!\d))\d\s"#) == "!d 1-1:s")
        #expect(Self.reading(#"\b?\d\s"#) == "1-1:s")
        #expect(Self.reading(#"\B\d\s"#) == "1-1:s")
        #expect(Self.reading(#"(?<=\d)\d\s"#) == "1-1:s")
        #expect(Self.reading(#"(?<!\d{2})\d\s"#) == "1-1:s")
        #expect(Self.reading(#"(?:\d{1,2}|\d{4})-"#) == "1-4:-")
        #expect(Self.reading(#"x|\d{3}y"#) == "3-3:y")
        #expect(Self.reading(#"(?i-m:\d{2,})(?#note)[/\-]"#) == "2-:-/")
        // What follows may be a digit, or nothing: only the fewest digits count.
        #expect(Self.reading(#"\d{4}"#) == "4-4:*")
        #expect(Self.reading(#"(?:\d{2})+x"#) == "2-2:*")
        #expect(Self.reading(#"\d\p{L}"#) == "1-1:*")
        #expect(Self.reading(#"\d{1,2}\1"#) == "1-2:*")
        #expect(Self.reading(#"\d{1,2}[^a]"#) == "1-2:*")
        #expect(Self.reading(#"\d{1,2}(?:x|\w)"#) == "1-2:*")
        // A literal digit, a class with a digit, free spacing, quoting: no head.
        #expect(Self.reading(#"1er|\d{2}"#) == nil)
        #expect(Self.reading(#"[\d,]+x"#) == nil)
        #expect(Self.reading(#"[0-9]{2}x"#) == nil)
        #expect(Self.reading(#"(?x) \d{2} x"#) == nil)
        #expect(Self.reading(#"\Q1\E\d"#) == nil)
        #expect(Self.reading(#"(\d{2}"#) == nil)
        #expect(Self.reading(#"resolution \d+"#) == nil)  // no match starts with a digit
        // A character outside ASCII after the digits stands for the letters it may fold to.
        #expect(Self.reading("\\d+年") == "1-:abcdefghijklmnopqrstuvwxyz")
        #expect(Self.reading(#"\d+\x{212A}"#) == "1-:abcdefghijklmnopqrstuvwxyz")
        #expect(Self.reading(#"\d+\x{0663}"#) == "1-:*")  // an Arabic-Indic digit
        // The table keeps the heads through the rule cache's encoding.
        let prescan = Prescan(patterns: [#"\b(?<day>\d{1,2})\s+May"#, #"\d+\s+May"#, "resolution", #"\d{4}"#])
        #expect(prescan.table.digitHeads.map { $0 != nil } == [true, true, false, true])
        #expect(Prescan.decode(prescan.encodedTable) == prescan.table)
    }

    @Test func whatAHeadAdmits() throws {
        let day = try #require(DigitHead.of(#"\b(?<day>\d{1,2})\s+May"#))
        func admits(_ head: DigitHead, _ text: String, at place: Int = 0) -> Bool {
            let units = Array(text.utf16)
            var end = place
            while end < units.count, LiteralScanner.categories[Int(units[end])] & 2 != 0 { end += 1 }
            return units.withUnsafeBufferPointer { text in
                LiteralScanner.categories.withUnsafeBufferPointer { head.admits(text, at: place, run: end - place, categories: $0) }
            }
        }
        #expect(admits(day, "12 May"))
        #expect(admits(day, "1\tMay"))
        #expect(!admits(day, "2005 May"))         // four digits
        #expect(!admits(day, "60/12"))            // a slash after them
        #expect(!admits(day, "3b5 May"))
        #expect(!admits(day, "12"))               // nothing after them
        #expect(admits(day, "12\u{00A0}May"))     // outside ASCII: ICU decides
        #expect(admits(day, "1\u{1D7D0} May"))    // a digit outside the BMP after the 1
        #expect(admits(day, "١٢ May"))            // Arabic-Indic digits are digits
        #expect(!admits(day, "١٢٣ May"))
        let year = try #require(DigitHead.of(#"\d{4}\s"#))
        #expect(admits(year, "2005 "))
        #expect(!admits(year, "205 "))            // too few
        #expect(!admits(year, "20051 "))          // too many
        #expect(admits(year, "20\u{1D7D0}\u{1D7D0} "))  // the run goes on outside the BMP
        #expect(!admits(year, "12\u{00A0}"))     // two digits, then no digit: too few
        let chinese = try #require(DigitHead.of("\\d{4}年"))
        #expect(admits(chinese, "2015年"))
        #expect(!admits(chinese, "9月"))
        // After a digit of any script, `(?<!\d)` fails; after a letter it does not.
        let time = try #require(DigitHead.of(#"(?<!\d)\d{1,2}\s*h"#))
        #expect(admits(time, "10 h"))
        #expect(!admits(time, "10 h", at: 1))
        #expect(!admits(time, "\u{0663}4 h", at: 1))
        #expect(admits(time, "x4 h", at: 1))
        #expect(admits(time, "\u{1D7D0}4 h", at: 2))  // a digit outside the BMP before: ICU decides
        let any = try #require(DigitHead.of(#"\d{2}"#))
        #expect(admits(any, "2005"))
        #expect(!admits(any, "2"))
        // The places the pre-scan gives: the date's only at `12 May`.
        let prescan = Prescan(patterns: [#"\b(?<day>\d{1,2})\s+May"#, #"\d+\s+May"#])
        let text = "On 12 May 2005 (A/60/12), item 3b5 May, 7 May"
        let plan = prescan.plan(Array(text.utf16))
        #expect(plan[0].starts == [3, 40])
        // `\d+` may start at any digit followed by digits, white space and `M`: not in `2005 (`
        // nor `60/12)`.
        #expect(plan[1].starts == [3, 4, 33, 40])
    }

    /// What a match goes on with after the digits and any white space (`DigitHead.Spaced`).
    @Test func whatFollowsTheWhiteSpace() throws {
        func spaced(_ pattern: String) -> DigitHead.Spaced? { DigitHead.of(pattern)?.spaced }
        func admits(_ pattern: String, _ text: String) throws -> Bool {
            let head = try #require(DigitHead.of(pattern))
            let units = Array(text.utf16)
            var end = 0
            while end < units.count, LiteralScanner.categories[Int(units[end])] & 2 != 0 { end += 1 }
            return units.withUnsafeBufferPointer { text in
                LiteralScanner.categories.withUnsafeBufferPointer { head.admits(text, at: 0, run: end, categories: $0) }
            }
        }
        let day = #"\b(?<day>\d{1,2})\s+(?<month>(?:(?<!\p{L})(?:May|June)))"#
        #expect(try admits(day, "12 May"))
        #expect(try admits(day, "12 \t june"))          // any white space, either case
        #expect(try !admits(day, "12 of May"))
        #expect(try !admits(day, "12 5 May"))
        #expect(try !admits(day, "12  "))               // white space, then nothing
        #expect(try !admits(day, "12May"))               // `\s+`: one at least (the head's own reading)
        #expect(try admits(day, "12 \u{00A0}May"))       // outside ASCII: ICU decides
        #expect(try admits(day, "12 \u{039C}ay"))        // (a letter that is no M's case)
        // Optional parts, and white space inside groups, on every way on.
        let french = #"\b(?<day>\d{1,2})(?:er)?\s+(?:May|June)"#
        #expect(try admits(french, "1er May"))
        #expect(try admits(french, "1 e"))               // (the letters are not read further)
        #expect(try !admits(french, "1 of May"))
        let spanish = #"\b(?<day>\d{1,2})(?:[o°])?(?:(?:\s+de)?\s+)(?:mayo|junio)"#
        #expect(try admits(spanish, "5 de mayo"))
        #expect(try admits(spanish, "5 mayo"))
        #expect(try !admits(spanish, "5 (de mayo)"))
        #expect(try !admits(spanish, "5 12"))
        let range = #"\d{1,2}(?:\s*(?:-|to)\s*\d)?\s+May"#
        #expect(try admits(range, "3 - 5 May"))
        #expect(try admits(range, "3 to 5 May"))
        #expect(try !admits(range, "3 , 5 May"))
        // Alternatives merge; a way on that may be nothing, a digit or white space after
        // the white space gives none.
        let merged = try #require(spaced(#"\d+\s+May|\d+ June"#))
        let together = try #require(spaced(#"\d+\s+(?:May|June)"#))
        #expect(merged == together)
        #expect(spaced(#"\d+\s+May|\d+-June"#) != nil)
        #expect(spaced(#"\d+\s+May|\d+"#) == nil)
        #expect(spaced(#"\d+\s+(?:May)?"#) == nil)
        #expect(spaced(#"\d+\s+[\s\w]"#) == nil)
        #expect(spaced(#"\d+\s+(?:\d|May)"#) == nil)
        #expect(spaced(#"\d+\s+\p{L}"#) == nil)       // (a property: anything)
        #expect(spaced(#"\d+[\s\x{A0}]May"#) == nil)   // (a set not of white space only)
        // The character right after the first letter (`pairs`): `12 Ma` may go on with May,
        // `12 members` cannot; the text ending there, or a character outside ASCII, is left to ICU.
        #expect(try admits(day, "12 Ma"))
        #expect(try admits(day, "12 JU"))
        #expect(try !admits(day, "12 members"))
        #expect(try !admits(day, "12 jo"))
        #expect(try admits(day, "12 m"))
        #expect(try admits(day, "12 m\u{00E9}"))
        #expect(try !admits(range, "3 the May"))
        #expect(try admits(range, "3 To 5 May"))
        #expect(try !admits(spanish, "5 dos mayo"))       // (`d`, then `e` only)
        #expect(try admits(spanish, "5 de  mayo"))
        // A first letter the match may end with goes on with anything; a repeated one with
        // itself or what follows it.
        let pairs = try #require(spaced(#"\d+\s+(?:a|bc|x+y)"#)?.pairs)
        func follows(_ first: Character, _ second: Character) -> Bool {
            pairs.admits(row: DigitHead.Pairs.row(UInt16(first.asciiValue!))!, UInt16(second.asciiValue!))
        }
        #expect(follows("a", "z") && follows("A", "-") && follows("b", "c") && follows("B", "C"))
        #expect(!follows("b", "d") && !follows("b", " "))
        #expect(follows("x", "x") && follows("x", "y") && !follows("x", "z"))
        // A letter outside ASCII in the pattern may match two in the text (`ß`, `ss`): every
        // letter may then go on with anything.
        let wide = try #require(spaced(#"\d+\s+(?:\x{DF}x|May)"#)?.pairs)
        #expect(wide.admits(row: DigitHead.Pairs.row(UInt16(UInt8(ascii: "s")))!, UInt16(UInt8(ascii: "s"))))
        #expect(wide.admits(row: DigitHead.Pairs.row(UInt16(UInt8(ascii: "m")))!, UInt16(UInt8(ascii: "q"))))
        #expect(try admits(#"\d+\s+(?:stra\x{DF}e|May)"#, "5 strasse"))
        // (A character outside ASCII whose folding is one unit matches one: `°`, `é`.)
        let degree = try #require(spaced(#"\d+(?:[o\x{B0}])?\s+(?:de\s+)?(?:mayo|\x{E9}t\x{E9})"#)?.pairs)
        #expect(!degree.admits(row: DigitHead.Pairs.row(UInt16(UInt8(ascii: "d")))!, UInt16(UInt8(ascii: "o"))))
        #expect(degree.admits(row: DigitHead.Pairs.row(UInt16(UInt8(ascii: "e")))!, UInt16(UInt8(ascii: "t"))))
        // A second-letter reading that runs out of steps gives no pairs, and leaves the head
        // and the first character as they are (it has a budget of its own).
        let branching = #"\d+\s+"# + String(repeating: #"(?:\s|\t)?"#, count: 12) + "c"
        let long = try #require(DigitHead.of(branching)?.spaced)
        #expect(long.pairs == nil)
        #expect(try admits(branching, "5 c") && !admits(branching, "5 d"))
        // The rule cache's encoding keeps it.
        let prescan = Prescan(patterns: [day, spanish, #"\d+\s+May|\d+"#])
        #expect(prescan.table.digitHeads.map { $0?.spaced != nil } == [true, true, false])
        #expect(prescan.table.digitHeads.map { $0?.spaced?.pairs != nil } == [true, true, false])
        #expect(Prescan.decode(prescan.encodedTable) == prescan.table)
    }

    /// Any text reads without a crash: every rule's pattern cut short at every 211th character,
    /// and with a character dropped there (unclosed groups and classes, dangling escapes).
    @Test func brokenPatternsReadWithoutACrash() {
        var read = 0
        for language in Language.official {
            for pattern in TestRules.shared.languages[language]?.patterns ?? [] {
                let scalars = Array(pattern.expanded.unicodeScalars)
                for cut in stride(from: 0, to: scalars.count, by: 211) {
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: scalars[..<cut])
                    _ = DigitHead.of(String(text))
                    text.append(contentsOf: scalars[(cut + 1)...])
                    _ = DigitHead.of(String(text))
                    read += 2
                }
            }
        }
        #expect(read >= 2_000)
        for text in ["[", "(", "\\", "(?", "(?<", "[a-", "\\x{", "\\x{110000}", "\\d{2,1}", "\\d{99999999}", "(?<!\\d", "[]", "[^"] {
            _ = DigitHead.of(text)
        }
    }

    /// On every corpus text (both `../shared` corpora included) and in every language: each
    /// match of each rule with a head, found with no pre-scan at all, starts at a place the
    /// pre-scan gives. And the heads drop places (else this measures nothing).
    @Test func everyCorpusMatchStartsAtAPlaceGiven() throws {
        guard let texts = try LowercaseWordsTests.corpusTexts() else { return }
        var checked = 0, dropped = 0, headed = 0, spaced = 0, droppedAfterSpace = 0, paired = 0, droppedByPairs = 0
        var misses = [String]()
        for language in Language.official {
            let rules = try #require(TestRules.shared.languages[language])
            let indices = rules.patterns.indices.filter { rules.prescan.table.digitHeads[$0] != nil }
            headed += indices.count
            spaced += indices.filter { rules.prescan.table.digitHeads[$0]?.spaced != nil }.count
            paired += indices.filter { rules.prescan.table.digitHeads[$0]?.spaced?.pairs != nil }.count
            var withoutHeads = rules.prescan.table
            withoutHeads.digitHeads = withoutHeads.digitHeads.map { _ in nil }
            let plain = Prescan(table: withoutHeads)
            var withoutSpaced = rules.prescan.table
            withoutSpaced.digitHeads = withoutSpaced.digitHeads.map { $0.map { head in var h = head; h.spaced = nil; return h } }
            let unspaced = Prescan(table: withoutSpaced)
            var withoutPairs = rules.prescan.table
            withoutPairs.digitHeads = withoutPairs.digitHeads.map { $0.map { head in var h = head; h.spaced?.pairs = nil; return h } }
            let unpaired = Prescan(table: withoutPairs)
            for units in texts where units.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || language == .ar || language == .zh {
                guard let plan = rules.prescan.comparablePlan(units), let before = plain.comparablePlan(units),
                      let headOnly = unspaced.comparablePlan(units), let firstOnly = unpaired.comparablePlan(units) else { continue }
                for index in indices where plan[index].possible {
                    let places = try #require(plan[index].starts)
                    dropped += (before[index].starts?.count ?? 0) - places.count
                    droppedAfterSpace += (headOnly[index].starts?.count ?? 0) - places.count
                    droppedByPairs += (firstOnly[index].starts?.count ?? 0) - places.count
                    for match in rules.patterns[index].regex.matches(in: units) where !match.range.isEmpty {
                        checked += 1
                        if !places.contains(Int32(match.range.lowerBound)) {
                            misses.append("\(rules.patterns[index].id) at \(match.range.lowerBound): \(String(decoding: units.prefix(80), as: UTF16.self))")
                        }
                    }
                }
            }
        }
        #expect(misses.isEmpty, "\(misses.count) matches at places dropped: \(misses.prefix(5))")
        #expect(headed >= 30, "\(headed) rules with a head")
        #expect(spaced >= 30, "\(spaced) rules whose head reads the white space after the digits")
        #expect(checked >= 5_000, "\(checked) matches checked")
        #expect(dropped >= 30_000, "\(dropped) places dropped")
        // (Of those, the places the white space's reading drops: 5,208 when written.)
        #expect(droppedAfterSpace >= 2_000, "\(droppedAfterSpace) places dropped by what follows the white space")
        // (And of those, the places the character after the first letter drops: 6,586 when
        // written.)
        #expect(paired >= 30, "\(paired) rules whose head reads the character after the first letter")
        #expect(droppedByPairs >= 3_000, "\(droppedByPairs) places dropped by the character after the first letter")
    }
}

/// The headings' patterns (`Article 12`, `第十二条`) are tried on a paragraph only when it
/// begins with what every match begins with (`PatternRegex.mayStart`).
@Suite struct HeadingStartTests {
    @Test func aTextThatCannotBeginAMatchIsNotTried() throws {
        let structure = TestRules.shared.lexicon.structure
        var regexes = [PatternRegex]()
        for language in Language.official { regexes += structure.languages[language]?.headings.map(\.regex) ?? [] }
        #expect(regexes.count >= 30)
        #expect(regexes.filter { Prescan.starts(of: $0.analysed) != nil }.count * 10 >= regexes.count * 9)
        // Written cases: case and width do not matter to the filter (ICU decides), a letter
        // whose case folds to two does not say no.
        let article = try #require(structure.languages[.en]?.headings.first { $0.kind == .article }?.regex)
        for (text, may) in [("Article 12", true), ("ARTICLE 12", true), ("article 12", true), ("Articles 1", true),
                            ("The article 12", false), ("12 Article", false), ("", false), ("Art", false),
                            ("ﬁrst", true), ("ẞ", true)] {
            #expect(article.mayStart(atStartOf: Array(text.utf16)) == may, "\(text)")
        }
        // On every corpus text (trimmed, as `heading` tries them): whenever the filter says no,
        // ICU finds no match at the start.
        guard let texts = try LowercaseWordsTests.corpusTexts() else { return }
        var skipped = 0, matched = 0, wrong = [String]()
        for units in texts {
            let trimmed = Array(String(decoding: units, as: UTF16.self).trimmingWhitespace().utf16)
            guard trimmed.count <= 200 else { continue }
            for regex in regexes {
                let found = !regex.regex.matches(in: trimmed, startingOnlyAt: [0]).isEmpty
                if found { matched += 1 }
                if !regex.mayStart(atStartOf: trimmed) {
                    skipped += 1
                    if found { wrong.append(String(decoding: trimmed.prefix(60), as: UTF16.self)) }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(matched >= 100, "\(matched) headings")
        #expect(skipped >= 100_000, "\(skipped) tries left out")
    }
}
