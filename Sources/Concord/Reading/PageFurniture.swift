/// Recognizes page furniture: what a PDF prints on every page but is not text of the
/// resolution (job numbers, barcodes, page numbers, the running header with the document's
/// symbol and title, the distribution line).
struct PageFurniture: Sendable {
    /// The document's own symbol (`A/RES/80/3`), which heads every page.
    let documentSymbol: String?
    /// The symbol's units, to compare lines with it without making a String per line, and
    /// whether they are all simple.
    private let symbolUnits: [UInt16]?
    private let symbolIsSimple: Bool

    init(documentSymbol: String?) {
        self.documentSymbol = documentSymbol
        self.symbolUnits = documentSymbol.map { Array($0.utf16) }
        self.symbolIsSimple = symbolUnits?.allSatisfy(Chars.isSimple) ?? false
    }

    /// A line that is furniture wherever it stands. Each test first rejects on the line's
    /// units (length, first unit), and works on units when the line is simple.
    func isFurnitureLine(_ line: SourceLine) -> Bool {
        if let documentSymbol, let symbolUnits {
            let units = line.units[line.range]
            // Simple units are equal as Strings exactly when equal as units; the symbol is
            // compared as a String only when either side is not simple.
            if line.isSimple && symbolIsSimple {
                if units.elementsEqual(symbolUnits) { return true }
            } else if line.text == documentSymbol {
                return true
            }
        }
        return Self.isJobNumber(line) || Self.isBarcode(line) || Self.isPageNumber(line) || Self.isDistribution(line)
    }

    /// `isJobNumber` on a simple line's units; other lines as Strings.
    static func isJobNumber(_ line: SourceLine) -> Bool {
        guard line.isSimple else {
            // When the first two units are characters on their own, the first must be a digit
            // or a capital before `.`.
            let view = line.view
            if view.headEnd - line.range.lowerBound >= 2 {
                let u0 = line.units[line.range.lowerBound], u1 = line.units[line.range.lowerBound + 1]
                if Chars.digitValue(u0) == nil, !(u1 == 0x2E && Chars.isUppercase(u0)) { return false }
            }
            return isJobNumber(line.text)
        }
        let u = line.units
        let end = line.range.upperBound
        var k = line.range.lowerBound
        // Starts with a digit, or with a capital before `.` (tested last: it is the costly test).
        guard k < end, Chars.digitValue(u[k]) != nil || (end - k >= 2 && u[k + 1] == 0x2E && Chars.isUppercase(u[k])) else { return false }
        if end - k >= 2, Chars.isUppercase(u[k]), u[k + 1] == 0x2E { k += 2 }
        guard let (_, yearLength) = Chars.leadingNumber(u[k..<end]), yearLength == 2 else { return false }
        k += 2
        guard k < end, u[k] == 0x2D else { return false }
        k += 1
        guard let (_, length) = Chars.leadingNumber(u[k..<end]), length == 5 else { return false }
        k += 5
        while k < end, u[k] == 0x20 { k += 1 }
        if k == end { return true }
        // `(E)`, `(F)`, `(R)`, `(A)`, `(C)`, `(S)`
        return end - k == 3 && u[k] == 0x28 && u[end - 1] == 0x29 && Chars.isUppercase(u[k + 1])
    }

    static func isBarcode(_ line: SourceLine) -> Bool {
        guard line.first == 0x2A else { return false }  // `*`: no other character equals it
        guard line.isSimple else { return isBarcode(line.text) }
        let units = line.units[line.range]
        return units.count >= 7 && units.last == 0x2A && units.dropFirst().dropLast().allSatisfy(Chars.isASCIIDigit)
    }

    static func isPageNumber(_ line: SourceLine) -> Bool {
        // At most 9 UTF-8 bytes, so at most 9 UTF-16 units.
        line.range.count <= 9 && isPageNumber(line.text)
    }

    static func isDistribution(_ line: SourceLine) -> Bool {
        line.first == 0x44 && isDistribution(line.text)  // `D`
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

    /// `Distr.: General` (English, and the Russian, Chinese and Arabic mastheads that copy
    /// it), `Distr. générale` (French), `Distr. general` (Spanish), `Distr. limitée`: the
    /// distribution line in every official language, so that the masthead reads alike in all
    /// versions of a set (a French date line kept where the English one is dropped would be
    /// one unit more in one version).
    static func isDistribution(_ text: String) -> Bool {
        text.hasPrefix("Distr.:") || text.hasPrefix("Distr. ")
    }

    /// A run of lines (no blank line inside) that is a running header or footer: short, and
    /// holding at least one line that is furniture wherever it stands.
    func isFurnitureBlock(_ lines: [SourceLine]) -> Bool {
        guard !lines.isEmpty, lines.count <= 6 else { return false }
        return lines.contains { isFurnitureLine($0) }
    }

    /// `looksLikeSymbol` on units: the String test asks for ASCII characters only, and an
    /// ASCII character is one ASCII unit, so the answer is the same for every line.
    static func looksLikeSymbol(_ line: SourceLine) -> Bool {
        let units = line.units[line.range]
        guard units.count >= 3, units.count <= 60, let first = units.first, first >= 0x41, first <= 0x5A else { return false }
        var slash = false
        for u in units {
            switch u {
            case 0x2F: slash = true
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2E, 0x2D, 0x28, 0x29: continue
            default: return false
            }
        }
        return slash
    }

    /// Looks like a document symbol standing alone on a line (`A/RES/80/3`, `CTOC/COP/2012/7`).
    static func looksLikeSymbol(_ text: String) -> Bool {
        guard text.count >= 3, text.count <= 60, text.contains("/"), let first = text.first,
              first.isASCII, first.isUppercase else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/.-()".contains($0)) }
    }
}
