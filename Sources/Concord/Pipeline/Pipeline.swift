import Foundation

/// The whole run, owned by the library: read → normalize → extract → resolve → validate →
/// filter, for every document and every set of language versions, `jobs` files at a time.
/// The command line only turns its options into `Pipeline.Options`, renders the report and
/// sets the exit code.
public struct Pipeline: Sendable {
    /// What a run is asked to do.
    public struct Options: Sendable {
        /// Files and folders to check.
        public var paths: [String] = []
        /// Sets of files given explicitly (`--set`), each a set of its own.
        public var explicitSets: [[String]] = []
        /// The documents' language as the user gave it (`fr`, `fra`, `French`), resolved
        /// against the rules in use.
        public var language: String?
        /// A rules folder that replaces the built-in rules (`--rules`).
        public var rulesFolder: String?
        /// The configuration file; nil looks for `.concord.yml` in the current folder or above.
        public var configurationFile: String?
        public var baselineFile: String?
        public var maximumFileSize: Int?
        public var maximumFindingsPerFile: Int?
        public var maximumDocxSize: Int?
        /// Keep the aligned documents in the report (for renderers that show them).
        public var keepDocuments = false
        /// Files the run writes (`--output`, `--write-baseline`), never read as inputs when a
        /// folder holds them: by path, since they are replaced by renaming.
        public var outputPaths: [String] = []
        /// Files already open for writing (standard output redirected into the folder being
        /// checked: `concord check . > out.txt`), never read as inputs: by device and inode.
        public var outputFiles: [FileIdentity] = []
        /// The result cache's folder (`Pipeline.defaultCacheFolder()`); nil: no cache.
        public var cacheFolder: String?
        /// The rule cache's folder (`RuleCache`; the same default folder as the result cache);
        /// nil: the rules are read and every language compiled at start. Read always, written
        /// only when the run uses the result cache (`cacheFolder`): `--no-cache` writes nothing.
        public var ruleCacheFolder: String?
        /// Check only the sets touched by files changed since this git revision.
        public var changedSince: String?
        /// Check only this shard's sets.
        public var shard: Shard?
        /// `--online` / `--offline`: nil leaves it to the configuration (`online.enabled`,
        /// off by default).
        public var online: Bool?
        /// The folder of the online cache (default: the result cache's folder).
        public var onlineCacheFolder: String?

        public init() {}
    }

    /// Why a run could not start: its exit code differs (see the README).
    public enum SetupError: Error, CustomStringConvertible {
        /// Unusable rules or configuration.
        case configuration(RuleError)
        /// An input the run needs (the baseline) could not be read.
        case input(InputError)
        /// A language the rules do not know.
        case unknownLanguage(String, known: [Language])
        /// The changed files could not be listed (`--changed-since`: not a git repository,
        /// an unknown revision).
        case changedFiles(String)

        public var description: String {
            switch self {
            case .configuration(let error): return error.description
            case .input(let error): return error.description
            case let .unknownLanguage(code, known):
                return "concord: error: unknown language '\(code)': use one of \(known.map(\.rawValue).joined(separator: ", "))"
            case .changedFiles(let why): return "concord: error: --changed-since: \(why)"
            }
        }
    }

    public let rules: RuleSet
    public let configuration: Configuration
    public let reader: DocumentReader
    public let filter: FindingFilter
    public let options: Options
    /// The pre-filter's engine; nil is `PrefilterEngine.active` (`CONCORD_PREFILTER`).
    public var prefilter: PrefilterEngine?

    /// Loads the configuration, the rules (with the configuration's rule folders) and the
    /// baseline.
    public init(_ options: Options) throws(SetupError) {
        var configuration = Configuration()
        let rules: RuleSet
        do throws(RuleError) {
            if let path = options.configurationFile ?? Configuration.find(from: FileManager.default.currentDirectoryPath) {
                configuration = try Configuration.load(path)
            }
            let extra = configuration.ruleFolders.map {
                URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: configuration.base + "/")).standardizedFileURL
            }
            PrefilterCache.writes = options.cacheFolder != nil
            rules = try RuleSet.shared(source: options.rulesFolder.map { .folder(URL(fileURLWithPath: $0)) } ?? .builtIn, extraFolders: extra, cacheFolder: options.ruleCacheFolder,
                                       writeCache: options.cacheFolder != nil)
        } catch {
            throw .configuration(error)
        }
        var baseline = Set<String>()
        if let file = options.baselineFile {
            do { baseline = try Baseline.read(file) } catch { throw .input(error) }
        }
        if let code = options.language, rules.lexicon.language(code: code) == nil {
            throw .unknownLanguage(code, known: rules.languages.keys.sorted())
        }
        self.init(rules: rules, configuration: configuration, options: options, baseline: baseline)
    }

    /// A run with rules already loaded (a library user's, a test's).
    public init(rules: RuleSet, configuration: Configuration = Configuration(), options: Options = Options(), baseline: Set<String> = []) {
        self.rules = rules
        self.configuration = configuration
        self.options = options
        var filter = FindingFilter(catalogue: rules.checks)
        filter.severities = configuration.severities
        filter.maximumFindingsPerFile = options.maximumFindingsPerFile ?? configuration.limits.findingsPerFile ?? filter.maximumFindingsPerFile
        filter.baseline = baseline
        self.filter = filter
        reader = Self.reader(options, configuration, rules: rules, language: options.language.flatMap(rules.lexicon.language(code:)))
    }

    private static func reader(_ options: Options, _ configuration: Configuration, rules: RuleSet, language: Language?) -> DocumentReader {
        var reader = DocumentReader(language: language, lexicon: rules.lexicon)
        reader.textComment = configuration.textComment
        reader.maximumFileSize = options.maximumFileSize ?? configuration.limits.fileSize ?? DocumentReader.defaultMaximumFileSize
        reader.docxByteLimit = options.maximumDocxSize ?? configuration.limits.docxSize ?? reader.docxByteLimit
        return reader
    }

    /// The sets the options name: the files of the paths (as the configuration selects them)
    /// grouped by name, then each explicit set.
    public func sets() -> [DocumentSet] {
        selection().sets
    }

    /// What the paths and explicit sets give once folders are walked and the configuration
    /// has selected: the sets to check, what was left out and why, and warnings about the
    /// configuration (an `include` or a set pattern that matched nothing).
    public func selection() -> InputSelection {
        let explicit = Set(options.explicitSets.joined())
        var files = [String](), skipped = [SkippedFile](), empty = [String]()
        var found = [String]()
        for path in options.paths {
            let listing = InputFiles.listing(path)
            found += listing.files
            skipped += listing.skipped
            var kept = 0
            for file in listing.files where !explicit.contains(file) {
                if isOutput(file) {
                    skipped.append(SkippedFile(path: file, reason: .output))
                } else if let reason = configuration.rejection(of: file) {
                    skipped.append(SkippedFile(path: file, reason: reason))
                } else {
                    files.append(file)
                    kept += 1
                }
            }
            if kept == 0, !listing.files.contains(where: explicit.contains) { empty.append(path) }
        }
        let grouped = DocumentSet.grouping(files, patterns: configuration.setPatterns, base: configuration.base, lexicon: rules.lexicon)
        var sets = grouped.sets
        for files in options.explicitSets where !files.isEmpty {
            var set = DocumentSet(name: files.joined(separator: " + "), files: files)
            let names = files.compactMap { file in FileName.parse(file, lexicon: rules.lexicon).map { (file, $0) } }
            let paired = Set(names.map(\.1.language)).count >= 2
            for (file, name) in names where !name.needsAPartner || paired { set.named[file] = name }
            sets.append(set)
        }
        var warnings = [String]()
        let configurationName = configuration.file ?? Configuration.fileName
        if !found.isEmpty {
            for glob in configuration.unmatchedIncludes(found) {
                warnings.append("\(configurationName): include '\(glob)' matches none of the \(found.count) files found (globs are relative to \(configuration.base))")
            }
        }
        for pattern in configuration.setPatterns where !grouped.matched.contains(pattern) {
            warnings.append("\(configurationName): set pattern '\(pattern)' matched no file in this run (patterns are relative to \(configuration.base))")
        }
        return InputSelection(sets: sets, skipped: skipped, emptyPaths: empty, warnings: warnings)
    }

    /// Whether a file is one the run writes (its report), which is not an input.
    public func isOutput(_ file: String) -> Bool {
        if !options.outputPaths.isEmpty {
            let path = DocumentSet.absolute(file)
            if options.outputPaths.contains(where: { DocumentSet.absolute($0) == path }) { return true }
        }
        guard !options.outputFiles.isEmpty, let identity = FileIdentity(path: file) else { return false }
        return options.outputFiles.contains(identity)
    }

    /// What a run gives: the report, the findings a baseline written now would record, and
    /// each file read with its language and what decided it (for `check -v`).
    public struct Result: Sendable {
        public var report: CheckReport
        public var baselineFindings: [Finding]
        public var files: [ReadFile] = []
        /// Sets whose outcome came from the result cache.
        public var cacheHits = 0
        /// How `--changed-since` and `--shard` narrowed the sets (nil: they did not apply).
        public var selection: Selection?
        /// The document index of the run (every document read, and the `index:` folders),
        /// with the citations of other documents.
        public var index: DocumentIndex?
        /// `--online`: the symbols whose lookup failed (timeout, no connection, an error
        /// status after the retries), with why; they were checked as offline.
        public var onlineFailures: [(symbol: String, url: String, reason: String)] = []
        /// The cache folders this run pruned (`CacheFolder.pruneIfDue`), with what went.
        public var cachePruned: [(folder: String, pruned: CacheFolder.Pruned)] = []
    }

    /// Checks every set, `jobs` files at a time; `progress` is told of each set done.
    public func run(jobs: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result {
        run(sets(), jobs: jobs, progress: progress)
    }

    /// Checks the sets given; the report has them in `DocumentSet.canonicalOrder` (by name),
    /// the order `concord merge` reproduces.
    ///
    /// `alsoIndex`: sets not checked in this run (another shard's, unchanged ones) whose
    /// documents are still read into the document index, so that references into them are
    /// resolved as in a run over all.
    public func run(_ sets: [DocumentSet], jobs: Int = 1, alsoIndex: [DocumentSet] = [], progress: (@Sendable (Int, Int) -> Void)? = nil) -> Result {
        runChecked(sets, jobs: jobs, alsoIndex: alsoIndex, progress: progress)
    }

    private func runChecked(_ sets: [DocumentSet], jobs: Int, alsoIndex: [DocumentSet], progress: (@Sendable (Int, Int) -> Void)?) -> Result {
        let sets = sets.sorted(by: DocumentSet.canonicalOrder)
        let (outcomes, cacheHits) = outcomes(sets, jobs: jobs, progress: progress)
        // Files are the documents read; the paths that could not be read are input errors
        // (with the other input errors, such as two versions of one language in a set).
        var report = CheckReport(sets: outcomes.map(\.report), inputErrors: outcomes.flatMap(\.errors),
                                 fileCount: outcomes.flatMap(\.files).filter { $0.error == nil }.count)
        report.suppressed = outcomes.reduce(0) { $0 + $1.filtered.suppressed }
        report.turnedOff = outcomes.reduce(0) { $0 + $1.filtered.turnedOff }
        report.inBaseline = outcomes.reduce(0) { $0 + $1.filtered.inBaseline }
        var baselineFindings = outcomes.flatMap(\.filtered.beforeBaseline)
        // The repository stage: every document's citations of the others.
        let checked = Set(sets.flatMap(\.files))
        let others = alsoIndex.filter { !$0.files.contains(where: checked.contains) }.flatMap { set in
            indexEntries(set).map { entry in var entry = entry; entry.document.reported = false; return entry }
        }
        var index = DocumentIndex(outcomes.flatMap(\.entries) + others
                                  + indexFolderEntries(excluding: checked.union(alsoIndex.flatMap(\.files))))
        var onlineFailures = [(symbol: String, url: String, reason: String)]()
        if options.online ?? configuration.online.enabled {
            onlineFailures = lookUpOnline(&index)
        }
        let repository = RepositoryStage(pipeline: self).findings(index, jobs: jobs)
        if !repository.findings.isEmpty {
            var setOfFile = [String: Int]()
            for (number, set) in report.sets.enumerated() { for file in set.set.files { setOfFile[file] = number } }
            var touched = Set<Int>()
            for finding in repository.findings {
                guard let number = setOfFile[finding.location.file] else { continue }
                report.sets[number].findings.append(finding)
                touched.insert(number)
            }
            for number in touched { report.sets[number].findings.sort(by: Finding.ordered) }
        }
        report.suppressed += repository.suppressed
        report.turnedOff += repository.turnedOff
        report.inBaseline += repository.inBaseline
        baselineFindings += repository.beforeBaseline
        report.links = RepositoryStage.links(index)
        return Result(report: report, baselineFindings: baselineFindings,
                      files: outcomes.flatMap(\.files), cacheHits: cacheHits, index: index, onlineFailures: onlineFailures,
                      cachePruned: pruneCaches())
    }

    /// A run that writes to its cache folders (`options.cacheFolder` set: not `--no-cache`)
    /// keeps them bounded: each is pruned at most once a day (`CacheFolder.pruneIfDue`).
    func pruneCaches() -> [(folder: String, pruned: CacheFolder.Pruned)] {
        guard let results = options.cacheFolder else { return [] }
        let roots = Set([results, options.ruleCacheFolder, PrefilterCache.cacheRoot?.path].compactMap { $0 })
        return roots.sorted().compactMap { root in CacheFolder.pruneIfDue(URL(fileURLWithPath: root)).map { (root, $0) } }
    }

    /// `--online`: every symbol cited by a reported document that the index does not hold
    /// (nor its unrevised form), looked up on the resolver; the answers go into the index.
    func lookUpOnline(_ index: inout DocumentIndex) -> [(symbol: String, url: String, reason: String)] {
        var settings = configuration.online.settings
        settings.cacheFolder = options.onlineCacheFolder ?? Self.defaultCacheFolder()
        let checker = OnlineCheck(settings)
        var written = [String: String]()
        for entry in index.entries where entry.document.reported {
            for citation in entry.citations where citation.kind == .symbol && index.documents(key: citation.key).isEmpty {
                let base = SymbolKey.base(citation.key)
                if base != citation.key, !index.documents(key: base).isEmpty { continue }
                if written[citation.key] == nil { written[citation.key] = citation.written }
            }
        }
        guard !written.isEmpty else { return [] }
        let answers = checker.check(Array(written.values))
        var failures = [(symbol: String, url: String, reason: String)]()
        for (key, symbol) in written.sorted(by: { $0.key < $1.key }) {
            guard let status = answers[symbol] else { continue }
            let url = checker.url(for: symbol)?.absoluteString ?? symbol
            index.online[key] = status
            index.onlineURLs[key] = url
            if case .failed(let reason) = status { failures.append((symbol, url, reason)) }
        }
        return failures
    }

    /// The index entries of the `index:` folders' files that the run does not check.
    func indexFolderEntries(excluding checked: Set<String>) -> [RepositoryEntry] {
        let paths = configuration.indexPaths
        guard !paths.isEmpty else { return [] }
        let checkedAbsolute = Set(checked.map(DocumentSet.absolute))
        let builder = RepositoryEntryBuilder(rules: rules, configuration: configuration)
        var entries = [RepositoryEntry]()
        for path in paths {
            for file in InputFiles.listing(path).files.sorted() where !checkedAbsolute.contains(DocumentSet.absolute(file)) {
                guard let document = try? reader.read(path: file) else { continue }
                entries.append(builder.entry(resolve(document, issuingBody: configuration.issuingBody(for: file)), reported: false))
            }
        }
        return entries
    }

    /// The index entries of files read again (a set whose outcome came from the cache).
    func indexEntries(_ set: DocumentSet) -> [RepositoryEntry] {
        let builder = RepositoryEntryBuilder(rules: rules, configuration: configuration)
        return set.files.compactMap { file in
            var reader = self.reader
            reader.namedLanguage = set.named[file]?.language
            guard let document = try? reader.read(path: file) else { return nil }
            let inline = Suppressions(document, textComment: reader.textComment)
            return builder.entry(resolve(document, issuingBody: configuration.issuingBody(for: file)),
                                 suppressions: inline.isEmpty ? nil : inline)
        }
    }

    // MARK: Stages

    /// What one file gives: read → normalize → extract → resolve → validate (on its own).
    public struct FileOutcome: Sendable {
        public var resolved: ResolvedDocument?
        public var findings: [Finding] = []
        public var error: InputError?
        public var suppressions: Suppressions?
    }

    public func check(file: String, namedLanguage: Language? = nil) -> FileOutcome {
        do {
            var reader = self.reader
            reader.namedLanguage = namedLanguage
            reader.genre = configuration.genre(for: file)
            let document = try reader.read(path: file)
            let inline = Suppressions(document, textComment: reader.textComment)
            let resolved = resolve(document, issuingBody: configuration.issuingBody(for: file))
            let context = CheckContext(rules: rules)
            let findings = Checks.findings(in: resolved, context: context)
                + SuppressionUnknownCheck.findings(inline, in: document, context: context)
            return FileOutcome(resolved: resolved, findings: findings, suppressions: inline.isEmpty ? nil : inline)
        } catch {
            return FileOutcome(error: error)
        }
    }

    /// Normalize, extract and resolve one document.
    public func resolve(_ document: Document, issuingBody: String? = nil) -> ResolvedDocument {
        let normalized = NormalizedDocument(document)
        let found = CitationExtractor(rules: rules, prefilter: prefilter ?? .active).references(in: normalized)
        return DocumentResolver(rules: rules).resolve(normalized, found, issuingBody: issuingBody)
    }

    /// What one set gives, once each of its files has been checked.
    public struct SetOutcome: Sendable {
        public var report: SetReport
        public var errors: [InputError]
        public var filtered: FindingFilter.Outcome
        public var files: [ReadFile] = []
        /// What each document read gives the document index (not kept in the result cache).
        public var entries: [RepositoryEntry] = []
    }

    /// Validate the versions against each other, then filter (results in the set's file order).
    /// A set compares one version per language: a second file of a language, or a file whose
    /// language cannot be told, is an input error naming it (and the first), checked on its own.
    public func finish(_ set: DocumentSet, _ results: [FileOutcome]) -> SetOutcome {
        var versions = [ResolvedDocument]()
        var errors = results.compactMap(\.error)
        var first = [Language: String]()
        for (file, result) in zip(set.files, results) {
            guard let version = result.resolved else { continue }
            guard let language = version.document.language else {
                if set.files.count >= 2 {
                    errors.append(InputError(file: file, reason: .noLanguageInSet(set: set.name)))
                }
                continue
            }
            if let earlier = first[language] {
                errors.append(InputError(file: file, reason: .repeatedLanguage(language.rawValue, first: earlier, set: set.name)))
                continue
            }
            first[language] = file
            versions.append(version)
        }
        var findings = results.flatMap(\.findings)
        var suppressions = [String: Suppressions]()
        for (file, result) in zip(set.files, results) where result.suppressions != nil { suppressions[file] = result.suppressions }
        let languages = versions.compactMap(\.document.language)
        var alignment: VersionAlignment?
        if versions.count >= 2 {
            let aligned = VersionAlignment(versions)
            let context = CheckContext(rules: rules)
            findings += Checks.set.flatMap { $0.findings(in: aligned, context: context) }
            alignment = aligned
        }
        let filtered = filter.apply(findings, suppressions: suppressions)
        let builder = RepositoryEntryBuilder(rules: rules, configuration: configuration)
        let entries = zip(set.files, results).compactMap { _, result in
            result.resolved.map { builder.entry($0, suppressions: result.suppressions) }
        }
        if options.keepDocuments, alignment == nil, !versions.isEmpty { alignment = VersionAlignment(versions) }
        return SetOutcome(report: SetReport(set: set, languages: languages.sorted(), findings: filtered.findings,
                                            alignment: options.keepDocuments ? alignment : nil),
                          errors: errors, filtered: filtered,
                          files: zip(set.files, results).map { file, result in
                              ReadFile(path: file, set: set.name, language: result.resolved?.document.language,
                                       source: result.resolved?.document.languageSource, name: set.named[file],
                                       error: result.error)
                          }, entries: entries)
    }
}

/// A file by device and inode, whatever path names it.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The regular file a descriptor is open on (nil for a terminal, a pipe, /dev/null).
    public init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
