/// Inline suppressions in a document, for the rare intentional exception. A suppression
/// line is a line of its own whose first word is `concord-disable`, `concord-enable` or
/// `concord-disable-next-line`, followed by check ids:
///
/// - in every format, as an HTML comment: `<!-- concord-disable rule-id … -->` (the default
///   form, the same in Markdown and in plain text);
/// - also after `%`, `%%`, `#` or `//`, or after the configuration's `text-comment` prefix
///   (meant for plain text; read in Markdown too). Word documents have none.
///
/// No sentence of a document starts with the word `concord-disable`, so such a line cannot
/// be mistaken for text, and it is never read as text. `concord-disable` silences the
/// checks from that line to the end of the file or to a matching `concord-enable`;
/// `concord-disable-next-line` silences them on the next non-blank line. Without ids, every
/// check is silenced. An id that is not a check is kept in `unknown`, for an error finding
/// (`suppression.unknown-check`): a misspelled id would otherwise silence nothing, quietly.
public struct Suppressions: Sendable {
    private var ranges: [(rule: String?, lines: ClosedRange<Int>)] = []

    /// An id in a suppression line that names no check: where it is and what it says.
    public struct Unknown: Sendable {
        /// The UTF-16 offset of the id in the document's source.
        public var offset: Int
        public var id: String
    }
    public private(set) var unknown: [Unknown] = []

    /// The comment prefixes accepted in plain text besides `<!-- … -->`.
    public static let textPrefixes = ["%%", "%", "//", "#"]

    public init(_ document: Document, textComment: String?) {
        guard document.format != .docx, document.format != .pdf else { return }
        let source = document.source
        guard Self.mayContainDirective(source.units) else { return }
        var open = [String?: Int]()
        var lineIndex = 0
        while lineIndex < source.lineCount {
            let range = source.lineRange(lineIndex)
            let raw = source.string(range)
            if let (verb, rules) = Self.directive(raw.trimmingCharacters(in: .whitespaces), textComment: textComment) {
                for id in rules where CheckID(named: id) == nil {
                    let offset = raw.range(of: id).map { range.lowerBound + raw.utf16.distance(from: raw.startIndex, to: $0.lowerBound) } ?? range.lowerBound
                    unknown.append(Unknown(offset: offset, id: id))
                }
                // A former id (`paragraph.missing-target`) silences the check it names now.
                let ids: [String?] = rules.isEmpty ? [nil] : rules.map { CheckID(named: $0)?.rawValue ?? $0 }
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

    /// Whether the text holds `concord-` at all (most documents do not: no line is read then).
    /// (Read through a buffer pointer, without a bounds check per code unit: with them, this
    /// pass over every document was about 1 % of a run.) Horspool's search: the unit under
    /// the needle's last place says how far the needle may move on, eight places for a unit
    /// the needle does not hold (most of them), instead of a step at every unit.
    static func mayContainDirective(_ units: [UInt16]) -> Bool {
        let needle = directiveNeedle
        let n = needle.count
        guard units.count >= n else { return false }
        return units.withUnsafeBufferPointer { text in
            directiveShifts.withUnsafeBufferPointer { shifts in
                needle.withUnsafeBufferPointer { needle in
                    let last = text.count - n
                    var i = 0
                    while i <= last {
                        let end = text[i + n - 1]
                        if end == needle[n - 1] {
                            var k = 0
                            while k < n - 1, text[i + k] == needle[k] { k += 1 }
                            if k == n - 1 { return true }
                        }
                        i += end < 0x80 ? Int(shifts[Int(end)]) : n
                    }
                    return false
                }
            }
        }
    }

    private static let directiveNeedle: [UInt16] = Array("concord-".utf16)
    /// Per ASCII unit: how far the needle moves when that unit stands under its last place
    /// (the distance from the unit's last place in the needle, before its end, to the end).
    private static let directiveShifts: [UInt8] = {
        let needle = directiveNeedle
        var shifts = [UInt8](repeating: UInt8(needle.count), count: 128)
        for k in 0..<(needle.count - 1) { shifts[Int(needle[k])] = UInt8(needle.count - 1 - k) }
        return shifts
    }()

    /// The verb and ids of a suppression line (trimmed), or nil when it is not one.
    static func directive(_ line: String, textComment: String?) -> (String, [String])? {
        guard line.contains("concord-") else { return nil }
        var body: Substring
        if line.hasPrefix("<!--"), line.hasSuffix("-->"), line.count >= 7 {
            body = line.dropFirst(4).dropLast(3)
        } else if let textComment, line.hasPrefix(textComment) {
            body = line.dropFirst(textComment.count)
        } else if let prefix = textPrefixes.first(where: { line.hasPrefix($0) }) {
            body = line.dropFirst(prefix.count)
        } else {
            return nil
        }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        guard let verb = words.first, ["concord-disable", "concord-enable", "concord-disable-next-line"].contains(verb) else { return nil }
        return (verb, Array(words.dropFirst()))
    }

    /// Whether a finding at a line of this document is silenced.
    public func silences(_ finding: Finding) -> Bool {
        ranges.contains { ($0.rule == nil || $0.rule == finding.rule.rawValue) && $0.lines.contains(finding.location.line) }
    }

    public var isEmpty: Bool { ranges.isEmpty && unknown.isEmpty }
}
