import ConcordRuleFiles
import Foundation
import Testing
@testable import Concord

/// The tables derived from ICU and Swift alone, kept in the cache folder: what is read back
/// is what was derived, a damaged file is derived and written again, and the tables the
/// reader uses are those its functions give.
@Suite struct DerivedTablesTests {
    static func files(_ root: URL) -> [URL] {
        let folder = root.appendingPathComponent(DerivedTables.layout)
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []).sorted { $0.path < $1.path }
    }

    @Test func aTableIsDerivedOnceAndReadBackThenRederivedWhenDamaged() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let table = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var derivations = 0
        func load() -> [UInt8]? {
            DerivedTables.bytes("test", versions: ["1"], count: table.count, root: root, writes: true) { derivations += 1; return table }
        }
        #expect(load() == table && derivations == 1)
        #expect(load() == table && derivations == 1)
        // A run that writes nothing (`--no-cache`) derives, and stores nothing.
        let other = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(DerivedTables.bytes("test", versions: ["1"], count: table.count, root: other, writes: false) { table } == table)
        #expect(Self.files(other).isEmpty)
        let file = try #require(Self.files(root).first)
        #expect(Self.files(root).count == 1)

        // Reading a table marks it used (`CacheFolder.markUsed`) when the run writes to the
        // cache folder, and only then: a table last used three days ago.
        let threeDaysAgo = Date().addingTimeInterval(-3 * 86_400)
        func modified() throws -> Date { try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date) }
        try FileManager.default.setAttributes([.modificationDate: threeDaysAgo], ofItemAtPath: file.path)
        #expect(DerivedTables.bytes("test", versions: ["1"], count: table.count, root: root, writes: false) { nil } == table)
        #expect(abs(try modified().timeIntervalSince(threeDaysAgo)) < 1)
        #expect(load() == table && derivations == 1)
        #expect(abs(try modified().timeIntervalSinceNow) < 60)

        // Another version, another file; a table of the wrong size is not stored.
        #expect(DerivedTables.bytes("test", versions: ["2"], count: table.count, root: root, writes: true) { table } == table)
        #expect(Self.files(root).count == 2)
        #expect(DerivedTables.bytes("short", versions: ["1"], count: table.count, root: root, writes: true) { [1, 2, 3] } == nil)
        #expect(Self.files(root).count == 2)

        // One byte changed, cut short, emptied: derived again and written again.
        let good = try Data(contentsOf: file)
        var changed = good
        changed[changed.count - 10] ^= 0x40
        for damaged in [changed, good.prefix(good.count - 1), Data()] {
            try damaged.write(to: file)
            let before = derivations
            #expect(load() == table && derivations == before + 1)
            #expect(try Data(contentsOf: file) == good)
        }
    }

    @Test func wideTablesAreReadBackValueForValue() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let words = (0..<4099).map { UInt32($0) &* 0x9E37_79B1 }
        let units = (0..<4099).map { UInt16(truncatingIfNeeded: $0 &* 40503) }
        var derivations = 0
        func loadWords() -> [UInt32]? {
            DerivedTables.words("wide", versions: ["1"], count: words.count, root: root, writes: true) { derivations += 1; return words }
        }
        #expect(loadWords() == words && derivations == 1)
        #expect(loadWords() == words && derivations == 1)
        #expect(DerivedTables.units("narrow", versions: ["1"], count: units.count, root: root, writes: true) { units } == units)
        #expect(DerivedTables.units("narrow", versions: ["1"], count: units.count, root: root, writes: true) { nil } == units)
        // The words' file with its magic line damaged, then one byte longer: derived again.
        let file = try #require(Self.files(root).first { $0.lastPathComponent.hasPrefix("wide-") })
        let good = try Data(contentsOf: file)
        var badMagic = good
        badMagic[0] ^= 0x20
        for damaged in [badMagic, good + Data([0])] {
            try damaged.write(to: file)
            let before = derivations
            #expect(loadWords() == words && derivations == before + 1)
            #expect(try Data(contentsOf: file) == good)
        }
    }

    @Test func theReadersTablesAreThoseItsFunctionsGive() throws {
        // Read from the cache (or derived, the first time on this machine): the same as
        // derived here and now.
        let derived = try #require(WordFilter.derivedTables())
        #expect(WordFilter.tables.lower == derived.lower && WordFilter.tables.same == derived.same)
        #expect(LowercaseWords.table == LowercaseWords.derivedTable())
        #expect(DerivedTables.swiftRuntime.contains("libswiftCore"))
    }

    /// The tables the build made with ICU (`EmbeddedICUTables`) are those ICU gives in this
    /// process, value for value, and the build made them with the ICU this process runs.
    @Test func theBuildsICUTablesAreThoseICUGivesHere() throws {
        #expect(EmbeddedICUTables.icuVersion == ICU.version)
        #expect(Set(EmbeddedICUTables.runs.keys) == ["base-letters", "case-fold", "letter-number"])
        let letters = try #require(WordFilter.derivedTables())
        let embeddedLetters: [UInt16] = try #require(DerivedTables.embedded("base-letters", versions: [ICU.version], count: 0x20000))
        #expect(embeddedLetters == letters.lower + letters.same)
        let fold: [UInt16] = try #require(DerivedTables.embedded("case-fold", versions: [ICU.version], count: 0x10000))
        #expect(fold == LiteralScanner.derivedFoldTable())
        let categories: [UInt8] = try #require(DerivedTables.embedded("letter-number", versions: [ICU.version], count: 0x10000))
        #expect(categories == LiteralScanner.derivedCategories())
        // What the reader and the pre-scan use is that.
        #expect(WordFilter.tables.lower == letters.lower && WordFilter.tables.same == letters.same)
        #expect(LiteralScanner.foldTable == fold && LiteralScanner.categories == categories)
    }

    /// The lower-case table the build made with the toolchain's Swift runtime
    /// (`EmbeddedSwiftTables`) is the one Swift's functions give in this process (which runs
    /// that toolchain's runtime as a shared library), value for value. It is used only by a
    /// process whose standard library is in its executable: here, with the shared library, the
    /// table is derived (or read from the cache) as before.
    @Test func theBuildsLowercaseTableIsTheOneSwiftGivesHere() throws {
        #expect(LowercaseWords.plain == LowercaseTable.plain && LowercaseWords.letter == LowercaseTable.letter)
        #expect(LowercaseWords.ideographs == LowercaseTable.ideographs)
        let built = try #require(DerivedTables.builtLowercaseWords())
        #expect(built == LowercaseWords.derivedTable())
        #expect(built.count == 0x10000 && built.filter { $0 & LowercaseWords.plain != 0 }.count > 20_000)
        #expect(DerivedTables.embeddedLowercaseWords(runtime: DerivedTables.staticRuntime) == built)
        #expect(DerivedTables.swiftRuntime != DerivedTables.staticRuntime)
        #expect(DerivedTables.embeddedLowercaseWords() == nil)
        #expect(DerivedTables.embeddedLowercaseWords(runtime: "/elsewhere/libswiftCore.so 1 2.3") == nil)
        // The halves give back the table; halves of different lengths give none.
        let (low, high) = LowercaseTable.halves(built)
        #expect(LowercaseTable.joined(low: low, high: high) == built)
        #expect(LowercaseTable.joined(low: low, high: Array(high.dropLast())) == nil)
    }

    /// A table the build made is read from the binary: not derived, not looked for nor written
    /// in the cache folder. Asked for with another ICU's version, or another size, it is not
    /// used: derived (and stored) as before.
    @Test func anEmbeddedTableIsUsedOnlyForThisICU() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var derivations = 0
        let fold = DerivedTables.units("case-fold", versions: [ICU.version], root: root, writes: true) { derivations += 1; return nil }
        #expect(fold != nil && fold == LiteralScanner.derivedFoldTable())
        #expect(derivations == 0 && Self.files(root).isEmpty)
        let other = [UInt16](repeating: 7, count: 0x10000)
        #expect(DerivedTables.units("case-fold", versions: ["0.0"], root: root, writes: true) { derivations += 1; return other } == other)
        #expect(derivations == 1 && Self.files(root).count == 1)
        let embeddedShort: [UInt16]? = DerivedTables.embedded("case-fold", versions: [ICU.version], count: 100)
        #expect(embeddedShort == nil)
        let embeddedOther: [UInt16]? = DerivedTables.embedded("case-fold", versions: ["0.0"], count: 0x10000)
        #expect(embeddedOther == nil)
        // Values that do not fit the type asked for: not used.
        let narrow: [UInt8]? = DerivedTables.embedded("case-fold", versions: [ICU.version], count: 0x10000)
        #expect(narrow == nil)
    }

    /// The runs give back the table they were made from, for ICU's tables and for tables made
    /// to be awkward (no runs at all, wrapping offsets, one long run); a text that is not runs
    /// of exactly the size asked for gives nil.
    @Test func runsGiveBackTheirTable() throws {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<5000).map { _ in UInt16.random(in: 0...0xFFFF, using: &generator) }
        let wrapping = (0..<3000).map { UInt16(truncatingIfNeeded: $0 &+ 0xFF00) }
        let mixed = (0..<4000).map { $0 % 700 < 350 ? UInt16(0xFFFF) : UInt16($0) }
        let tables: [[UInt16]] = [random, wrapping, mixed, [UInt16](repeating: 0, count: 70_000), [5], try #require(LiteralScanner.derivedFoldTable())]
        for table in tables {
            let text = TableRuns.encode(table)
            #expect(TableRuns.decode(text, count: table.count) == table)
            #expect(TableRuns.decode(text, count: table.count + 1) == nil)
            #expect(TableRuns.decode(text, count: table.count - 1) == nil)
        }
        #expect(TableRuns.encode(wrapping) == "3000+65280")
        #expect(TableRuns.encode(mixed).split(separator: " ").count == 12)
        for bad in ["", "3", "3=", "=3", "3*1", "2=1  1=1", "2=65536", "0=1", "2=1 x", "1=1,1=1"] {
            #expect(TableRuns.decode(bad, count: 3) == nil, "\(bad)")
        }
        #expect(TableRuns.decode("2=1 1+5", count: 3) == [1, 1, 7])
    }
}
