import Testing
@testable import Concord

/// `WordFilter`'s pre-test: a text it says holds none of the phrases holds none, and the
/// letter counts that choose each phrase's anchor are those of every pair, counted only
/// where a filter will look them up.
@Suite struct WordFilterTests {
    /// The rules' own phrases and examples, as `ReadingLexicon` reads them.
    static let phrases: [String] = ReadingLexicon.standard.titleWords + ReadingLexicon.standard.closingPhrases
    /// The rules' reading examples and the seed set's lines in its six languages.
    static let corpus: [String] = {
        var words = ReadingLexicon.standard.examples.map(\.text)
        for language in ["ar", "en", "es", "fr", "ru", "zh"] {
            let text = (try? String(contentsOfFile: Paths.corpora("seed/res-6-1.\(language).txt"), encoding: .utf8)) ?? ""
            words += text.split(separator: "\n").map(String.init)
        }
        return words
    }()

    @Test func restrictedCountsAreTheFullCountsOfEveryKeyAFilterLooksUp() {
        #expect(!Self.phrases.isEmpty && Self.corpus.count > 100)
        let full = WordFilter.frequency(of: Self.corpus)
        let restricted = WordFilter.frequency(of: Self.corpus, for: Self.phrases)
        let table = WordFilter.tables.lower
        var looked = 0
        for phrase in Self.phrases {
            let bases = phrase.lowercased().utf16.map { table[Int($0)] }
            for base in bases {
                #expect(restricted[UInt32(base)] == full[UInt32(base)], "\(phrase): base \(base)")
                looked += 1
            }
            for (a, b) in zip(bases, bases.dropFirst()) {
                let key = UInt32(a) << 16 | UInt32(b)
                #expect(restricted[key] == full[key], "\(phrase): pair \(a) \(b)")
            }
        }
        #expect(looked > 100)
        // Only what a filter looks up is counted.
        #expect(restricted.count < full.count)
    }

    @Test func filtersWithEitherCountsLetThroughEveryTextThatHoldsAPhrase() {
        let full = WordFilter(Self.phrases, frequency: WordFilter.frequency(of: Self.corpus))
        let restricted = WordFilter(Self.phrases, frequency: WordFilter.frequency(of: Self.corpus, for: Self.phrases))
        for phrase in Self.phrases {
            let text = Array("Before it, \(phrase) after.".utf16)
            #expect(full.mayMatch(text[...]) && restricted.mayMatch(text[...]), "\(phrase)")
        }
    }
}
