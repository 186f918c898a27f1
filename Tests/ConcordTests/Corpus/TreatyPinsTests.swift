import Foundation
import Testing
@testable import Concord

/// The six-language convention of `Corpora/treaty/` (its oracle:
/// `Fixtures/targets/treaty.md`): every version gives the same pins, unit for unit in
/// number — one canonical key per reference whatever the language's words (`paragraph 1 of
/// article 5`, `第五条第一款`, `للفقرة 1 من المادة 5`, `пунктом 1 статьи 5`, ordinal words,
/// inflections, `本条第一款`, `前款`); the headings (`Article 12`, `第十二条`) are no references.
/// References to "this article" are named by the article that holds them; the defect sets differ from the others by exactly the changed
/// reference.
@Suite struct TreatyPinsTests {
    static let languages = ["ar", "en", "es", "fr", "ru", "zh"]

    /// The pin keys of a version's running text, counted.
    func pins(_ path: String) throws -> [String: Int] {
        let document = try DocumentReader().read(path: path)
        var counts = [String: Int]()
        for citation in TestPipeline.resolved(document).citations where citation.kind.isPin && citation.footnote == nil {
            // "the preceding paragraph" is resolved against the units the document is read
            // with (today a resolution's), which differ between the versions of a treaty.
            let key = citation.kind == .paragraph && citation.notes.contains(.selfReference) ? "paragraph:self" : citation.key
            counts[key, default: 0] += 1
        }
        return counts
    }

    func difference(_ a: [String: Int], _ b: [String: Int]) -> [String: Int] {
        var out = [String: Int]()
        for key in Set(a.keys).union(b.keys) where a[key, default: 0] != b[key, default: 0] {
            out[key] = a[key, default: 0] - b[key, default: 0]
        }
        return out
    }

    @Test func everyVersionGivesTheSamePins() throws {
        let english = try pins(Paths.corpora("treaty/convention.en.txt"))
        // The oracle's references that need no unit to be known (56 in all, the rest are
        // "this article" and "the preceding paragraph"), and the headings.
        #expect(english["article:9", default: 0] >= 7)
        #expect(english["article:16(2)(c)"] == 1)
        // "this article" is named by the unit that holds it, now that the structure gives
        // every article its anchor: no key keeps `this`.
        #expect(english.keys.filter { $0.contains(":this") }.isEmpty, "\(english.keys.filter { $0.contains(":this") })")
        #expect(english["article:5(1)", default: 0] >= 1)
        #expect(english["paragraph:self"] == 3)
        for language in Self.languages where language != "en" {
            let other = try pins(Paths.corpora("treaty/convention.\(language).txt"))
            #expect(difference(other, english) == [:], "\(language)")
        }
    }

    /// A changed reference in one version is the only difference from the others.
    @Test(arguments: [
        ("changed-article-reference", "fr", ["article:13": 1, "article:12": -1]),
        ("changed-paragraph-reference", "ar", ["article:8(4)": 1, "article:8(3)": -1]),
        ("missing-article", "ru", ["article:27": 1, "article:14": -1]),
    ])
    func aChangedReferenceIsTheOnlyDifference(set: String, language: String, expected: [String: Int]) throws {
        let clean = try pins(Paths.corpora("treaty/convention.\(language).txt"))
        let changed = try pins(Paths.corpora("treaty-defects/\(set)/convention.\(language).txt"))
        #expect(difference(changed, clean) == expected)
        for other in Self.languages where other != language {
            let version = try pins(Paths.corpora("treaty-defects/\(set)/convention.\(other).txt"))
            #expect(difference(version, try pins(Paths.corpora("treaty/convention.\(other).txt"))) == [:], "\(other)")
        }
    }

    /// The convention's annex (`Annex`, `Annexe`, `Anexo`, `Приложение`, `附件`, `المرفق`) is a
    /// unit with its paragraphs in every version, the annex's `article 14` resolves to the
    /// article, and `paragraph 1 of the annex` in article 14(1) resolves to the annex's
    /// paragraph `annex:1/paragraph:1` (the convention has one annex) in every version.
    @Test func theAnnexIsAUnitAndItsReferencesResolve() throws {
        for language in Self.languages {
            let document = try DocumentReader().read(path: Paths.corpora("treaty/convention.\(language).txt"))
            let anchors = document.paragraphs.compactMap(\.anchor)
            #expect(Array(anchors.suffix(3)) == ["annex:1", "annex:1/paragraph:1", "annex:1/paragraph:2"], "\(language): \(anchors.suffix(3))")
            let resolved = TestPipeline.resolved(document)
            let holder = { (citation: Citation) in document.paragraphs.first { $0.id == citation.paragraph }?.anchor ?? "" }
            let intoAnnex = resolved.citations.filter { ($0.kind == .paragraph || $0.kind == .annex) && holder($0) == "article:14(1)" }
                .map { "\($0.key) → \($0.target)" }
            #expect(intoAnnex == ["annex:1/paragraph:1 → anchors([\"annex:1/paragraph:1\"], missing: [])"], "\(language)")
            let fromAnnex = resolved.citations.filter { holder($0) == "annex:1/paragraph:1" }.map { "\($0.key) → \($0.target)" }
            #expect(fromAnnex == ["article:14 → anchors([\"article:14\"], missing: [])"], "\(language)")
        }
    }

    /// Article 14(1)'s `paragraph 1 of the annex`, rewritten in each language: as the paragraph
    /// of a numbered annex (`paragraph 2 of annex I`, `paragraphe 2 de l'annexe I`, `párrafo 2
    /// del anexo I`, `пунктом 2 приложения I`, `附件一第2段`, `للفقرة 2 من المرفق الأول`) and
    /// annex first (`annex I, paragraph 2`) it resolves to `annex:1/paragraph:2`; naming a
    /// paragraph the annex lacks it is `structure.missing-target`; naming another document's
    /// annex it stays that document's two pins, with no finding.
    @Test(arguments: [
        ("en", "paragraph 1 of the annex", ["paragraph 2 of annex I", "annex I, paragraph 2"], "paragraph 3 of the annex",
         "paragraph 3 of annex II to CTOC/COP/WG.4/2011/8"),
        ("fr", "paragraphe 1 de l'annexe", ["paragraphe 2 de l'annexe I", "annexe I, paragraphe 2"], "paragraphe 3 de l'annexe",
         "paragraphe 3 de l’annexe II du document CTOC/COP/WG.4/2011/8"),
        ("es", "párrafo 1 del anexo", ["párrafo 2 del anexo I", "anexo I, párrafo 2"], "párrafo 3 del anexo",
         "párrafo 3 del anexo II del documento CTOC/COP/WG.4/2011/8"),
        ("ru", "пунктом 1 приложения", ["пунктом 2 приложения I", "приложением I, пункт 2"], "пунктом 3 приложения",
         "пунктом 3 приложения II к документу CTOC/COP/WG.4/2011/8"),
        ("zh", "附件第1段", ["附件一第2段"], "附件第3段", "CTOC/COP/WG.4/2011/8号文件附件二第3段"),
        ("ar", "للفقرة 1 من المرفق", ["للفقرة 2 من المرفق الأول", "للمرفق الأول، الفقرة 2"], "للفقرة 3 من المرفق",
         "للفقرة 3 من المرفق الثاني للوثيقة CTOC/COP/WG.4/2011/8"),
    ])
    func annexParagraphReferencesInEveryLanguage(language: String, written: String, present: [String], absent: String, external: String) throws {
        let path = Paths.corpora("treaty/convention.\(language).txt")
        let original = try String(contentsOfFile: path, encoding: .utf8)
        #expect(original.components(separatedBy: written).count == 2, "\(language): the reference stands once in article 14(1)")
        func read(_ replacement: String) throws -> (pins: [String], findings: [String]) {
            let text = original.replacingOccurrences(of: written, with: replacement)
            let document = try DocumentReader().read(bytes: Array(text.utf8), file: "convention.\(language).txt")
            let resolved = TestPipeline.resolved(document)
            let holder = { (citation: Citation) in document.paragraphs.first { $0.id == citation.paragraph }?.anchor ?? "" }
            let pins = resolved.citations.filter { ($0.kind == .paragraph || $0.kind == .annex) && holder($0) == "article:14(1)" }
                .map { "\($0.key) → \($0.target)" }
            let findings = Checks.document.flatMap { $0.findings(in: resolved, context: CheckContext(rules: TestRules.shared)) }
            return (pins, findings.map { $0.rule.rawValue })
        }
        for form in present {
            let (pins, findings) = try read(form)
            #expect(pins == ["annex:1/paragraph:2 → anchors([\"annex:1/paragraph:2\"], missing: [])"], "\(language): \(form)")
            #expect(findings.isEmpty, "\(language): \(form): \(findings)")
        }
        let (pins, findings) = try read(absent)
        #expect(pins == ["annex:1/paragraph:3 → anchors([], missing: [\"annex:1/paragraph:3\"])"], "\(language): \(absent)")
        #expect(findings == ["structure.missing-target"], "\(language): \(absent)")
        let (externalPins, externalFindings) = try read(external)
        #expect(externalPins.sorted() == ["annex:2 → external(key: \"annex:2\")", "paragraph:3 → external(key: \"paragraph:3\")"], "\(language): \(external)")
        #expect(externalFindings.isEmpty, "\(language): \(external): \(externalFindings)")
    }
}
