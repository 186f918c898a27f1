import Foundation
import Testing
@testable import Concord

/// Patterns that continue a list where their previous match ended (`\G(?<=x)…` as the first
/// alternative of what a match starts with, as `ar.article`, `ar.session` and `ar.paragraph`
/// write it): tried at the places of their other alternatives and at the end of each match,
/// they find what the search over the whole unit finds.
@Suite struct PrescanContinuationTests {
    static func starts(_ pattern: String) -> [String]? {
        Prescan.starts(of: pattern).map { $0.literals.map { String(decoding: $0.units, as: UTF16.self) }.sorted() }
    }

    static func lead(_ pattern: String) -> [String]? {
        Prescan.lead(of: pattern).map { $0.literals.map { String(decoding: $0.units, as: UTF16.self) }.sorted() }
    }

    /// Group names are read from the pattern's bytes: every named group, in any script, and
    /// nothing from a look-behind, an escaped parenthesis or a name ICU does not know.
    @Test func groupNamesAreReadFromThePattern() throws {
        let regex = try ICURegex(#"(?<day>\d+)(?<=\d)(?<!x)((?<b2>é))\(?<c>(\d{4})?(?:(?<n>y))"#)
        #expect(regex.groupNames == ["day": 1, "b2": 3, "n": 5])
        #expect(ICURegex.namedGroupOpenings(in: #"(?<a>x)(?<=y)(?<!z)é(?<b>"#) == [3, 24])
        #expect(ICURegex.namedGroupOpenings(in: "(?<") == [])
        let match = try #require(regex.matches(in: Array("12é(<c>y".utf16)).first)
        #expect(match["day"] == 0..<2)
        #expect(match["n"] == 7..<8)
    }

    @Test func aContinuationWhereAMatchStartsLeavesTheOtherStarts() {
        #expect(ICURegex.continuations(in: #"(?:a|\G(?<=\d),)\d"#) == 1)
        #expect(ICURegex.continuations(in: #"a\\G"#) == 0)  // an escaped backslash, then G
        #expect(ICURegex.continuations(in: #"\G(?<=x)a|\G(?<=y)b"#) == 2)
        #expect(ICURegex.continuations(in: #"é\\\Gü\"#) == 1)  // past letters outside ASCII; a last lone backslash
        #expect(ICURegex.continuations(in: "") == 0)

        // The continuation begins an alternative of the first group, or of the pattern.
        #expect(Self.starts(#"(?:articles?\s+|\G(?<=\d),\s*)(\d+)"#) == ["article"])
        #expect(Self.starts(#"\G(?<=\d),\s*\d+|articles?\s+\d+"#) == ["article"])
        #expect(Self.starts(#"(?:(?:art\.|articles?)\s+|\G(?<=\d),\s*)(\d+)"#) == ["art.", "article"])
        // The look-behind's character as `SetForms` writes a class of properties.
        #expect(Self.starts(#"(?:articles?\s+|\G(?<=(?-i:[\p{L}\x{345}])),\s*)(\d+)"#) == ["article"])
        #expect(Self.starts(#"(?:articles?\s+|\G(?<=(?-i:\s*)),\s*)(\d+)"#) == nil)
        // Anywhere else, or a group that may be skipped or repeated, or a look-around: the
        // start is unknown, as for any `\G` before.
        #expect(Self.starts(#"articles?(?:\s+|\G(?<=\d),\s*)(\d+)"#) == nil)
        #expect(Self.starts(#"(?:articles?\s+|\G(?<=\d),\s*)?(\d+)"#) == nil)
        #expect(Self.starts(#"(?:articles?\s+|\G(?<=\d),\s*){1,2}(\d+)"#) == nil)
        #expect(Self.starts(#"(?=articles?\s+|\G(?<=\d),\s*)\w+"#) == nil)
        #expect(Self.starts(#"(?:articles?\s+|\G,\s*)(\d+)"#) == nil)  // no look-behind: may match at 0
        #expect(Self.starts(#"(?:articles?\s+|\G(?<=\d),\s*)(\d+)\G"#) == nil)

        // The same for the lead after clitics.
        #expect(Self.lead(#"(?:x|\G(?<=\d),)قرار"#) == ["x"])
        #expect(Self.lead(#"(?:[وف]?مادة\s+|\G(?<=\d)\s*و\s*)\d+"#) == ["مادة"])
        #expect(Self.lead(#"[وف]?(?:مادة\s+|\G(?<=\d)\s*و\s*)\d+"#) == nil)
        #expect(Self.lead(#"(?:[وف]?مادة\s+|\G(?<=\d)\s*و\s*)?\d+"#) == nil)
        #expect(Self.lead(#"(?<=[وف]?مادة\s+|\G(?<=\d)\s*و\s*)\d+"#) == nil)
    }

    /// ICU's search, against the places and the ends of the matches, on lists that run on.
    @Test func listsContinueAtTheEndOfEachMatch() throws {
        let pattern = #"(?:\barticles?\s+|\G(?<=\d),\s*|\G(?<=\d)\s+and\s+)(?<n>\d+)\b"#
        let prescan = Prescan(patterns: [pattern])
        #expect(prescan.table.startKnown == [true])
        let regex = try ICURegex(pattern, caseInsensitive: true)
        #expect(regex.continues)
        let text = Array("""
        Articles 3, 4 and 5 apply; see 6, 7 and article 12, 13. Article 2,3 and 4, and 9, 10. \
        articles 1 and 2 and 3
        """.utf16)
        let everywhere = regex.matches(in: text).map(\.range)
        let plan = try #require(prescan.comparablePlan(text))
        let places = try #require(plan[0].starts)
        // Only the keyword's places: the list's numbers are reached from the matches' ends.
        #expect(places.count == 4)
        let atPlaces = regex.matches(in: text, allowedBy: plan[0]).map(\.range)
        #expect(atPlaces == everywhere)
        let numbers = regex.matches(in: text).compactMap { $0["n"] }.map { String(decoding: text[$0], as: UTF16.self) }
        #expect(numbers == ["3", "4", "5", "12", "13", "2", "3", "4", "1", "2", "3"])
        // The ends carry the lists: with its continuations made impossible, the same pattern
        // finds only the four keyword matches at those places.
        #expect(try ICURegex(pattern.replacingOccurrences(of: #"\G"#, with: #"(?!)"#), caseInsensitive: true)
            .matches(in: text, startingOnlyAt: places).count == 4)

        // `\b`, a look-behind and `$` at the end of a match see the whole text, as in the search.
        let bounded = #"(?:\bno\.\s*|\G(?<=\d)\b[,;]\s*(?=\d)|\G(?<=\d)/)(\d+)(?:$|\b)"#
        let boundedRegex = try ICURegex(bounded, caseInsensitive: true)
        let boundedPrescan = Prescan(patterns: [bounded])
        #expect(boundedPrescan.table.startKnown == [true])
        for line in ["No. 4, 5; 6/7 and no.8;9,x no. 10/", "no. 1,2,3", "no. 12;", "xno. 3, 4", "No. 5/6/7"] {
            let units = Array(line.utf16)
            let everywhere = boundedRegex.matches(in: units).map(\.groups)
            let plan = try #require(boundedPrescan.comparablePlan(units))
            #expect(boundedRegex.matches(in: units, allowedBy: plan[0]).map(\.groups) == everywhere, "\(line)")
        }
    }

    /// The three Arabic rules that continue lists have places now, and on lists of every
    /// length written around their examples find at the places what they find everywhere.
    @Test func arabicListsFindTheSameAtTheirPlaces() throws {
        let arabic = try #require(TestRules.shared.languages[.ar])
        let continuing = arabic.patterns.indices.filter { arabic.patterns[$0].regex.continues }
        #expect(Set(continuing.map { arabic.patterns[$0].id }) == ["ar.article", "ar.session", "ar.paragraph"])
        for index in continuing { #expect(arabic.prescan.table.startKnown[index], "\(arabic.patterns[index].id)") }
        var texts = continuing.flatMap { arabic.patterns[$0].examples.map(\.text) + arabic.patterns[$0].counterExamples }
        for keyword in ["المواد", "والمادتين", "بالفقرات", "وللفقرتين", "الفقرتان"] {
            for count in 1...5 {
                let numbers = (1...count).map { String(3 * $0 + 1) }
                texts.append("عملا \(keyword) \(numbers.joined(separator: " و")) من الاتفاقية، والمادة 9 (ب) و(ج)")
                texts.append("\(keyword) \(numbers.joined(separator: "، ")) و\(count + 40) أعلاه")
            }
        }
        texts.append("في دوراتها الثامنة والتاسعة والعاشرة والحادية عشرة، وفي الدورة 12")
        texts.append("في دورتيها الرابعة عشرة والخامسة عشرة وفي دورته السادسة")
        var matches = 0, continued = 0
        for text in texts {
            let units = NormalizedText(text).units
            guard let plan = arabic.prescan.comparablePlan(units) else { continue }
            for index in continuing {
                let everywhere = arabic.patterns[index].regex.matches(in: units).map(\.groups)
                let atPlaces = arabic.patterns[index].regex.matches(in: units, allowedBy: plan[index]).map(\.groups)
                #expect(atPlaces == everywhere, "\(arabic.patterns[index].id) on: \(text)")
                matches += everywhere.count
                let starts = Set(plan[index].starts ?? [])
                continued += everywhere.filter { !starts.contains(Int32($0[0]!.lowerBound)) }.count
            }
        }
        // Many of the matches continue a list: they start at no place the pre-scan gave.
        #expect(matches >= 100)
        #expect(continued >= 40)
    }
}
