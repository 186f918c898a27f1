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

    /// `trimmingCharacters(in: .whitespaces)` — or, with `also`, in `.whitespaces` and those
    /// characters — without Foundation's copy when neither end can be one of them (the usual
    /// case; the units tested are a superset of the white space Foundation trims).
    func trimmingWhitespace(also: String = "") -> String {
        func mayTrim(_ u: UInt16) -> Bool {
            u <= 0x20 || (0x7F...0xA0).contains(u) || u == 0x1680 || u == 0x180E || (0x2000...0x200F).contains(u)
                || (0x2028...0x202F).contains(u) || (0x205F...0x206F).contains(u) || u == 0x3000 || u == 0xFEFF
                || also.utf16.contains(u)
        }
        guard let first = utf16.first, let last = utf16.last else { return self }
        guard mayTrim(first) || mayTrim(last) else { return self }
        let set = also.isEmpty ? CharacterSet.whitespaces : CharacterSet.whitespaces.union(CharacterSet(charactersIn: also))
        return trimmingCharacters(in: set)
    }
}
