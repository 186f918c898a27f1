import Testing
@testable import Concord

/// The seed: the French text of resolution 6/1 of the Conference of the Parties to the
/// UN Convention against Transnational Organized Crime, footnote bodies between its lines.
@Suite struct SeedResolutionTests {
    let document: Document
    let source: IndependentSource

    init() throws {
        document = try DocumentReader().read(path: Paths.seed)
        source = try IndependentSource(path: Paths.seed)
    }

    @Test func structure() {
        #expect(document.language == .fr)
        #expect(document.paragraphs(.title).map(\.text.string) == ["Résolution 6/1"])
        #expect(document.paragraphs(.chapeau).map(\.text.string)
            == ["La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée,"])
        let preambular = document.paragraphs(.preambular)
        #expect(preambular.count == 17)
        #expect(preambular.map(\.id) == (1...17).map { "pp\($0)" })
        let operative = document.paragraphs(.operative)
        #expect(operative.map(\.number) == Array(1...21))
        #expect(operative.map(\.id) == (1...21).map { "op\($0)" })
        #expect(document.footnotes.count == 8)
    }

    @Test func footnoteBodiesAreTheTextAsPrinted() {
        let bodies = document.footnotes.map { $0.body?.text.string }
        #expect(bodies == [
            "Nations Unies, *Recueil des Traités*, vol. 2225, 2237, 2241 et 2326, n° 39574.",
            "Résolution 64/293 de l’Assemblée générale.",
            "Nations Unies, *Recueil des Traités*, vol. 2225, n° 39574.",
            "Ibid., vol. 2237, 2241 et 2326, n° 39574.",
            "CTOC/COP/WG.4/2011/8, par. 46 à 51.",
            "Nations Unies, *Recueil des Traités*, vol. 2237, n° 39574.",
            "À paraître sous la cote CTOC/COP/WG.2/2012/5-CTOC/COP/WG.3/2012/6.",
            "CTOC/COP/2012/7.",
        ])
    }

    @Test func markersStandInTheirParagraphs() {
        let placement = document.footnotes.map { footnote in footnote.markers.map(\.paragraphID) }
        #expect(placement == [["pp2"], ["pp5"], ["op1"], ["op1"], ["op12"], ["op12"], ["op14"], ["op16"]])
        #expect(document.footnotes.map(\.label) == (1...8).map(String.init))
    }

    @Test func preambularParagraphEightIsRejoinedAcrossTwoFootnoteBodies() throws {
        let pp8 = try #require(document.paragraph("pp8"))
        #expect(pp8.text.string.hasPrefix("Rappelant que le thème du treizième Congrès"))
        #expect(pp8.text.string.hasSuffix("participation du public\","))
        #expect(pp8.text.string.contains("sociaux et économiques et pour promouvoir l'état de droit"))
        // The other three interrupted paragraphs are whole too.
        #expect(document.paragraph("op1")?.text.string.contains("d'envisager de ratifier la Convention") == true)
        #expect(document.paragraph("op8")?.text.string.contains("portail de gestion des connaissances") == true)
        #expect(document.paragraph("op14")?.text.string.contains("l'assistance technique et le Groupe de travail") == true)
    }

    @Test func markersAreTakenOutOfTheText() throws {
        let pp2 = try #require(document.paragraph("pp2"))
        #expect(pp2.text.string.hasSuffix("Protocoles s’y rapportant,"))
        let marker = try #require(pp2.markers.first)
        // The marker's text offset is where it stood: right after "rapportant".
        let before = pp2.text.string(0..<marker.textOffset)
        #expect(before.hasSuffix("s’y rapportant"))
    }

    @Test func everyReportedPlacePointsAtTheRightCharacter() throws {
        for footnote in document.footnotes {
            let superscript = Chars.superscript(footnote.label)
            for marker in footnote.markers {
                let p = document.position(of: marker.sourceRange.lowerBound)
                #expect(source.text(line: p.line, column: p.column, count: superscript.count) == superscript,
                        "marker \(footnote.label) at \(p)")
            }
            let body = try #require(footnote.body)
            let p = document.position(of: body.labelRange.lowerBound)
            #expect(source.text(line: p.line, column: p.column, count: superscript.count) == superscript)
            // The body's text starts two columns on (label, space).
            let q = document.position(of: body.text.sourceOffset(at: 0))
            #expect(source.text(line: q.line, column: q.column, count: 10) == String(body.text.string.prefix(10)))
        }
        for paragraph in document.paragraphs {
            // The text's first character, as mapped, is the paragraph's first character in the file.
            let p = document.position(of: paragraph.text.sourceOffset(at: 0))
            #expect(source.text(line: p.line, column: p.column, count: 12) == String(paragraph.text.string.prefix(12)),
                    "\(paragraph.id) at \(p)")
            if paragraph.kind == .operative, let number = paragraph.number {
                let start = document.position(of: paragraph.start)
                #expect(source.text(line: start.line, column: start.column, count: String(number).count + 1) == "\(number).")
            }
        }
    }

    @Test func everyCharacterOfTheRejoinedParagraphMapsBackToItself() throws {
        // Across the joins (one inserted space at each line break) every copied character maps
        // to the same character in the source.
        for paragraph in document.paragraphs {
            let units = paragraph.text.units
            for i in units.indices where units[i] != 0x20 {
                let offset = paragraph.text.sourceOffset(at: i)
                #expect(document.source.units[offset] == units[i], "\(paragraph.id) unit \(i)")
            }
        }
    }
}

/// The team's renderings of the seed in the five other languages have the same shape.
@Suite struct SeedTranslationsTests {
    @Test(arguments: ["en", "es", "ru", "zh", "ar"])
    func sameShapeAsTheFrench(language: String) throws {
        let document = try DocumentReader().read(path: Paths.corpora("seed/res-6-1.\(language).txt"))
        #expect(document.language == Language(rawValue: language))
        #expect(document.paragraphs(.title).count == 1)
        #expect(document.paragraphs(.chapeau).count == 1)
        #expect(document.paragraphs(.preambular).count == 17)
        #expect(document.paragraphs(.operative).map(\.number) == Array(1...21))
        #expect(document.footnotes.map(\.label) == (1...8).map(String.init))
        #expect(document.footnotes.map { $0.markers.map(\.paragraphID) }
            == [["pp2"], ["pp5"], ["op1"], ["op1"], ["op12"], ["op12"], ["op14"], ["op16"]])
        #expect(document.footnotes.allSatisfy { $0.body != nil })
        // The four paragraphs the page breaks cut are whole: none ends mid-sentence.
        for id in ["pp8", "op1", "op8", "op14"] {
            let text = try #require(document.paragraph(id)).text.string
            #expect(Chars.endsHard(text) || Chars.endsSoft(text), "\(language) \(id) ends: \(text.suffix(20))")
        }
    }
}
