import Foundation

/// The content cache: a set whose files, rules, configuration and Concord version are
/// unchanged since a run that checked it is not checked again — its outcome (the findings
/// reported, the languages, what the filter took out, what a baseline would record) is read
/// back. One entry per set, a JSON file named by a 128-bit key over everything that changes
/// the set's result. Entries are written to a temporary file in the cache folder and renamed
/// into place, so that concurrent runs never see half an entry; an entry that cannot be read
/// or decoded is ignored (the set is checked and the entry written again). A set with a file
/// that could not be read is never stored.
///
/// The key covers: Concord's version; every rule file's text (the built-in ones, or those of
/// `--rules DIR`, and the configuration's rule folders); the configuration file's text and
/// folder; `--lang`; the limits; the baseline's fingerprints; the set's name, its files'
/// paths and their bytes. A pipeline made with a `Configuration` value rather than a file
/// (`Pipeline(rules:configuration:)`) should leave `Options.cacheFolder` nil.
struct ResultCache: Sendable {
    /// `<cache folder>/sets-v1`.
    let folder: URL
    /// The hash state after everything that is the same for every set of the run.
    private let runState: StableHash.FNV128
    private let maximumFileSize: Int

    /// Entries' layout: a change to it changes the folder, so that old entries are not read.
    static let layout = "sets-v1"

    /// Nil when the run does not use the cache (no folder, or a renderer that needs the
    /// documents themselves).
    init?(_ pipeline: Pipeline) {
        guard let path = pipeline.options.cacheFolder, !pipeline.options.keepDocuments else { return nil }
        folder = URL(fileURLWithPath: path).appendingPathComponent(Self.layout)
        maximumFileSize = pipeline.reader.maximumFileSize
        var state = StableHash.FNV128()
        state.add(piece: "concord \(Concord.version) \(Self.build)")
        let options = pipeline.options
        let base = options.rulesFolder.map { RuleSource.folder(URL(fileURLWithPath: $0)) } ?? .builtIn
        let extra = pipeline.configuration.ruleFolders.map {
            RuleSource.folder(URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: pipeline.configuration.base + "/")).standardizedFileURL)
        }
        for source in [base] + extra { Self.addRules(source, to: &state) }
        let configurationFile = options.configurationFile ?? Configuration.find(from: FileManager.default.currentDirectoryPath)
        state.add(piece: "configuration")
        state.add(piece: configurationFile.flatMap { FileManager.default.contents(atPath: $0) } ?? Data())
        state.add(piece: pipeline.configuration.base)
        state.add(piece: "lang \(options.language ?? "")")
        state.add(piece: "limits \(pipeline.reader.maximumFileSize) \(pipeline.reader.docxByteLimit) \(pipeline.filter.maximumFindingsPerFile)")
        state.add(piece: "baseline")
        for fingerprint in pipeline.filter.baseline.sorted() { state.add(piece: fingerprint) }
        runState = state
    }

    /// The build of Concord that runs: a development build changes without a new version
    /// number, and its results must not be taken for another build's (the executable's size,
    /// modification time and inode; empty where the system does not say).
    static let build: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments.first ?? "", &info) == 0 else { return "" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()

    /// Every file of a rule source, by its relative path, in a fixed order.
    static func addRules(_ source: RuleSource, to state: inout StableHash.FNV128) {
        switch source {
        case .builtIn where !build.isEmpty:
            // The built-in rules are part of the executable, whose identity is in every key
            // (hashing their text again was a hundredth of a warm start-up).
            state.add(piece: "built-in rules of this build")
        case .builtIn:
            state.add(piece: "built-in rules")
            for (name, text) in EmbeddedRules.files.sorted(by: { $0.key < $1.key }) {
                state.add(piece: name)
                state.add(piece: text)
            }
        case .folder(let url):
            state.add(piece: "rules folder " + url.path)
            let files = (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
            for name in files {
                var isFolder: ObjCBool = false
                let path = url.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                state.add(piece: name)
                state.add(piece: FileManager.default.contents(atPath: path) ?? Data())
            }
        }
    }

    /// The set's key, or nil when a file cannot be read (or is over the size limit): such a
    /// set is checked, and not stored.
    func key(for set: DocumentSet) -> String? {
        var state = runState
        state.add(piece: "set " + set.name)
        for file in set.files {
            guard let size = FileSize.of(file), size <= maximumFileSize,
                  let data = FileManager.default.contents(atPath: file) else { return nil }
            state.add(piece: file)
            state.add(piece: data)
        }
        return state.hex
    }

    private func url(_ key: String) -> URL { folder.appendingPathComponent(key + ".json") }

    /// The stored outcome, or nil (missing, damaged, or not this set's).
    func read(_ key: String, set: DocumentSet) -> Pipeline.SetOutcome? {
        guard let data = try? Data(contentsOf: url(key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, entry.name == set.name, entry.files == set.files else { return nil }
        CacheFolder.markUsed(url(key).path)  // a run with the result cache writes to the folder
        return entry.outcome(set)
    }

    /// Stores a set's outcome: a temporary file in the cache folder renamed over the entry.
    /// Failures are ignored (the cache is an optimization, never a reason to fail).
    func write(_ key: String, _ outcome: Pipeline.SetOutcome) {
        guard outcome.errors.isEmpty, let data = try? JSONEncoder().encode(Entry(key: key, outcome)) else { return }
        CacheFolder.write(data, to: url(key))
    }

    // MARK: The stored form

    private struct StoredLocation: Codable {
        var file: String
        var line: Int
        var column: Int
        var message: String?
        var paragraphBased: Bool
        var offset: Int?
        var page: Int?

        init(_ l: Location) {
            file = l.file; line = l.line; column = l.column; message = l.message; paragraphBased = l.paragraphBased; offset = l.offset
            page = l.page
        }
        var location: Location {
            var location = Location(file: file, line: line, column: column, message: message, paragraphBased: paragraphBased)
            location.offset = offset
            location.page = page
            return location
        }
    }

    private struct StoredFinding: Codable {
        var rule: String
        var severity: Severity
        var message: String
        var location: StoredLocation
        var related: [StoredLocation]
        var subject: String
        var fingerprint: String?

        init(_ f: Finding) {
            rule = f.rule.rawValue; severity = f.severity; message = f.message; location = StoredLocation(f.location)
            related = f.related.map(StoredLocation.init); subject = f.subject; fingerprint = f.storedFingerprint
        }

        var finding: Finding? {
            guard let id = CheckID(rawValue: rule) else { return nil }
            var finding = Finding(rule: id, severity: severity, message: message, location: location.location,
                                  related: related.map(\.location), subject: subject)
            finding.storedFingerprint = fingerprint
            return finding
        }
    }

    private struct Entry: Codable {
        var key: String
        var name: String
        var files: [String]
        var languages: [String]
        /// Each file's language and how it was decided (for `check -v`), in the set's order.
        var fileLanguages: [String?]
        var languageSources: [String?]
        var findings: [StoredFinding]
        var beforeBaseline: [StoredFinding]
        var suppressed: Int
        var turnedOff: Int
        var inBaseline: Int

        init(key: String, _ outcome: Pipeline.SetOutcome) {
            self.key = key
            name = outcome.report.set.name
            files = outcome.report.set.files
            languages = outcome.report.languages.map(\.rawValue)
            fileLanguages = outcome.files.map { $0.language?.rawValue }
            languageSources = outcome.files.map { $0.source?.rawValue }
            findings = outcome.report.findings.map(StoredFinding.init)
            beforeBaseline = outcome.filtered.beforeBaseline.map(StoredFinding.init)
            suppressed = outcome.filtered.suppressed
            turnedOff = outcome.filtered.turnedOff
            inBaseline = outcome.filtered.inBaseline
        }

        func outcome(_ set: DocumentSet) -> Pipeline.SetOutcome? {
            let findings = findings.compactMap(\.finding), before = beforeBaseline.compactMap(\.finding)
            let languages = languages.compactMap(Language.init(rawValue:))
            guard findings.count == self.findings.count, before.count == beforeBaseline.count,
                  languages.count == self.languages.count, fileLanguages.count == set.files.count,
                  languageSources.count == set.files.count else { return nil }
            var filtered = FindingFilter.Outcome(findings: findings, beforeBaseline: before)
            filtered.suppressed = suppressed
            filtered.turnedOff = turnedOff
            filtered.inBaseline = inBaseline
            let files = set.files.indices.map { i in
                ReadFile(path: set.files[i], set: set.name, language: fileLanguages[i].flatMap(Language.init(rawValue:)),
                         source: languageSources[i].flatMap(LanguageSource.init(rawValue:)), name: set.named[set.files[i]], error: nil)
            }
            return Pipeline.SetOutcome(report: SetReport(set: set, languages: languages, findings: findings), errors: [],
                                       filtered: filtered, files: files)
        }
    }
}

extension Pipeline {
    /// The default cache folder: `$XDG_CACHE_HOME/concord`, else `~/.cache/concord`.
    public static func defaultCacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/concord" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/concord"
    }

    /// Each set's outcome, from the cache when it holds the set, else checked (`jobs` files
    /// at a time) and stored; and how many came from the cache.
    func outcomes(_ sets: [DocumentSet], jobs: Int, progress: (@Sendable (Int, Int) -> Void)?) -> (outcomes: [SetOutcome], cacheHits: Int) {
        let scheduler = SetScheduler(jobs: jobs)
        // What a file's path says of its language, as the grouping read it (a language folder
        // needs its siblings to be seen, which the reader cannot).
        var named = [String: Language]()
        for set in sets { for (file, name) in set.named { named[file] = name.language } }
        let checkFile: @Sendable (String) -> FileOutcome = { [named] file in check(file: file, namedLanguage: named[file]) }
        guard let cache = ResultCache(self) else {
            return (scheduler.run(sets, file: checkFile, set: finish, progress: progress), 0)
        }
        var outcomes = [SetOutcome?](repeating: nil, count: sets.count)
        var misses = [(index: Int, key: String?)]()
        for (index, set) in sets.enumerated() {
            let key = cache.key(for: set)
            if let key, var stored = cache.read(key, set: set) {
                stored.entries = indexEntries(set)
                outcomes[index] = stored
            } else {
                misses.append((index, key))
            }
        }
        let checked = scheduler.run(misses.map { sets[$0.index] }, file: checkFile, set: finish, progress: progress)
        for (miss, outcome) in zip(misses, checked) {
            outcomes[miss.index] = outcome
            if let key = miss.key { cache.write(key, outcome) }
        }
        return (outcomes.map { $0! }, sets.count - misses.count)
    }
}
