import ConcordRuleFiles

/// The words of a text exactly as `String.lowercased()` followed by a split into `Character`s
/// by `isLetter` gives them (the stop words of `LanguageDetector`, the number words of
/// `NumberReader`), read straight from the UTF-16 code units with one table look-up each,
/// instead of lower-casing the whole text and breaking it into grapheme clusters (which was
/// a fifth of a run: Swift's Unicode property look-ups per `Character`).
///
/// That is exact only for text whose every code unit is *plain*: a grapheme cluster of its
/// own beside any other plain unit (no combining mark, joiner, prepended or Hangul jamo), and
/// lower-cased to one plain code unit. The table holds, for the blocks UN text is written in
/// (Latin, Cyrillic, Arabic, punctuation, CJK), each plain unit's lower case and whether that
/// is a letter, computed once from Swift's own `lowercased()`, grapheme breaking and
/// `isLetter`, so that the two ways cannot disagree; any other unit (`é` written as `e` and a
/// combining accent, an Arabic vowel sign, a surrogate) makes the caller take the `String`
/// way, unchanged. The differential tests compare both ways on every corpus.
enum LowercaseWords {
    /// Per UTF-16 code unit: 0 when not plain; else the lower case in the low 16 bits, bit 16
    /// set, and bit 17 when the lower case is a letter (`LowercaseTable`).
    /// The table the build made (`EmbeddedSwiftTables`) when this process runs the Swift
    /// runtime the build ran, else made once per Swift runtime and kept in the cache of derived
    /// tables (`DerivedTables`; making it took a millisecond or two at every start).
    static let table: [UInt32] = DerivedTables.embeddedLowercaseWords()
        ?? DerivedTables.words("lowercase-words", versions: [DerivedTables.swiftRuntime], derive: { derivedTable() })
        ?? derivedTable()

    /// The table from Swift's own string functions.
    static func derivedTable() -> [UInt32] { LowercaseTable.derived() }

    /// `LowercaseTable`'s values, as constants of this module (read from the other, each
    /// look-up of the inner loops below was a call: +1 % of a 10 MB check's instructions).
    static let plain: UInt32 = 1 << 16
    static let letter: UInt32 = 1 << 17
    static let ideographs: ClosedRange<UInt16> = 0x4E00...0x9FFF

    /// The table entry of one code unit, from Swift's own string functions.
    static func entry(_ u: UInt16) -> UInt32 { LowercaseTable.entry(u) }

    /// Whether every code unit of `units` is plain.
    static func isPlain<C: Collection>(_ units: C) -> Bool where C.Element == UInt16 {
        table.withUnsafeBufferPointer { t in units.allSatisfy { t[Int($0)] & plain != 0 } }
    }

    /// Calls `body` with each word (a run of letters, and of `-` too when `hyphen`) of the
    /// lower-cased text, in order; false, calling nothing, when the text is not plain.
    static func forEachWord<C: Collection>(in units: C, hyphen: Bool = false, _ body: (String) -> Void) -> Bool
    where C.Element == UInt16 {
        // Short words are stored in the `String` itself.
        forEachWordUTF8(in: units, hyphen: hyphen) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// `forEachWord` with each word as its UTF-8 bytes (valid only during the call), for a
    /// `WordTable` look-up with no `String` made.
    static func forEachWordUTF8<C: Collection>(in units: C, hyphen: Bool = false,
                                               _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool
    where C.Element == UInt16 {
        guard isPlain(units) else { return false }
        table.withUnsafeBufferPointer { t in
            // A plain unit lower-cases to one BMP character: at most three bytes each.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, 3 * units.count)) { buffer in
                var n = 0
                for u in units {
                    let e = t[Int(u)]
                    if e & letter != 0 || (hyphen && u == 0x2D) {
                        let l = e & 0xFFFF
                        if l < 0x80 {
                            buffer[n] = UInt8(l); n += 1
                        } else if l < 0x800 {
                            buffer[n] = UInt8(0xC0 | l >> 6); buffer[n + 1] = UInt8(0x80 | l & 0x3F); n += 2
                        } else {
                            buffer[n] = UInt8(0xE0 | l >> 12); buffer[n + 1] = UInt8(0x80 | l >> 6 & 0x3F)
                            buffer[n + 2] = UInt8(0x80 | l & 0x3F); n += 3
                        }
                    } else if n > 0 {
                        body(UnsafeBufferPointer(rebasing: buffer[0..<n]))
                        n = 0
                    }
                }
                if n > 0 { body(UnsafeBufferPointer(rebasing: buffer[0..<n])) }
            }
        }
        return true
    }

    /// The lower-cased code units of a plain text; nil when it is not plain.
    static func lowered<C: Collection>(_ units: C) -> [UInt16]? where C.Element == UInt16 {
        table.withUnsafeBufferPointer { t in
            var result = [UInt16]()
            result.reserveCapacity(units.count)
            for u in units {
                let e = t[Int(u)]
                guard e & plain != 0 else { return nil }
                result.append(UInt16(truncatingIfNeeded: e))
            }
            return result
        }
    }
}
