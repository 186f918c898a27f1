/// A table of one value per UTF-16 code unit (ICU's case folds, base letters, categories)
/// written as text, in runs, so that the build can put it in the binary as a string literal:
/// the tables are made of long stretches where each unit maps to itself (or to itself plus a
/// fixed offset, as a block of capitals to its small letters) or to one value, and a few
/// thousand runs hold 128 KB. Shared by the build tool that makes the tables
/// (`Plugins/EmbedRulesTool`) and Concord, which reads them (`EmbeddedTables`).
///
/// The text is a list of runs separated by spaces, each `N+D` (the next N entries are their
/// index plus D, modulo 2^16) or `N=V` (the next N entries are V), N, D and V in decimal.
package enum TableRuns {
    package static func encode(_ table: [UInt16]) -> String {
        var out = ""
        var i = 0
        while i < table.count {
            let value = table[i]
            let delta = value &- UInt16(truncatingIfNeeded: i)
            var same = 1, shifted = 1
            while i + same < table.count, table[i + same] == value { same += 1 }
            while i + shifted < table.count, table[i + shifted] &- UInt16(truncatingIfNeeded: i + shifted) == delta { shifted += 1 }
            if !out.isEmpty { out += " " }
            if shifted > same {
                out += "\(shifted)+\(delta)"
                i += shifted
            } else {
                out += "\(same)=\(value)"
                i += same
            }
        }
        return out
    }

    /// The table, or nil when the text is not a list of runs of exactly `count` entries.
    /// (Written into the array's buffer: appending entry by entry was most of the time a start
    /// took to read the tables the build made.)
    package static func decode(_ text: String, count: Int) -> [UInt16]? {
        guard count >= 0 else { return nil }
        var failed = false
        var filled = 0
        var text = text
        let table = [UInt16](unsafeUninitializedCapacity: count) { table, initialized in
            text.withUTF8 { bytes in
                var k = 0
                /// A decimal number at `k` (nil: none, or too large).
                func number() -> Int? {
                    var value = 0, digits = 0
                    while k < bytes.count, bytes[k] >= 0x30, bytes[k] <= 0x39 {
                        value = value * 10 + Int(bytes[k] - 0x30)
                        digits += 1
                        k += 1
                        if value > 0x10_0000 { return nil }
                    }
                    return digits > 0 ? value : nil
                }
                while k < bytes.count {
                    if filled > 0 {
                        guard bytes[k] == 0x20 else { failed = true; return }
                        k += 1
                    }
                    guard let length = number(), length > 0, filled + length <= count, k < bytes.count else { failed = true; return }
                    let kind = bytes[k]
                    k += 1
                    guard let value = number(), value <= 0xFFFF, kind == 0x2B || kind == 0x3D else { failed = true; return }
                    let start = filled
                    if kind == 0x3D {
                        (table.baseAddress! + start).initialize(repeating: UInt16(value), count: length)
                    } else {
                        for i in start..<(start + length) { table[i] = UInt16(truncatingIfNeeded: i) &+ UInt16(value) }
                    }
                    filled += length
                }
            }
            // Integers: entries left unwritten (a table cut short) are never read, the array
            // is dropped below.
            initialized = count
        }
        return !failed && filled == count ? table : nil
    }
}
