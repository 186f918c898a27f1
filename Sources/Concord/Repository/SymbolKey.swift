import Foundation

/// One key for a document symbol however it is written: `CTOC/COP/WG.4/2011/8`,
/// `ctoc_cop_wg_4_2011_8.fr.pdf` (its stem) and `CTOC-COP-WG.4-2011-8.fr.txt` all meet at
/// `CTOC/COP/WG/4/2011/8`. Letters are upper-cased (symbols are Latin), and every run of
/// characters that are not ASCII letters or digits (`/`, `.`, `-`, `_`, `(`, `)`, spaces)
/// becomes one `/`. The key is for matching only: messages show the symbol as written.
public enum SymbolKey {
    public static func key(_ symbol: String) -> String {
        var out = ""
        var pendingSeparator = false
        for scalar in symbol.unicodeScalars {
            let isAlnum = ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
            if isAlnum {
                if pendingSeparator, !out.isEmpty { out += "/" }
                pendingSeparator = false
                out.unicodeScalars.append(("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32)! : scalar)
            } else {
                pendingSeparator = true
            }
        }
        return out
    }

    /// Whether every part of `key` between `/` holds something (no `/` at either end, no
    /// `//`), as every key `key(_:)` makes: then its parts joined by `/` are the key itself,
    /// and `base`, `amendment` and `series` read it without splitting it into strings (they
    /// ran for every citation and every file name, splitting each time).
    private static func isClean(_ key: String) -> Bool {
        var previous: UInt8 = 0x2F
        for byte in key.utf8 {
            if byte == 0x2F, previous == 0x2F { return false }
            previous = byte
        }
        return previous != 0x2F
    }

    /// The key without a revision, corrigendum or addendum part: `…/8/REV/1` → `…/8`.
    public static func base(_ key: String) -> String {
        if isClean(key), amendment(key) == nil { return key }
        var parts = key.split(separator: "/").map(String.init)
        while parts.count >= 3, let marker = parts.dropLast().last, ["REV", "CORR", "ADD"].contains(marker),
              Int(parts.last!) != nil {
            parts.removeLast(2)
        }
        return parts.joined(separator: "/")
    }

    /// The revision or corrigendum part of a key: `("REV", 1)` for `…/REV/1`.
    public static func amendment(_ key: String) -> (kind: String, number: Int)? {
        if isClean(key) {
            // The last part and the one before it, read back from the end (two `/`: three parts).
            let bytes = key.utf8
            guard let last = bytes.lastIndex(of: 0x2F), let before = bytes[..<last].lastIndex(of: 0x2F),
                  let number = Int(key[bytes.index(after: last)...]) else { return nil }
            let kind = key[bytes.index(after: before)..<last]
            guard kind == "REV" || kind == "CORR" || kind == "ADD" else { return nil }
            return (String(kind), number)
        }
        let parts = key.split(separator: "/").map(String.init)
        guard parts.count >= 3, let number = Int(parts[parts.count - 1]),
              ["REV", "CORR", "ADD"].contains(parts[parts.count - 2]) else { return nil }
        return (parts[parts.count - 2], number)
    }

    /// The series a symbol belongs to: its key without the last part (`CTOC/COP/2012/7` →
    /// `CTOC/COP/2012`), after any revision or corrigendum is taken off.
    public static func series(_ key: String) -> String? {
        let base = base(key)
        if isClean(base) {
            guard let last = base.utf8.lastIndex(of: 0x2F) else { return nil }
            return String(base[..<last])
        }
        let parts = base.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return parts.dropLast().joined(separator: "/")
    }

    /// Whether a file's stem reads as a symbol: at least three parts, a letter first, a digit
    /// somewhere after (`CTOC-COP-WG.4-2011-8`, `a_80_123`); not `res-6-1`-like names of two
    /// letters' words (at least two leading parts must be letters).
    public static func looksLikeSymbol(_ key: String) -> Bool {
        let parts = key.split(separator: "/")
        guard parts.count >= 3, parts.contains(where: { $0.allSatisfy(\.isNumber) }) else { return false }
        let leadingLetters = parts.prefix { $0.allSatisfy { $0.isLetter } }.count
        return leadingLetters >= 2 || (leadingLetters == 1 && parts[0].count == 1)
    }
}
