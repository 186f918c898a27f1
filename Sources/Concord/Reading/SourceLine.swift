/// One line of a source file with its surrounding white space trimmed.
struct SourceLine: Sendable {
    /// 0-based line index in the source.
    let index: Int
    /// The trimmed line's units in the source.
    let range: Range<Int>
    let text: String
    /// True for a line with no characters at all; pdftotext output keeps a single space on
    /// the blank lines inside a page, so a truly empty line is a hint of a page break.
    let isStrictlyEmpty: Bool

    var isBlank: Bool { range.isEmpty }

    static func lines(of source: SourceText) -> [SourceLine] {
        var lines = [SourceLine]()
        lines.reserveCapacity(source.lineCount)
        let units = source.units
        for index in 0..<source.lineCount {
            let full = source.lineRange(index)
            var start = full.lowerBound
            var end = full.upperBound
            while start < end, isTrimmable(units[start]) { start += 1 }
            while end > start, isTrimmable(units[end - 1]) { end -= 1 }
            lines.append(SourceLine(index: index, range: start..<end,
                                    text: String(decoding: units[start..<end], as: UTF16.self),
                                    isStrictlyEmpty: full.isEmpty))
        }
        return lines
    }

    /// Spaces, tabs, form feeds, no-break spaces, the BOM and bidi marks at a line's edges.
    static func isTrimmable(_ u: UInt16) -> Bool {
        switch u {
        case 0x20, 0x09, 0x0C, 0x0B, 0xA0, 0x202F, 0x2007, 0x3000, 0xFEFF, 0x200E, 0x200F, 0x061C:
            return true
        default:
            return false
        }
    }
}

/// Small character tests shared by the readers; no regular expressions on this path.
enum Chars {
    static let superscriptDigits: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4",
        "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]

    static func isSuperscriptDigit(_ u: UInt16) -> Bool {
        u == 0xB9 || u == 0xB2 || u == 0xB3 || u == 0x2070 || (u >= 0x2074 && u <= 0x2079)
    }

    /// `12` → `¹²`: how a footnote number is written as a marker.
    static func superscript(_ digits: String) -> String {
        let inverse = Dictionary(uniqueKeysWithValues: superscriptDigits.map { ($1, $0) })
        return String(digits.map { inverse[$0] ?? $0 })
    }

    /// 10 → X, 57 → LVII.
    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (value, letters) in table { while n >= value { out += letters; n -= value } }
        return out
    }

    static func superscriptValue(_ u: UInt16) -> UInt16 {
        switch u {
        case 0xB9: return 0x31
        case 0xB2: return 0x32
        case 0xB3: return 0x33
        case 0x2070: return 0x30
        default: return 0x30 + (u - 0x2070)
        }
    }

    static func isASCIIDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }

    /// ASCII, Arabic-Indic and Eastern Arabic-Indic digits, as their value.
    static func digitValue(_ c: Character) -> Int? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0x660...0x669: return Int(scalar.value - 0x660)
        case 0x6F0...0x6F9: return Int(scalar.value - 0x6F0)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    /// Leading digits of `text` (any of the digit sets above) as a number, with their length
    /// in characters.
    static func leadingNumber(_ text: Substring) -> (value: Int, length: Int)? {
        var value = 0
        var length = 0
        for c in text {
            guard let d = digitValue(c), length < 6 else { break }
            value = value * 10 + d
            length += 1
        }
        return length == 0 ? nil : (value, length)
    }

    /// The end of a paragraph: full stop, semicolon, colon and their CJK and Arabic forms,
    /// with closing quotes or brackets after them.
    static func endsHard(_ text: String) -> Bool {
        guard let last = lastSignificant(text) else { return false }
        return ".;:!?。；：！？؛…".contains(last)
    }

    /// A comma: preambular paragraphs end with one.
    static func endsSoft(_ text: String) -> Bool {
        guard let last = lastSignificant(text) else { return false }
        return ",،，、".contains(last)
    }

    private static func lastSignificant(_ text: String) -> Character? {
        var s = Substring(text)
        // A bare-digit footnote marker after the final punctuation (`Development,10`,
        // `Future. 16`) does not end the paragraph: the punctuation before it does.
        let digits = s.reversed().prefix { $0.isASCII && $0.isNumber }.count
        if digits >= 1, digits <= 3 {
            var rest = s.dropLast(digits)
            if rest.last == " " { rest = rest.dropLast() }
            if let l = rest.last, ".;:,".contains(l) { s = rest }
        }
        while let l = s.last, "\"”’»)]*」』）》 ".contains(l) || Chars.superscriptDigits[l] != nil { s.removeLast() }
        return s.last
    }

    /// True when the first letter of `text` is lower case (quotes and brackets skipped).
    static func startsLowercase(_ text: String) -> Bool {
        for c in text {
            if c.isLetter { return c.isLowercase }
            if c.isNumber { return false }
        }
        return false
    }

    static func startsWithCasedLetter(_ text: String) -> Bool {
        for c in text {
            if c.isLetter { return c.isUppercase || c.isLowercase }
            if c.isNumber { return false }
        }
        return false
    }
}
