import Foundation
import Testing
@testable import Concord

/// The Hyperscan pre-filter (`CONCORD_PREFILTER=hyperscan`) only skips work: every corpus
/// gives byte for byte the extracts and reports of the ICU path; a damaged cache file is
/// ignored and written again; without the library Concord runs the ICU path.
///
/// Under CI the library must be there (`scripts/setup` installs it): otherwise the
/// comparison would compare the ICU path with itself.
@Suite(.serialized) struct HyperscanPrefilterTests {
    static func requireLibrary(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if Hyperscan.isAvailable { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("libhs.so.5 cannot be loaded under CI: \(Hyperscan.library.error)", sourceLocation: sourceLocation)
        }
        return false
    }

    static func run(_ arguments: [String], engine: String, environment: [String: String] = [:]) throws -> CommandResult {
        try CommandResult.run(arguments, environment: environment.merging(["CONCORD_PREFILTER": engine]) { $1 })
    }

    /// Every corpus: the seed, the defect sets and the other Corpora/ documents, the English
    /// resolutions (text and Markdown), and both aligned sets in their six languages.
    @Test func bothPathsGiveIdenticalExtractsAndReportsOnEveryCorpus() throws {
        guard Self.requireLibrary() else { return }
        let version = try Self.run(["--version"], engine: "hyperscan")
        #expect(version.stdout.contains("prefilter: Hyperscan"), "\(version.stdout)")
        #expect(try Self.run(["--version"], engine: "icu").stdout.contains("prefilter: ICU (CONCORD_PREFILTER=icu)"))

        var runs: [[String]] = []
        var folders = [Paths.corpora("")]
        for name in ["corpus/en-ga-80-txt", "corpus/en-ga-80-md"] {
            guard let folder = Paths.shared(name) else { return }
            folders.append(folder)
        }
        for folder in folders {
            runs.append(["extract", "--format", "json", folder])
            runs.append(["check", "--no-cache", "--format", "json", folder])
        }
        for (name, prefix) in [("corpus/unpc-dev-1-2000", "devset"), ("corpus/unpc-test", "testset")] {
            guard let folder = Paths.shared(name) else { return }
            let files = Language.official.map { "\(folder)/\(prefix).\($0.rawValue)" }
            runs.append(["extract", "--format", "json"] + files)
            runs.append(["check", "--no-cache", "--format", "json", "--set"] + files)
        }
        for arguments in runs {
            let icu = try Self.run(arguments, engine: "icu")
            let hyperscan = try Self.run(arguments, engine: "hyperscan")
            #expect(icu.status == hyperscan.status, "\(arguments)")
            #expect(icu.stderr == hyperscan.stderr, "\(arguments)")
            #expect(icu.stdout == hyperscan.stdout, "\(arguments): the Hyperscan path changed the output")
            #expect(icu.stdout.count > 1_000, "\(arguments): \(icu.stderr)")
        }
    }

    /// A damaged database file (cut short, or with a byte changed) is not used: the output
    /// is the same and the file is compiled and written again, whole.
    @Test func damagedCacheFilesAreIgnoredAndRebuilt() throws {
        guard Self.requireLibrary() else { return }
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let environment = ["XDG_CACHE_HOME": cache.path]
        let arguments = ["extract", "--format", "json", Paths.corpora("seed")]
        let first = try Self.run(arguments, engine: "hyperscan", environment: environment)
        let folder = cache.appendingPathComponent("concord/" + PrefilterCache.layout)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".hsdb") }.sorted()
        // The seed set is in the six languages: one database each, compiled when first needed.
        #expect(files.count == 6, "\(files)")
        var originals = [String: Data]()
        for (k, name) in files.enumerated() {
            let path = folder.appendingPathComponent(name).path
            let data = try #require(FileManager.default.contents(atPath: path))
            originals[name] = data
            var damaged = data
            // Cut short; a byte of the compiled database changed (Hyperscan's own check);
            // a byte of the table before it (Concord's checksum); not a database at all.
            switch k % 4 {
            case 0: damaged = data.prefix(data.count / 2)
            case 1: damaged[data.count / 2] ^= 0x55
            case 2: damaged["concord-hsdb-1\n".utf8.count + 32 + 9] ^= 0x01
            default: damaged = Data("not a database".utf8)
            }
            try damaged.write(to: URL(fileURLWithPath: path))
        }
        let second = try Self.run(arguments, engine: "hyperscan", environment: environment)
        #expect(second.status == first.status)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr == first.stderr)
        for name in files {
            let rewritten = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            #expect(rewritten == originals[name], "\(name) was not written again")
        }
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// A stored database is found again by the patterns as the rules give them (`.hskey`),
    /// without rewriting them; a key file damaged, made for other patterns or naming no
    /// database is ignored (the patterns are rewritten) and written again.
    @Test func aStoredDatabaseIsFoundWithoutRewritingThePatterns() throws {
        guard Self.requireLibrary() else { return }
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let patterns = [#"\bresolution\s+(?<number>\d+/\d+)"#, #"\bdecision\s+\d+"#]
        let units = Array("In resolution 64/293 and decision 12".utf16)
        let first = HyperscanPrefilter.lookUp(patterns: patterns, compileUncached: true, folder: folder, writes: true)
        let built = try #require(first.prefilter)
        let expected = built.ends(in: units)
        #expect(first.rewritten && expected != nil)
        let source = PrefilterCache.sourceKey(patterns)
        let key = try #require(PrefilterCache.translatedKey(for: source, in: folder))
        #expect(key == PrefilterCache.key(patterns.map(HyperscanSyntax.prefilter)))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(key + ".hsdb").path))
        let again = HyperscanPrefilter.lookUp(patterns: patterns, compileUncached: false, folder: folder, writes: true)
        #expect(!again.rewritten)
        #expect(again.prefilter?.ends(in: units) == expected)
        let keyFile = folder.appendingPathComponent(source + ".hskey")
        let original = try Data(contentsOf: keyFile)
        let zeros = String(repeating: "0", count: 32), other = String(repeating: "a", count: 32)
        for damaged in ["garbage", "concord-hskey-1\n\(zeros)\n\(key)\n", "concord-hskey-1\n\(source)\n\(other)\n",
                        "concord-hskey-1\n\(source)\n\(key.uppercased())\n", ""] {
            try Data(damaged.utf8).write(to: keyFile)
            let read = HyperscanPrefilter.lookUp(patterns: patterns, compileUncached: false, folder: folder, writes: true)
            #expect(read.rewritten, "\(damaged)")
            #expect(read.prefilter?.ends(in: units) == expected)
            #expect(try Data(contentsOf: keyFile) == original)
        }
        // Nothing written when the run writes nothing; other patterns, another key.
        try FileManager.default.removeItem(at: keyFile)
        #expect(HyperscanPrefilter.lookUp(patterns: patterns, compileUncached: false, folder: folder, writes: false).rewritten)
        #expect(!FileManager.default.fileExists(atPath: keyFile.path))
        #expect(PrefilterCache.sourceKey(patterns + ["x"]) != source && PrefilterCache.sourceKey(patterns.reversed()) != source)
    }

    /// A database that is not in the cache is compiled only when `CONCORD_PREFILTER=hyperscan`
    /// asks for it: compiling costs seconds per language, an `auto` run takes the ICU path.
    @Test func anUncachedDatabaseIsCompiledOnlyWhenAskedFor() throws {
        guard Self.requireLibrary() else { return }
        // Patterns no cache can hold yet.
        let patterns = [#"resolution uncached-\#(UUID().uuidString) \d+"#]
        #expect(HyperscanPrefilter.make(patterns: patterns, compileUncached: false) == nil)
        #expect(HyperscanPrefilter.compile(patterns.map(HyperscanSyntax.prefilter)) != nil, "the patterns compile")
        #expect(Hyperscan.status.explicit == (ProcessInfo.processInfo.environment["CONCORD_PREFILTER"]?.lowercased() == "hyperscan"))
    }

    /// `auto` (the default) is the ICU path: the Hyperscan pass costs more than it saves on
    /// every corpus measured (see `PrefilterEngine`). It does not even open the library: a
    /// library that is not there is not named.
    @Test func autoIsTheICUPath() throws {
        let requested = ProcessInfo.processInfo.environment["CONCORD_PREFILTER"]?.lowercased() ?? "auto"
        if ["auto", ""].contains(requested) {
            #expect(PrefilterEngine.active == .icu)
            #expect(!Hyperscan.status.explicit)
        }
        let missing = ["CONCORD_HYPERSCAN_LIBRARY": "/nonexistent/libhs.so.5"]
        let version = try Self.run(["--version"], engine: "auto", environment: missing)
        #expect(version.status == 0)
        #expect(version.stdout.contains("prefilter: ICU (auto; CONCORD_PREFILTER=hyperscan adds a Hyperscan pass"), "\(version.stdout)")
        #expect(!version.stdout.contains("nonexistent"), "\(version.stdout)")
        #expect(try Self.run(["--version"], engine: "", environment: missing).stdout == version.stdout)
    }

    /// `auto` never compiles a database and does not use stored ones: an empty cache stays
    /// without one; after `CONCORD_PREFILTER=hyperscan` has stored the six, `auto` writes
    /// nothing, gives the ICU path's output again, and `concord rules` names no database
    /// (under `hyperscan` it says how many patterns each holds).
    @Test func autoNeverCompilesNorUsesDatabases() throws {
        guard Self.requireLibrary() else { return }
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let environment = ["XDG_CACHE_HOME": cache.path]
        let arguments = ["extract", "--format", "json", Paths.corpora("seed")]
        let folder = cache.appendingPathComponent("concord/" + PrefilterCache.layout)
        func databases() -> [String: Date] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            var out = [String: Date]()
            for name in names where name.hasSuffix(".hsdb") || name.hasSuffix(".hskey") {
                out[name] = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path))?[.modificationDate] as? Date
            }
            return out
        }
        let reference = try Self.run(arguments, engine: "icu", environment: environment)
        let fresh = try Self.run(arguments, engine: "auto", environment: environment)
        #expect(fresh.stdout == reference.stdout && fresh.status == reference.status)
        #expect(databases().isEmpty, "auto compiled \(databases().keys.sorted())")
        _ = try Self.run(arguments, engine: "hyperscan", environment: environment)
        let stored = databases()
        #expect(stored.keys.filter { $0.hasSuffix(".hsdb") }.count == 6, "\(stored.keys.sorted())")
        let warm = try Self.run(arguments, engine: "auto", environment: environment)
        #expect(warm.stdout == reference.stdout && warm.status == reference.status)
        #expect(databases() == stored)
        let coverage = "patterns in the Hyperscan database"
        #expect(try Self.run(["rules"], engine: "hyperscan", environment: environment).stdout.contains(coverage))
        let rules = try Self.run(["rules"], engine: "auto", environment: environment)
        #expect(rules.status == 0 && rules.stdout.contains("prefilter: ICU (auto;"), "\(rules.stdout)")
        #expect(!rules.stdout.contains(coverage), "\(rules.stdout)")
    }

    /// Without the library (here: a name that does not exist), Concord says so and runs the
    /// ICU path, with the same output.
    @Test func withoutTheLibraryTheICUPathRuns() throws {
        let missing = ["CONCORD_HYPERSCAN_LIBRARY": "/nonexistent/libhs.so.5"]
        let version = try Self.run(["--version"], engine: "hyperscan", environment: missing)
        #expect(version.status == 0)
        #expect(version.stdout.contains("prefilter: ICU (Hyperscan not loaded: /nonexistent/libhs.so.5"), "\(version.stdout)")
        let arguments = ["check", "--no-cache", "--format", "json", Paths.corpora("")]
        let fallback = try Self.run(arguments, engine: "hyperscan", environment: missing)
        let icu = try Self.run(arguments, engine: "icu")
        #expect(fallback.status == icu.status)
        #expect(fallback.stdout == icu.stdout)
        #expect(fallback.stdout.contains("\"sets\""))
    }
}

/// What an ICU pattern becomes in the prefilter database: zero-width assertions left out,
/// ICU's meanings of `\d` and `\s` spelled out, and syntax that does not mean the same in
/// both engines refused (the pattern then stays on the ICU path).
@Suite struct HyperscanSyntaxTests {
    @Test func assertionsAreLeftOutAndClassesSpelledOut() {
        #expect(HyperscanSyntax.prefilter(#"\bparagraph\s+(?<list>\d+)(?![\p{L}\p{N}])"#)
            == #"paragraph[\t\n\f\r\x0B\x{85}\p{Z}]+(?:\p{Nd}+)"#)
        #expect(HyperscanSyntax.prefilter(#"(?<![\p{L}\p{M}])(?:[وف][\x{0640}]*)?ال"#) == #"(?:[وف][\x{0640}]*)?ال"#)
        #expect(HyperscanSyntax.prefilter(#"^(?-i:\p{Lu})a{1,3}+$"#) == #"(?-i:\p{Lu})a{1,3}"#)
        #expect(HyperscanSyntax.prefilter(#"[^\s,]"#) == #"[^\t\n\f\r\p{Z},]"#)
    }

    @Test func syntaxThatDiffersIsRefused() {
        for pattern in [#"[[a-z]&&[^b]]"#, #"(a)\1"#, #"\w+"#, #"\S"#, #"(?x) a"#, #"straße"#, #"\Qa\E"#, #"\b*"#, #"a(?=b)+"#, #"(a"#] {
            #expect(HyperscanSyntax.prefilter(pattern) == nil, "\(pattern)")
        }
    }

    /// Places are dropped only when no end follows within the longest match.
    @Test func startsWithoutAnEndWithinReachAreDropped() {
        #expect(HyperscanPrefilter.filter([0, 5, 9, 20], ends: [7, 12], width: 4) == [5, 9])
        #expect(HyperscanPrefilter.filter([0, 5, 9, 20], ends: [7, 12], width: nil) == [0, 5, 9])
        #expect(HyperscanPrefilter.filter([3], ends: [3], width: nil) == [])
    }

    /// UTF-8 offsets map back to the UTF-16 places ICU works on, through surrogate pairs.
    @Test func utf8OffsetsMapToUnits() throws {
        let units = Array("aé中😀b".utf16)
        let (bytes, unitAt) = try #require(HyperscanPrefilter.utf8(units, checkingAge: false))
        #expect(bytes == Array("aé中😀b".utf8))
        #expect(unitAt == [0, 1, 2, 2, 3, 3, 3, 5, 5, 5, 5, 6])
        #expect(HyperscanPrefilter.utf8([0xD800, 0x61], checkingAge: false) == nil)
        guard HyperscanPrefilterTests.requireLibrary() else { return }
        #expect(HyperscanPrefilter.utf8(units) != nil)
        // U+0560 (Unicode 11.0) is not in Hyperscan's tables: the unit is left to ICU. So is
        // U+13A0 (Cherokee, a capital since Unicode 8.0, a plain letter in Hyperscan).
        #expect(HyperscanPrefilter.utf8([0x13A0]) == nil)
        #expect(HyperscanPrefilter.utf8([0x61, 0x0560]) == nil)
        #expect(HyperscanPrefilter.utf8([0x61, 0x0560], checkingAge: false) != nil)
    }

    /// The in-place conversion gives what a plain one, character by character, gives: the
    /// same bytes and map on every aligned line (six scripts) and on random units mixing
    /// ASCII, two- and three-byte characters and surrogates, paired or lone.
    @Test func utf8MatchesAPlainConversion() throws {
        func plain(_ units: [UInt16]) -> ([UInt8], [Int32])? {
            var bytes = [UInt8](), unitAt = [Int32](), i = 0
            while i < units.count {
                let width: Int
                if units[i] & 0xFC00 == 0xD800, i + 1 < units.count, units[i + 1] & 0xFC00 == 0xDC00 { width = 2 }
                else if units[i] & 0xF800 == 0xD800 { return nil }
                else { width = 1 }
                let encoded = Array(String(decoding: units[i..<(i + width)], as: UTF16.self).utf8)
                bytes += encoded
                unitAt.append(Int32(i))
                unitAt += Array(repeating: Int32(i + width), count: encoded.count - 1)
                i += width
            }
            return (bytes, unitAt + [Int32(units.count)])
        }
        var samples = [[UInt16]]()
        for language in ["ar", "en", "es", "fr", "ru", "zh"] {
            guard let path = Paths.shared("corpus/unpc-dev-1-2000/devset.\(language)") else { return }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            samples += text.split(separator: "\n").prefix(200).map { Array($0.utf16) }
        }
        // Seeded, so the random units are the same in every run.
        var generator = SplitMix(state: 15)
        let pool: [UInt16] = [0x61, 0x20, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0xFFFF, 0xD83D, 0xDE00, 0xD800, 0xDFFF]
        for _ in 0..<2000 {
            samples.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
        }
        for units in samples {
            let fast = HyperscanPrefilter.utf8(units, checkingAge: false)
            let expected = plain(units)
            #expect(fast?.0 == expected?.0 && fast?.1 == expected?.1, "\(units)")
        }
    }
}

/// The classes the rules use mean in Hyperscan at least what they mean in ICU, for every
/// character of the Basic Multilingual Plane a unit can hold (Hyperscan's Unicode tables
/// are older than ICU's: a character ICU counts as a letter and Hyperscan does not would be
/// a citation lost). And case-insensitive literals match what ICU's match.
@Suite struct HyperscanAgreementTests {
    /// Every BMP scalar (no surrogates) on which Hyperscan's tables agree with ICU's on the
    /// general category (a unit with another skips the Hyperscan pass), each followed by a
    /// newline.
    static let text: [UInt16] = {
        var units = [UInt16]()
        for value in 0...0xFFFF where !(0xD800...0xDFFF).contains(value) && value != 0x0A && !HyperscanPrefilter.differsInLibrary[value] {
            units.append(UInt16(value))
            units.append(0x0A)
        }
        return units
    }()

    func characters(matching pattern: String, hyperscan: Bool) throws -> Set<UInt16> {
        let units = Self.text
        if hyperscan {
            let database = try Hyperscan.Database.compile([pattern], flags: Hyperscan.patternFlags).get()
            let (bytes, unitAt) = try #require(HyperscanPrefilter.utf8(units))
            let ends = try #require(database.scan(bytes))
            return Set(ends.map { units[Int(unitAt[Int($0.end)]) - 1] })
        }
        let regex = try ICURegex(pattern)
        return Set(regex.matches(in: units).map { units[$0.range.lowerBound] })
    }

    @Test func propertyClassesCoverICUs() throws {
        guard HyperscanPrefilterTests.requireLibrary() else { return }
        for icu in [#"(?-i:\p{L})"#, #"(?-i:\p{N})"#, #"\d"#, #"\s"#, #"(?-i:\p{M})"#, #"(?-i:\p{Lu})"#, #"(?-i:\p{Ll})"#, #"(?-i:[\p{L}\p{N}])"#, "."] {
            let translated = try #require(HyperscanSyntax.prefilter(icu), "\(icu)")
            let inICU = try characters(matching: icu, hyperscan: false)
            let inHyperscan = try characters(matching: translated, hyperscan: true)
            let missing = inICU.subtracting(inHyperscan).sorted().prefix(20).map { String($0, radix: 16) }
            #expect(missing.isEmpty, "\(icu): ICU matches, Hyperscan not: \(missing)")
            #expect(inICU.count > 10)
        }
    }

    /// Every letter the rules' patterns are written with, matched without regard to case.
    @Test func caseInsensitiveLettersCoverICUs() throws {
        guard HyperscanPrefilterTests.requireLibrary() else { return }
        var letters = Set("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        for language in TestRules.shared.languages.values {
            for pattern in language.patterns { letters.formUnion(pattern.regex.pattern.unicodeScalars.filter(\.properties.isAlphabetic)) }
        }
        #expect(letters.count > 100)
        let scannable = Self.text.filter { LiteralScannerProbe.foldsToOneUnit($0) }
        let (bytes, unitAt) = try #require(HyperscanPrefilter.utf8(scannable))
        for letter in letters.sorted(by: { $0.value < $1.value }) where letter.value <= 0xFFFF {
            let literal = String(Character(letter))
            guard let translated = HyperscanSyntax.prefilter(literal) else { continue }
            let database = try Hyperscan.Database.compile([translated], flags: Hyperscan.patternFlags).get()
            let inHyperscan = Set(try #require(database.scan(bytes)).map { scannable[Int(unitAt[Int($0.end)]) - 1] })
            let inICU = Set(try ICURegex(literal).matches(in: scannable).map { scannable[$0.range.lowerBound] })
            #expect(inICU.isSubset(of: inHyperscan), "\(literal): ICU matches \(inICU.subtracting(inHyperscan).map { String($0, radix: 16) }), Hyperscan does not")
        }
    }
}

/// Which units the literal pre-scan (and so the Hyperscan pass) compares one by one.
enum LiteralScannerProbe {
    static func foldsToOneUnit(_ unit: UInt16) -> Bool {
        unit == 0x0A || probe.comparablePlan([unit]) != nil
    }

    static let probe = Prescan(patterns: ["x"])
}
