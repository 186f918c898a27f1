import CICUShim

/// The matching view of a text: what extractors search.
///
/// NFKC (superscript ¹ → 1, full-width ／ → /, ligatures split), with bidi controls and
/// other invisible format characters removed, the Arabic tatweel (ـ, a stretch: الفــرع is
/// الفرع) dropped, Arabic-Indic and Eastern Arabic-Indic digits folded to ASCII, every space
/// separator (no-break spaces included) turned into U+0020 and every dash variant into U+002D. Emphasis asterisks (`*Treaty Series*`) are dropped too,
/// as Markdown and the seed's text use them for italics.
///
/// Every normalized unit maps back to the range of the original text it came from: the
/// normalization segment (a base character with its combining marks), so a match found
/// here can always be reported at its place in the source.
public struct NormalizedText: Sendable {
    public let units: [UInt16]
    /// For each normalized unit, the range of original units it came from.
    private let originStart: [Int32]
    private let originEnd: [Int32]

    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Drop `*` (emphasis in Markdown and in the seed's text).
        public static let dropEmphasis = Options(rawValue: 1)
    }

    public init(_ original: [UInt16], options: Options = [.dropEmphasis]) {
        let count = original.count
        // (Clamped: the shim's buffers have Int32 capacities; a longer result is refused.)
        var capacity = min(count + count / 4 + 16, ICULimits.maxUnits)
        var output = [UInt16]()
        var starts = [Int32]()
        var ends = [Int32]()
        while true {
            // Uninitialized buffers, each counted as holding what the shim wrote (zero-filling
            // three buffers a quarter longer than the text was more than the fold's own time
            // in a unit, and the cut of their tails after it a copy more).
            var status: Int32 = 0
            var produced: Int32 = 0
            var kept = 0
            let size = capacity
            output = [UInt16](unsafeUninitializedCapacity: size) { out, outCount in
                starts = [Int32](unsafeUninitializedCapacity: size) { s, startsCount in
                    ends = [Int32](unsafeUninitializedCapacity: size) { e, endsCount in
                        produced = original.withUnsafeBufferPointer { source in
                            concord_fold(source.baseAddress, Int64(count), out.baseAddress,
                                         Int32(clamping: size), s.baseAddress, e.baseAddress, &status)
                        }
                        // What the shim wrote: all of it when it fit, else nothing is kept
                        // (computed once here, so the three counts cannot differ).
                        kept = produced >= 0 && Int(produced) <= size ? Int(produced) : 0
                        endsCount = kept
                    }
                    startsCount = kept
                }
                outCount = kept
            }
            if produced < 0 {
                // ICU could not open its normalizer data: keep the text as it is (identity map)
                // rather than lose it; matching degrades, positions stay exact. (A text past
                // ICULimits.maxUnits, refused by the shim, never comes from DocumentReader,
                // which refuses it first; its offsets past Int32 clamp rather than trap.)
                output = original
                starts = (0..<count).map { Int32(clamping: $0) }
                ends = (0..<count).map { Int32(clamping: $0 + 1) }
                break
            }
            if Int(produced) <= size { break }
            capacity = Int(produced)
        }
        if options.contains(.dropEmphasis), output.contains(0x2A) {
            var keep = [UInt16](); keep.reserveCapacity(output.count)
            var s = [Int32](); s.reserveCapacity(output.count)
            var e = [Int32](); e.reserveCapacity(output.count)
            for i in output.indices where output[i] != 0x2A {
                keep.append(output[i]); s.append(starts[i]); e.append(ends[i])
            }
            output = keep; starts = s; ends = e
        }
        self.units = output
        self.originStart = starts
        self.originEnd = ends
    }

    public init(_ string: String, options: Options = [.dropEmphasis]) {
        self.init(string.utf16Array, options: options)
    }

    public var count: Int { units.count }
    public var string: String { String(utf16Units: units) }

    public func string(_ range: Range<Int>) -> String {
        String(utf16Units: units[range])
    }

    /// The range of the original text that normalized unit `index` came from.
    public func originalRange(ofUnit index: Int) -> Range<Int> {
        Int(originStart[index])..<Int(originEnd[index])
    }

    /// The range of the original text that a normalized range came from: from the start of
    /// its first unit's segment to the end of its last unit's segment.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < units.count
                ? Int(originStart[range.lowerBound])
                : (units.isEmpty ? 0 : Int(originEnd[units.count - 1]))
            return at..<at
        }
        return Int(originStart[range.lowerBound])..<Int(originEnd[range.upperBound - 1])
    }
}
