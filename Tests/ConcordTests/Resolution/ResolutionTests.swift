import Foundation
import Testing
@testable import Concord

/// The resolve stage: every citation gets a target — another document by key, units of the
/// document itself, an Ibid.'s antecedent, a value, or nothing it can be resolved to.
@Suite struct ResolutionTests {
    func resolved(_ text: String, file: String = "res.en.txt") -> ResolvedDocument {
        TestPipeline.resolved(DocumentReader().read(source: SourceText(text), file: file, format: .plainText))
    }

    let opening = "Resolution 1/1\n\nThe General Assembly,\n\nRecalling its resolution 64/293 of 30 July 2010,¹\n\n"

    @Test func everyCitationGetsItsTarget() throws {
        let document = resolved(opening + "1. *Requests* a report;²\n\n¹ A/64/PV.1.\n\n² Ibid.\n\n2. *Decides* to consider the report referred to in paragraph 1 above and in paragraphs 4 to 6 below.\n")
        let targets = document.citations.map { ($0.key, $0.target) }
        #expect(targets.contains { $0.0 == "A/RES/64/293" && $0.1 == .external(key: "A/RES/64/293") })
        #expect(targets.contains { $0.0 == "date:2010-07-30" && $0.1 == .value(key: "date:2010-07-30") })
        #expect(targets.contains { $0.0 == "A/64/PV.1" && $0.1 == .antecedent(key: "A/64/PV.1", footnote: "1") })
        let paragraph1 = try #require(document.citations.first { $0.key == "paragraph:1" })
        #expect(paragraph1.target == .anchors(["paragraph:1"], missing: []))
        let later = try #require(document.citations.first { $0.key == "paragraph:4-6" })
        #expect(later.target == .anchors([], missing: ["paragraph:4", "paragraph:6"]))
    }

    @Test func anIbidWithNothingBeforeItIsUnresolved() throws {
        let document = resolved(opening.replacingOccurrences(of: "¹", with: "") + "1. *Requests* a report.¹\n\n¹ Ibid.\n")
        let ibid = try #require(document.citations.first { $0.kind == .ibid })
        #expect(ibid.target == .unresolved)
        #expect(ibid.notes == [.ibidNoAntecedent])
    }
}

/// One alignment of the versions of a document, used by the set checks and the HTML view.
@Suite struct VersionAlignmentTests {
    func alignment(_ folder: String) throws -> VersionAlignment {
        let versions = try InputFiles.expand([Paths.corpora(folder)]).map { file in
            TestPipeline.resolved(try DocumentReader().read(path: file))
        }
        return VersionAlignment(versions)
    }

    @Test func aDroppedFootnoteIsOneGapNotAShift() throws {
        let aligned = try alignment("defects/missing-footnote")
        #expect(aligned.versions.map(\.language) == ["ar", "en", "es", "fr", "ru", "zh"])
        let zh = 5
        #expect(aligned.footnotes[aligned.reference].count == 8)
        #expect(aligned.footnotes[zh].count == 7)
        // The reference's footnotes 1–5 pair with zh's 1–5, 6 with nothing, 7 and 8 with zh's 6 and 7.
        #expect(aligned.footnotePairs[zh] == [0, 1, 2, 3, 4, nil, 5, 6])
    }

    @Test func paragraphsPairByOrderWithinTheirKind() throws {
        let aligned = try alignment("seed")
        for kind in VersionAlignment.comparedKinds where kind != .annex {
            #expect(aligned.pairs(kind))
        }
        #expect(aligned.paragraphs[.operative]?.map(\.count) == Array(repeating: 21, count: 6))
        #expect(aligned.paragraphs[.preambular]?.map(\.count) == Array(repeating: 17, count: 6))
        // The marker of footnote 8 stands in the 16th operative paragraph in every version.
        let markers = aligned.footnotes.map { $0.first { $0.label == "8" }?.marker }
        #expect(Set(markers) == [.paragraph(.operative, 16)])
    }
}
