import CICUShim
import Foundation

/// A compiled ICU regular expression (ICU's engine measured 8–16× faster than Swift `Regex`
/// here). Compiled once. An ICU regex holds matching state, so each concurrent match uses
/// its own clone (cheap: the compiled pattern is shared), taken from a small pool.
public final class ICURegex: @unchecked Sendable {
    public struct Match: Sendable {
        /// Group 0 (the whole match) first; nil for a group that did not take part.
        public var groups: [Range<Int>?]
        let names: [String: Int]
        public var range: Range<Int> { groups[0]! }
        public subscript(name: String) -> Range<Int>? {
            guard let index = names[name], index < groups.count else { return nil }
            return groups[index]
        }
    }

    public let pattern: String
    /// Whether the pattern holds `\G`: tried at given places only (`matches(in:startingOnlyAt:)`),
    /// the end of each match is tried too, where the search's next step has `\G` hold.
    let continues: Bool
    private let handle: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var pool: [UnsafeMutableRawPointer] = []
    private let groupCount: Int
    public let groupNames: [String: Int]

    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public var pattern: String
        public var offset: Int
        public var status: String
        public var description: String {
            "invalid pattern (\(status)) at offset \(offset): \(pattern)"
        }
    }

    public convenience init(_ pattern: String, caseInsensitive: Bool = true) throws(SyntaxError) {
        try self.init(pattern, caseInsensitive: caseInsensitive, rewritingSets: true)
    }

    /// `rewritingSets: false` compiles the pattern exactly as written (for the tests that
    /// compare the two).
    init(_ pattern: String, caseInsensitive: Bool, rewritingSets: Bool) throws(SyntaxError) {
        func open(_ text: String) -> (UnsafeMutableRawPointer?, Int32, Int32) {
            let units = text.utf16Array
            var status: Int32 = 0
            var offset: Int32 = -1
            let handle = concord_regex_open(units, Int64(units.count), caseInsensitive ? 1 : 0, &status, &offset)
            return (handle, status, offset)
        }
        // Sets written as ICU compiles them fastest (`SetForms`: the same matches, a fraction
        // of ICU's time); an error is reported against the pattern as written.
        let compiled = rewritingSets ? SetForms.rewrite(pattern, caseInsensitive: caseInsensitive, cheaper: true) : pattern
        var (opened, status, offset) = open(compiled)
        if opened == nil, compiled != pattern { (opened, status, offset) = open(pattern) }
        guard let handle = opened else {
            throw SyntaxError(pattern: pattern, offset: Int(offset),
                              status: String(validatingCString: concord_error_name(status)) ?? "\(status)")
        }
        var groupStatus: Int32 = 0
        let groups = concord_regex_group_count(handle, &groupStatus)
        guard groups >= 0 else {
            concord_regex_close(handle)
            throw SyntaxError(pattern: pattern, offset: -1,
                              status: String(validatingCString: concord_error_name(groupStatus)) ?? "\(groupStatus)")
        }
        self.pattern = pattern
        continues = Self.continuations(in: pattern) > 0 || Self.continuations(in: compiled) > 0
        self.handle = handle
        self.groupCount = Int(groups)
        var names = [String: Int]()
        // ICU has no call that lists group names: read them from the pattern (each `(?<`
        // found in its UTF-8 bytes, in place: Foundation's string search was a tenth of
        // compiling a language's rules, and `UTF8View`'s own search most of what was left).
        for offset in Self.namedGroupOpenings(in: pattern) {
            let after = pattern.utf8.index(pattern.utf8.startIndex, offsetBy: offset)
            let rest = pattern[after...]
            let name = rest.prefix { $0.isLetter || $0.isNumber }
            if !name.isEmpty, rest.dropFirst(name.count).first == ">" {
                let number = concord_regex_group_number(handle, String(name))
                if number > 0 { names[String(name)] = Int(number) }
            }
        }
        self.groupNames = names
    }

    deinit {
        concord_regex_close(handle)
        for clone in pool { concord_regex_close(clone) }
    }

    private func acquire() -> UnsafeMutableRawPointer {
        lock.lock()
        defer { lock.unlock() }
        if let clone = pool.popLast() { return clone }
        var status: Int32 = 0
        return concord_regex_clone(handle, &status) ?? handle
    }

    private func release(_ clone: UnsafeMutableRawPointer) {
        guard clone != handle else { return }
        lock.lock()
        pool.append(clone)
        lock.unlock()
    }

    public func matches(in text: [UInt16]) -> [Match] {
        guard !text.isEmpty else { return [] }
        return collect { handle, spans, capacity, status in
            text.withUnsafeBufferPointer { t in
                concord_regex_find_all(handle, t.baseAddress, Int64(t.count), spans, capacity, &status)
            }
        }
    }

    /// The same matches as `matches(in:)` for a pattern whose matches can only start at
    /// `starts` (ascending; from the literal pre-scan): tried there only. A pattern with `\G`
    /// is tried at the end of each match too (`continues`), so `starts` must hold every place
    /// a match not continuing the previous one can start.
    public func matches(in text: [UInt16], startingOnlyAt starts: [Int32]) -> [Match] {
        guard !text.isEmpty, !starts.isEmpty else { return [] }
        let continues: Int32 = self.continues ? 1 : 0
        return collect { handle, spans, capacity, status in
            text.withUnsafeBufferPointer { t in
                starts.withUnsafeBufferPointer { s in
                    concord_regex_find_at(handle, t.baseAddress, Int64(t.count), s.baseAddress, Int64(s.count), continues,
                                          spans, capacity, &status)
                }
            }
        }
    }

    /// How many times `\G` is written in a pattern (read on its UTF-8 bytes; an escaped
    /// backslash, `\\G`, is not one).
    /// Over the bytes in place: iterating `String.UTF8View` took about 22 instructions a byte,
    /// 1 % of a run over the resolution corpus (every pattern compiled is read twice).
    static func continuations(in pattern: String) -> Int {
        var text = pattern
        return text.withUTF8 { bytes in
            var count = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "\\") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "G") { count += 1 }
                    i += 2  // the escaped byte is never an escape itself
                } else {
                    i += 1
                }
            }
            return count
        }
    }

    /// The UTF-8 offsets just after each `(?<` of a pattern that is not `(?<=` or `(?<!` (where
    /// a group's name would start), ascending. Every `(` is looked at, escaped or not, as the
    /// name is checked afterwards (a name ICU does not know is no group).
    static func namedGroupOpenings(in pattern: String) -> [Int] {
        var text = pattern
        return text.withUTF8 { bytes in
            var offsets = [Int]()
            var i = 0
            while i + 2 < bytes.count {
                if bytes[i] == UInt8(ascii: "("), bytes[i + 1] == UInt8(ascii: "?"), bytes[i + 2] == UInt8(ascii: "<") {
                    if i + 3 < bytes.count, bytes[i + 3] != UInt8(ascii: "="), bytes[i + 3] != UInt8(ascii: "!") { offsets.append(i + 3) }
                    i += 3
                } else {
                    i += 1
                }
            }
            return offsets
        }
    }

    /// Runs a search with a clone of the pattern, growing the match buffer until it fits.
    private func collect(_ search: (UnsafeMutableRawPointer, UnsafeMutablePointer<Int32>?, Int32, inout Int32) -> Int32) -> [Match] {
        let handle = acquire()
        defer { release(handle) }
        let width = groupCount + 1
        var capacity = 8
        while true {
            var spans = [Int32](filling: -1, count: capacity * width * 2)
            var status: Int32 = 0
            let count = spans.withUnsafeMutableBufferPointer { s in search(handle, s.baseAddress, Int32(clamping: capacity), &status) }
            if count < 0 { return [] }
            if Int(count) <= capacity {
                return (0..<Int(count)).map { m in
                    Match(groups: (0..<width).map { g in
                        let start = Int(spans[(m * width + g) * 2]), end = Int(spans[(m * width + g) * 2 + 1])
                        return start < 0 || end < start ? nil : start..<end
                    }, names: groupNames)
                }
            }
            capacity = Int(count)
        }
    }

    public func matches(in string: String) -> [Match] { matches(in: string.utf16Array) }

    /// `string` with every match replaced by `template`, where `$1`…`$9` stand for the
    /// match's groups (a group that did not take part gives nothing).
    public func replacingMatches(in string: String, with template: String) -> String {
        let units = string.utf16Array
        let found = matches(in: units)
        guard !found.isEmpty else { return string }
        let template = template.utf16Array
        var out = [UInt16]()
        var last = 0
        for match in found {
            out += units[last..<match.range.lowerBound]
            var k = 0
            while k < template.count {
                if template[k] == 0x24, k + 1 < template.count, template[k + 1] >= 0x31, template[k + 1] <= 0x39 {
                    let group = Int(template[k + 1] - 0x30)
                    if group < match.groups.count, let range = match.groups[group] { out += units[range] }
                    k += 2
                } else {
                    out.append(template[k])
                    k += 1
                }
            }
            last = match.range.upperBound
        }
        out += units[last...]
        return String(utf16Units: out)
    }
}

/// Locale data from ICU that the rules use.
public enum LocaleData {
    /// The twelve month names (index 0 = January). `kind`: 0 format, 1 stand-alone,
    /// 2 abbreviated format, 3 abbreviated stand-alone.
    public static func monthNames(locale: String, kind: Int32 = 0) -> [String] {
        monthNames(locale: locale, kinds: kind...kind).first ?? []
    }

    /// The twelve month names of each kind of `kinds`, in order, read with one date format
    /// (a language's rules read all four kinds of each of its locales: opening a format per
    /// kind was 3 % of a one-document run). Empty when ICU cannot give them.
    public static func monthNames(locale: String, kinds: ClosedRange<Int32>) -> [[String]] {
        var buffer = [UInt16](repeating: 0, count: 1024 * kinds.count)
        var status: Int32 = 0
        let written = buffer.withUnsafeMutableBufferPointer {
            concord_month_names_kinds(locale, kinds.lowerBound, Int32(kinds.count), $0.baseAddress, Int32($0.count), &status)
        }
        guard written > 0 else { return [] }
        let names = buffer[0..<Int(written)].split(separator: 0, omittingEmptySubsequences: false).map { String(utf16Units: $0) }
        guard names.count >= 12 * kinds.count else { return [] }
        return (0..<kinds.count).map { Array(names[(12 * $0)..<(12 * $0 + 12)]) }
    }

    private static let spelloutLock = NSLock()
    nonisolated(unsafe) private static var spellout: [String: UnsafeMutableRawPointer] = [:]

    /// A number spelled out in words (`二十八`, `seventy-third`, `seventy-three`, `шестой`),
    /// parsed by ICU's rule-based number format, which reads with all the locale's public rule
    /// sets (cardinal, ordinal, gendered): one parser per locale, opened once and kept.
    public static func parseSpellout(_ text: String, locale: String) -> Int? {
        let units = text.utf16Array
        guard !units.isEmpty else { return nil }
        spelloutLock.lock()
        defer { spelloutLock.unlock() }
        let key = locale
        // Lenient parsing collates: remember what each word gave (UN texts repeat a few).
        let memoKey = key + "/" + text
        if let known = spelloutMemo[memoKey] { return known }
        // What earlier runs parsed (`SpelloutStore`), read when the locale is first asked.
        if storedAnswers[key] == nil {
            let answers = SpelloutStore.load(locale: key, root: PrefilterCache.cacheRoot, markUsed: PrefilterCache.writes)
            storedAnswers[key] = answers
            for (stored, value) in answers where spelloutMemo.count < 100_000 { spelloutMemo.updateValue(value, forKey: key + "/" + stored) }
            if let known = spelloutMemo[memoKey] { return known }
        }
        if spellout[key] == nil, let pending = opening[key] {
            // Being opened ahead (`openSpelloutAhead`): waited for, not opened twice.
            spelloutLock.unlock()
            pending.wait()
            spelloutLock.lock()
        }
        if spellout[key] == nil {
            var status: Int32 = 0
            let parser = concord_spellout_open(locale, &status)
            spelloutOpens[key, default: 0] += 1
            guard let parser else { return nil }
            spellout[key] = parser
        }
        let value = result(units, key)
        // Failures too (assigning a nil `Int?` through the subscript would remove the key).
        if spelloutMemo.count < 100_000 { spelloutMemo.updateValue(value, forKey: memoKey) }
        if SpelloutStore.storable(text), var answers = storedAnswers[key], answers.count < SpelloutStore.capacity {
            answers.updateValue(value, forKey: text)
            storedAnswers[key] = answers
            SpelloutStore.store(answers, locale: key, root: PrefilterCache.cacheRoot, writes: PrefilterCache.writes)
        }
        return value
    }

    /// Opens `locale`'s spell-out parser on another thread, for a run about to read a
    /// document in it, unless it is open or being opened, or earlier runs' answers are stored
    /// for the locale (`SpelloutStore`: a run with them rarely opens the parser). Opening
    /// Russian's takes 33 million instructions, 6 % of a first run on a Russian resolution,
    /// on the thread that then reads the document. `parseSpellout` waits for it instead of
    /// opening another; the answers are the same (a parser holds no state between texts).
    public static func openSpelloutAhead(locale: String) {
        if let url = SpelloutStore.url(locale: locale, root: PrefilterCache.cacheRoot),
           FileManager.default.fileExists(atPath: url.path) { return }
        startOpeningSpellout(locale: locale)
    }

    /// Starts opening `locale`'s parser on another thread; false when it is open or being
    /// opened already.
    @discardableResult
    static func startOpeningSpellout(locale: String) -> Bool {
        spelloutLock.lock()
        guard spellout[locale] == nil, opening[locale] == nil else { spelloutLock.unlock(); return false }
        let pending = DispatchGroup()
        pending.enter()
        opening[locale] = pending
        spelloutLock.unlock()
        DispatchQueue.global().async {
            var status: Int32 = 0
            let parser = concord_spellout_open(locale, &status)
            spelloutLock.lock()
            spelloutOpens[locale, default: 0] += 1
            // Nothing else opens it meanwhile: `parseSpellout` waits while `opening` holds it.
            if spellout[locale] == nil { spellout[locale] = parser }
            opening[locale] = nil
            spelloutLock.unlock()
            pending.leave()
        }
        return true
    }

    /// How many parsers were opened for each locale (for tests: one per locale).
    static func spelloutOpenings(locale: String) -> Int {
        spelloutLock.lock()
        defer { spelloutLock.unlock() }
        return spelloutOpens[locale] ?? 0
    }
    nonisolated(unsafe) private static var spelloutOpens: [String: Int] = [:]

    /// The parsers being opened ahead, by locale (guarded by `spelloutLock`).
    nonisolated(unsafe) private static var opening: [String: DispatchGroup] = [:]
    nonisolated(unsafe) private static var spelloutMemo: [String: Int?] = [:]
    /// Per locale: the answers in its `SpelloutStore` file and those parsed since (guarded by
    /// `spelloutLock`).
    nonisolated(unsafe) private static var storedAnswers: [String: [String: Int?]] = [:]

    /// Parses with the opened parser (the lock is held by the caller).
    private static func result(_ units: [UInt16], _ key: String) -> Int? {
        var value: Int64 = 0
        let ok = units.withUnsafeBufferPointer { concord_spellout_parse(spellout[key]!, $0.baseAddress, Int64($0.count), &value) }
        return ok == 1 ? Int(value) : nil
    }
}
