import CICUShim

/// An ICU pattern rewritten for Hyperscan's prefilter database: a pattern whose matches, as
/// strings, include every match of the ICU pattern (more is fine, ICU confirms each place;
/// fewer would lose citations). Only syntax known to mean the same in both engines, or
/// rewritten to something wider, is taken; anything else gives nil and the pattern stays on
/// the ICU path.
///
/// - Zero-width assertions are dropped (`\b`, `^`, `$`, look-arounds, `\G`): ICU's `\b` and
///   `$` do not mean Hyperscan's (ICU's word characters include marks but not `²`; its `$`
///   stops before any line terminator), and dropping an assertion only widens.
/// - `\d` becomes `\p{Nd}` (ICU's meaning) and `\s` ICU's `[\t\n\f\r\p{Z}]` plus `\v` and
///   U+0085 (wider); atomic groups and possessive quantifiers become plain ones (wider);
///   named groups become non-capturing ones.
/// - Refused: back-references, `\w`, `\S`, `\X`, `\Q…\E`, `\N{…}`, set operations and nested
///   classes (`[[a-z]&&[^b]]`, which Hyperscan would read as other characters), flags other
///   than `i`, comments, and a literal whose case folding is not one UTF-16 unit (ICU folds
///   `ß` to `ss`, Hyperscan does not).
enum HyperscanSyntax {
    static func prefilter(_ pattern: String) -> String? {
        var translator = Translator(Array(pattern.unicodeScalars))
        return translator.run()
    }

    private struct Translator {
        let s: [Unicode.Scalar]
        var i = 0
        var out = ""
        var depth = 0

        init(_ s: [Unicode.Scalar]) { self.s = s }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

        static let quantifierStarts: Set<Unicode.Scalar> = ["*", "+", "?", "{"]

        mutating func run() -> String? {
            while let c = peek() {
                switch c {
                case "\\":
                    guard escape() else { return nil }
                case "[":
                    guard characterClass() else { return nil }
                case "(":
                    guard group() else { return nil }
                case ")":
                    guard depth > 0 else { return nil }
                    depth -= 1
                    out += ")"
                    i += 1
                case "*", "+", "?", "{":
                    guard quantifier() else { return nil }
                case "^", "$":
                    i += 1
                    guard droppedAssertion() else { return nil }
                case "|", ".":
                    out.unicodeScalars.append(c)
                    i += 1
                default:
                    guard Self.foldsToOneUnit(c) else { return nil }
                    out.unicodeScalars.append(c)
                    i += 1
                }
            }
            return depth == 0 ? out : nil
        }

        /// After an assertion that was left out: a quantifier would now apply to something else.
        func droppedAssertion() -> Bool {
            guard let next = peek() else { return true }
            return !Self.quantifierStarts.contains(next)
        }

        mutating func escape() -> Bool {
            guard let next = peek(1) else { return false }
            switch next {
            case "b", "B", "A", "z", "Z", "G":
                i += 2
                return droppedAssertion()
            case "d": out += "\\p{Nd}"; i += 2
            case "D": out += "\\P{Nd}"; i += 2
            case "s": out += "[" + Self.space + "]"; i += 2
            case "p", "P", "x":
                guard let end = braced(from: i + 2) else {
                    // `\xhh`
                    guard next == "x", let a = peek(2), let b = peek(3), a.properties.isASCIIHexDigit, b.properties.isASCIIHexDigit else { return false }
                    out += "\\x" + String(Character(a)) + String(Character(b))
                    i += 4
                    return true
                }
                out += String(String.UnicodeScalarView(s[i..<end]))
                i = end
            case "t", "n", "r", "f":
                out += "\\" + String(Character(next)); i += 2
            default:
                guard next.isASCII, next.properties.isPatternSyntax || next == " " else { return false }
                out += "\\" + String(Character(next)); i += 2
            }
            return true
        }

        /// The index after `{…}` when the pattern has one at `start`.
        func braced(from start: Int) -> Int? {
            guard start < s.count, s[start] == "{" else { return nil }
            var j = start + 1
            while j < s.count, s[j] != "}" {
                guard s[j].isASCII, s[j] != "{", s[j] != "\\" else { return nil }
                j += 1
            }
            return j < s.count && j > start + 1 ? j + 1 : nil
        }

        /// `[\t\n\f\r\p{Z}]` is ICU's `\s`; `\v` and U+0085 added, in case Hyperscan's differ.
        static let space = "\\t\\n\\f\\r\\x0B\\x{85}\\p{Z}"

        mutating func characterClass() -> Bool {
            out += "["
            i += 1
            let negated = peek() == "^"
            if negated { out += "^"; i += 1 }
            if peek() == "]" { return false }
            var previous: Unicode.Scalar?
            while let c = peek() {
                switch c {
                case "]":
                    out += "]"
                    i += 1
                    return true
                case "[":
                    return false
                case "&" where previous == "&", "-" where previous == "-":
                    return false
                case "\\":
                    guard let next = peek(1) else { return false }
                    switch next {
                    case "d": out += "\\p{Nd}"; i += 2
                    // In a negated class, exactly ICU's set (a wider one would exclude more).
                    case "s": out += negated ? "\\t\\n\\f\\r\\p{Z}" : Self.space; i += 2
                    case "p", "P", "x":
                        if let end = braced(from: i + 2) {
                            out += String(String.UnicodeScalarView(s[i..<end]))
                            i = end
                        } else if next == "x", let a = peek(2), let b = peek(3), a.properties.isASCIIHexDigit, b.properties.isASCIIHexDigit {
                            out += "\\x" + String(Character(a)) + String(Character(b))
                            i += 4
                        } else {
                            return false
                        }
                    case "t", "n", "r", "f":
                        out += "\\" + String(Character(next)); i += 2
                    default:
                        guard next.isASCII, next.properties.isPatternSyntax else { return false }
                        out += "\\" + String(Character(next)); i += 2
                    }
                    previous = nil
                    continue
                default:
                    guard Self.foldsToOneUnit(c) else { return false }
                    out.unicodeScalars.append(c)
                    i += 1
                }
                previous = c
            }
            return false
        }

        mutating func group() -> Bool {
            guard peek(1) == "?" else {
                out += "("
                i += 1
                depth += 1
                return true
            }
            switch peek(2) {
            case ":", ">":
                out += "(?:"
                i += 3
                depth += 1
                return true
            case "=", "!":
                return skipLookaround(from: i + 3)
            case "<":
                if peek(3) == "=" || peek(3) == "!" { return skipLookaround(from: i + 4) }
                // A named group.
                var j = i + 3
                while j < s.count, s[j] != ">" {
                    guard s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) else { return false }
                    j += 1
                }
                guard j < s.count else { return false }
                out += "(?:"
                i = j + 1
                depth += 1
                return true
            default:
                // Flags: `(?i)`, `(?-i)`, `(?i:`, `(?-i:` only.
                var j = i + 2
                var flags = ""
                while j < s.count, s[j] != ":", s[j] != ")" {
                    flags.unicodeScalars.append(s[j])
                    j += 1
                }
                guard j < s.count, ["i", "-i"].contains(flags) else { return false }
                if s[j] == ":" {
                    out += "(?" + flags + ":"
                    depth += 1
                } else {
                    out += "(?" + flags + ")"
                }
                i = j + 1
                return true
            }
        }

        /// Steps over a look-around whose body starts at `start` (it is left out).
        mutating func skipLookaround(from start: Int) -> Bool {
            var j = start
            var level = 1
            var inClass = false
            while j < s.count {
                let c = s[j]
                if c == "\\" { j += 2; continue }
                if inClass {
                    if c == "]" { inClass = false }
                } else if c == "[" {
                    inClass = true
                } else if c == "(" {
                    level += 1
                } else if c == ")" {
                    level -= 1
                    if level == 0 {
                        i = j + 1
                        return droppedAssertion()
                    }
                }
                j += 1
            }
            return false
        }

        mutating func quantifier() -> Bool {
            guard let c = peek() else { return false }
            if c == "{" {
                guard let end = braced(from: i),
                      s[(i + 1)..<(end - 1)].allSatisfy({ ("0"..."9").contains($0) || $0 == "," }),
                      s[i + 1] != "," else { return false }
                out += String(String.UnicodeScalarView(s[i..<end]))
                i = end
            } else {
                out.unicodeScalars.append(c)
                i += 1
            }
            // Lazy: kept (Hyperscan reports every end anyway); possessive: made plain (wider).
            if peek() == "?" { out += "?"; i += 1 } else if peek() == "+" { i += 1 }
            return true
        }

        static func foldsToOneUnit(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return true }
            guard c.value <= 0xFFFF else { return false }
            var unit = UInt16(c.value)
            var folded = [UInt16](repeating: 0, count: 8)
            return concord_case_fold(&unit, 1, &folded, Int32(folded.count)) == 1
        }
    }
}
