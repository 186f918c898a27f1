import Foundation
import Testing
@testable import Concord

@Suite struct LanguageTests {
    @Test func fromFileNames() {
        #expect(Language.fromFileName("res-6-1.fr.txt") == .fr)
        #expect(Language.fromFileName("name-FR.txt") == .fr)
        #expect(Language.fromFileName("A_RES_80_13-EN.txt") == .en)
        #expect(Language.fromFileName("dir/res_6_1_ru.md") == .ru)
        #expect(Language.fromFileName("devset.ar") == .ar)
        #expect(Language.fromFileName("report (ZH).txt") == .zh)
        #expect(Language.fromFileName("A_RES_80_13.txt") == nil)
        #expect(Language.fromFileName("notes.txt") == nil)
        #expect(Language.fromFileName("seed.es") == .es)
    }

    @Test(arguments: Language.official)
    func fromRealText(language: Language) throws {
        guard let path = Paths.shared("corpus/unpc-dev-1-2000/devset.\(language.rawValue)") else { return }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        // Twenty separate samples of ten sentences each.
        for sample in stride(from: 0, to: 2000, by: 100) {
            let text = lines[sample..<(sample + 10)].joined(separator: "\n")
            #expect(LanguageDetector.detect(Array(text.utf16)) == language, "lines \(sample + 1)–\(sample + 10)")
        }
    }
}
