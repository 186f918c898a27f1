/// Text assembled from pieces of a source file (a paragraph rejoined across a page break, a
/// footnote body with its continuation lines joined, a paragraph with its footnote markers
/// taken out), with an exact map from every unit back to a unit of the source.
///
/// The map is a list of runs. In a copied run, text and source advance together; in an
/// inserted run (the space that joins two lines), every unit maps to the one source unit
/// where it was inserted.
public struct MappedText: Sendable, Hashable {
    public struct Run: Sendable, Hashable {
        public var textOffset: Int
        public var sourceOffset: Int
        public var isCopied: Bool
    }

    public private(set) var units: [UInt16] = []
    public private(set) var runs: [Run] = []

    public init() {}

    /// Text copied whole from a source.
    public init(copying source: [UInt16], range: Range<Int>) {
        append(source, range: range)
    }

    /// Appends `source[range]`, mapped one to one.
    public mutating func append(_ source: [UInt16], range: Range<Int>) {
        guard !range.isEmpty else { return }
        appendRun(sourceOffset: range.lowerBound, isCopied: true)
        units.append(contentsOf: source[range])
    }

    /// Appends text that is not in the source (a joining space), mapped to `sourceOffset`.
    public mutating func appendInserted(_ inserted: String, at sourceOffset: Int) {
        let insertedUnits = inserted.utf16Array
        guard !insertedUnits.isEmpty else { return }
        runs.append(Run(textOffset: units.count, sourceOffset: sourceOffset, isCopied: false))
        units.append(contentsOf: insertedUnits)
    }

    private mutating func appendRun(sourceOffset: Int, isCopied: Bool) {
        if isCopied, let last = runs.last, last.isCopied,
           last.sourceOffset + (units.count - last.textOffset) == sourceOffset {
            return  // continues the previous copied run
        }
        runs.append(Run(textOffset: units.count, sourceOffset: sourceOffset, isCopied: isCopied))
    }

    public var isEmpty: Bool { units.isEmpty }
    public var count: Int { units.count }
    public var string: String { String(utf16Units: units) }

    public func string(_ range: Range<Int>) -> String {
        String(utf16Units: units[range])
    }

    private func runIndex(containing offset: Int) -> Int {
        var low = 0
        var high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].textOffset <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The source unit that text unit `offset` came from. `offset == count` gives the source
    /// unit just past the last character.
    public func sourceOffset(at offset: Int) -> Int {
        guard !runs.isEmpty else { return 0 }
        if offset >= units.count { return sourceOffset(at: units.count - 1) + 1 }
        let run = runs[runIndex(containing: max(0, offset))]
        return run.isCopied ? run.sourceOffset + (offset - run.textOffset) : run.sourceOffset
    }

    /// The source range that a text range came from.
    public func sourceRange(_ range: Range<Int>) -> Range<Int> {
        let start = sourceOffset(at: range.lowerBound)
        guard !range.isEmpty else { return start..<start }
        let end = sourceOffset(at: range.upperBound - 1) + 1
        return start..<max(start, end)
    }

    /// Whether a source offset is one this text was copied from (a paragraph rejoined across
    /// footnote bodies does not cover the bodies between its pieces).
    public func covers(sourceOffset offset: Int) -> Bool {
        for (index, run) in runs.enumerated() where run.isCopied {
            let end = index + 1 < runs.count ? runs[index + 1].textOffset : units.count
            if offset >= run.sourceOffset && offset < run.sourceOffset + (end - run.textOffset) { return true }
        }
        return false
    }

    /// Appends `other[range]`, keeping each unit's source mapping.
    public mutating func append(_ other: MappedText, range: Range<Int>) {
        guard !range.isEmpty, !other.runs.isEmpty else { return }
        var index = other.runIndex(containing: range.lowerBound)
        while index < other.runs.count {
            let run = other.runs[index]
            let runEnd = index + 1 < other.runs.count ? other.runs[index + 1].textOffset : other.units.count
            let start = max(run.textOffset, range.lowerBound)
            let end = min(runEnd, range.upperBound)
            if start >= end { if run.textOffset >= range.upperBound { break }; index += 1; continue }
            let source = run.isCopied ? run.sourceOffset + (start - run.textOffset) : run.sourceOffset
            if run.isCopied {
                appendRun(sourceOffset: source, isCopied: true)
            } else {
                runs.append(Run(textOffset: units.count, sourceOffset: source, isCopied: false))
            }
            units.append(contentsOf: other.units[start..<end])
            index += 1
        }
    }

    /// A copy without the given text ranges (e.g. footnote markers), the map kept exact.
    public func removing(_ ranges: [Range<Int>]) -> MappedText {
        guard !ranges.isEmpty else { return self }
        var result = MappedText()
        var cursor = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if range.lowerBound > cursor { result.append(self, range: cursor..<range.lowerBound) }
            cursor = max(cursor, range.upperBound)
        }
        if cursor < units.count { result.append(self, range: cursor..<units.count) }
        return result
    }
}
