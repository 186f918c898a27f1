import ArgumentParser
import Concord
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check documents: broken references in each, and disagreements between the language versions of each document.",
        discussion: """
        Folders are searched for .txt and .md files. Files of one document in several languages form a set by name         (res-6-1.fr.txt with res-6-1.en.txt; A_RES_80_13-EN.txt with A_RES_80_13-FR.txt, in one folder), or explicitly with --set.         Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a bad command line or a file that could not be read, 3 unusable rules.
        """
    )

    @Option(name: .long, help: "Report format: text (compiler-style lines), json, sarif (SARIF 2.1.0), junit (one test case per document set), github (workflow annotations), markdown (a job summary), html (the side-by-side view).")
    var format: ReportFormat = .text

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit code 1: error, warning or note.")
    var failOn: Severity = .error

    @Option(name: .customLong("set"), parsing: .upToNextOption, help: "Files that are language versions of one document, whatever their names.")
    var explicitSet: [String] = []

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
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("max-file-size"), help: "Refuse files larger than this many bytes (default 67108864, 64 MiB).")
    var maxFileSize: Int?

    @Option(name: .customLong("max-findings"), help: "Report at most this many findings per file; the rest are counted (default 1000).")
    var maxFindings: Int?

    @Option(name: .customLong("max-docx-size"), help: "Refuse a .docx whose parts inflate to more than this many bytes (default 268435456, 256 MiB).")
    var maxDocxSize: Int?

    @Flag(name: .long, help: "The paths are the files a commit changes (the pre-commit hook): check, whole, every set of language versions they belong to — the other versions found by name and the configuration's set-patterns, from the configuration's folder or the git repository's root. Changed files that are not documents (READMEs, other extensions, names without a language) are left alone; when none is a document, nothing is checked and the exit code is 0.")
    var changed = false

    @Argument(help: "Files or folders to check (with --changed: the changed files).")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && explicitSet.isEmpty && !changed { throw ValidationError("give at least one file or folder") }
        if changed && !explicitSet.isEmpty { throw ValidationError("--changed takes the changed files as its paths; it cannot be combined with --set") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        for (name, value) in [("--max-file-size", maxFileSize), ("--max-findings", maxFindings), ("--max-docx-size", maxDocxSize)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
    }

    func run() throws {
        var options = Pipeline.Options()
        options.paths = paths
        options.explicitSets = explicitSet.isEmpty ? [] : [explicitSet]
        options.language = lang
        options.rulesFolder = rules
        options.configurationFile = config
        options.baselineFile = baseline
        options.maximumFileSize = maxFileSize
        options.maximumFindingsPerFile = maxFindings
        options.maximumDocxSize = maxDocxSize
        options.keepDocuments = format.showsDocuments
        warnAboutConcordRules()
        let pipeline: Pipeline
        do { pipeline = try Pipeline(options) } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            switch error {
            case .configuration: throw ExitCode(ExitStatus.configurationError)
            case .input, .unknownLanguage: throw ExitCode(ExitStatus.inputError)
            }
        }
        let showProgress = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        let result: Pipeline.Result
        if changed {
            // The pre-commit hook: the sets the changed files belong to, whole.
            let sets = pipeline.sets(changed: paths).sets
            if sets.isEmpty {
                FileHandle.standardError.write(Data("concord: no document among the changed files; nothing to check\n".utf8))
                return
            }
            result = pipeline.run(sets, jobs: jobs, progress: showProgress ? progressLine : nil)
        } else {
            result = pipeline.run(jobs: jobs, progress: showProgress ? progressLine : nil)
        }
        let report = result.report
        if let writeBaseline {
            try emit(Baseline.render(result.baselineFindings), to: writeBaseline)
        }
        for error in report.inputErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
        }
        let environment = ProcessInfo.processInfo.environment
        let colour = output == nil && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let context = RenderContext(checks: pipeline.rules.checks, root: FileManager.default.currentDirectoryPath,
                                    failOn: failOn, colour: colour)
        try emit(format.renderer.render(report, context: context), to: output)
        if !report.inputErrors.isEmpty { throw ExitCode(ExitStatus.inputError) }
        if report.findings.contains(where: { $0.severity >= failOn }) { throw ExitCode(ExitStatus.findings) }
    }
}
