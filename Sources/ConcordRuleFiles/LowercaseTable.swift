/// The table behind `LowercaseWords` (in Concord): per UTF-16 code unit, 0 when the unit is not
/// plain; else its lower case in the low 16 bits, bit 16 set, and bit 17 when that lower case is
/// a letter. Made from Swift's own `lowercased()`, grapheme breaking and `isLetter`, so that
/// the unit-by-unit reading and the `String` one cannot disagree.
///
/// Here, in the module the build tool shares with Concord, so that the build can make it with
/// the Swift runtime it is built with (`EmbeddedSwiftTables`): a `concord` linked with that
/// runtime (the static standard library) then reads it from its own binary, where deriving it
/// was a twelfth of a start-up without a cache folder.
package enum LowercaseTable {
    // (`LowercaseWords` holds the same three values as constants of its own module: read from
    // this one, each look-up of its inner loops was a call. A test compares them.)
    package static let plain: UInt32 = 1 << 16
    package static let letter: UInt32 = 1 << 17
    /// The blocks verified unit by unit when the table is built (Greek is left out: its
    /// final sigma is where a lower case might depend on context).
    package static let checkedRanges: [ClosedRange<UInt16>] = [
        0x0000...0x036F, 0x0400...0x052F, 0x0600...0x06FF, 0x2000...0x20CF, 0x2100...0x214F,
        0x3000...0x303F, 0xFF00...0xFFEF,
    ]
    package static let ideographs: ClosedRange<UInt16> = 0x4E00...0x9FFF

    /// The table from Swift's own string functions.
    package static func derived() -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 0x1_0000)
        for range in checkedRanges { for u in range { table[Int(u)] = entry(u) } }
        // CJK unified ideographs: letters, no case, never joined to a neighbour; the test
        // checks this range against `entry` (too large to verify at every start-up).
        for u in ideographs { table[Int(u)] = plain | letter | UInt32(u) }
        return table
    }

    /// The table entry of one code unit, from Swift's own string functions.
    package static func entry(_ u: UInt16) -> UInt32 {
        guard let scalar = Unicode.Scalar(u), standsAlone(scalar) else { return 0 }
        let lower = String(Character(scalar)).lowercased()
        guard lower.utf16.count == 1, let l = lower.unicodeScalars.first, l.value <= 0xFFFF, standsAlone(l) else { return 0 }
        return plain | (Character(l).isLetter ? letter : 0) | l.value
    }

    /// Whether a scalar is a grapheme cluster of its own beside a letter and beside itself
    /// (not an extending mark, a joiner, a prepended mark or a regional indicator).
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        func count(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
            var s = String()
            s.unicodeScalars.append(a)
            s.unicodeScalars.append(b)
            return s.count
        }
        return count("a", scalar) == 2 && count(scalar, "a") == 2 && count(scalar, scalar) == 2
    }

    /// The table as two tables of 16-bit values, for `TableRuns`: the low halves and the high.
    package static func halves(_ table: [UInt32]) -> (low: [UInt16], high: [UInt16]) {
        (table.map { UInt16(truncatingIfNeeded: $0) }, table.map { UInt16(truncatingIfNeeded: $0 >> 16) })
    }

    /// The table from its two halves (nil: not the same length).
    package static func joined(low: [UInt16], high: [UInt16]) -> [UInt32]? {
        guard low.count == high.count else { return nil }
        return [UInt32](unsafeUninitializedCapacity: low.count) { buffer, initialized in
            low.withUnsafeBufferPointer { l in
                high.withUnsafeBufferPointer { h in
                    for k in 0..<l.count { buffer[k] = UInt32(l[k]) | UInt32(h[k]) << 16 }
                }
            }
            initialized = low.count
        }
    }
}
