/// Inline suppressions in a document, for the rare intentional exception:
/// `<!-- concord-disable rule-id … -->` (Markdown) or `COMMENT concord-disable rule-id …`
/// (plain text, with the comment prefix the configuration names) silences those checks from
/// that line to the end of the file or to a matching `concord-enable`;
/// `concord-disable-next-line rule-id …` silences them on the next non-blank line.
/// Without rule ids, every check is silenced.
public struct Suppressions: Sendable {
    private var ranges: [(rule: String?, lines: ClosedRange<Int>)] = []

    public init(_ document: Document, textComment: String?) {
        guard document.format != .docx else { return }
        let source = document.source
        // Most documents have none: look for the word before reading lines.
        let needle = Array("concord-".utf16)
        let units = source.units
        var found = false
        if units.count >= needle.count {
            var i = 0
            while i <= units.count - needle.count {
                if units[i] == 0x63, Array(units[i..<(i + needle.count)]) == needle { found = true; break }
                i += 1
            }
        }
        guard found else { return }
        var open = [String?: Int]()
        var lineIndex = 0
        while lineIndex < source.lineCount {
            let text = source.string(source.lineRange(lineIndex)).trimmingCharacters(in: .whitespaces)
            if let (verb, rules) = Self.directive(text, format: document.format, textComment: textComment) {
                let ids: [String?] = rules.isEmpty ? [nil] : rules.map { Optional($0) }
                switch verb {
                case "concord-disable":
                    for id in ids where open[id] == nil { open[id] = lineIndex + 1 }
                case "concord-enable":
                    for id in ids { if let start = open.removeValue(forKey: id) { ranges.append((id, start...(lineIndex + 1))) } }
                case "concord-disable-next-line":
                    var next = lineIndex + 1
                    while next < source.lineCount, source.lineRange(next).isEmpty
                            || source.string(source.lineRange(next)).allSatisfy(\.isWhitespace) { next += 1 }
                    for id in ids { ranges.append((id, (next + 1)...(next + 1))) }
                default:
                    break
                }
            }
            lineIndex += 1
        }
        for (id, start) in open { ranges.append((id, start...Int.max)) }
    }

    static func directive(_ line: String, format: SourceFormat, textComment: String?) -> (String, [String])? {
        var body: Substring
        if format == .markdown {
            guard line.hasPrefix("<!--"), line.hasSuffix("-->") else { return nil }
            body = line.dropFirst(4).dropLast(3)
        } else {
            guard let textComment, line.hasPrefix(textComment) else { return nil }
            body = line.dropFirst(textComment.count)
        }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        guard let verb = words.first, ["concord-disable", "concord-enable", "concord-disable-next-line"].contains(verb) else { return nil }
        return (verb, Array(words.dropFirst()))
    }

    /// Whether a finding at a line of this document is silenced.
    public func silences(_ finding: Finding) -> Bool {
        ranges.contains { ($0.rule == nil || $0.rule == finding.rule.rawValue) && $0.lines.contains(finding.location.line) }
    }

    public var isEmpty: Bool { ranges.isEmpty }
}
