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
}
