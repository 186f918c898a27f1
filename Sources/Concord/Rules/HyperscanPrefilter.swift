import CICUShim
import Foundation

/// One language's patterns in one Hyperscan database, compiled in prefilter mode
/// (`HyperscanSyntax` rewrites each ICU pattern into one whose matches include ICU's): one
/// pass over a unit says, per pattern, where a match may end. A pattern with no end in a
/// unit cannot match there; a place where the literal pre-scan would try a pattern is
/// dropped when no end follows it within the pattern's longest match. ICU then runs the
/// pattern, anchored, at the places left, so the matches are those of the ICU path. A pattern
/// Hyperscan refuses (even in prefilter mode) or `HyperscanSyntax` cannot rewrite stays on
/// the ICU path alone.
final class HyperscanPrefilter: Sendable {
    let database: Hyperscan.Database
    /// Per pattern of the language: whether the database holds it.
    let covered: [Bool]
    /// Per pattern: its longest match in bytes (nil: unbounded, or not covered).
    let widths: [Int?]

    init(database: Hyperscan.Database, covered: [Bool], widths: [Int?]) {
        self.database = database
        self.covered = covered
        self.widths = widths
        self.patternOfID = covered.indices.filter { covered[$0] }
    }

    /// Compiles `patterns` (ICU), through the on-disk cache; nil when none can be compiled, or
    /// when the database is not in the cache and `compileUncached` is false.
    static func make(patterns: [String],
                     compileUncached: Bool = Hyperscan.status.explicit) -> HyperscanPrefilter? {
        // With no database stored at all, nothing can be loaded: the patterns are not
        // rewritten for a key (that was a twentieth of a warm start-up).
        guard compileUncached || PrefilterCache.holdsDatabases else { return nil }
        return lookUp(patterns: patterns, compileUncached: compileUncached).prefilter
    }

    /// `make`'s way to the database, in `folder`: by the key stored for the patterns as given
    /// (`PrefilterCache.translatedKey`), else by rewriting them (`rewritten`: whether it did).
    /// `writes`: whether what is made is stored.
    static func lookUp(patterns: [String], compileUncached: Bool, folder: URL? = PrefilterCache.folder,
                       writes: Bool = PrefilterCache.writes) -> (prefilter: HyperscanPrefilter?, rewritten: Bool) {
        // (Without the build's identity, no key of the patterns as given: another build may
        // rewrite them otherwise.)
        let sourceKey = ResultCache.build.isEmpty ? nil : PrefilterCache.sourceKey(patterns)
        if let sourceKey, let key = PrefilterCache.translatedKey(for: sourceKey, in: folder),
           let cached = PrefilterCache.load(key: key, count: patterns.count, in: folder) {
            return (cached, false)
        }
        let translated = patterns.map(HyperscanSyntax.prefilter)
        let key = PrefilterCache.key(translated)
        if let cached = PrefilterCache.load(key: key, count: patterns.count, in: folder) {
            if let sourceKey { PrefilterCache.storeTranslatedKey(key, for: sourceKey, in: folder, writes: writes) }
            return (cached, true)
        }
        // Compiling a language's database costs seconds of CPU (4-5 s each in the release
        // build, measured with perf: Hyperscan's compiler and its allocations were 94 % of a
        // `--no-cache` run over the resolution corpus). `CONCORD_PREFILTER=hyperscan` (the only
        // way to the pass: `auto` is the ICU path, see `PrefilterEngine`) compiles a database
        // missing from the cache and stores it unless the run writes nothing (`--no-cache`),
        // so that later runs read it back; a caller that does not compile gets nil here (that
        // language takes the ICU path, with the same citations).
        guard compileUncached, let built = compile(translated) else { return (nil, true) }
        PrefilterCache.store(built, key: key, in: folder, writes: writes)
        if let sourceKey { PrefilterCache.storeTranslatedKey(key, for: sourceKey, in: folder, writes: writes) }
        return (built, true)
    }

    /// Compiles every rewritten pattern into one database, leaving out, one at a time, those
    /// Hyperscan refuses.
    static func compile(_ translated: [String?]) -> HyperscanPrefilter? {
        var covered = translated.map { $0 != nil }
        let flags = Hyperscan.patternFlags
        while true {
            let indices = covered.indices.filter { covered[$0] }
            guard !indices.isEmpty else { return nil }
            switch Hyperscan.Database.compile(indices.map { translated[$0]! }, flags: flags) {
            case .success(let database):
                // Ids are positions in `indices`; kept as pattern indices by the scan.
                let widths = covered.indices.map { covered[$0] ? Hyperscan.maximumWidth(translated[$0]!, flags: flags) : nil }
                return HyperscanPrefilter(database: database, covered: covered, widths: widths)
            case .failure(let error):
                guard let refused = error.pattern, refused < indices.count else { return nil }
                covered[indices[refused]] = false
            }
        }
    }

    /// The database's ids are positions among the covered patterns, in order.
    private let patternOfID: [Int]

    /// Per pattern: the sorted places (UTF-16 units) where a match of it may end in `units`;
    /// nil for a pattern not covered. Nil altogether when the scan fails or the text holds a
    /// lone surrogate.
    func ends(in units: [UInt16]) -> [[Int32]?]? {
        guard let (bytes, unitAtByte) = Self.utf8(units), let found = database.scan(bytes) else { return nil }
        var ends = covered.map { $0 ? [Int32]() : nil }
        for (id, end) in found where Int(id) < patternOfID.count {
            ends[patternOfID[Int(id)]]!.append(unitAtByte[Int(end)])
        }
        for index in ends.indices where ends[index] != nil {
            if !zip(ends[index]!, ends[index]!.dropFirst()).allSatisfy({ $0 < $1 }) {
                ends[index] = Array(Set(ends[index]!)).sorted()
            }
        }
        return ends
    }

    /// Per BMP unit: whether Hyperscan's character tables disagree with ICU's on it.
    /// Hyperscan's are of Unicode 7.0 (Vectorscan 5.4.x, Hyperscan 5.4): `\p{L}` there leaves
    /// out U+0560 (assigned in 11.0), Cherokee capitals are not `\p{Lu}`, caseless `в` does
    /// not match U+1C80. So each character's general category is asked of both (one
    /// Hyperscan database of the 28 categories, scanned over the whole plane, cached on disk
    /// like the rules' databases), and a unit holding a character where they differ skips
    /// the Hyperscan pass. `HyperscanAgreementTests` checks the classes the rules use.
    static let differsInLibrary: [Bool] = PrefilterCache.unicodeTable { categoryDisagreements() } ?? [Bool](repeating: true, count: 0x10000)

    /// UCharCategory's order; 0 (unassigned) and Cs (surrogates, never in UTF-8) left out.
    static let categories = ["", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
                             "Cc", "Cf", "Co", "", "Pd", "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf"]

    static func categoryDisagreements() -> [Bool]? {
        var icu = [UInt8](repeating: 0, count: 0x10000)
        guard icu.withUnsafeMutableBufferPointer({ concord_category_table($0.baseAddress, Int32($0.count)) }) == 0 else { return nil }
        let ids = categories.indices.filter { !categories[$0].isEmpty }
        let flags = UInt32(32 | 64)  // UTF8 | UCP
        guard case .success(let database) = Hyperscan.Database.compile(ids.map { "\\p{\(categories[$0])}" }, flags: flags) else { return nil }
        var units = [UInt16]()
        for value in 0...0xFFFF where !(0xD800...0xDFFF).contains(value) { units.append(UInt16(value)) }
        guard let (bytes, unitAt) = utf8(units, checkingAge: false), let found = database.scan(bytes) else { return nil }
        var library = [UInt8](repeating: 0, count: 0x10000)
        for (id, end) in found where Int(id) < ids.count {
            let unit = units[Int(unitAt[Int(end)]) - 1]
            library[Int(unit)] = UInt8(ids[Int(id)])
        }
        return (0..<0x10000).map { (0xD800...0xDFFF).contains($0) ? false : library[$0] != icu[$0] }
    }

    /// The UTF-8 form of UTF-16 text, and for each byte offset (and the end) the UTF-16
    /// offset of the character it starts — or, inside a character, of the next one. Nil for
    /// a lone surrogate, and for a character newer than the library's tables (when
    /// `checkingAge`; a supplementary character is not looked up: the literal pre-scan
    /// already leaves units holding one to ICU).
    static func utf8(_ units: [UInt16], checkingAge: Bool = true) -> ([UInt8], [Int32])? {
        units.withUnsafeBufferPointer { source in
            if checkingAge {
                let known = differsInLibrary.withUnsafeBufferPointer { table in !source.contains { table[Int($0)] } }
                guard known else { return nil }
            }
            // At most three bytes per unit (a BMP character from U+0800; a surrogate pair
            // is two units for four bytes), written in place without growth checks.
            let count = source.count
            var unitAt = [Int32]()
            var valid = true
            let bytes = [UInt8](unsafeUninitializedCapacity: count * 3) { out, written in
                unitAt = [Int32](unsafeUninitializedCapacity: count * 3 + 1) { at, mapped in
                    var o = 0
                    var i = 0
                    while i < count {
                        let unit = source[i]
                        if unit < 0x80 {
                            out[o] = UInt8(truncatingIfNeeded: unit)
                            at[o] = Int32(truncatingIfNeeded: i)
                            o += 1
                            i += 1
                            continue
                        }
                        let here = Int32(truncatingIfNeeded: i)
                        if unit < 0x800 {
                            out[o] = UInt8(truncatingIfNeeded: 0xC0 | (unit >> 6))
                            out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (unit & 0x3F))
                            at[o] = here
                            at[o + 1] = here + 1
                            o += 2
                            i += 1
                        } else if unit & 0xF800 != 0xD800 {
                            out[o] = UInt8(truncatingIfNeeded: 0xE0 | (unit >> 12))
                            out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((unit >> 6) & 0x3F))
                            out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | (unit & 0x3F))
                            at[o] = here
                            at[o + 1] = here + 1
                            at[o + 2] = here + 1
                            o += 3
                            i += 1
                        } else {
                            // A surrogate: valid only as a high one followed by a low one.
                            guard unit & 0xFC00 == 0xD800, i + 1 < count, source[i + 1] & 0xFC00 == 0xDC00 else {
                                valid = false
                                break
                            }
                            let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(source[i + 1]) - 0xDC00)
                            out[o] = UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18))
                            out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 12) & 0x3F))
                            out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F))
                            out[o + 3] = UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F))
                            at[o] = here
                            at[o + 1] = here + 2
                            at[o + 2] = here + 2
                            at[o + 3] = here + 2
                            o += 4
                            i += 2
                        }
                    }
                    at[o] = Int32(truncatingIfNeeded: count)
                    mapped = o + 1
                    written = o
                }
            }
            return valid ? (bytes, unitAt) : nil
        }
    }

    /// `starts` (ascending) without the places where no match can start: no end follows
    /// within the pattern's longest match (a match's length in UTF-16 units is at most its
    /// length in bytes).
    static func filter(_ starts: [Int32], ends: [Int32], width: Int?) -> [Int32] {
        var kept = [Int32]()
        var k = 0
        for start in starts {
            while k < ends.count, ends[k] <= start { k += 1 }
            guard k < ends.count else { break }
            if let width, Int(ends[k]) - Int(start) > width { continue }
            kept.append(start)
        }
        return kept
    }
}

/// A language's prefilter, compiled the first time a unit of that language is searched (a
/// run over English documents compiles nothing for the other languages).
final class LazyHyperscanPrefilter: @unchecked Sendable {
    private let patterns: [String]
    private let lock = NSLock()
    private var built = false
    private var value: HyperscanPrefilter?

    init(patterns: [String]) { self.patterns = patterns }

    /// Nil when the library is not loaded or nothing could be compiled.
    var prefilter: HyperscanPrefilter? {
        guard Hyperscan.isAvailable else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if !built {
            value = HyperscanPrefilter.make(patterns: patterns)
            built = true
        }
        return value
    }
}

extension LanguageRules {
    /// How many of the language's patterns the Hyperscan database holds, and the ids of
    /// those left to ICU alone; nil on the ICU path.
    public var prefilterCoverage: (covered: Int, total: Int, icuOnly: [String])? {
        guard PrefilterEngine.active == .hyperscan, let prefilter = hyperscan.prefilter else { return nil }
        let icuOnly = zip(patterns, prefilter.covered).filter { !$0.1 }.map(\.0.id)
        return (patterns.count - icuOnly.count, patterns.count, icuOnly)
    }
}
