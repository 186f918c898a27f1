import Testing
@testable import Concord

/// The citations of the seed resolution, exactly as the French text has them.
@Suite struct SeedCitationsTests {
    let document: Document
    let citations: [Citation]

    init() throws {
        document = try DocumentReader().read(path: Paths.seed)
        citations = CitationExtractor(rules: TestRules.shared).citations(in: document)
    }

    func footnote(_ label: String) -> [Citation] { citations.filter { $0.footnote == label } }
    func paragraph(_ id: String) -> [Citation] { citations.filter { $0.paragraph == id } }

    @Test func theIssuingBodyIsTheConferenceOfTheParties() throws {
        let rules = try #require(TestRules.shared.languages[.fr])
        #expect(DocumentResolver(rules: TestRules.shared).issuingBody(of: document, language: rules) == "CTOC/COP")
    }

    @Test func footnotes() {
        let one = footnote("1")
        #expect(one.map(\.kind) == [.treaty, .treaty, .treaty, .treaty])
        #expect(one.map(\.volume) == [2225, 2237, 2241, 2326])
        #expect(one.allSatisfy { $0.number == 39574 && !$0.notes.contains(.treatyContradiction) })
        #expect(footnote("2").map(\.key) == ["A/RES/64/293"])
        #expect(footnote("2").first?.url == "https://undocs.org/fr/A/RES/64/293")
        #expect(footnote("3").map(\.key) == ["treaty:2225/39574"])
        let four = footnote("4")
        #expect(four.map(\.kind) == [.ibid, .ibid, .ibid])
        #expect(four.map(\.key) == ["treaty:2237/39574", "treaty:2241/39574", "treaty:2326/39574"])
        #expect(four.allSatisfy { $0.antecedent == "treaty:2225/39574" && $0.antecedentFootnote == "3" && $0.number == 39574 })
        #expect(footnote("5").map(\.key) == ["CTOC/COP/WG.4/2011/8", "paragraph:46-51"])
        #expect(footnote("6").map(\.key) == ["treaty:2237/39574"])
        let seven = footnote("7")
        #expect(seven.map(\.key) == ["CTOC/COP/WG.2/2012/5", "CTOC/COP/WG.3/2012/6"])
        #expect(seven.allSatisfy { $0.forthcoming })
        #expect(seven.first?.notes.contains(.joint(partner: "CTOC/COP/WG.3/2012/6")) == true)
        #expect(footnote("8").map(\.key) == ["CTOC/COP/2012/7"])
        #expect(footnote("8").first?.url == "https://undocs.org/fr/CTOC/COP/2012/7")
    }

    @Test func runningText() {
        #expect(paragraph("pp1").map(\.key) == ["resolution:CTOC/COP/5/1", "date:2010-10-22"])
        #expect(paragraph("pp7").map(\.key) == ["date:2012-02-07"])
        #expect(paragraph("pp16").map(\.key) == ["resolution:CTOC/COP/5/1", "resolution:CTOC/COP/5/8", "date:2010-10-22", "article:16", "article:18"])
        #expect(paragraph("op4").map(\.key) == ["article:28"])
        #expect(paragraph("op14").map(\.key) == ["session:6"])
        #expect(paragraph("op17").map(\.key) == ["article:31"])
        #expect(paragraph("op19").map(\.key) == ["article:30(2)(c)"])
        #expect(paragraph("op20").map(\.key) == ["session:7"])
        // Nothing else in the running text is a citation (the title names the document itself).
        let cited = Set(citations.compactMap(\.paragraph))
        #expect(cited == ["pp1", "pp7", "pp16", "op4", "op14", "op17", "op19", "op20"])
    }

    @Test func placesPointAtTheCitationInTheFile() throws {
        let source = try IndependentSource(path: Paths.seed)
        for citation in citations where citation.kind != .unknown {
            let p = document.position(of: citation.sourceRange.lowerBound)
            let written = source.text(line: p.line, column: p.column, count: citation.text.unicodeScalars.count)
            #expect(written == citation.text, "\(citation.key) at \(p)")
        }
        let article30 = try #require(paragraph("op19").first)
        #expect(article30.text == "paragraphe 2 c) de l'article 30")
    }

    /// The team's five renderings give the French keys, footnote by footnote and paragraph by
    /// paragraph: the language-independent key is the point.
    @Test(arguments: ["en", "es", "ru", "zh", "ar"])
    func everyLanguageGivesTheSameKeys(language: String) throws {
        let other = try DocumentReader().read(path: Paths.corpora("seed/res-6-1.\(language).txt"))
        let theirs = CitationExtractor(rules: TestRules.shared).citations(in: other)
        func places(_ list: [Citation]) -> [String] {
            list.map { "\($0.footnote.map { "fn\($0)" } ?? $0.paragraph ?? "?") \($0.key)" }.sorted()
        }
        #expect(places(theirs) == places(citations))
    }
}
