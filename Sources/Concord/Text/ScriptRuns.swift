import CICUShim

/// The runs of one unit of text written in another script than the unit's language: an
/// untranslated English phrase in a Chinese, Russian or Arabic sentence
/// (`见 General Assembly resolution 70/1 (A/RES/70/1)`), to be read with the rules of the
/// language it is in. A run starts after the last letter of another script before its first
/// letter (so that `12 March 2015` keeps its day) and ends before the next letter of another
/// script; spaces at either end are left out. Which scripts exist is Unicode's knowledge
/// (ICU, through the shim), in the shim's order: Latin, Cyrillic, Arabic, Han.
public enum ScriptRuns {
    public struct Run: Sendable, Equatable {
        public var range: Range<Int>
        /// The script's name as the language files write it (`Latin`).
        public var script: String
        /// How many words of that script it holds: runs of its letters, or each ideograph.
        public var words: Int
    }

    static let names = ["Latin", "Cyrillic", "Arabic", "Han"]

    /// The unit without its spaces at either end: a run of this range is the whole unit.
    public static func trimmed(_ units: [UInt16]) -> Range<Int> {
        func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D }
        var start = 0, end = units.count
        while start < end, isSpace(units[start]) { start += 1 }
        while end > start, isSpace(units[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The runs of at least `minimumWords` words in a script other than `own`.
    public static func runs(_ units: [UInt16], otherThan own: String, minimumWords: Int = 3) -> [Run] {
        guard !units.isEmpty else { return [] }
        // Most units of a Latin-script document hold no character of the other three scripts
        // (all of them stand above U+0400): nothing to look up.
        if own == "Latin", units.allSatisfy({ $0 < 0x0400 || (0x1E00...0x1EFF).contains($0) || (0x2000...0x20CF).contains($0) }) {
            return []
        }
        var scripts = [UInt8](repeating: 255, count: units.count)
        let status = units.withUnsafeBufferPointer { text in
            scripts.withUnsafeMutableBufferPointer { concord_unit_scripts(text.baseAddress, Int64(text.count), $0.baseAddress) }
        }
        guard status == 0 else { return [] }
        let ownIndex = names.firstIndex(of: own).map(UInt8.init) ?? 255
        func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D }
        var runs = [Run]()
        var lastLetterEnd = 0  // just after the last letter seen
        var i = 0
        while i < units.count {
            let script = scripts[i]
            guard script != 255 else { i += 1; continue }
            guard script != ownIndex, Int(script) < names.count else {
                i += 1; lastLetterEnd = i; continue
            }
            // A run of `script`: from after the previous letter to the next letter of another script.
            var start = lastLetterEnd
            var end = i
            var words = 0
            var inWord = false
            while end < units.count, scripts[end] == 255 || scripts[end] == script {
                if scripts[end] == script {
                    // (No character below U+3006 is ideographic: the property is not looked up
                    // for the Latin, Cyrillic and Arabic letters.)
                    let ideograph = units[end] >= 0x3006 && (Unicode.Scalar(units[end]).map { $0.properties.isIdeographic } ?? false)
                    if !inWord || ideograph { words += 1 }
                    inWord = true
                } else {
                    inWord = false
                }
                end += 1
            }
            var letterEnd = end
            while letterEnd > i, scripts[letterEnd - 1] == 255 { letterEnd -= 1 }
            i = end
            lastLetterEnd = letterEnd
            while start < end, isSpace(units[start]) { start += 1 }
            var stop = end
            while stop > start, isSpace(units[stop - 1]) { stop -= 1 }
            if words >= minimumWords { runs.append(Run(range: start..<stop, script: names[Int(script)], words: words)) }
        }
        return runs
    }
}
