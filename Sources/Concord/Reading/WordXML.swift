import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal element tree of a WordprocessingML part, parsed with Foundation's XMLParser.
/// DTDs are refused outright (Word never writes one), so neither external entities nor
/// entity expansion (billion laughs) can happen.
final class XMLElementNode {
    let name: String          // local name, prefix dropped (w:p → p)
    /// By local names too (w:val → val), one per name, in the order written: a list, as an
    /// element has a few (a dictionary per element was a tenth of reading a part).
    let attributeList: [(name: String, value: String)]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [(name: String, value: String)]) {
        self.name = name
        self.attributeList = attributes
    }

    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }
    func descendant(_ name: String) -> XMLElementNode? {
        for c in children {
            if c.name == name { return c }
            if let d = c.descendant(name) { return d }
        }
        return nil
    }
    func attribute(_ name: String) -> String? { attributeList.first { $0.name == name }?.value }
}

enum WordXML {
    /// How deep elements may nest in a part. Word nests a few dozen (tables in tables); a
    /// tree a hundred thousand deep made the reader overflow its stack (found by a test), and
    /// Foundation's parser sets no limit.
    static let maximumDepth = 1000

    /// Whether the bytes hold `<!DOCTYPE` or `<!ENTITY` anywhere (read byte by byte: Foundation's
    /// searches over a document part were a tenth of reading a .docx).
    static func declaresDTD(_ data: Data) -> Bool {
        let doctype = Array("DOCTYPE".utf8), entity = Array("ENTITY".utf8)
        return data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var k = 0
            while k + 1 < bytes.count {
                if bytes[k] == UInt8(ascii: "<"), bytes[k + 1] == UInt8(ascii: "!") {
                    for word in [doctype, entity] where k + 2 + word.count <= bytes.count {
                        if word.indices.allSatisfy({ bytes[k + 2 + $0] == word[$0] }) { return true }
                    }
                }
                k += 1
            }
            return false
        }
    }

    static func parse(_ data: Data, part: String, file: String) throws(InputError) -> XMLElementNode {
        // Word writes UTF-8. Foundation's parser crashes on element or attribute names that
        // are not valid UTF-8 (found by fuzzing), so text that is not UTF-8 is refused first.
        let isUTF16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        if !isUTF16, String(validating: data, as: UTF8.self) == nil {
            throw InputError(file: file, reason: .malformed("\(part) is not valid UTF-8 text", line: nil))
        }
        // Refuse DTDs before the parser sees them: no entity can then be declared.
        if declaresDTD(data) {
            throw InputError(file: file, reason: .malformed("\(part) declares a DTD or entities, which Word never writes; refusing to read it", line: nil))
        }
        // UTF-8, as Word writes it: read by `WordXMLScanner`. A part in another encoding (a
        // UTF-16 byte order mark, or a declaration naming another) goes to Foundation's parser,
        // which transcodes.
        if !isUTF16, !WordXMLScanner.declaresOtherEncoding(data) {
            let read = data.withUnsafeBytes { raw -> Result<XMLElementNode, WordXMLScanner.SyntaxError> in
                var scanner = WordXMLScanner(raw.bindMemory(to: UInt8.self))
                do throws(WordXMLScanner.SyntaxError) { return .success(try scanner.parse()) } catch { return .failure(error) }
            }
            switch read {
            case .success(let root): return root
            case .failure(let error):
                throw InputError(file: file, reason: .malformed("\(part) is not well-formed XML (line \(error.line) of the part: \(error.reason))", line: nil))
            }
        }
        return try parseWithFoundation(data, part: part, file: file)
    }

    /// The part read by Foundation's XMLParser (libxml2): for the encodings other than UTF-8,
    /// and the reference `WordXMLScanner` is compared with in the tests.
    static func parseWithFoundation(_ data: Data, part: String, file: String) throws(InputError) -> XMLElementNode {
        let delegate = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        // libxml2 may accept a document that stops before its elements close: check.
        let parsed = parser.parse()
        if delegate.tooDeep {
            throw InputError(file: file, reason: .malformed("\(part) is not well-formed XML (line \(parser.lineNumber) of the part: elements nested deeper than \(maximumDepth) (Word nests a few dozen); refusing to read it)", line: nil))
        }
        guard parsed, let root = delegate.root, delegate.stack.isEmpty else {
            let line = parser.lineNumber
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            throw InputError(file: file, reason: .malformed("\(part) is not well-formed XML (line \(line) of the part: \(reason))", line: nil))
        }
        return root
    }

    /// `w:p` → `p`: the name's last part between colons, or the whole name when it has none
    /// but colons (`a:b:c` → `c`, `a:` → `a`, `::` → `::`). Read from its bytes, the rule
    /// `WordXMLScanner` applies to the bytes of a part (splitting every element's and
    /// attribute's name was a hundredth of a run).
    static func local(_ name: String) -> String {
        let bytes = Array(name.utf8)
        let part = localPart(bytes, 0..<bytes.count)
        return part == 0..<bytes.count ? name : String(decoding: bytes[part], as: UTF8.self)
    }

    /// Where the local part of the name at `name` in `bytes` is (see `local`).
    static func localPart<C: RandomAccessCollection>(_ bytes: C, _ name: Range<Int>) -> Range<Int> where C.Element == UInt8, C.Index == Int {
        var end = name.upperBound
        while end > name.lowerBound, bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
        guard end > name.lowerBound else { return name }
        var start = end
        while start > name.lowerBound, bytes[start - 1] != UInt8(ascii: ":") { start -= 1 }
        return start..<end
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []
        var tooDeep = false

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            // Foundation gives the attributes unordered: by their names as written, and of two
            // with the same local name (`w:id`, `r:id`) the first so, whatever the run.
            var local = [(name: String, value: String)]()
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let name = WordXML.local(key)
                if !local.contains(where: { $0.name == name }) { local.append((name, value)) }
            }
            let node = XMLElementNode(name: WordXML.local(elementName), attributes: local)
            guard stack.count < WordXML.maximumDepth else {
                tooDeep = true
                parser.abortParsing()
                return
            }
            if let parent = stack.last { parent.children.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard !tooDeep, !stack.isEmpty else { return }
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            Data()  // never fetched
        }
    }
}
