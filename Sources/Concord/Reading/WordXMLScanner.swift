import Foundation

/// Reads a WordprocessingML part written in UTF-8 into the element tree `WordXML.parse`
/// returns, in one pass over its bytes: Foundation's XMLParser (libxml2 under a layer of
/// Objective-C-style callbacks, a dictionary and strings per element) was two thirds of
/// reading a .docx and a twentieth of a check of the resolution corpus.
///
/// What it reads is XML 1.0 without a DTD (refused before, as Word never writes one):
/// elements, attributes (either quote; values with tabs and line ends turned into spaces,
/// as XML normalizes them), text with the five predefined entities and character references,
/// CDATA sections as text, comments and processing instructions skipped, `\r\n` and `\r`
/// read as `\n`. Names are not checked against XML's full name grammar beyond their first
/// byte: a part it accepts with an odd name is one libxml2 would refuse, never the other way.
/// Refused, with the line: elements nested deeper than `WordXML.maximumDepth`, an end tag
/// that does not match, an element left open, a second
/// root or anything but space, comments and instructions after the root, `<` in a value, an
/// attribute written twice, an entity XML does not predefine (`&nbsp;`), a character XML
/// does not allow (C0 controls other than tab and line ends, U+FFFE, U+FFFF, `&#0;`, a
/// surrogate), `]]>` in text. The tests compare its trees with Foundation's on every part
/// of the corpora's Word documents.
struct WordXMLScanner {
    struct SyntaxError: Error, Sendable {
        var line: Int
        var reason: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether the XML declaration names an encoding other than UTF-8 (`encoding="UTF-16"`):
    /// such a part is left to Foundation's parser.
    static func declaresOtherEncoding(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            var k = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            guard b.count - k >= 5, b[k] == UInt8(ascii: "<"), b[k + 1] == UInt8(ascii: "?"),
                  b[k + 2] == UInt8(ascii: "x"), b[k + 3] == UInt8(ascii: "m"), b[k + 4] == UInt8(ascii: "l") else { return false }
            k += 5
            var end = k
            while end + 1 < b.count, !(b[end] == UInt8(ascii: "?") && b[end + 1] == UInt8(ascii: ">")) { end += 1 }
            let declaration = String(decoding: UnsafeBufferPointer(rebasing: b[k..<end]), as: UTF8.self)
            guard let range = declaration.range(of: "encoding") else { return false }
            let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\"" || $0 == "'" }
                .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
            return value.lowercased() != "utf-8" && value.lowercased() != "utf8"
        }
    }

    mutating func parse() throws(SyntaxError) -> XMLElementNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        try skipMisc()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "<") else { throw error("no root element") }
        // The open elements, their names as written and the text read in each so far.
        var stack = [XMLElementNode](), names = [Range<Int>](), texts = [[UInt8]]()
        var root: XMLElementNode?
        var text = [UInt8]()  // read since the last tag
        while true {
            // Text up to the next tag.
            while at < bytes.count, bytes[at] != UInt8(ascii: "<") {
                let byte = bytes[at]
                if byte == UInt8(ascii: "&") {
                    try reference(into: &text)
                } else if byte == UInt8(ascii: "\r") {
                    text.append(UInt8(ascii: "\n"))
                    at += at + 1 < bytes.count && bytes[at + 1] == UInt8(ascii: "\n") ? 2 : 1
                } else if byte >= 0x20, byte != UInt8(ascii: "]"), byte != 0xEF {
                    // A run of plain bytes, appended at once.
                    var end = at + 1
                    while end < bytes.count {
                        let b = bytes[end]
                        guard b >= 0x20, b != UInt8(ascii: "<"), b != UInt8(ascii: "&"), b != UInt8(ascii: "]"), b != 0xEF else { break }
                        end += 1
                    }
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<end]))
                    at = end
                } else {
                    if byte == UInt8(ascii: "]"), at + 2 < bytes.count, bytes[at + 1] == UInt8(ascii: "]"), bytes[at + 2] == UInt8(ascii: ">") {
                        throw error("']]>' in text")
                    }
                    try checkCharacter()
                    text.append(byte)
                    at += 1
                }
            }
            guard at < bytes.count else { throw error("<\(names.last.map(written) ?? "")> is not closed at the end of the part") }
            if !text.isEmpty {
                texts[texts.count - 1] += text
                text.removeAll(keepingCapacity: true)
            }
            if at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "/") {
                at += 2
                let name = try self.name()
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ">") else { throw error("end tag </\(written(name))> is not closed by '>'") }
                at += 1
                guard let open = names.last else { throw error("end tag </\(written(name))> with no element open") }
                guard bytes[open].elementsEqual(bytes[name]) else { throw error("end tag </\(written(name))> does not match <\(written(open))>") }
                names.removeLast()
                let read = texts.removeLast()
                if !read.isEmpty { stack.removeLast().text = String(decoding: read, as: UTF8.self) } else { stack.removeLast() }
                if stack.isEmpty { break }
                continue
            }
            if try skipCommentOrInstruction() { continue }
            if at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "!"), bytes[at...].starts(with: Self.cdata) {
                guard !stack.isEmpty else { throw error("a CDATA section outside the root element") }
                at += Self.cdata.count
                let start = at
                while at + 2 < bytes.count, !(bytes[at] == UInt8(ascii: "]") && bytes[at + 1] == UInt8(ascii: "]") && bytes[at + 2] == UInt8(ascii: ">")) {
                    try checkCharacter()
                    at += 1
                }
                guard at + 2 < bytes.count else { at = start; throw error("CDATA section not closed") }
                var k = start
                while k < at {  // line ends read as in text
                    if bytes[k] == UInt8(ascii: "\r") {
                        text.append(UInt8(ascii: "\n"))
                        k += k + 1 < at && bytes[k + 1] == UInt8(ascii: "\n") ? 2 : 1
                    } else { text.append(bytes[k]); k += 1 }
                }
                at += 3
                continue
            }
            // A start tag.
            at += 1
            let name = try self.name()
            var attributes = [(name: String, value: String)]()
            var keys = [Range<Int>]()
            var empty = false
            while true {
                let spaced = skipSpace()
                guard at < bytes.count else { throw error("start tag <\(written(name))> is not closed") }
                if bytes[at] == UInt8(ascii: ">") { at += 1; break }
                if bytes[at] == UInt8(ascii: "/") {
                    guard at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: ">") else { throw error("'/' not followed by '>' in <\(written(name))>") }
                    at += 2
                    empty = true
                    break
                }
                guard spaced else { throw error("no space before an attribute of <\(written(name))>") }
                let key = try self.name()
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { throw error("attribute \(written(key)) of <\(written(name))> has no value") }
                at += 1
                skipSpace()
                let value = try attributeValue(written(key))
                guard !keys.contains(where: { bytes[$0].elementsEqual(bytes[key]) }) else { throw error("attribute \(written(key)) written twice in <\(written(name))>") }
                keys.append(key)
                // Two names with the same local part (`w:id`, `r:id`): the first written is kept.
                let local = local(key)
                if !attributes.contains(where: { $0.name == local }) { attributes.append((local, value)) }
            }
            let node = XMLElementNode(name: local(name), attributes: attributes)
            if let parent = stack.last {
                parent.children.append(node)
            } else {
                root = node
            }
            if empty {
                if stack.isEmpty { break }
            } else {
                guard stack.count < WordXML.maximumDepth else {
                    throw error("elements nested deeper than \(WordXML.maximumDepth) (Word nests a few dozen); refusing to read it")
                }
                stack.append(node)
                names.append(name)
                texts.append([])
            }
        }
        try skipMisc()
        guard at == bytes.count else { throw error("content after the root element") }
        return root!
    }

    private static let cdata = Array("<![CDATA[".utf8)
    /// The five entities XML predefines.
    private static let predefined: [[UInt8]: UInt8] = [
        Array("amp".utf8): UInt8(ascii: "&"), Array("lt".utf8): UInt8(ascii: "<"), Array("gt".utf8): UInt8(ascii: ">"),
        Array("quot".utf8): UInt8(ascii: "\""), Array("apos".utf8): UInt8(ascii: "'"),
    ]

    /// The line of `at` (1-based), for messages.
    private func error(_ reason: String) -> SyntaxError {
        var line = 1
        var k = 0
        while k < min(at, bytes.count) {
            if bytes[k] == UInt8(ascii: "\n") { line += 1 }
            else if bytes[k] == UInt8(ascii: "\r"), !(k + 1 < bytes.count && bytes[k + 1] == UInt8(ascii: "\n")) { line += 1 }
            k += 1
        }
        return SyntaxError(line: line, reason: reason)
    }

    /// Refuses a character XML does not allow at `at`: the C0 controls but tab, line feed and
    /// carriage return, and U+FFFE, U+FFFF (EF BF BE, EF BF BF; the bytes are valid UTF-8).
    private func checkCharacter() throws(SyntaxError) {
        let byte = bytes[at]
        if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { throw error("a control character (U+\(String(format: "%04X", byte))) XML does not allow") }
        if byte == 0xEF, at + 2 < bytes.count, bytes[at + 1] == 0xBF, bytes[at + 2] == 0xBE || bytes[at + 2] == 0xBF {
            throw error("a noncharacter (U+FFF\(bytes[at + 2] == 0xBE ? "E" : "F")) XML does not allow")
        }
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = at
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
        return at > start
    }

    /// Space, comments and processing instructions (before the root and after it).
    private mutating func skipMisc() throws(SyntaxError) {
        while true {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "<"), try skipCommentOrInstruction() else { return }
        }
    }

    /// Skips a comment or processing instruction at `at` (which is `<`); false when there is none.
    private mutating func skipCommentOrInstruction() throws(SyntaxError) -> Bool {
        guard at + 1 < bytes.count else { return false }
        if bytes[at + 1] == UInt8(ascii: "?") {
            let start = at
            at += 2
            while at + 1 < bytes.count, !(bytes[at] == UInt8(ascii: "?") && bytes[at + 1] == UInt8(ascii: ">")) { at += 1 }
            guard at + 1 < bytes.count else { at = start; throw error("processing instruction not closed") }
            at += 2
            return true
        }
        guard bytes[at + 1] == UInt8(ascii: "!") else { return false }
        if at + 3 < bytes.count, bytes[at + 2] == UInt8(ascii: "-"), bytes[at + 3] == UInt8(ascii: "-") {
            let start = at
            at += 4
            while at + 2 < bytes.count, !(bytes[at] == UInt8(ascii: "-") && bytes[at + 1] == UInt8(ascii: "-") && bytes[at + 2] == UInt8(ascii: ">")) { at += 1 }
            guard at + 2 < bytes.count else { at = start; throw error("comment not closed") }
            at += 3
            return true
        }
        if !bytes[at...].starts(with: Self.cdata) {
            throw error("a declaration ('<!') Word never writes")
        }
        return false
    }

    /// A name at `at` (where its bytes are): a letter, `_`, `:` or any non-ASCII character
    /// first, then those, digits, `-` and `.`.
    private mutating func name() throws(SyntaxError) -> Range<Int> {
        let start = at
        func isStart(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
        }
        guard at < bytes.count, isStart(bytes[at]) else { throw error("a name was expected") }
        at += 1
        while at < bytes.count {
            let b = bytes[at]
            guard isStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else { break }
            at += 1
        }
        return start..<at
    }

    /// A name as written.
    private func written(_ name: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self)
    }

    /// A name's local part (`WordXML.localPart`: `w:p` → `p`).
    private func local(_ name: Range<Int>) -> String {
        written(WordXML.localPart(bytes, name))
    }

    /// A quoted attribute value, references replaced, tabs and line ends made spaces.
    private mutating func attributeValue(_ key: String) throws(SyntaxError) -> String {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
            throw error("the value of attribute \(key) is not quoted")
        }
        let quote = bytes[at]
        at += 1
        // Most values hold no reference, tab or line end: their bytes as they are.
        var end = at
        while end < bytes.count, bytes[end] != quote, bytes[end] >= 0x20, bytes[end] != UInt8(ascii: "&"), bytes[end] != UInt8(ascii: "<"),
              bytes[end] != 0xEF {
            end += 1
        }
        if end < bytes.count, bytes[end] == quote {
            defer { at = end + 1 }
            return written(at..<end)
        }
        var value = [UInt8]()
        while true {
            guard at < bytes.count else { throw error("the value of attribute \(key) is not closed") }
            let byte = bytes[at]
            if byte == quote { at += 1; break }
            if byte == UInt8(ascii: "<") { throw error("'<' in the value of attribute \(key)") }
            if byte == UInt8(ascii: "&") { try reference(into: &value); continue }
            if byte == 0x0D {
                value.append(0x20)
                at += at + 1 < bytes.count && bytes[at + 1] == 0x0A ? 2 : 1
                continue
            }
            try checkCharacter()
            value.append(byte == 0x09 || byte == 0x0A ? 0x20 : byte)
            at += 1
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// An entity or character reference at `at` (`&`), appended as UTF-8.
    private mutating func reference(into out: inout [UInt8]) throws(SyntaxError) {
        // To the `;`, over the bytes a reference may hold (name characters and `#`).
        var end = at + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: ";") {
            let b = bytes[end]
            guard (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == UInt8(ascii: "#") || b == UInt8(ascii: "_")
                    || b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b >= 0x80 else { break }
            end += 1
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > at + 1 else { throw error("'&' that starts no reference") }
        let body = Array(bytes[(at + 1)..<end])
        if let byte = Self.predefined[body] {
            out.append(byte)
        } else {
            guard body.first == UInt8(ascii: "#") else {
                throw error("entity &\(String(decoding: body, as: UTF8.self)); is not one XML predefines")
            }
            let hex = body.count > 1 && body[1] == UInt8(ascii: "x")
            let digits = String(decoding: body.dropFirst(hex ? 2 : 1), as: UTF8.self)
            guard !digits.isEmpty, let value = UInt32(digits, radix: hex ? 16 : 10),
                  let scalar = Unicode.Scalar(value),
                  value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF) else {
                throw error("character reference &\(String(decoding: body, as: UTF8.self)); names no character XML allows")
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        at = end + 1
    }
}
