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

    /// The key without a revision, corrigendum or addendum part: `…/8/REV/1` → `…/8`.
    public static func base(_ key: String) -> String {
        var parts = key.split(separator: "/").map(String.init)
        while parts.count >= 3, let marker = parts.dropLast().last, ["REV", "CORR", "ADD"].contains(marker),
              Int(parts.last!) != nil {
            parts.removeLast(2)
        }
        return parts.joined(separator: "/")
    }

    /// The revision or corrigendum part of a key: `("REV", 1)` for `…/REV/1`.
    public static func amendment(_ key: String) -> (kind: String, number: Int)? {
        let parts = key.split(separator: "/").map(String.init)
        guard parts.count >= 3, let number = Int(parts[parts.count - 1]),
              ["REV", "CORR", "ADD"].contains(parts[parts.count - 2]) else { return nil }
        return (parts[parts.count - 2], number)
    }

    /// The series a symbol belongs to: its key without the last part (`CTOC/COP/2012/7` →
    /// `CTOC/COP/2012`), after any revision or corrigendum is taken off.
    public static func series(_ key: String) -> String? {
        let parts = base(key).split(separator: "/")
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
