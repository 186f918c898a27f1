import Foundation
import Testing
@testable import Concord

/// The words read straight from the code units (`LowercaseWords`) are those of
/// `String.lowercased()` split into `Character`s by `isLetter`: the stop-word counts of the
/// language decision and the number words of `set.number-mismatch` are the same both ways,
/// on every unit of every corpus, read by each language's rules.
@Suite struct LowercaseWordsTests {
    /// The CJK ideographs, set in the table without a check at start-up, are what Swift says.
    @Test func theIdeographsOfTheTableAreWhatSwiftSays() {
        var wrong = [UInt16]()
        for u in LowercaseWords.ideographs where LowercaseWords.table[Int(u)] != LowercaseWords.entry(u) { wrong.append(u) }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
        #expect(LowercaseWords.table[Int(UInt16(0x4E94))] == LowercaseWords.plain | LowercaseWords.letter | 0x4E94)
    }

    /// Every plain unit's lower case that is a letter (what words are made of, with `-`) is
    /// its own normalization form C, so a word is found by its bytes in a `WordTable`, whose
    /// keys are stored in that form. (Not so for every plain unit: U+2000, a space, is
    /// U+2002 in form C.)
    @Test func lowerCasesAreInFormC() {
        var wrong = [String]()
        for (u, entry) in LowercaseWords.table.enumerated() where entry & LowercaseWords.letter != 0 {
            let lower = String(UnicodeScalar(UInt16(entry & 0xFFFF))!)
            if lower.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) != lower.unicodeScalars.map(\.value) {
                wrong.append(String(u, radix: 16))
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    /// A `WordTable` finds what a `[String: Int]` finds: a key written decomposed by the bytes
    /// of its composed form, a long word (140 bytes), the empty word.
    @Test func aWordTableFindsWhatADictionaryFinds() {
        let words = ["cinq": 5, "de\u{301}cima": 10, "": 0, String(repeating: "ж", count: 70): 70, "twenty-five": 25]
        let table = WordTable(words)
        for text in ["Cinq et DÉCIMA, twenty-five", "la décima", String(repeating: "Ж", count: 70) + " ж", "cinquante"] {
            var byTable = [Int](), byDictionary = [Int]()
            #expect(LowercaseWords.forEachWordUTF8(in: Array(text.utf16), hyphen: true) { word in
                if let value = table.value(word) { byTable.append(value) }
            })
            #expect(LowercaseWords.forEachWord(in: Array(text.utf16), hyphen: true) { word in
                if let value = words[word] { byDictionary.append(value) }
            })
            #expect(byTable == byDictionary, "\(text)")
            #expect(!byTable.isEmpty || text == "cinquante", "\(text)")
        }
        #expect([UInt8]().withUnsafeBufferPointer { table.value($0) } == 0)
        #expect(WordTable([String: Int]()).value(UnsafeBufferPointer(start: nil, count: 0)) == nil)
    }

    @Test func plainUnitsAndTheOthers() {
        let t = LowercaseWords.table
        #expect(t[0x41] == LowercaseWords.plain | LowercaseWords.letter | 0x61)       // A → a, a letter
        #expect(t[0xC9] == LowercaseWords.plain | LowercaseWords.letter | 0xE9)       // É → é
        #expect(t[0x41F] == LowercaseWords.plain | LowercaseWords.letter | 0x43F)     // П → п
        #expect(t[0x2D] == LowercaseWords.plain | 0x2D)                               // -, not a letter
        #expect(t[0x2019] == LowercaseWords.plain | 0x2019)                           // ’
        #expect(t[0x130] == 0)     // İ lower-cases to two scalars
        #expect(t[0x301] == 0)     // a combining accent joins the letter before it
        #expect(t[0x64E] == 0)     // an Arabic vowel sign too
        #expect(t[0x600] == 0)     // an Arabic number sign joins the digit after it
        #expect(t[0x200D] == 0)    // the zero-width joiner
        #expect(t[0xD83D] == 0)    // a surrogate
    }

    /// Texts where the code units cannot be read one by one give the same words the other way.
    @Test func textsThatAreNotPlainTakeTheStringWay() throws {
        let rules = TestRules.shared
        let latin = rules.lexicon.languages.values.filter { $0.script == "Latin" }.sorted { $0.language < $1.language }
        let texts = ["Recalling its resolution 70/1 of the General Assembly", "DÉCIDE de la présente résolution",
                     "De\u{301}cide de la pre\u{301}sente re\u{301}solution et des", "İstanbul and the of the",
                     "the\u{200D}of and\r\nthe", "la de\u{200C}la el y los", "😀 the of and", ""]
        for text in texts {
            let units = Array(text.utf16)
            #expect(LanguageDetector.wordScores(units, among: latin) == LanguageDetector.wordScores(text, among: latin), "\(text)")
            #expect(LanguageDetector.wordScores(units, among: latin, lexicon: rules.lexicon) == LanguageDetector.wordScores(text, among: latin), "\(text)")
        }
        #expect(!LowercaseWords.forEachWord(in: Array("e\u{301}".utf16)) { _ in })
        var words = [String]()
        #expect(LowercaseWords.forEachWord(in: Array("Twenty-FIVE, l’ONU\r\n".utf16), hyphen: true) { words.append($0) })
        #expect(words == ["twenty-five", "l", "onu"])
        let en = NumberReader(format: try #require(rules.languages[.en]).numberFormat)
        #expect(en.spelled(in: Array("For FIVE years and twenty-five days".utf16)) == ["5"])
        let zh = NumberReader(format: try #require(rules.languages[.zh]).numberFormat)
        #expect(zh.literalSearch != nil)
        #expect(zh.spelled(in: Array("为期五年的第二十次会议".utf16)) == zh.spelledThroughString(in: Array("为期五年的第二十次会议".utf16)))
        #expect(zh.spelled(in: Array("为期五年的第二十次会议".utf16)).isSuperset(of: ["5", "20", "2", "10"]))
        // Arabic: letters with hamza or madda written whole, beside the bare letters of the words.
        let ar = NumberReader(format: try #require(rules.languages[.ar]).numberFormat)
        #expect(ar.literalSearch != nil)
        for text in ["آثنان وأربع سنوات", "لمدة خمس سنوات بعد عام ٢٠١٥", "ثلاثة أربعة مائة مئة", "اثنان", "إثنان ؤئ",
                     "ا\u{653}ثنان", "أربـع", "", "خَمْس سنوات", "ثَلاثة", "آثنان\u{64E}"] {
            #expect(ar.spelled(in: Array(text.utf16)) == ar.spelledThroughString(in: Array(text.utf16)), "\(text)")
            #expect(ar.spelledThroughString(in: Array(text.utf16), searchingPresentOnly: true)
                    == ar.spelledThroughString(in: Array(text.utf16)), "\(text)")
        }
        // A unit with vowel marks (not plain) still gives its number words.
        #expect(!LowercaseWords.isPlain(Array("لمدة خمس سنواتٍ".utf16)))
        #expect(ar.spelled(in: Array("لمدة خمس سنواتٍ".utf16)) == ["5"])
        // Chinese compatibility ideographs decompose to the unified ones (`參` U+F96B: 参).
        for text in ["\u{F96B}拾年", "五\u{301}年", "第\u{F9D1}届"] {
            #expect(zh.spelled(in: Array(text.utf16)) == zh.spelledThroughString(in: Array(text.utf16)), "\(text)")
        }
        #expect(ar.spelled(in: Array("لمدة خمس سنوات".utf16)) == ["5"])
    }

    /// Every text of `corpusTexts`, read by every language's rules: the same stop-word counts
    /// and number words both ways.
    @Test func bothWaysAgreeOnEveryCorpus() throws {
        let rules = TestRules.shared
        guard let texts = try Self.corpusTexts() else { return }
        let languages = rules.lexicon.languages.values.sorted { $0.language < $1.language }
        let readers = rules.languages.values.sorted { $0.language < $1.language }.map { NumberReader(format: $0.numberFormat) }
        var plain = 0, differences = [String]()
        for units in texts {
            if LowercaseWords.isPlain(units) { plain += 1 }
            let string = String(decoding: units, as: UTF16.self)
            let byString = LanguageDetector.wordScores(string, among: languages)
            if LanguageDetector.wordScores(units, among: languages) != byString {
                differences.append("stop words: \(string.prefix(80))")
            }
            // The lexicon's table of stop words and their languages counts the same.
            if LanguageDetector.wordScores(units, among: languages, lexicon: rules.lexicon) != byString {
                differences.append("stop words by the lexicon's table: \(string.prefix(80))")
            }
            for reader in readers {
                let reference = reader.spelledThroughString(in: units)
                if reader.spelled(in: units) != reference {
                    differences.append("number words (\(reader.format.wordBoundaries)): \(string.prefix(80))")
                }
                // (Words found anywhere, in a unit that is not plain: searched when present.)
                if !reader.format.wordBoundaries, reader.spelledThroughString(in: units, searchingPresentOnly: true) != reference {
                    differences.append("number words searched when present: \(string.prefix(80))")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differences: \(differences.prefix(5))")
        #expect(texts.count > 50_000)
        // Most units are read the fast way (else this measures nothing).
        #expect(plain * 10 > texts.count * 8, "\(plain) plain of \(texts.count)")
        print("LowercaseWords: \(texts.count) units, \(plain) plain, both ways agree")
    }

    /// Every paragraph and footnote of every corpus document (as read, and as normalized),
    /// and every line of the aligned sets (nil, with an issue recorded under CI, when
    /// `../shared/` is missing).
    static func corpusTexts() throws -> [[UInt16]]? {
        let rules = TestRules.shared
        var texts = [[UInt16]]()
        let reader = DocumentReader(lexicon: rules.lexicon)
        var paths = [String]()
        var folders = [Paths.corpora("")]
        for name in ["corpus/en-ga-80-txt", "corpus/en-ga-80-md"] {
            guard let folder = Paths.shared(name) else { return nil }
            folders.append(folder)
        }
        for folder in folders {
            let walker = FileManager.default.enumerator(atPath: folder)
            while let relative = walker?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent.lowercased()
                guard ["txt", "md", "docx"].contains((name as NSString).pathExtension), !name.hasPrefix("readme") else { continue }
                paths.append(folder + "/" + relative)
            }
        }
        #expect(paths.count > 100)
        for path in paths.sorted() {
            guard let document = try? reader.read(path: path) else { continue }
            for paragraph in document.paragraphs { texts.append(paragraph.text.units) }
            for footnote in document.footnotes { if let body = footnote.body { texts.append(body.text.units) } }
        }
        texts += texts.map { NormalizedText($0).units }
        for (name, prefix) in [("corpus/unpc-dev-1-2000", "devset"), ("corpus/unpc-test", "testset")] {
            guard let folder = Paths.shared(name) else { return nil }
            for language in Language.official {
                let text = try String(contentsOfFile: "\(folder)/\(prefix).\(language.rawValue)", encoding: .utf8)
                for line in text.split(separator: "\n") { texts.append(Array(line.utf16)) }
            }
        }
        return texts
    }
}
