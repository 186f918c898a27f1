import Foundation
import Testing
@testable import Concord

/// The footnote citations of the ten English resolutions against values written down by
/// reading the documents (Fixtures/en-ga-80-txt.citations.json): symbols, resolutions,
/// decisions, Treaty Series volume/number pairs, and what each Ibid. stands for.
@Suite struct EnglishCitationsTests {
    struct Expected: Decodable, Equatable {
        struct Ibid: Decodable, Equatable {
            var antecedentFootnote: String
            var keys: [String]
        }
        var symbols: [String]
        var resolutions: [String]
        var decisions: [String]
        var treaties: [String]
        var ibid: Ibid?
    }

    static let expected: [String: [String: Expected]] = {
        let url = Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/en-ga-80-txt.citations.json")
        return try! JSONDecoder().decode([String: [String: Expected]].self, from: Data(contentsOf: url))
    }()

    @Test(arguments: (1...10).map { "A_RES_80_\($0).txt" })
    func footnoteCitations(name: String) throws {
        guard let path = Paths.shared("corpus/en-ga-80-txt/\(name)") else { return }
        let document = try DocumentReader().read(path: path)
        let citations = CitationExtractor(rules: TestRules.shared).citations(in: document)
        let expected = try #require(Self.expected[name])
        #expect(Set(expected.keys) == Set(document.footnotes.map(\.label)))
        for (label, note) in expected {
            let mine = citations.filter { $0.footnote == label }
            func keys(_ kind: CitationKind) -> [String] {
                var seen = Set<String>()
                return mine.filter { $0.kind == kind }.map(\.key).filter { seen.insert($0).inserted }
            }
            #expect(keys(.symbol) == note.symbols, "\(name) footnote \(label)")
            #expect(keys(.resolution) == note.resolutions, "\(name) footnote \(label)")
            #expect(keys(.decision) == note.decisions, "\(name) footnote \(label)")
            #expect(keys(.treaty) == note.treaties.map { "treaty:\($0)" }, "\(name) footnote \(label)")
            let ibids = mine.filter { $0.kind == .ibid }
            if let ibid = note.ibid {
                #expect(ibids.map(\.key) == ibid.keys, "\(name) footnote \(label)")
                #expect(ibids.allSatisfy { $0.antecedentFootnote == ibid.antecedentFootnote }, "\(name) footnote \(label)")
            } else {
                #expect(ibids.isEmpty, "\(name) footnote \(label)")
            }
            // Every symbol gets its resolver address; no known treaty pair is contradicted.
            #expect(mine.filter { $0.kind == .symbol }.allSatisfy { $0.url == "https://undocs.org/en/\($0.key)" })
            #expect(!mine.contains { $0.notes.contains(.treatyContradiction) })
        }
    }

    /// Job numbers, barcodes and dates are never symbols.
    @Test func pageFurnitureIsNeverCited() throws {
        guard let path = Paths.shared("corpus/en-ga-80-txt/A_RES_80_5.txt") else { return }
        let document = try DocumentReader().read(path: path)
        let citations = CitationExtractor(rules: TestRules.shared).citations(in: document)
        #expect(!citations.contains { $0.key.contains("25-17700") || $0.key.contains("2517700") })
        #expect(citations.filter { $0.kind == .symbol }.allSatisfy { $0.key.contains("/") && $0.key.first!.isLetter })
    }
}
