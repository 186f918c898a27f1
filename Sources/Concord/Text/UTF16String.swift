extension String {
    /// The same `String` as `String(decoding: units, as: UTF16.self)`, made in one pass: ASCII
    /// copied byte for byte, the rest written straight as UTF-8, a surrogate pair as its
    /// scalar and a lone surrogate as U+FFFD (the standard library's repair). The standard
    /// library's generic transcoding, scalar by scalar, was a tenth of a run when a paragraph's
    /// text became a `String` (and still 4 % of a 10 MB check where numbers, labels and keys
    /// did). Units not stored contiguously take the standard way.
    init<C: Collection>(utf16Units units: C) where C.Element == UInt16 {
        let made = units.withContiguousStorageIfAvailable { String.transcoding($0) }
        self = made ?? String(decoding: units, as: UTF16.self)
    }

    /// The string's UTF-16 units, as `Array(utf16)` gives them, transcoded in one pass from
    /// its UTF-8 by the reader's transcoder (`SourceDecoder.transcode`; a Swift string's UTF-8
    /// is always well-formed, so it never refuses one). The standard library's `utf16` view
    /// walks a string outside ASCII with index translation and breadcrumbs: 2 % of a one-copy
    /// run went to it, most for the rules' patterns (long, and in six scripts) handed to ICU.
    var utf16Array: [UInt16] {
        var copy = self
        return copy.withUTF8 { SourceDecoder.transcode($0) } ?? Array(utf16)
    }

    private static func transcoding(_ units: UnsafeBufferPointer<UInt16>) -> String {
        var bytes = 0
        for u in units { bytes += u < 0x80 ? 1 : u < 0x800 ? 2 : 3 }  // a pair: 3 + 3 ≥ 4
        guard bytes > 0 else { return "" }
        return String(unsafeUninitializedCapacity: bytes) { out in
            var o = 0, k = 0
            let end = units.count
            while k < end {
                let u = units[k]
                k += 1
                if u < 0x80 { out[o] = UInt8(u); o += 1; continue }
                var scalar = UInt32(u)
                if UTF16.isLeadSurrogate(u), k < end, UTF16.isTrailSurrogate(units[k]) {
                    scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[k]) - 0xDC00)
                    k += 1
                } else if UTF16.isLeadSurrogate(u) || UTF16.isTrailSurrogate(u) {
                    scalar = 0xFFFD
                }
                if scalar < 0x800 {
                    out[o] = UInt8(0xC0 | scalar >> 6); out[o + 1] = UInt8(0x80 | scalar & 0x3F); o += 2
                } else if scalar < 0x10000 {
                    out[o] = UInt8(0xE0 | scalar >> 12); out[o + 1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
                    out[o + 2] = UInt8(0x80 | scalar & 0x3F); o += 3
                } else {
                    out[o] = UInt8(0xF0 | scalar >> 18); out[o + 1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
                    out[o + 2] = UInt8(0x80 | (scalar >> 6) & 0x3F); out[o + 3] = UInt8(0x80 | scalar & 0x3F); o += 4
                }
            }
            return o
        }
    }
}
