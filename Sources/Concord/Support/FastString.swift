import Foundation

/// Foundation's `replacingOccurrences(of:with:)` and `trimmingCharacters(in:)` bridge every
/// call to `NSString` on Linux: together about 4 % of a check of 10 MB of resolutions, spent
/// on short keys, anchors and numbers. These give the same strings, without the bridge on the
/// usual inputs, and call Foundation for the others.
extension String {
    /// `replacingOccurrences(of: target, with: replacement)`. An ASCII string (every anchor,
    /// key template and number list the pipeline rewrites) is rewritten byte by byte;
    /// Foundation's search, which compares canonically equivalent text, only for others.
    func replacingLiteral(_ target: String, with replacement: String) -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }), target.utf8.allSatisfy({ $0 < 0x80 }) else {
            return replacingOccurrences(of: target, with: replacement)
        }
        let bytes = Array(utf8)
        let replaced = Self.replacing(Array(target.utf8), with: Array(replacement.utf8), in: bytes)
        return replaced == bytes ? self : String(decoding: replaced, as: UTF8.self)
    }

    /// Whether the string has at most `limit` characters (`count <= limit`), told from its
    /// UTF-16 units where they decide: no more units than `limit`, or more than `limit` places
    /// between two units that never join a neighbour in a character (`Chars.isSimple`, the
    /// control characters aside: `\r\n` is one character). Counted otherwise, no further
    /// than the character after the limit. (Counting characters up to the limit at every
    /// paragraph was about a twentieth of the structure stage.)
    func hasAtMostCharacters(_ limit: Int) -> Bool {
        // A character takes one UTF-8 byte at least (the count is stored: no walk).
        if utf8.count <= limit { return true }
        let units = utf16
        if units.count <= limit { return true }
        var lower = 0
        var previousSimple = true
        for u in units {
            let simple = u >= 0x20 && Chars.isSimple(u)
            if simple && previousSimple {
                lower += 1
                if lower > limit { return false }
            }
            previousSimple = simple
        }
        return index(startIndex, offsetBy: limit + 1, limitedBy: endIndex) == nil
    }

    /// Every occurrence of `target` in `bytes`, left to right, not overlapping, replaced.
    static func replacing(_ target: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !target.isEmpty, bytes.count >= target.count, let first = target.first, bytes.contains(first) else { return bytes }
        var result = [UInt8]()
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == first, i + target.count <= bytes.count, bytes[i..<(i + target.count)].elementsEqual(target) {
                result += replacement
                i += target.count
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return result
    }

    /// `contains(character)` for one printable ASCII character written as a string
    /// (`contains(".")`, Foundation's search, which compares whole characters): false when
    /// no byte is that character, true in an ASCII string holding it (where every byte but
    /// CR and LF is a character of its own), Foundation's answer otherwise.
    func containsASCII(_ character: StaticString) -> Bool {
        precondition(character.utf8CodeUnitCount == 1 && character.utf8Start.pointee >= 0x20 && character.utf8Start.pointee < 0x7F)
        let byte = character.utf8Start.pointee
        var found = false, ascii = true
        for b in utf8 {
            if b == byte { found = true }
            if b >= 0x80 { ascii = false }
        }
        if !found { return false }
        return ascii || contains(String(UnicodeScalar(byte)))
    }

    /// `trimmingCharacters(in: .whitespaces)` — or, with `also`, in `.whitespaces` and those
    /// characters — on the UTF-16 units, without Foundation (which built the set and bridged
    /// the string on every call that trimmed something: 16,000 instructions a call). Foundation
    /// trims unit by unit too; its `.whitespaces` are `foundationWhitespace` (a test compares
    /// them over every code point). An `also` outside the BMP goes to Foundation.
    func trimmingWhitespace(also: String = "") -> String {
        let extra = also.utf16
        guard !extra.contains(where: { $0 & 0xF800 == 0xD800 }) else {
            return trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: also)))
        }
        func trims(_ u: UInt16) -> Bool { Self.foundationWhitespace(u) || (!extra.isEmpty && extra.contains(u)) }
        let units = utf16
        var start = units.startIndex, end = units.endIndex
        while start < end, trims(units[start]) { start = units.index(after: start) }
        while end > start, trims(units[units.index(before: end)]) { end = units.index(before: end) }
        if start == units.startIndex, end == units.endIndex { return self }
        return String(self[start..<end])
    }

    /// The code units in Foundation's `CharacterSet.whitespaces`: tab and the space
    /// separators, with U+200B (ZERO WIDTH SPACE), as swift-corelibs-foundation has them.
    static func foundationWhitespace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0xA0 || u == 0x1680 || (u >= 0x2000 && u <= 0x200B) || u == 0x202F
            || u == 0x205F || u == 0x3000
    }
}
