import Foundation
import Testing
@testable import Concord

/// Where a match can start when no literal starts every match but one follows a few
/// characters of a known set (`Prescan.Lead`): Arabic keywords after their clitics.
@Suite struct PrescanLeadTests {
    static let k = #"[\x{0640}\x{064B}-\x{0652}\x{0670}]*"#
    /// The clitics as `Rules/languages/ar.yml` writes them (`pre`), before a keyword.
    static let pre = #"(?<![\p{L}\p{M}])(?:[وف]\#(k))?(?:[بك]\#(k)ال|لل|[بلك]|ال)?\#(k)"#

    static func lead(_ pattern: String) -> (literals: [String], units: String)? {
        Prescan.lead(of: pattern).map { lead in
            (lead.literals.map { String(decoding: $0.units, as: UTF16.self) }.sorted(),
             String(decoding: lead.units.sorted(), as: UTF16.self))
        }
    }

    @Test func cliticsBeforeAKeywordLeadToIt() throws {
        let resolution = try #require(Self.lead("\(Self.pre)ق\(Self.k)ر\(Self.k)ا\(Self.k)ر(?:\(Self.k)(?:ات|ين))?\\s+\\d+"))
        #expect(resolution.literals == ["قرار"])
        // The clitics' letters, not the article's literal: `ال` starts too many words.
        #expect(Set(resolution.units.utf16) == Set("وفبكلا".utf16))
        // Each alternative's keyword; a letter class with a quantifier; an optional letter.
        #expect(Self.lead("\(Self.pre)(?:مادة|مواد)")?.literals == ["مادة", "مواد"])
        #expect(Self.lead(#"[a-c]{1,2}x?yz"#)?.literals == ["yz"])
        #expect(Self.lead(#"[a-c]{1,2}x?yz"#)?.units == "abcx")
        // A repeated letter ends the literal: `ab+c` matches `abbc`, which holds no `abc`.
        #expect(Self.lead(#"[xy]?ab+c"#)?.literals == ["ab"])
        #expect(Self.lead(#"[xy]?ab{2,}c"#)?.literals == ["ab"])
        // Case-folded, as the scan compares.
        #expect(Self.lead(#"[AB]?Resolution"#)?.units == "ab")
        #expect(Self.lead(#"[AB]?Resolution"#)?.literals == ["resolution"])
    }

    @Test func whatMayStartAnywhereHasNoLead() {
        #expect(Self.lead(#"\s*قرار"#) == nil)             // an escape that consumes
        #expect(Self.lead(#"[\p{L}]?قرار"#) == nil)        // a class of a property
        #expect(Self.lead(#"[^و]?قرار"#) == nil)           // a negated class
        #expect(Self.lead(#".?قرار"#) == nil)
        #expect(Self.lead(#"\d*قرار"#) == nil)
        #expect(Self.lead(#" ?قرار"#) == nil)              // a literal space
        #expect(Self.lead(#"[وف]?(?:ال)?"#) == nil)        // may be made of the set alone
        #expect(Self.lead(#"[وف]?قرار|\s"#) == nil)        // one alternative starts anywhere
        #expect(Self.lead(#"قرار(?:x|\G(?<=\d),)"#) == nil) // \G after the start
        #expect(Self.lead(#"[ß]?x"#) == nil)               // folds to two units
    }

    /// The places a lead gives: each literal's place and every place before it that only
    /// the set's letters (or marks) lead from; ICU's matches all start there.
    @Test func placesReachBackOverTheCliticsOnly() throws {
        let pattern = "\(Self.pre)ق\(Self.k)ر\(Self.k)ا\(Self.k)ر\(Self.k)(?![\\p{L}\\p{M}])"
        let prescan = Prescan(patterns: [pattern])
        #expect(prescan.table.startKnown == [true])
        #expect(Prescan.decode(prescan.encodedTable) == prescan.table)
        let text = "وبالقرار و فلْقـرار ومقرار القرار"
        let units = Array(text.utf16)
        let places = try #require(prescan.plan(units)[0].starts).map(Int.init)
        // وبال before the first قرار (0…4), ف and لْ before the second (11…14), the ال of
        // the last (27…29); مقرار's م leads nowhere (only its قرار's place, 22).
        #expect(places == [0, 1, 2, 3, 4, 11, 12, 13, 14, 22, 27, 28, 29])
        let regex = try ICURegex(pattern, caseInsensitive: true)
        let found = regex.matches(in: units).map { $0.range.lowerBound }
        #expect(found == [0, 11, 27])
        #expect(regex.matches(in: units, allowedBy: prescan.plan(units)[0]).map(\.range) == regex.matches(in: units).map(\.range))

        // A repeated letter after the clitics: found at its places too.
        let repeated = #"(?<![\p{L}\p{M}])[وف]?لل+قاء"#
        let meeting = Prescan(patterns: [repeated])
        let sentence = Array("وللقاء فلللقاء".utf16)
        let all = try ICURegex(repeated, caseInsensitive: true).matches(in: sentence).map(\.range)
        #expect(all == [0..<6, 7..<14])
        #expect(try ICURegex(repeated, caseInsensitive: true).matches(in: sentence, allowedBy: meeting.plan(sentence)[0]).map(\.range) == all)
    }

    /// Most Arabic rules, whose every keyword follows the clitics, are tried at places now,
    /// and on every Arabic example, with clitics, tatweel and vowel marks written into it,
    /// each of them finds with the places exactly what it finds everywhere.
    @Test func arabicRulesFindTheSameAtTheirPlaces() throws {
        let arabic = try #require(TestRules.shared.languages[.ar])
        let leads = arabic.patterns.indices.filter { !arabic.prescan.table.startReach[$0].isEmpty }
        #expect(leads.count >= 15, "\(leads.count) Arabic rules have a lead")
        // A lead only where no literal starts every match, in every language: a pattern whose
        // start was known keeps the table it had.
        var languagesSeen = 0
        for language in TestRules.shared.languages.keys {
            let rules = try #require(TestRules.shared.languages[language])
            languagesSeen += 1
            for (index, pattern) in rules.patterns.enumerated() where !rules.prescan.table.startReach[index].isEmpty {
                #expect(Prescan.starts(of: pattern.expanded) == nil, "\(language) \(pattern.id)")
            }
        }
        #expect(languagesSeen == 6)
        let english = try #require(TestRules.shared.languages[.en])
        #expect(english.prescan.table.startReach.allSatisfy { $0.isEmpty })

        var texts = [String]()
        for pattern in arabic.patterns { texts += pattern.examples.map(\.text) }
        var variants = [String]()
        for text in texts {
            variants.append(text)
            let words = text.split(separator: " ").map(String.init)
            for (n, clitic) in ["و", "وب", "فل", "ك", "وال", "ل"].enumerated() {
                // The clitic before one word in three, a tatweel after the first letter of
                // another, a fatha after the second letter of another.
                variants.append(words.enumerated().map { i, word in
                    switch (i + n) % 3 {
                    case 0: return clitic + word
                    case 1: return word.count > 2 ? String(word.prefix(1)) + "\u{0640}" + String(word.dropFirst()) : word
                    default: return word.count > 3 ? String(word.prefix(2)) + "\u{064E}" + String(word.dropFirst(2)) : word
                    }
                }.joined(separator: " "))
            }
        }
        var matches = 0
        for text in variants {
            let units = NormalizedText(text).units
            guard let plan = arabic.prescan.comparablePlan(units) else { continue }
            for index in leads {
                let everywhere = arabic.patterns[index].regex.matches(in: units).map(\.range)
                let atPlaces = arabic.patterns[index].regex.matches(in: units, allowedBy: plan[index]).map(\.range)
                #expect(atPlaces == everywhere, "\(arabic.patterns[index].id) on: \(text)")
                matches += everywhere.count
            }
        }
        #expect(variants.count >= 300)
        #expect(matches >= 150)
    }
}
