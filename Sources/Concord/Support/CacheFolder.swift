import Foundation

/// What the caches in a cache folder share: how an entry is written (a temporary file renamed
/// into place), how a use of an entry is recorded, and how the folder is kept bounded.
///
/// Every build of Concord writes its own rule cache and derived tables, every change to the
/// rules or to Hyperscan its own databases, and every changed document set its own result
/// entry; none of them is read again once the build, the rules or the set have moved on. A run
/// that writes to the folder therefore prunes it, at most once a day (`.pruned` records when):
/// - an entry not used for `maximumAge` (30 days) is removed;
/// - then, while the entries hold more than `maximumBytes` (1 GiB), the least recently used go;
/// - a temporary file older than an hour (a process stopped while writing) is removed.
///
/// "Used" is the entry's modification time: a run that reads an entry and may write to the
/// folder sets it to now when it is more than a day old (`markUsed`), so that an entry in use
/// is never the oldest. Only Concord's own files are touched: in the layout folders
/// (`rules-v3`, `hyperscan-v2`, `tables-v1`, `sets-v1` and the earlier or later versions of
/// each), regular files named as Concord names its entries; anything else is left alone.
/// Two processes pruning at once remove each file once; a run that finds an entry gone
/// makes it again.
public enum CacheFolder {
    /// An entry unused this long is removed.
    public static let maximumAge: TimeInterval = 30 * 86_400
    /// The entries' total size after a prune, at most (the least recently used go first).
    public static let maximumBytes: Int64 = 1 << 30
    /// How often a run prunes a folder.
    public static let interval: TimeInterval = 86_400
    /// A temporary file this old was left by a process that stopped while writing it.
    static let temporaryAge: TimeInterval = 3_600
    /// The file whose modification time records the last prune.
    static let marker = ".pruned"
    /// The layouts Concord writes, by the name of their folder without its version.
    static let layouts = ["rules", "hyperscan", "tables", "sets"]
    /// The extensions of Concord's entries.
    static let extensions = ["json", "hsdb", "hskey", "table"]

    /// Writes `bytes` to a temporary file beside `url` and renames it into place (runs at the
    /// same time each write a whole file; the last rename wins). Creates the folder. A failure
    /// only means the entry is made again next time: nothing is reported.
    static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, to url: URL) {
        let folder = url.deletingLastPathComponent()
        let key = url.deletingPathExtension().lastPathComponent
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let written = bytes.withUnsafeBytes { writeFully(descriptor, $0) }
        if close(descriptor) != 0 || !written || rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    private static func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Records that the entry at `path` was used: its modification time becomes now when it
    /// is more than a day old (one `stat` otherwise). `modified`: the time already known from
    /// a `stat` of the open file, saving that call.
    static func markUsed(_ path: String, modified: timespec? = nil, now: Date = Date()) {
        var time = modified
        if time == nil {
            var info = stat()
            guard stat(path, &info) == 0 else { return }
            time = info.st_mtim
        }
        guard let time, now.timeIntervalSince1970 - Double(time.tv_sec) > interval else { return }
        utimensat(AT_FDCWD, path, nil, 0)
    }

    /// What a prune removed.
    public struct Pruned: Equatable, Sendable {
        public var files = 0
        public var bytes: Int64 = 0
    }

    /// Prunes `root` when its last prune is more than `interval` ago (or there was none), and
    /// records this one; nil when it was not due or the folder does not exist.
    @discardableResult
    public static func pruneIfDue(_ root: URL, now: Date = Date()) -> Pruned? {
        var info = stat()
        guard stat(root.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        let marker = root.appendingPathComponent(Self.marker).path
        if stat(marker, &info) == 0, now.timeIntervalSince1970 - Double(info.st_mtim.tv_sec) < interval { return nil }
        // The marker first: a second process starting now does not prune the folder again.
        let descriptor = open(marker, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        var times = [timespec(tv_sec: Int(now.timeIntervalSince1970), tv_nsec: 0),
                     timespec(tv_sec: Int(now.timeIntervalSince1970), tv_nsec: 0)]
        futimens(descriptor, &times)
        close(descriptor)
        return prune(root, now: now)
    }

    /// Removes from `root`'s layout folders the entries unused for `maximumAge`, then the least
    /// recently used while the rest hold more than `maximumBytes`, and stale temporary files.
    public static func prune(_ root: URL, now: Date = Date(), maximumAge: TimeInterval = maximumAge,
                             maximumBytes: Int64 = maximumBytes) -> Pruned {
        var pruned = Pruned()
        var kept = [(path: String, modified: Int, bytes: Int64)]()
        let clock = Int(now.timeIntervalSince1970)
        func remove(_ path: String, _ bytes: Int64) {
            guard unlink(path) == 0 else { return }
            pruned.files += 1
            pruned.bytes += bytes
        }
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.sorted() ?? [] where isLayout(folder) {
            let folderPath = root.appendingPathComponent(folder).path
            var info = stat()
            guard lstat(folderPath, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folderPath))?.sorted() ?? [] {
                let path = folderPath + "/" + name
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                let age = clock - info.st_mtim.tv_sec, bytes = Int64(info.st_size)
                if name.hasPrefix("."), name.hasSuffix(".tmp") {
                    if Double(age) > temporaryAge { remove(path, bytes) }
                } else if isEntry(name) {
                    if Double(age) > maximumAge { remove(path, bytes) } else { kept.append((path, info.st_mtim.tv_sec, bytes)) }
                }
            }
        }
        var total = kept.reduce(Int64(0)) { $0 + $1.bytes }
        // The least recently used first; the path settles ties, so that the outcome is fixed.
        for entry in kept.sorted(by: { ($0.modified, $0.path) < ($1.modified, $1.path) }) where total > maximumBytes {
            total -= entry.bytes
            remove(entry.path, entry.bytes)
        }
        return pruned
    }

    /// `rules-v3`, `sets-v1`…: a layout's name, a `-v` and a version number.
    static func isLayout(_ name: String) -> Bool {
        guard let dash = name.range(of: "-v", options: .backwards) else { return false }
        let version = name[dash.upperBound...]
        return layouts.contains(String(name[..<dash.lowerBound])) && !version.isEmpty && version.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `KEY.json`, `NAME-KEY.table`…: a visible file with one of the entries' extensions.
    static func isEntry(_ name: String) -> Bool {
        guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(String(name[name.index(after: dot)...]))
    }
}
