import Foundation
import Testing
@testable import Concord

/// The spell-out parser's answers kept in the cache folder (`SpelloutStore`): what is read
/// back is what was stored, a damaged file is not read, `--no-cache` stores nothing, and the
/// answers `LocaleData.parseSpellout` gives are ICU's.
@Suite struct SpelloutStoreTests {
    @Test func answersAreReadBackAndADamagedFileIsNot() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let answers: [String: Int?] = ["sixty-second": 62, "first, second and third": nil, "moins cinq": -5, "第十三": 13]
        SpelloutStore.store(answers, locale: "en", root: root, writes: true)
        #expect(SpelloutStore.load(locale: "en", root: root, markUsed: false) == answers)
        // Another locale, another file; a run that writes nothing stores nothing.
        #expect(SpelloutStore.load(locale: "fr", root: root, markUsed: false).isEmpty)
        SpelloutStore.store(answers, locale: "fr", root: root, writes: false)
        #expect(SpelloutStore.load(locale: "fr", root: root, markUsed: false).isEmpty)
        #expect(SpelloutStore.url(locale: "en", root: root) != SpelloutStore.url(locale: "fr", root: root))
        // Texts with a tab or a line break, and long ones, are left out; the others kept.
        var more = answers
        more["a\tb"] = 1
        more["a\nb"] = 2
        more[String(repeating: "x", count: SpelloutStore.longestText + 1)] = 3
        SpelloutStore.store(more, locale: "es", root: root, writes: true)
        #expect(SpelloutStore.load(locale: "es", root: root, markUsed: false) == answers)
        // Too many: not stored.
        let many = Dictionary(uniqueKeysWithValues: (0...SpelloutStore.capacity).map { ("n\($0)", Optional($0)) })
        SpelloutStore.store(many, locale: "ru", root: root, writes: true)
        #expect(SpelloutStore.load(locale: "ru", root: root, markUsed: false).isEmpty)

        // One byte changed, cut short, another magic line: not read.
        let file = try #require(SpelloutStore.url(locale: "en", root: root))
        let good = try Data(contentsOf: file)
        var changed = good
        changed[changed.count - 3] ^= 0x01
        for damaged in [changed, good.prefix(good.count - 1), Data("concord-spellout-2\n".utf8) + good.dropFirst(19), Data()] {
            try damaged.write(to: file)
            #expect(SpelloutStore.load(locale: "en", root: root, markUsed: false).isEmpty)
        }
    }

    /// A parser opened ahead (`LocaleData.openSpelloutAhead`, which the prefetch calls for a
    /// document's language while its rules are compiled) is the one the parses use: opened
    /// once, however many threads ask while it is being opened, and its answers are ICU's.
    /// Italian: no other test parses it, so no other test opens its parser.
    @Test func aParserOpenedAheadIsOpenedOnceAndReadsAsAnyOther() {
        let locale = "it"
        #expect(LocaleData.spelloutOpenings(locale: locale) == 0)
        #expect(LocaleData.startOpeningSpellout(locale: locale))
        #expect(!LocaleData.startOpeningSpellout(locale: locale), "being opened: not started again")
        let words: [(String, Int)] = [("ventisei", 26), ("tredici", 13), ("settantuno", 71), ("ventiseiesimo", 26)]
        nonisolated(unsafe) let answers = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
        defer { answers.deallocate() }
        // Each thread writes its own element only.
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            answers[k] = LocaleData.parseSpellout(words[k % words.count].0, locale: locale) ?? -1
        }
        #expect(Array(answers) == (0..<8).map { words[$0 % words.count].1 })
        #expect(LocaleData.spelloutOpenings(locale: locale) == 1)
        #expect(!LocaleData.startOpeningSpellout(locale: locale), "open: not started again")
        #expect(LocaleData.parseSpellout("diciassettesimo", locale: locale) == 17)
        #expect(LocaleData.spelloutOpenings(locale: locale) == 1)
    }

    /// The parser's answers, with the store in the process's cache folder: the same as ICU's
    /// (the spell-out rules' own round trip: a number written out reads back as itself).
    @Test func parsedAnswersAreICUs() {
        for (text, locale, value) in [("sixty-second", "en", 62), ("seventy-third", "en", 73), ("sixième", "fr", 6),
                                      ("séptimo", "es", 7), ("шестой", "ru", 6), ("十四", "zh", 14)] as [(String, String, Int)] {
            #expect(LocaleData.parseSpellout(text, locale: locale) == value, "\(text)")
            #expect(LocaleData.parseSpellout(text, locale: locale) == value, "\(text), again")
        }
        #expect(LocaleData.parseSpellout("sixteenth and eighteenth", locale: "en") == nil)
    }
}
