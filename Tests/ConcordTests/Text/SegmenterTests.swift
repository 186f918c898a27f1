import Foundation
import Testing
@testable import Concord

@Suite struct SegmenterTests {
    @Test func chineseIsSegmentedWithTheDictionary() {
        let words = Segmenter.shared(.word, for: .zh).segments("回顾其第5/1号决议和联合国打击跨国有组织犯罪公约")
        // Dictionary segmentation yields multi-character words, not one word per ideograph
        // and not one word for the whole run.
        #expect(words.contains("回顾"))
        #expect(words.contains { $0.count >= 2 && $0.count <= 4 && $0.unicodeScalars.allSatisfy { $0.value >= 0x4E00 } })
        #expect(words.count >= 8)
        #expect(!words.contains("/"))
    }

    @Test func wordsSkipSpacesAndPunctuation() {
        let words = Segmenter.shared(.word, for: .fr).segments("résolution 64/293 de l’Assemblée générale.")
        #expect(words == ["résolution", "64", "293", "de", "l’Assemblée", "générale"])
    }

    @Test func sentences() {
        let sentences = Segmenter.shared(.sentence, for: .en).segments("We welcome the report. We note the decision. Ibid., para. 4.")
        #expect(sentences.count >= 2)
        #expect(sentences.first == "We welcome the report. ")
    }

    @Test func realChineseSentencesSegment() throws {
        guard let path = Paths.shared("corpus/unpc-dev-1-2000/devset.zh") else { return }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").prefix(200)
        let segmenter = Segmenter.shared(.word, for: .zh)
        var words = 0, characters = 0
        for line in lines {
            let segments = segmenter.segments(String(line))
            words += segments.count
            characters += segments.reduce(0) { $0 + $1.count }
        }
        // Chinese words average between one and three characters.
        let average = Double(characters) / Double(words)
        #expect(average > 1.2 && average < 3.0, "average word length \(average)")
    }
}
