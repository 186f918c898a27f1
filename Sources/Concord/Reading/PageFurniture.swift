/// Recognizes page furniture: what a PDF prints on every page but is not text of the
/// resolution (job numbers, barcodes, page numbers, the running header with the document's
/// symbol and title, the distribution line).
struct PageFurniture: Sendable {
    /// The document's own symbol (`A/RES/80/3`), which heads every page.
    var documentSymbol: String?

    /// A line that is furniture wherever it stands.
    func isFurnitureLine(_ text: String) -> Bool {
        if let documentSymbol, text == documentSymbol { return true }
        return Self.isJobNumber(text) || Self.isBarcode(text) || Self.isPageNumber(text)
            || Self.isDistribution(text)
    }

    /// `25-15106`, `25-15106 (E)`, `V.12-57121 (F)`: the print job number, which differs per
    /// language version and is never a citation.
    static func isJobNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.count >= 2, let first = s.first, first.isUppercase, s.dropFirst().first == "." { s = s.dropFirst(2) }
        guard let (_, yearLength) = Chars.leadingNumber(s), yearLength == 2 else { return false }
        s = s.dropFirst(2)
        guard s.first == "-" else { return false }
        s = s.dropFirst()
        guard let (_, length) = Chars.leadingNumber(s), length == 5 else { return false }
        s = s.dropFirst(5)
        let rest = s.trimmingPrefix(while: { $0 == " " })
        if rest.isEmpty { return true }
        // `(E)`, `(F)`, `(R)`, `(A)`, `(C)`, `(S)`
        return rest.count == 3 && rest.first == "(" && rest.last == ")" && rest.dropFirst().first!.isUppercase
    }

    /// `*2515106*`
    static func isBarcode(_ text: String) -> Bool {
        text.count >= 7 && text.first == "*" && text.last == "*"
            && text.dropFirst().dropLast().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `2/5`, `- 3 -`, `Page 3`
    static func isPageNumber(_ text: String) -> Bool {
        guard text.utf8.count <= 9 else { return false }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 1, a <= b, b < 1000,
           parts[0].count <= 3, parts[1].count <= 3 {
            return true
        }
        if text.hasPrefix("- "), text.hasSuffix(" -"), Int(text.dropFirst(2).dropLast(2)) != nil { return true }
        return false
    }

    static func isDistribution(_ text: String) -> Bool {
        text.hasPrefix("Distr.:") || text.hasPrefix("Distr. :") || text.hasPrefix("Distr.: ")
    }

    /// A run of lines (no blank line inside) that is a running header or footer: short, and
    /// holding at least one line that is furniture wherever it stands.
    func isFurnitureBlock(_ lines: [SourceLine]) -> Bool {
        guard !lines.isEmpty, lines.count <= 6 else { return false }
        return lines.contains { isFurnitureLine($0.text) }
    }

    /// Looks like a document symbol standing alone on a line (`A/RES/80/3`, `CTOC/COP/2012/7`).
    static func looksLikeSymbol(_ text: String) -> Bool {
        guard text.count >= 3, text.count <= 60, text.contains("/"), let first = text.first,
              first.isASCII, first.isUppercase else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/.-()".contains($0)) }
    }
}
