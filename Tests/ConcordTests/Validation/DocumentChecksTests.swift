import Testing
@testable import Concord

/// The checks on one document, each on a short text that breaks one rule.
@Suite struct DocumentChecksTests {
    func findings(_ text: String, file: String = "res.en.txt") throws -> [Finding] {
        let document = DocumentReader().read(source: SourceText(text), file: file, format: .plainText)
        return TestPipeline.findings(document)
    }

    func rules(_ findings: [Finding]) -> [String] { findings.map(\.rule.rawValue) }

    let opening = "Resolution 1/1\n\nThe General Assembly,\n\nRecalling its resolution 64/293,\n\n"

    @Test func aCleanDocumentHasNoFindings() throws {
        let text = opening + "1. *Decides* to act¹;\n\n¹ A/80/1.\n\n2. *Requests* a report on paragraph 1 above.\n"
        #expect(try findings(text).isEmpty)
    }

    @Test func footnoteNumberingAndPairing() throws {
        let text = opening + "1. *Decides* to act¹ and to report³ and⁴;\n\n¹ A/80/1.\n\n³ A/80/3.\n\n⁵ A/80/5.\n"
        let found = try findings(text)
        #expect(rules(found) == ["footnote.orphan-marker", "footnote.numbering-gap", "footnote.numbering-gap", "footnote.orphan-body"])
        #expect(found[1].message == "footnote 3 follows footnote 1: footnote 2 is missing")
        #expect(found[0].location.line == 7)
        #expect(found.allSatisfy { $0.severity == .error })
    }

    @Test func repeatedMarkersAreANoteUnlessThePracticesAreMixed() throws {
        let older = opening + "1. *Decides* to act¹;\n\n¹ A/80/1.\n\n2. *Requests* a report¹.\n"
        let found = try findings(older)
        #expect(rules(found) == ["footnote.repeated-marker"])
        #expect(found[0].severity == .note)
        let mixed = opening + "1. *Decides* to act¹;\n\n¹ A/80/1.\n\n2. *Requests* a report¹ and a plan².\n\n² A/80/1.\n"
        #expect(rules(try findings(mixed)).contains("footnote.mixed-practice"))
    }

    @Test func symbolsTreatiesDatesAndIbid() throws {
        let text = opening + "1. *Decides* to act¹ on 31 February 2012²;\n\n¹ Ibid., para. 4.\n\n² A/RES/64/, CTOC/XYZ/2012/7, United Nations, *Treaty Series*, vol. 2237, No. 9464.\n"
        let found = try findings(text)
        #expect(Set(rules(found)) == ["ibid.no-antecedent", "date.impossible", "symbol.malformed", "symbol.unknown-series", "treaty.contradiction"])
        #expect(found.first { $0.rule == .treatyContradiction }?.message == "Treaty Series vol. 2237 is not a volume of No. 9464 (its volumes: 660)")
        #expect(found.first { $0.rule == .symbolUnknownSeries }?.severity == .warning)
    }

    @Test func referencesToTheDocumentsOwnParagraphs() throws {
        let text = opening + "1. *Decides* to act;\n\n2. *Requests* a report on the matters in paragraph 25 above and in paragraph 1 above.\n"
        let found = try findings(text)
        #expect(rules(found) == ["structure.missing-target"])
        #expect(found[0].message == "“paragraph 25 above” refers to paragraph 25, but the document has operative paragraphs 1 to 2")
    }

    @Test func operativeNumbering() throws {
        let text = opening + "1. *Decides* to act;\n\n3. *Requests* a report;\n\n3. *Invites* States.\n"
        #expect(rules(try findings(text)) == ["paragraph.numbering-gap", "paragraph.duplicate-number"])
    }
}
