import Foundation
import Testing
@testable import Concord

/// The structure stage: genre, identity and anchors, the same in every language version.
@Suite struct StructureTests {
    static func read(_ text: String, _ language: String, genre: DocumentGenre? = nil) -> Document {
        var reader = DocumentReader(lexicon: TestRules.shared.lexicon)
        reader.genre = genre
        return reader.read(source: SourceText(text), file: "doc.\(language).txt", format: .plainText)
    }

    static func anchors(_ document: Document) -> [String] { document.paragraphs.compactMap(\.anchor) }

    @Test func theSeedGivesTheSameAnchorsInAllSixLanguages() throws {
        var all = [String: [String]]()
        for language in ["ar", "zh", "en", "fr", "ru", "es"] {
            let document = try DocumentReader(lexicon: TestRules.shared.lexicon).read(path: Paths.corpora("seed/res-6-1.\(language).txt"))
            #expect(document.genre == .resolution, "\(language)")
            #expect(document.identity.number == "6/1", "\(language)")
            all[language] = Self.anchors(document)
        }
        let expected = (1...17).map { "preamble:\($0)" } + (1...21).map { "paragraph:\($0)" }
        for (language, anchors) in all { #expect(anchors == expected, "\(language)") }
    }

    /// Every English GA resolution of the shared corpus, as text and as Markdown: a
    /// resolution; its own number from the title is its symbol's; every operative paragraph
    /// is `paragraph:N`, every sub-item starts with its paragraph's anchor, annex units with
    /// their annex's; no anchor repeats.
    @Test func theEnglishGAResolutionsGetAnchors() throws {
        var checked = 0
        for folder in ["corpus/en-ga-80-txt", "corpus/en-ga-80-md"] {
            guard let path = Paths.shared(folder) else { return }
            for file in InputFiles.expand([path]) {
                let document = try DocumentReader(lexicon: TestRules.shared.lexicon).read(path: file)
                #expect(document.genre == .resolution, "\(file)")
                let name = (file as NSString).lastPathComponent
                if let number = document.identity.number {
                    #expect(name.contains(number.replacingOccurrences(of: "/", with: "_")), "\(file): \(number)")
                }
                var byID = [String: Paragraph]()
                var seen = Set<String>()
                for paragraph in document.paragraphs {
                    byID[paragraph.id] = paragraph
                    if paragraph.kind == .operative, let number = paragraph.number {
                        #expect(paragraph.anchor == "paragraph:\(number)" || paragraph.anchor?.hasSuffix("/paragraph:\(number)") == true, "\(file) \(paragraph.id)")
                    }
                    if paragraph.kind == .annex { #expect(paragraph.anchor?.hasPrefix("annex:") == true, "\(file) \(paragraph.id)") }
                    if paragraph.kind == .subparagraph, let parent = paragraph.parentID.flatMap({ byID[$0] }), let parentAnchor = parent.anchor {
                        #expect(paragraph.anchor?.hasPrefix(parentAnchor + "(") == true, "\(file) \(paragraph.id): \(paragraph.anchor ?? "nil")")
                    }
                    if let anchor = paragraph.anchor, paragraph.kind != .heading, !paragraph.id.contains("-") {
                        #expect(seen.insert(anchor).inserted, "\(file): \(anchor) twice")
                    }
                }
                checked += 1
            }
        }
        #expect(checked >= 40)
    }

    /// A treaty excerpt in the six languages, each in its own forms (`Article premier`,
    /// `第一条` and `一、`, `المادة الأولى` and `1 -`, Russian `а)`, Arabic `(ب)`).
    static let treaty: [String: String] = [
        "en": """
        Convention on Cooperation

        The States Parties to this Convention,

        Recalling the Charter of the United Nations,

        Have agreed as follows:

        Chapter I

        General provisions

        Article 1

        Scope

        1. This Convention applies to the offences set forth in article 3.

        2. Each State Party shall:

        (a) adopt measures;

        (b) cooperate.

        Article 2

        The provisions of article 1 apply.

        Chapter II

        Final provisions

        Article 3

        This Convention enters into force.
        """,
        "fr": """
        Convention sur la coopération

        Les États Parties à la présente Convention,

        Rappelant la Charte des Nations Unies,

        Sont convenus de ce qui suit :

        Chapitre premier

        Dispositions générales

        Article premier

        Champ d'application

        1. La présente Convention s'applique aux infractions visées à l'article 3.

        2. Chaque État Partie :

        a) Adopte des mesures;

        b) Coopère.

        Article 2

        Les dispositions de l'article premier s'appliquent.

        Chapitre II

        Dispositions finales

        Article 3

        La présente Convention entre en vigueur.
        """,
        "es": """
        Convención sobre la cooperación

        Los Estados Partes en la presente Convención,

        Recordando la Carta de las Naciones Unidas,

        Han convenido en lo siguiente:

        Capítulo I

        Disposiciones generales

        Artículo 1

        Ámbito de aplicación

        1. La presente Convención se aplicará a los delitos tipificados en el artículo 3.

        2. Cada Estado Parte:

        (a) adoptará medidas;

        (b) cooperará.

        Artículo 2

        Se aplicarán las disposiciones del artículo 1.

        Capítulo II

        Disposiciones finales

        Artículo 3

        La presente Convención entrará en vigor.
        """,
        "ru": """
        Конвенция о сотрудничестве

        Государства — участники настоящей Конвенции,

        ссылаясь на Устав Организации Объединенных Наций,

        согласились о нижеследующем:

        Глава I

        Общие положения

        Статья 1

        Сфера применения

        1. Настоящая Конвенция применяется к преступлениям, указанным в статье 3.

        2. Каждое Государство-участник:

        а) принимает меры;

        б) сотрудничает.

        Статья 2

        Применяются положения статьи 1.

        Глава II

        Заключительные положения

        Статья 3

        Настоящая Конвенция вступает в силу.
        """,
        "zh": """
        合作公约

        本公约缔约国，

        回顾《联合国宪章》，

        兹协议如下：

        第一章

        总则

        第一条

        适用范围

        一、本公约适用于第三条所列的犯罪。

        二、各缔约国应当：

        (a) 采取措施；

        (b) 开展合作。

        第二条

        第一条的规定适用。

        第二章

        最后条款

        第三条

        本公约应当生效。
        """,
        "ar": """
        اتفاقية التعاون

        إن الدول الأطراف في هذه الاتفاقية،

        إذ تشير إلى ميثاق الأمم المتحدة،

        قد اتفقت على ما يلي:

        الفصل الأول

        أحكام عامة

        المادة الأولى

        نطاق التطبيق

        1 - تنطبق هذه الاتفاقية على الجرائم المبينة في المادة 3.

        2 - تقوم كل دولة طرف بما يلي:

        (أ) اتخاذ تدابير؛

        (ب) التعاون.

        المادة 2

        تنطبق أحكام المادة 1.

        الفصل الثاني

        أحكام ختامية

        المادة الثالثة

        يبدأ نفاذ هذه الاتفاقية.
        """,
    ]

    /// An annex to a treaty (`Annex`, `Annex II`, `Приложение`, `附件一`, `المرفق`) is a unit
    /// `annex:N`, its numbered paragraphs `annex:N/paragraph:P` and its articles
    /// `annex:N/article:A`; a reference `annex I` in an article resolves to it.
    @Test func aTreatysAnnexIsAUnitInAllSixLanguages() {
        let annexes: [String: String] = [
            "en": "Annex\n\nForms of cooperation\n\n1. The central authority shall receive requests.\n\n2. Requests shall be made in writing.\n",
            "fr": "Annexe\n\nFormes de coopération\n\n1. L’autorité centrale reçoit les demandes.\n\n2. Les demandes sont faites par écrit.\n",
            "es": "Anexo\n\nFormas de cooperación\n\n1. La autoridad central recibirá las solicitudes.\n\n2. Las solicitudes se harán por escrito.\n",
            "ru": "Приложение\n\nФормы сотрудничества\n\n1. Центральный орган получает просьбы.\n\n2. Просьбы направляются в письменной форме.\n",
            "zh": "附件\n\n合作形式\n\n一、中央机关应接收请求。\n\n二、请求应以书面形式提出。\n",
            "ar": "المرفق\n\nأشكال التعاون\n\n1 - تتلقى السلطة المركزية الطلبات.\n\n2 - تقدم الطلبات كتابة.\n",
        ]
        for (language, text) in Self.treaty {
            let document = Self.read(text + "\n\n" + annexes[language]!, language)
            #expect(document.genre == .treaty, "\(language)")
            let anchors = Self.anchors(document)
            #expect(Array(anchors.suffix(3)) == ["annex:1", "annex:1/paragraph:1", "annex:1/paragraph:2"], "\(language): \(anchors)")
            let title = document.paragraphs.first { $0.anchor == nil && $0.parentAnchor == "annex:1" }
            #expect(title != nil, "\(language): the annex's title belongs to it")
        }
        // `paragraph 2 of annex I` is the annex's paragraph, one pin resolved into the annex.
        let referring = Self.treaty["en"]!.replacingOccurrences(of: "Recalling the Charter of the United Nations,", with: "Recalling the Charter of the United Nations and paragraph 2 of annex I,")
        let withAnnex = TestPipeline.resolved(Self.read(referring + "\n\n" + annexes["en"]!, "en"))
        let targets = withAnnex.citations.filter { $0.kind == .paragraph || $0.kind == .annex }.map { "\($0.key) → \($0.target)" }
        #expect(targets == ["annex:1/paragraph:2 → anchors([\"annex:1/paragraph:2\"], missing: [])"], "\(targets)")
        // Annex II with articles of its own, and a reference to it.
        let en = Self.treaty["en"]!.replacingOccurrences(of: "Recalling the Charter of the United Nations,", with: "Recalling the Charter of the United Nations and annex II,")
            + "\n\nAnnex II\n\nArticle 1\n\nScope of the annex\n\n1. This annex applies to requests.\n"
        let document = Self.read(en, "en")
        #expect(Array(Self.anchors(document).suffix(3)) == ["annex:2", "annex:2/article:1", "annex:2/article:1(1)"], "\(Self.anchors(document))")
        let resolved = TestPipeline.resolved(document)
        let annex = resolved.citations.first { $0.kind == .annex }
        #expect(annex?.key == "annex:2")
        let findings = Checks.document.flatMap { $0.findings(in: resolved, context: CheckContext(rules: TestRules.shared)) }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func aTreatyGivesTheSameAnchorsInAllSixLanguages() {
        let expected = ["preamble:1", "chapter:1", "article:1", "article:1(1)", "article:1(2)",
                        "article:1(2)(a)", "article:1(2)(b)", "article:2", "chapter:2", "article:3"]
        for (language, text) in Self.treaty {
            let document = Self.read(text, language)
            #expect(document.genre == .treaty, "\(language)")
            #expect(Self.anchors(document) == expected, "\(language): \(Self.anchors(document))")
            let item = document.paragraphs.first { $0.anchor == "article:1(2)(b)" }
            #expect(item?.parentAnchor == "article:1(2)", "\(language)")
            #expect(item?.kind == .subparagraph, "\(language)")
            let paragraph = document.paragraphs.first { $0.anchor == "article:1(1)" }
            #expect(paragraph?.kind == .numbered && paragraph?.number == 1 && paragraph?.parentAnchor == "article:1", "\(language)")
            // The article's unlabelled text belongs to it.
            let body = document.paragraphs.first { $0.parentAnchor == "article:2" && $0.anchor == nil }
            #expect(body != nil, "\(language)")
            #expect(document.paragraphs.first { $0.anchor == "article:3" }?.parentAnchor == "chapter:2", "\(language)")
        }
    }

    /// Aligned by anchor: a changed article reference in one version is a citation mismatch
    /// in that article's paragraph, and the odd version is named; the clean set gives none.
    @Test func treatyVersionsAlignByAnchor() {
        let context = CheckContext(rules: TestRules.shared)
        let clean = VersionAlignment(Self.treaty.map { TestPipeline.resolved(Self.read($0.value, $0.key)) })
        #expect(clean.byAnchor)
        #expect(clean.anchorOrder.contains("article:1(2)(b)"))
        let findings = Checks.set.flatMap { $0.findings(in: clean, context: context) }
        #expect(findings.isEmpty, "\(findings.map { $0.message })")
        let rows = clean.rows().filter { $0.key.hasPrefix("@article:") }
        #expect(rows.count == 5 && rows.allSatisfy { $0.cells.count == 6 }, "\(rows.map(\.key))")
        // The English version refers to article 2 where the others refer to article 3.
        var changed = Self.treaty
        changed["en"] = changed["en"]!.replacingOccurrences(of: "set forth in article 3", with: "set forth in article 2")
        let odd = VersionAlignment(changed.map { TestPipeline.resolved(Self.read($0.value, $0.key)) })
        let mismatches = Checks.set.flatMap { $0.findings(in: odd, context: context) }.filter { $0.rule == .setCitationMismatch }
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.message.contains("the en version cites article:2 in article 1(1)") == true, "\(mismatches.map { $0.message })")
    }

    /// The units of a report that have no anchor (its `Original:` line, the body's name, the
    /// title naming the meeting's dates) pair between the anchored units around them, in all
    /// six versions of Corpora/report (the French and Spanish distribution lines, `Distr.
    /// générale`, are page furniture as the English `Distr.: General` is); a date changed in
    /// one version's title line is then a citation mismatch named in that version.
    @Test func unanchoredReportUnitsPairBetweenAnchors() throws {
        var texts = [String: String]()
        for language in ["ar", "en", "es", "fr", "ru", "zh"] {
            texts[language] = try String(contentsOfFile: Paths.corpora("report/CTOC-COP-WG.4-2011-8.\(language).txt"), encoding: .utf8)
        }
        let clean = VersionAlignment(texts.map { TestPipeline.resolved(Self.read($0.value, $0.key)) })
        #expect(clean.byAnchor)
        // The three before the first section pair in all six versions.
        let head = clean.unanchored.prefix(3)
        #expect(head.count == 3 && head.allSatisfy { $0.versions.count == 6 }, "\(clean.unanchored.map { $0.units.map(\.name) })")
        let title = head.last?.units ?? []
        #expect(title.count == 6 && title.allSatisfy { $0.keys == ["date:2011-10-10", "date:2011-10-12"] }, "\(title.map(\.keys))")
        var changed = texts
        let range = try #require(texts["es"]!.range(of: "del 10 al 12 de octubre de 2011"))  // the title line's
        changed["es"]!.replaceSubrange(range, with: "del 10 al 13 de octubre de 2011")
        let odd = VersionAlignment(changed.map { TestPipeline.resolved(Self.read($0.value, $0.key)) })
        let context = CheckContext(rules: TestRules.shared)
        let before = Set(Checks.set.flatMap { $0.findings(in: clean, context: context) }.map(\.message))
        let new = Checks.set.flatMap { $0.findings(in: odd, context: context) }.filter { !before.contains($0.message) }
        #expect(new.map(\.message) == ["the es version cites date:2011-10-13 in the heading “Informe sobre la reunión del Grupo de …”; ar, en, fr, ru, zh cite date:2011-10-12"],
                "\(new.map(\.message))")
    }

    /// A renumbered article: the version that lacks article 2 and has an article 4 the others
    /// do not have is named, once for each (not for each of the article's paragraphs).
    @Test func aRenumberedArticleIsNamed() {
        var changed = Self.treaty
        changed["ru"] = changed["ru"]!.replacingOccurrences(of: "Статья 2\n", with: "Статья 4\n")
        let alignment = VersionAlignment(changed.map { TestPipeline.resolved(Self.read($0.value, $0.key)) })
        let findings = Checks.set.flatMap { $0.findings(in: alignment, context: CheckContext(rules: TestRules.shared)) }
            .filter { $0.rule == .setParagraphCount }.map { $0.message }
        #expect(findings == ["the ru version has no article 2; ar, en, es, fr, zh have it",
                             "the ru version has article 4, which ar, en, es, fr, zh do not have"], "\(findings)")
    }

    static let report: [String: String] = [
        "en": """
        Report of the Secretary-General

        I. Introduction

        1. The present report is submitted pursuant to resolution 6/1.

        2. It covers the period from 1 January to 31 December 2012.

        II. Activities

        A. Technical assistance

        3. The Office provided assistance in the following areas:

        (a) legislative drafting;

        (b) training.

        B. Research

        4. The findings are described in paragraph 3 above.
        """,
        "fr": """
        Rapport du Secrétaire général

        I. Introduction

        1. Le présent rapport est soumis en application de la résolution 6/1.

        2. Il porte sur la période allant du 1er janvier au 31 décembre 2012.

        II. Activités

        A. Assistance technique

        3. L'Office a fourni une assistance dans les domaines suivants :

        a) Rédaction législative;

        b) Formation.

        B. Recherche

        4. Les conclusions sont décrites au paragraphe 3 ci-dessus.
        """,
        "zh": """
        秘书长的报告

        I. 导言

        1. 本报告是根据第6/1号决议提交的。

        2. 报告所述期间为2012年1月1日至12月31日。

        II. 活动

        A. 技术援助

        3. 该办公室在下列领域提供了援助：

        (a) 立法起草；

        (b) 培训。

        B. 研究

        4. 上文第3段介绍了调查结果。
        """,
        "es": """
        Informe del Secretario General

        I. Introducción

        1. El presente informe se presenta en cumplimiento de la resolución 6/1.

        2. Abarca el período comprendido entre el 1 de enero y el 31 de diciembre de 2012.

        II. Actividades

        A. Asistencia técnica

        3. La Oficina prestó asistencia en las esferas siguientes:

        a) redacción legislativa;

        b) capacitación.

        B. Investigación

        4. Las conclusiones se describen en el párrafo 3 supra.
        """,
        "ru": """
        Доклад Генерального секретаря

        I. Введение

        1. Настоящий доклад представляется во исполнение резолюции 6/1.

        2. Он охватывает период с 1 января по 31 декабря 2012 года.

        II. Деятельность

        A. Техническая помощь

        3. Управление оказывало помощь в следующих областях:

        а) разработка законодательства;

        б) подготовка кадров.

        B. Исследования

        4. Выводы изложены в пункте 3 выше.
        """,
        "ar": """
        تقرير الأمين العام

        أولا - مقدمة

        1 - يقدم هذا التقرير عملا بالقرار 6/1.

        2 - ويغطي الفترة من 1 كانون الثاني/يناير إلى 31 كانون الأول/ديسمبر 2012.

        ثانيا - الأنشطة

        ألف - المساعدة التقنية

        3 - قدم المكتب المساعدة في المجالات التالية:

        (أ) الصياغة التشريعية؛

        (ب) التدريب.

        باء - البحوث

        4 - ترد الاستنتاجات في الفقرة 3 أعلاه.
        """,
    ]

    /// A report excerpt in the six languages (Arabic `أولا -`, `ألف -`, `(ب)`; Russian `б)`;
    /// French and Spanish `a)`).
    @Test func aReportGivesSectionsAndContinuousParagraphs() {
        let expected = ["section:1", "paragraph:1", "paragraph:2", "section:2", "section:2.A", "paragraph:3",
                        "paragraph:3(a)", "paragraph:3(b)", "section:2.B", "paragraph:4"]
        for (language, text) in Self.report {
            let document = Self.read(text, language)
            #expect(document.genre == .report, "\(language)")
            #expect(Self.anchors(document) == expected, "\(language): \(Self.anchors(document))")
            #expect(document.paragraphs.first { $0.anchor == "paragraph:3" }?.kind == .numbered, "\(language)")
            #expect(document.identity.number == nil, "\(language): a report's own number is its symbol's")
        }
    }

    /// The configuration's genre wins over the text's signs; an unknown genre still anchors
    /// numbered paragraphs and headings.
    @Test func aGivenGenreWinsAndUnknownStillAnchors() {
        let text = "Notes\n\n1. First point.\n\n2. Second point, with (a) nothing.\n"
        let unknown = Self.read(text, "en")
        #expect(unknown.genre == .unknown)
        #expect(Self.anchors(unknown) == ["paragraph:1", "paragraph:2"])
        let report = Self.read(text, "en", genre: .report)
        #expect(report.genre == .report)
        #expect(Self.anchors(report) == ["paragraph:1", "paragraph:2"])
        #expect(Self.read(Self.treaty["en"]!, "en", genre: .unknown).genre == .unknown)
    }

    @Test func theOwnNumberComesFromTheTitleInDigits() {
        #expect(Self.read("القرار ٦/٨\n\nإن مؤتمر الأطراف،\n\n1 - يقرر ما يلي.\n", "ar").identity.number == "6/8")
        #expect(Self.read("第6/1号决议\n\n缔约方会议，\n\n1. 决定。\n", "zh").identity.number == "6/1")
        #expect(Self.read("80/15. Title of the resolution\n\nThe General Assembly,\n\n1. Decides.\n", "en").identity.number == "80/15")
    }

    /// The date of adoption is read from the closing line by the resolve stage.
    @Test func theDateOfAdoptionComesFromTheClosingLine() {
        let text = "80/15. Title\n\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Decides to act.\n\n3rd plenary meeting\n19 September 2025\n"
        let resolved = TestPipeline.resolved(Self.read(text, "en"))
        #expect(resolved.document.identity.adopted == "date:2025-09-19")
    }

    /// `genres` in `.concord.yml`: glob → genre; a value that is not a genre is an error
    /// naming the key.
    @Test func theConfigurationGivesGenresByGlob() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".concord.yml")
        try "genres:\n  \"treaties/**\": treaty\n".write(to: file, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(file.path)
        #expect(configuration.genre(for: folder.appendingPathComponent("treaties/a/conv.en.txt").path) == .treaty)
        #expect(configuration.genre(for: folder.appendingPathComponent("res/r.en.txt").path) == nil)
        try "genres:\n  \"treaties/**\": convention\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: RuleError.self) { try Configuration.load(file.path) }
    }

    /// A report's third-level heading: a short `1.` without a full stop, out of the
    /// paragraphs' sequence, under a lettered section.
    @Test func aReportsNumberedHeadingIsASection() {
        let text = "Report of the Working Group\n\nI. Deliberations\n\nA. Prevention\n\n1. Awareness-raising\n\n5. Speakers described campaigns.\n\n2. Addressing demand\n\n6. Speakers noted the demand.\n"
        let document = Self.read(text, "en")
        #expect(Self.anchors(document) == ["section:1", "section:1.A", "section:1.A.1", "paragraph:5", "section:1.A.2", "paragraph:6"])
    }
}
