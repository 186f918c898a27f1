import Foundation
import Testing
@testable import Concord

/// Pins in one canonical form in every language (the anchor grammar), internal
/// cross-references resolved to the document's anchors, and the checks that read them.
@Suite struct CrossReferenceTests {
    /// The pin keys (articles, rules, chapters, paragraphs …) a sentence gives in a language.
    func pins(_ text: String, _ language: Language) -> [String] {
        let rules = TestRules.shared
        guard let languageRules = rules.languages[language] else { return ["no rules for \(language)"] }
        return CitationExtractor(rules: rules).citations(inSegment: Array(text.utf16), language: languageRules, issuingBody: "A")
            .filter { $0.kind.isPin }.map(\.key)
    }

    @Test func oneKeyForEveryFormOfAnArticleParagraph() {
        let forms: [(Language, String)] = [
            (.en, "in accordance with paragraph 2 of Article 18 of the Convention"),
            (.en, "in accordance with article 18, paragraph 2, of the Convention"),
            (.en, "in accordance with article 18 (2) of the Convention"),
            (.fr, "conformément au paragraphe 2 de l'article 18 de la Convention"),
            (.fr, "conformément à l'article 18, paragraphe 2, de la Convention"),
            (.es, "de conformidad con el párrafo 2 del artículo 18 de la Convención"),
            (.ru, "в соответствии с пунктом 2 статьи 18 Конвенции"),
            (.zh, "根据《公约》第十八条第二款"),
            (.ar, "وفقا للفقرة 2 من المادة 18 من الاتفاقية"),
            (.ar, "وفقا للفقرة الثانية من المادة الثامنة عشرة من الاتفاقية"),
        ]
        for (language, text) in forms {
            #expect(pins(text, language) == ["article:18(2)"], "\(language): \(text)")
        }
    }

    @Test func subParagraphsAreKeptInEveryLanguage() {
        let forms: [(Language, String)] = [
            (.en, "as provided in article 9 (3) (b) of the Protocol"),
            (.en, "as provided in article 9, paragraph 3 (b), of the Protocol"),
            (.en, "as provided in subparagraph (b) of paragraph 3 of article 9 of the Protocol"),
            (.fr, "comme prévu à l'article 9 3) b) du Protocole"),
            (.fr, "comme prévu à l'alinéa b) du paragraphe 3 de l'article 9 du Protocole"),
            (.es, "según el artículo 9 3) b) del Protocolo"),
            (.es, "según el apartado b) del párrafo 3 del artículo 9 del Protocolo"),
            (.ru, "как предусмотрено в подпункте (b) пункта 3 статьи 9 Протокола"),
            (.zh, "依照《议定书》第九条第3款㈡项"),
            (.zh, "依照《议定书》第九条第(三)款(b)项"),
            (.ar, "على النحو المنصوص عليه في الفقرة الفرعية (ب) من الفقرة 3 من المادة 9 من البروتوكول"),
        ]
        for (language, text) in forms {
            #expect(pins(text, language) == ["article:9(3)(b)"], "\(language): \(text)")
        }
    }

    @Test func rulesOfProcedureAreRulesNotArticles() {
        let forms: [(Language, String)] = [
            (.en, "under rule 7, paragraph 2, of the rules of procedure"),
            (.en, "under paragraph 2 of rule 7 of the rules of procedure"),
            (.fr, "au paragraphe 2 de l'article 7 du Règlement intérieur"),
            (.es, "el párrafo 2 del artículo 7 del reglamento"),
            (.ru, "согласно пункту 2 правила 7 правил процедуры"),
            (.zh, "依照议事规则第七条第二款"),
            (.ar, "وفقا للفقرة 2 من المادة 7 من النظام الداخلي"),
        ]
        for (language, text) in forms {
            #expect(pins(text, language) == ["rule:7(2)"], "\(language): \(text)")
        }
    }

    @Test func ordinalWordsInflectionsAndNumeralsAreNumbers() {
        #expect(pins("المادة الثانية عشرة من الاتفاقية", .ar) == ["article:12"])
        #expect(pins("وفقا للفقرة الثالثة من المادة 8", .ar) == ["article:8(3)"])
        #expect(pins("в соответствии со статьей 12", .ru) == ["article:12"])
        #expect(pins("на основании пункта 3 статьи 8", .ru) == ["article:8(3)"])
        #expect(pins("根据第十二条", .zh) == ["article:12"])
        #expect(pins("acting under Chapter VII of the Charter", .en) == ["chapter:7"])
        #expect(pins("根据《联合国宪章》第七章", .zh) == ["chapter:7"])
        #expect(pins("وإذ يتصرف بموجب الفصل السابع من الميثاق", .ar) == ["chapter:7"])
        #expect(pins("as set out in section III.B above", .en) == ["section:3.B"])
        #expect(pins("как указано в разделе III.B выше", .ru) == ["section:3.B"])
    }

    /// References that name another document are external; bare ones, or those that name
    /// the document itself, are candidates for resolution inside it.
    @Test func referencesNamingAnotherDocumentAreExternal() {
        let rules = TestRules.shared
        func internalKeys(_ text: String, _ language: Language) -> [String] {
            CitationExtractor(rules: rules).citations(inSegment: Array(text.utf16), language: rules.languages[language]!, issuingBody: "A")
                .filter { $0.notes.contains(.internalReference) }.map(\.key)
        }
        #expect(internalKeys("in accordance with article 12, States Parties shall", .en) == ["article:12"])
        #expect(internalKeys("as provided in article 5 of the present Convention", .en) == ["article:5"])
        #expect(internalKeys("as provided in article 5 of the Protocol", .en) == [])
        #expect(internalKeys("статьи 5 Протокола", .ru) == [])
        #expect(internalKeys("статья 5 настоящей Конвенции", .ru) == ["article:5"])
        #expect(internalKeys("《议定书》第五条", .zh) == [])
        #expect(internalKeys("本公约第五条", .zh) == ["article:5"])
        #expect(internalKeys("المادة 5 من البروتوكول", .ar) == [])
        #expect(internalKeys("l'article 5 du Protocole", .fr) == [])
        #expect(internalKeys("l'article 5 de la présente Convention", .fr) == ["article:5"])
    }

    // MARK: Resolution inside a resolution (its anchors: paragraph:N, preamble:N, annex:1 …)

    func resolved(_ text: String) -> ResolvedDocument {
        TestPipeline.resolved(DocumentReader().read(source: SourceText(text), file: "res.en.txt", format: .plainText))
    }

    func findings(_ text: String) -> [Finding] {
        TestPipeline.findings(DocumentReader().read(source: SourceText(text), file: "res.en.txt", format: .plainText))
    }

    let opening = "Resolution 1/1\n\nThe General Assembly,\n\nRecalling article 28 of the Convention,\n\n"

    @Test func internalReferencesResolveToAnchors() throws {
        let document = resolved(opening + "1. *Decides* to act in accordance with article 12;\n\n2. *Requests* the report referred to in the preceding paragraph;\n\n3. *Decides* to review operative paragraph 1 of the present resolution.\n")
        let preceding = try #require(document.citations.first { $0.paragraph == "op2" && $0.kind == .paragraph })
        #expect(preceding.key == "paragraph:1")
        #expect(preceding.target == .anchors(["paragraph:1"], missing: []))
        let own = try #require(document.citations.first { $0.paragraph == "op3" && $0.kind == .paragraph })
        #expect(own.target == .anchors(["paragraph:1"], missing: []))
        // A resolution has no articles: "article 12" and "article 28 of the Convention" are the Convention's.
        for article in document.citations where article.kind == .article {
            #expect(article.target == .external(key: article.key))
            #expect(!article.notes.contains(.internalReference))
        }
        #expect(findings(opening + "1. *Decides* to act in accordance with article 12;\n\n2. *Requests* the report referred to in the preceding paragraph.\n").isEmpty)
    }

    @Test func aMissingTargetIsAnErrorAndAWrongDirectionAWarning() {
        let missing = findings(opening + "1. *Requests* the report referred to in the preceding paragraph;\n\n2. *Decides* to consider the report referred to in paragraph 5 above.\n")
        #expect(missing.map(\.rule) == [.structureMissingTarget, .structureMissingTarget])
        #expect(missing.map(\.message) == ["“the preceding paragraph” refers to the paragraph before this one, but this paragraph is the first of its kind",
                                           "“paragraph 5 above” refers to paragraph 5, but the document has operative paragraphs 1 to 2"])
        let direction = findings(opening + "1. *Decides* to consider the report referred to in paragraph 2 above;\n\n2. *Requests* a report, to be considered as set out in paragraph 1 below.\n")
        #expect(direction.map(\.rule) == [.structureDirection, .structureDirection])
        #expect(direction.allSatisfy { $0.severity == .warning })
        #expect(direction.first?.message == "“paragraph 2 above” says the paragraph it refers to stands above, but paragraph 2 comes after it")
    }

    @Test func theFormerIdIsStillAccepted() throws {
        #expect(CheckID(named: "paragraph.missing-target") == .structureMissingTarget)
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent(".concord.yml")
        try "rules:\n  paragraph.missing-target: warning\n".write(to: config, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(config.path)
        #expect(configuration.severities[.structureMissingTarget]! == .warning)
        let file = folder.appendingPathComponent("res.en.md")
        try ("<!-- concord-disable paragraph.missing-target -->\n\nThe General Assembly,\n\n1. *Requests* a report;\n\n2. *Decides* to consider the report referred to in paragraph 5 above.\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let report = TestPipeline.report([DocumentSet(name: "res", files: [file.path])])
        #expect(report.findings.map(\.rule) == [])
    }

    // MARK: Across versions

    func setFindings(_ texts: [String: String]) throws -> [Finding] {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = [String]()
        for (language, text) in texts {
            let path = folder.appendingPathComponent("doc.\(language).md").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        return TestPipeline.report([DocumentSet(name: "doc", files: files.sorted())]).findings
    }

    let en = "The General Assembly,\n\n1. *Recalls* article 9, paragraph 3 (b), of the Convention and paragraph 2 of article 18 thereof;\n"
    let es = "La Asamblea General,\n\n1. *Recuerda* el apartado b) del párrafo 3 del artículo 9 de la Convención y el párrafo 2 del artículo 18 de esta;\n"

    /// A note by default since issue 14 (`Rules/checks.yml`): on the tuned aligned halves all
    /// four coarser pins were a version's pin misread, none a real difference.
    @Test func aCoarserPinIsANoteAndAnotherArticleAnError() throws {
        let clean = try setFindings(["en": en, "es": es, "fr": "L'Assemblée générale,\n\n1. *Rappelle* l'alinéa b) du paragraphe 3 de l'article 9 de la Convention et le paragraphe 2 de l'article 18 de celle-ci;\n"])
        #expect(clean.map(\.rule) == [])
        let coarser = try setFindings(["en": en, "es": es, "fr": "L'Assemblée générale,\n\n1. *Rappelle* l'article 9 de la Convention et le paragraphe 2 de l'article 18 de celle-ci;\n"])
        #expect(coarser.map(\.rule) == [.setCoarserPin])
        #expect(coarser.first?.severity == .note)
        #expect(coarser.first?.message == "the fr version cites article:9 in operative paragraph 1, a coarser pin than article:9(3)(b) in en, es")
        let changed = try setFindings(["en": en, "es": es, "fr": "L'Assemblée générale,\n\n1. *Rappelle* l'alinéa b) du paragraphe 3 de l'article 9 de la Convention et le paragraphe 2 de l'article 19 de celle-ci;\n"])
        #expect(changed.map(\.rule) == [.setCitationMismatch])
        #expect(changed.first?.severity == .error)
    }
}
