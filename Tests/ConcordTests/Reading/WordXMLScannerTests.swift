import Foundation
import Testing
import ZIPFoundation
@testable import Concord

extension XMLElementNode {
    /// The attributes by local name (the first of two with the same one).
    var attributes: [String: String] {
        Dictionary(attributeList.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// `WordXMLScanner`, the reader of Word's XML parts, against Foundation's XMLParser (libxml2),
/// which it replaced and which stays for parts in other encodings: the same trees on every
/// part of the corpora's Word documents and on XML written to exercise what the scanner
/// reads; refusals, with the line, where libxml2 refuses too, and where libxml2 lets a
/// broken part through.
@Suite struct WordXMLScannerTests {
    /// The tree as text: names, attributes (sorted), text, children.
    static func dump(_ node: XMLElementNode, _ depth: Int = 0) -> String {
        var out = String(repeating: " ", count: depth) + node.name
        out += node.attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value.debugDescription)" }.joined()
        if !node.text.isEmpty { out += " text=\(node.text.debugDescription)" }
        out += "\n"
        for child in node.children { out += dump(child, depth + 1) }
        return out
    }

    static func scanned(_ xml: String) throws -> XMLElementNode {
        try WordXML.parse(Data(xml.utf8), part: "word/document.xml", file: "test.docx")
    }

    static func foundation(_ xml: String) throws -> XMLElementNode {
        try WordXML.parseWithFoundation(Data(xml.utf8), part: "word/document.xml", file: "test.docx")
    }

    @Test func everyXMLPartOfTheCorporaWordDocumentsGivesFoundationsTree() throws {
        let root = Paths.repository.appendingPathComponent("Corpora")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".docx") }.sorted()
        #expect(files.count >= 12)
        var parts = 0
        for file in files {
            let archive = try Archive(url: root.appendingPathComponent(file), accessMode: .read)
            for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                let scanned = try WordXML.parse(data, part: entry.path, file: file)
                let reference = try WordXML.parseWithFoundation(data, part: entry.path, file: file)
                #expect(Self.dump(scanned) == Self.dump(reference), "\(file): \(entry.path)")
                parts += 1
            }
        }
        #expect(parts >= 12 * 5)
    }

    /// What Word and other producers write, in the shapes the scanner handles one by one.
    @Test(arguments: [
        // Declaration, namespaces (the declarations are attributes, by their local names), space.
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"u\" xmlns:r=\"r\" xmlns=\"d\"><w:body>\n  <w:p w:rsidR=\"00A1\"><w:r><w:t xml:space=\"preserve\"> a b </w:t></w:r></w:p>\n</w:body></w:document>\n",
        // References in text and values; line ends; tabs and line ends in values.
        "<a x=\"a\tb\nc\r\nd&amp;&#x41;&lt;&#9;\" y='q\"'>t&amp;u&#65;&gt;&quot;&apos;\r\nv\rw&#x1F600;z</a>",
        // Comments and instructions anywhere; text around children.
        "<!-- before --><?mso-application progid=\"Word.Document\"?><a>one<!-- c --><b/>two<?pi x?><c>in</c>three</a><!-- after -->\n",
        // Non-ASCII names and text, a byte order mark.
        "\u{FEFF}<w:t xmlns:w=\"u\" w:val=\"é\">القرار ٦٤/٢٩٣ 决议 résolution</w:t>",
        // Space inside tags.
        "<a  x = \"1\"  ><b\ty='2'\n/></a >",
        // A character reference with leading zeros.
        "<a>&#0000000065;&#x0000041;&#00000000000000000000000000000000065;</a>",
    ])
    func wellFormedPartsGiveFoundationsTree(xml: String) throws {
        #expect(Self.dump(try Self.scanned(xml)) == Self.dump(try Self.foundation(xml)))
    }

    @Test func cdataIsText() throws {
        // Foundation's delegate drops CDATA (the tree builder has no CDATA callback); a CDATA
        // section is text, and the scanner keeps it.
        #expect(try Self.scanned("<a>x<![CDATA[<b>&amp;\r\n]]>y</a>").text == "x<b>&amp;\ny")
    }

    /// One rule for local names, on strings (Foundation's path) and on a part's bytes.
    @Test(arguments: [("w:p", "p"), ("p", "p"), ("a:b:c", "c"), (":a", "a"), ("a:", "a"), ("a::b", "b"), ("::", "::"), ("w:é", "é")])
    func localNames(name: String, local: String) throws {
        #expect(WordXML.local(name) == local)
        #expect(try Self.scanned("<\(name)/>").name == local)
    }

    @Test func twoAttributesWithOneLocalNameKeepTheFirst() throws {
        #expect(try Self.scanned("<a w:id=\"1\" r:id=\"2\"/>").attributes["id"] == "1")
    }

    /// Broken parts that libxml2 refuses too: refused, with the line and what is wrong.
    @Test(arguments: [
        ("<a>&nbsp;</a>", 1, "entity &nbsp; is not one XML predefines"),
        ("<a x=\"1\" x=\"2\"/>", 1, "attribute x written twice in <a>"),
        ("<a>\n</b>", 2, "end tag </b> does not match <a>"),
        ("<a><b></a></b>", 1, "end tag </a> does not match <b>"),
        ("<a>\n\n<b>", 3, "<b> is not closed at the end of the part"),
        ("<a x=\"<\"/>", 1, "'<' in the value of attribute x"),
        ("<a>\u{1}</a>", 1, "a control character (U+0001) XML does not allow"),
        ("<a>]]></a>", 1, "']]>' in text"),
        ("<a>&#0;</a>", 1, "character reference &#0; names no character XML allows"),
        ("<a>&#xD800;</a>", 1, "character reference &#xD800; names no character XML allows"),
        ("<1a/>", 1, "a name was expected"),
        ("<a>&amp</a>", 1, "'&' that starts no reference"),
        ("<a>\u{FFFE}</a>", 1, "a noncharacter (U+FFFE) XML does not allow"),
        ("text", 1, "no root element"),
        ("<a><!-- open</a>", 1, "comment not closed"),
        ("<a x=1/>", 1, "the value of attribute x is not quoted"),
        ("<a><", 1, "a name was expected"),
        ("<a>&amp &lt;</a>", 1, "'&' that starts no reference"),
    ])
    func brokenPartsAreRefusedAsLibxml2RefusesThem(xml: String, line: Int, reason: String) throws {
        #expect(throws: InputError(file: "test.docx", reason: .malformed("word/document.xml is not well-formed XML (line \(line) of the part: \(reason))", line: nil))) {
            try Self.scanned(xml)
        }
        #expect(throws: InputError.self) { try Self.foundation(xml) }
    }

    /// Broken parts Foundation's parser lets through (it stops after the first root element):
    /// the scanner refuses them.
    @Test(arguments: [
        ("<a/><b/>", "content after the root element"),
        ("<a/>junk", "content after the root element"),
    ])
    func brokenPartsFoundationLetsThroughAreRefused(xml: String, reason: String) throws {
        #expect(throws: InputError(file: "test.docx", reason: .malformed("word/document.xml is not well-formed XML (line 1 of the part: \(reason))", line: nil))) {
            try Self.scanned(xml)
        }
        _ = try Self.foundation(xml)
    }

    /// Elements nested deeper than Word ever nests them are refused by both parsers, with the
    /// line; a thousand levels are read. A package a hundred thousand levels deep made the
    /// reader overflow its stack (the process died) before the limit.
    @Test func deeplyNestedPartsAreRefused() throws {
        func nested(_ depth: Int) -> String { String(repeating: "<a>", count: depth) + "\nx" + String(repeating: "</a>", count: depth) }
        let limit = WordXML.maximumDepth
        #expect(try Self.scanned(nested(limit)).children.count == 1)
        #expect(try Self.foundation(nested(limit)).children.count == 1)
        let message = "word/document.xml is not well-formed XML (line 1 of the part: elements nested deeper than \(limit) (Word nests a few dozen); refusing to read it)"
        #expect(throws: InputError(file: "test.docx", reason: .malformed(message, line: nil))) { try Self.scanned(nested(limit + 1)) }
        #expect(throws: InputError(file: "test.docx", reason: .malformed(message, line: nil))) { try Self.foundation(nested(limit + 1)) }

        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = folder.appendingPathComponent("deep.en.docx")
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let xml = "<w:document \(w)><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>" + String(repeating: "<w:sdt>", count: 100_000)
            + String(repeating: "</w:sdt>", count: 100_000) + "</w:body></w:document>"
        try DocxTests.makeArchive(deep, entries: [("word/document.xml", Data(xml.utf8))])
        #expect(performing: { try DocumentReader().read(path: deep.path) }, throws: { error in
            String(describing: error).contains("elements nested deeper than \(limit)")
        })
    }

    /// A part in UTF-16, or declared in another encoding, is read by Foundation's parser.
    @Test func otherEncodingsGoToFoundation() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a x=\"é\">ж</a>"
        var utf16 = Data([0xFF, 0xFE])
        for unit in xml.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let read = try WordXML.parse(utf16, part: "word/document.xml", file: "test.docx")
        #expect(read.attributes["x"] == "é" && read.text == "ж")
        #expect(WordXMLScanner.declaresOtherEncoding(Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>".utf8)))
        #expect(!WordXMLScanner.declaresOtherEncoding(Data("<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>".utf8)))
        #expect(!WordXMLScanner.declaresOtherEncoding(Data("<?xml version=\"1.0\"?><a/>".utf8)))
    }
}
