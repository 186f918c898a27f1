import Foundation

extension DocumentSet {
    /// The order of sets in every report: by name, then by files. `Pipeline.run` reports
    /// sets in this order and `concord merge` sorts the union of its inputs the same way, so
    /// that shards merged give what one run gives.
    public static func canonicalOrder(_ a: DocumentSet, _ b: DocumentSet) -> Bool {
        a.name != b.name ? a.name < b.name : a.files.lexicographicallyPrecedes(b.files)
    }

    /// The sets among `sets` that a list of changed files touches: a set holding one of the
    /// files, or — for a file that no longer exists (deleted, renamed away) — the set its name
    /// would put it in (the grouping rule of `group`: `patterns` relative to `base`, then the
    /// language in the file name). Paths are compared absolute (relative ones are taken from
    /// the current folder); a changed file in no set touches nothing. In the order of `sets`.
    public static func sets(touching changed: [String], in sets: [DocumentSet], patterns: [String] = [], base: String = "",
                            lexicon: ReadingLexicon = .standard) -> [DocumentSet] {
        let changedPaths = Set(changed.map(absolute))
        let gone = changedPaths.filter { !FileManager.default.fileExists(atPath: $0) }
        // A file that no longer exists touches the set it would be in: grouped again with the
        // files that remain, by the same rules, it lands beside them.
        var besideGone = Set<String>()
        if !gone.isEmpty {
            let files = sets.flatMap(\.files).map(absolute) + gone.sorted()
            for set in grouping(files, patterns: patterns, base: base, lexicon: lexicon).sets where set.files.contains(where: gone.contains) {
                besideGone.formUnion(set.files)
            }
        }
        return sets.filter { set in
            set.files.contains { file in
                let path = absolute(file)
                return changedPaths.contains(path) || besideGone.contains(path)
            }
        }
    }

    /// A path made absolute from the current folder, `.` and `..` removed, symbolic links
    /// resolved (git names files under its resolved top folder).
    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { return url.resolvingSymlinksInPath().path }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }
}

/// One of N parts of the sets, for N machines each checking a part (`--shard K/N`). A set
/// belongs to part `FNV-1a(name) mod N` + 1: fixed across runs and machines, and a set stays
/// in its part when other sets are added or removed.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1 to `count`.
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`, K from 1 to N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    public func contains(_ set: DocumentSet) -> Bool {
        Int(StableHash.fnv64(set.name) % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

extension Pipeline {
    /// How `--changed-since` and `--shard` narrowed the sets the paths give.
    public struct Selection: Sendable {
        /// The sets the paths give.
        public var found: Int
        /// The sets touched by changed files (nil without `--changed-since`).
        public var touched: Int?
        /// The sets this run checks.
        public var selected: Int
        public var changedSince: String?
        public var shard: Shard?

        /// True when the paths gave sets but none is this run's to check (an empty shard, no
        /// changed set): an empty part of the work, not "nothing was checked".
        public var emptyByChoice: Bool { found > 0 && selected == 0 }

        /// One line for standard error when the run checks none of the sets.
        public var note: String? {
            guard emptyByChoice else { return nil }
            if let touched, touched == 0 { return "concord: no document set has a file changed since \(changedSince ?? "")" }
            return "concord: shard \(shard.map(\.description) ?? "") has none of the \(touched ?? found) document sets"
        }
    }

    /// The sets of the options (`sets()`), narrowed to those touched by files changed since
    /// `changedSince`, then to those of `shard`; nil selection when neither applies.
    public func selectedSets() throws(SetupError) -> (sets: [DocumentSet], selection: Selection?) {
        try narrowed(sets())
    }

    /// `all` narrowed to the sets touched by files changed since `changedSince`, then to
    /// those of `shard`; nil selection when neither applies.
    public func narrowed(_ all: [DocumentSet]) throws(SetupError) -> (sets: [DocumentSet], selection: Selection?) {
        guard options.changedSince != nil || options.shard != nil else { return (all, nil) }
        var sets = all
        var touched: Int?
        if let revision = options.changedSince {
            let changed: [String]
            do { changed = try ChangedFiles.since(revision) } catch { throw .changedFiles(error.description) }
            sets = DocumentSet.sets(touching: changed, in: sets, patterns: configuration.setPatterns, base: configuration.base,
                                    lexicon: rules.lexicon)
            touched = sets.count
        }
        if let shard = options.shard { sets = sets.filter(shard.contains) }
        return (sets, Selection(found: all.count, touched: touched, selected: sets.count,
                                changedSince: options.changedSince, shard: options.shard))
    }

    /// `run` over the selected sets.
    public func runSelected(jobs: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil) throws(SetupError) -> Result {
        let (sets, selection) = try selectedSets()
        var result = run(sets, jobs: jobs, progress: progress)
        result.selection = selection
        return result
    }
}

/// The files changed in a git repository: `git diff --name-only REV` (committed since REV,
/// staged and not staged, deleted and renamed — both names) and the untracked files that
/// are not ignored.
public enum ChangedFiles {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Absolute paths, in the repository that holds `folder` (default: the current folder).
    public static func since(_ revision: String, in folder: String = FileManager.default.currentDirectoryPath) throws(Failure) -> [String] {
        guard !revision.isEmpty, !revision.hasPrefix("-") else { throw Failure(description: "'\(revision)' is not a revision") }
        guard let top = try git(["rev-parse", "--show-toplevel"], in: folder)?.trimmingCharacters(in: .newlines), !top.isEmpty else {
            throw Failure(description: "\(folder) is not in a git repository")
        }
        guard try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top) != nil else {
            throw Failure(description: "unknown revision '\(revision)' in the repository \(top)")
        }
        // Run from the top folder: both lists are then relative to it, whatever diff.relative says.
        guard let diff = try git(["diff", "--name-only", "--no-renames", "-z", revision, "--"], in: top),
              let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z"], in: top) else {
            throw Failure(description: "git cannot list the files changed since '\(revision)' in \(top)")
        }
        let names = (diff + untracked).split(separator: "\0").map(String.init)
        return names.map { (top as NSString).appendingPathComponent($0) }
    }

    /// Git's standard output, or nil when it fails.
    private static func git(_ arguments: [String], in folder: String) throws(Failure) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(description: "git cannot be run: \(error.localizedDescription)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw Failure(description: "git is not installed (it is needed for --changed-since)") }
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
