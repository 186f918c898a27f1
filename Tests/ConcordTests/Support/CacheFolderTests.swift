import Foundation
import Testing
@testable import Concord

/// The cache folder stays bounded: entries unused for 30 days go, then the least recently
/// used while the rest are over the size limit, and temporary files a stopped process left;
/// nothing that is not Concord's own entry is touched; a run prunes at most once a day, and
/// using an entry keeps it.
@Suite struct CacheFolderTests {
    static let day: TimeInterval = 86_400

    /// Writes `bytes` bytes at `path` (under `root`), last modified `age` before `now`.
    static func make(_ root: URL, _ path: String, bytes: Int = 10, age: TimeInterval, now: Date) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x61, count: bytes).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-age)], ofItemAtPath: url.path)
    }

    /// Every file under `root`, by its relative path.
    static func files(_ root: URL) -> [String] {
        let found = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        return found.filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &folder) && !folder.boolValue
        }.sorted()
    }

    static func modified(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test func pruningRemovesUnusedEntriesThenTheLeastRecentlyUsedAndStaleTemporaryFiles() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Date()
        let day = Self.day
        try Self.make(root, "rules-v3/old.json", bytes: 1000, age: 40 * day, now: now)          // unused for 40 days
        try Self.make(root, "rules-v3/recent.json", bytes: 300, age: 1 * day, now: now)
        try Self.make(root, "hyperscan-v1/earlier-layout.hsdb", bytes: 500, age: 31 * day, now: now)
        try Self.make(root, "hyperscan-v2/en.hsdb", bytes: 300, age: 29 * day, now: now)      // the oldest kept
        try Self.make(root, "tables-v1/case-k.table", bytes: 300, age: 10 * day, now: now)
        try Self.make(root, "sets-v1/.k.12.34.tmp", bytes: 50, age: 2 * 3600, now: now)       // left by a stopped writer
        try Self.make(root, "sets-v1/.k.56.78.tmp", bytes: 50, age: 600, now: now)            // being written now
        try Self.make(root, "sets-v1/set.json", bytes: 300, age: 0, now: now)
        // Not Concord's entries: never touched, however old.
        try Self.make(root, "online.json", age: 100 * day, now: now)
        try Self.make(root, "notes/old.json", age: 100 * day, now: now)
        try Self.make(root, "rules-v3/README", age: 100 * day, now: now)
        try Self.make(root, "rules-v3/sub/deep.json", age: 100 * day, now: now)
        try Self.make(root, "rules-vx/old.json", age: 100 * day, now: now)
        try Self.make(root, "rules-v3/.hidden.json", age: 100 * day, now: now)

        // 1,200 bytes of entries survive the age limit; at most 700 may stay: the two least
        // recently used (29 and 10 days old) go.
        let pruned = CacheFolder.prune(root, now: now, maximumBytes: 700)
        #expect(pruned == CacheFolder.Pruned(files: 5, bytes: 1000 + 500 + 50 + 300 + 300))
        #expect(Self.files(root) == [
            "notes/old.json", "online.json", "rules-v3/.hidden.json", "rules-v3/README", "rules-v3/recent.json",
            "rules-v3/sub/deep.json", "rules-vx/old.json", "sets-v1/.k.56.78.tmp", "sets-v1/set.json",
        ])
        // Within both limits: nothing more goes.
        #expect(CacheFolder.prune(root, now: now) == CacheFolder.Pruned())
        #expect(Self.files(root).count == 9)
    }

    @Test func aFolderIsPrunedAtMostOnceADay() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Date()
        try Self.make(root, "sets-v1/a.json", age: 40 * Self.day, now: now)
        #expect(CacheFolder.pruneIfDue(root, now: now) == CacheFolder.Pruned(files: 1, bytes: 10))
        let marker = root.appendingPathComponent(CacheFolder.marker)
        #expect(abs(try Self.modified(marker).timeIntervalSince(now)) < 1)
        // Within the day: not again, even with an entry now over the age limit.
        try Self.make(root, "sets-v1/b.json", age: 40 * Self.day, now: now)
        #expect(CacheFolder.pruneIfDue(root, now: now.addingTimeInterval(Self.day - 60)) == nil)
        #expect(Self.files(root) == [CacheFolder.marker, "sets-v1/b.json"])
        // A day later it is due again.
        #expect(CacheFolder.pruneIfDue(root, now: now.addingTimeInterval(Self.day + 60)) == CacheFolder.Pruned(files: 1, bytes: 10))
        // A folder that does not exist is not made.
        let missing = root.appendingPathComponent("missing")
        #expect(CacheFolder.pruneIfDue(missing, now: now) == nil)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func usingAnEntryMarksItUsedAtMostOnceADay() throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Date()
        try Self.make(root, "sets-v1/old.json", age: 3 * Self.day, now: now)
        try Self.make(root, "sets-v1/fresh.json", age: 3600, now: now)
        let old = root.appendingPathComponent("sets-v1/old.json"), fresh = root.appendingPathComponent("sets-v1/fresh.json")
        let freshBefore = try Self.modified(fresh)
        CacheFolder.markUsed(old.path, now: now)
        CacheFolder.markUsed(fresh.path, now: now)
        #expect(abs(try Self.modified(old).timeIntervalSinceNow) < 60)
        #expect(try Self.modified(fresh) == freshBefore)
    }

    /// Through the library, as `concord check` runs: a run with the result cache prunes its
    /// folder and refreshes the entries it reads; a run without (`--no-cache`) leaves it.
    @Test func aCheckWithTheCachePrunesItsFolderAndKeepsWhatItUses() throws {
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let now = Date()
        try Self.make(cache, "sets-v1/0123456789abcdef0123456789abcdef.json", age: 40 * Self.day, now: now)
        var options = Pipeline.Options()
        options.paths = [Paths.corpora("seed")]

        var without = options
        without.ruleCacheFolder = cache.path
        _ = try Pipeline(without).run()
        #expect(Self.files(cache).contains("sets-v1/0123456789abcdef0123456789abcdef.json"))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent(CacheFolder.marker).path))

        options.cacheFolder = cache.path
        options.ruleCacheFolder = cache.path
        let first = try Pipeline(options).run()
        #expect(first.cachePruned.contains { $0.folder == cache.path && $0.pruned == CacheFolder.Pruned(files: 1, bytes: 10) })
        let entries = Self.files(cache).filter { $0.hasPrefix(ResultCache.layout + "/") }
        #expect(!entries.isEmpty && !entries.contains("sets-v1/0123456789abcdef0123456789abcdef.json"))
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent(CacheFolder.marker).path))

        // An entry last used three days ago is read, and marked used.
        for entry in entries {
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-3 * Self.day)],
                                                  ofItemAtPath: cache.appendingPathComponent(entry).path)
        }
        let second = try Pipeline(options).run()
        #expect(second.cacheHits == first.report.sets.count)
        #expect(!second.cachePruned.contains { $0.folder == cache.path })  // pruned today already
        for entry in entries {
            #expect(abs(try Self.modified(cache.appendingPathComponent(entry)).timeIntervalSinceNow) < 60)
        }
        // So a prune 29 days from now keeps them: unused since three days before, they would go.
        #expect(CacheFolder.prune(cache, now: now.addingTimeInterval(29 * Self.day)).files == 0)
        #expect(Self.files(cache).filter { $0.hasPrefix(ResultCache.layout + "/") } == entries)
    }
}
