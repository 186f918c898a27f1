import ArgumentParser
import Concord
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",  // named, not derived from the type at every start
        abstract: "Check documents: broken references in each, and disagreements between the language versions of each document.",
        discussion: """
        Folders are searched for .txt, .md, .markdown, .docx and .pdf files (-v lists what was read and what was skipped, and why). \
        Files of one document in several languages form a set by name: res-6-1.fr.txt with res-6-1.en.txt, \
        A_RES_80_13-EN.txt with A_RES_80_13-FR.txt, UN job numbers 2512345E.txt with 2512345F.txt, \
        A_RES_80_1_E.txt with A_RES_80_1_F.txt (in one folder), E/res.txt with F/res.txt or english/res.txt with \
        français/res.txt (sibling language folders), the configuration's set-patterns; or explicitly, each --set a set. \
        A set holds one file per language: a second one is an error naming both. \
        Exit codes (concord --help has the table): 0 nothing at or above --fail-on, 1 findings at or above it, \
        2 a bad command line or a file that could not be read, 3 unusable rules or configuration, 4 nothing was checked.
        """
    )

    @Option(name: .long, help: "Report format: text (compiler-style lines), json, sarif (SARIF 2.1.0), junit (one test case per document set), github (workflow annotations), markdown (a job summary), html (the side-by-side view).")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit code 1: error, warning or note.")
    var failOn: Severity = .error

    @Option(name: .customLong("set"), parsing: .upToNextOption, help: "Files that are language versions of one document, whatever their names; each --set is a set of its own.")
    var explicitSet: [String] = []

    @Flag(name: .shortAndLong, help: "List on standard error each file read (its language and what told it) and each file skipped (and why).")
    var verbose = false

    @Option(name: .long, help: "The documents' language (a code or name the rules know: ar, zh, en, fr, ru, es for the built-in rules), overriding the file names and the text.")
    var lang: String?

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "The configuration file (default: .concord.yml in the current folder or above).")
    var config: String?

    @Option(name: .long, help: "Report only findings that are not in this baseline (written by --write-baseline).")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Record today's findings in this file, to be given to --baseline later.")
    var writeBaseline: String?

    @Option(name: .long, help: "Document sets checked at once (default: the number of cores).")
    var jobs: Int = Check.cores

    /// Read once: the parser makes the command several times, and each count reads the
    /// control group's files.
    static let cores = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("max-file-size"), help: "Refuse files larger than this many bytes (default 67108864, 64 MiB).")
    var maxFileSize: Int?

    @Option(name: .customLong("max-findings"), help: "Report at most this many findings per file; the rest are counted (default 1000).")
    var maxFindings: Int?

    @Option(name: .customLong("max-docx-size"), help: "Refuse a .docx whose parts inflate to more than this many bytes (default 268435456, 256 MiB).")
    var maxDocxSize: Int?

    @Option(name: .customLong("cache-dir"), help: "The result cache's folder (default: $XDG_CACHE_HOME/concord, else ~/.cache/concord).")
    var cacheDir: String?

    @Flag(name: .customLong("no-cache"), help: "Check every set, and store nothing in the result cache.")
    var noCache = false

    @Option(name: .customLong("changed-since"), help: "Check only the document sets with a file changed (or added, or deleted) since this git revision.")
    var changedSince: String?

    @Option(name: .long, help: "Check only part K of N of the document sets (K from 1 to N), for N machines; `concord merge` combines their JSON reports.")
    var shard: Shard?

    @Flag(name: .long, help: "The paths are the files a commit changes (the pre-commit hook): check, whole, every set of language versions they belong to — the other versions found by name and the configuration's set-patterns, from the configuration's folder or the git repository's root. Changed files that are not documents (READMEs, other extensions, names without a language) are left alone; when none is a document, nothing is checked and the exit code is 0.")
    var changed = false

    @Flag(name: .long, help: "Look up on the UN's resolver (https://undocs.org/, or online.url in the configuration) the symbols cited that the repository does not hold: those it does not know are reported (xref.unknown-document), those it knows are not; answers are cached (online.cache-days). Off by default.")
    var online = false

    @Flag(name: .long, help: "Never look anything up online, whatever the configuration says (online.enabled).")
    var offline = false

    @Argument(help: "Files or folders to check (with --changed: the changed files).")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && Self.sets(explicitSet).isEmpty && !changed { throw ValidationError("give at least one file or folder") }
        if online && offline { throw ValidationError("--online and --offline cannot be given together") }
        if changed && !explicitSet.isEmpty { throw ValidationError("--changed takes the changed files as its paths; it cannot be combined with --set") }
        if Self.sets(explicitSet).contains(where: \.isEmpty) { throw ValidationError("--set needs at least one file") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        for (name, value) in [("--max-file-size", maxFileSize), ("--max-findings", maxFindings), ("--max-docx-size", maxDocxSize)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
    }

    func run() throws {
        var options = Pipeline.Options()
        options.paths = paths
        options.explicitSets = Self.sets(explicitSet)
        options.language = lang
        options.rulesFolder = rules
        options.configurationFile = config
        options.baselineFile = baseline
        options.maximumFileSize = maxFileSize
        options.maximumFindingsPerFile = maxFindings
        options.maximumDocxSize = maxDocxSize
        options.keepDocuments = format.showsDocuments
        // The report is not an input: `concord check . > out.txt` (the shell made out.txt
        // before Concord ran) and `--output FILE` inside a folder being checked.
        options.outputPaths = [output, writeBaseline].compactMap { $0 }
        options.outputFiles = [FileIdentity(descriptor: STDOUT_FILENO)].compactMap { $0 }
        options.cacheFolder = noCache || format.showsDocuments ? nil : cacheDir ?? Pipeline.defaultCacheFolder()
        options.ruleCacheFolder = cacheDir ?? Pipeline.defaultCacheFolder()
        options.changedSince = changedSince
        options.shard = shard
        options.online = offline ? false : online ? true : nil
        options.onlineCacheFolder = cacheDir
        warnAboutConcordRules()
        let pipeline: Pipeline
        func fail(_ error: Pipeline.SetupError) -> ExitCode {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            switch error {
            case .configuration: return ExitCode(ExitStatus.configurationError)
            case .input, .unknownLanguage, .changedFiles: return ExitCode(ExitStatus.inputError)
            }
        }
        do { pipeline = try Pipeline(options) } catch { throw fail(error) }
        let selection: InputSelection
        if changed {
            // The pre-commit hook: the sets the changed files belong to, whole.
            let sets = pipeline.sets(changed: paths).sets
            if sets.isEmpty {
                standardError("concord: no document among the changed files; nothing to check")
                return
            }
            selection = InputSelection(sets: sets)
        } else {
            selection = pipeline.selection()
        }
        for warning in selection.warnings { standardError("concord: warning: \(warning)") }
        if verbose {
            for file in selection.skipped { standardError("concord: skipped \(file.path): \(file.why)") }
        }
        if !selection.isEmpty, !selection.emptyPaths.isEmpty {
            standardError("concord: warning: \(selection.whyEmpty(selection.emptyPaths))")
        }
        // --changed-since and --shard narrow the sets found.
        let narrowed: (sets: [DocumentSet], selection: Pipeline.Selection?)
        do { narrowed = try pipeline.narrowed(selection.sets) } catch { throw fail(error) }
        let showProgress = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        // The sets a shard or --changed-since leaves out are still read into the index.
        let kept = Set(narrowed.sets.map(\.name))
        let leftOut = narrowed.selection == nil ? [] : selection.sets.filter { !kept.contains($0.name) }
        var result = pipeline.run(narrowed.sets, jobs: jobs, alsoIndex: leftOut, progress: showProgress ? progressLine : nil)
        for failure in result.onlineFailures {
            standardError("concord: note: \(failure.symbol) could not be looked up online (\(failure.url): \(failure.reason)); it was checked as offline")
        }
        result.selection = narrowed.selection
        // An empty shard, or no changed set: an empty part of the work, not a failure.
        if let note = result.selection?.note { standardError(note) }
        let report = result.report
        if verbose {
            for file in result.files { standardError("concord: read \(file.path): \(file.summary)") }
            if options.cacheFolder != nil, result.cacheHits > 0 {
                standardError("concord: \(Plural.count(result.cacheHits, "document set")) unchanged since an earlier run, taken from the cache")
            }
            for (folder, pruned) in result.cachePruned where pruned.files > 0 {
                standardError("concord: pruned the cache folder \(folder): removed \(Plural.count(pruned.files, "file")) "
                              + "(\(String(format: "%.1f", Double(pruned.bytes) / 1_048_576)) MB) unused for \(Int(CacheFolder.maximumAge / 86_400)) days, "
                              + "over its \(CacheFolder.maximumBytes >> 30) GiB limit or left half-written")
            }
        }
        if let writeBaseline {
            try emit(Baseline.render(result.baselineFindings), to: writeBaseline)
        }
        for error in report.inputErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
        }
        let environment = ProcessInfo.processInfo.environment
        let colour = output == nil && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let context = RenderContext(checks: pipeline.rules.checks, root: FileManager.default.currentDirectoryPath,
                                    failOn: failOn, colour: colour, rightToLeft: pipeline.rules.lexicon.rightToLeft)
        try emit(format.renderer.render(report, context: context), to: output)
        if !report.inputErrors.isEmpty { throw ExitCode(ExitStatus.inputError) }
        if selection.isEmpty {
            // A CI step that checked nothing (an empty folder, a folder of PDFs, an include
            // that matches nothing) must not pass as if everything were fine.
            standardError("concord: error: nothing was checked: \(selection.whyEmpty(paths))")
            throw ExitCode(ExitStatus.nothingChecked)
        }
        if report.findings.contains(where: { $0.severity >= failOn }) { throw ExitCode(ExitStatus.findings) }
    }
}

extension Check {
    /// Marks where each `--set` starts among the values ArgumentParser collects, which it
    /// gives as one list; `ConcordCommand.main` puts it after every `--set` (see
    /// `separatingSets`).
    static let setSeparator = "\u{1E}concord-set"

    /// `--set a b --set c d` as [[a, b], [c, d]].
    static func sets(_ values: [String]) -> [[String]] {
        var sets = [[String]]()
        for value in values {
            if value == setSeparator { sets.append([]) } else if sets.isEmpty { sets.append([value]) } else { sets[sets.count - 1].append(value) }
        }
        return sets
    }

    /// The arguments of `concord check` with the separator after each `--set` (before `--`,
    /// after which every argument is a path).
    static func separatingSets(_ arguments: [String]) -> [String] {
        guard arguments.first == "check" else { return arguments }
        var result = [String]()
        var inOptions = true
        for argument in arguments {
            if argument == "--" { inOptions = false }
            if inOptions, argument.hasPrefix("--set="), argument != "--set=" {
                result += ["--set", setSeparator, "--set", String(argument.dropFirst(6))]
                continue
            }
            result.append(argument)
            if inOptions, argument == "--set" { result.append(setSeparator) }
        }
        return result
    }
}

func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
