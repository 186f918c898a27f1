/// A 1-based place in a source file.
///
/// Columns count Unicode scalar values (code points) from the start of the line, so a
/// column means the same thing whatever the file's encoding (UTF-8 or UTF-16) and matches
/// SARIF's `unicodeCodePoints` column kind. A byte-order mark is not counted.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// For a PDF: the page, and `line` is the line on that page (`p3:12:5`).
    public var page: Int?

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.page ?? 0, a.line, a.column) < (b.page ?? 0, b.line, b.column)
    }

    public var description: String { page.map { "p\($0):\(line):\(column)" } ?? "\(line):\(column)" }
}

/// The decoded text of one input file, held as UTF-16 code units (ICU's native form), with
/// a table of line starts.
///
/// Line breaks are LF, CRLF and a lone CR, as editors count them. A form feed (a page break
/// in text taken from a PDF) is not a line break: it is white space at the start of a line.
public struct SourceText: Sendable {
    public let units: [UInt16]
    /// The offset of the first unit of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Whether any character needs two UTF-16 units; without any, a column is an offset
    /// difference (no scan of the line: a finding on a 50 MB line costs nothing extra).
    private let hasSurrogates: Bool

    public init(units: [UInt16]) {
        self.units = units
        var starts = [0]
        starts.reserveCapacity(units.count / 40 + 1)
        var surrogates = false
        let low = SIMD8<UInt16>(repeating: 0x20), surrogateStart = SIMD8<UInt16>(repeating: 0xD800),
            surrogateWidth = SIMD8<UInt16>(repeating: 0x800)
        units.withUnsafeBufferPointer { u in
            var i = 0
            let n = u.count
            while i < n {
                // Eight units at a time: passed over when none is a control character (line
                // breaks are) or a surrogate, most of a text; else read unit by unit. Unit by
                // unit throughout, this loop was 1 % of the instructions of a 10 MB check.
                var stop = n
                if i + 8 <= n, let base = u.baseAddress {
                    let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<UInt16>.self)
                    if !any((v .< low) .| ((v &- surrogateStart) .< surrogateWidth)) {
                        i += 8
                        continue
                    }
                    stop = i + 8
                }
                while i < stop {
                    let c = u[i]
                    if c >= 0xD800 && c <= 0xDFFF { surrogates = true }
                    if c == 0x0A {
                        starts.append(i + 1)
                    } else if c == 0x0D {
                        if i + 1 < n, u[i + 1] == 0x0A { i += 1 }
                        starts.append(i + 1)
                    }
                    i += 1
                }
            }
        }
        self.lineStarts = starts
        self.hasSurrogates = surrogates
    }

    public init(_ string: String) {
        self.init(units: string.utf16Array)
    }

    public var lineCount: Int { lineStarts.count }

    /// The units of line `index` (0-based), without its line break.
    public func lineRange(_ index: Int) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : units.count
        if end > start, units[end - 1] == 0x0A { end -= 1 }
        if end > start, units[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    public func string(_ range: Range<Int>) -> String {
        String(utf16Units: units[range])
    }

    /// The 0-based line that holds unit `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The line and column (both 1-based, column in code points) of unit `offset`.
    public func position(of offset: Int) -> SourcePosition {
        let clamped = max(0, min(offset, units.count))
        let line = lineIndex(of: clamped)
        if !hasSurrogates { return SourcePosition(line: line + 1, column: clamped - lineStarts[line] + 1) }
        var column = 1
        var i = lineStarts[line]
        while i < clamped {
            // A low surrogate continues the code point its high surrogate began.
            if !UTF16.isTrailSurrogate(units[i]) { column += 1 }
            i += 1
        }
        return SourcePosition(line: line + 1, column: column)
    }

    /// The unit offset of a 1-based line and code-point column, or nil when out of range.
    public func offset(of position: SourcePosition) -> Int? {
        guard position.line >= 1, position.line <= lineStarts.count, position.column >= 1 else {
            return nil
        }
        let range = lineRange(position.line - 1)
        var i = range.lowerBound
        var column = 1
        while column < position.column {
            guard i < range.upperBound else { return nil }
            i += UTF16.isLeadSurrogate(units[i]) ? 2 : 1
            column += 1
        }
        return i
    }
}
