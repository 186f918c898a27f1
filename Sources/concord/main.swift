import ArgumentParser
import Concord
import Foundation

/// Exit codes, stable for CI (see README): 0 clean, 1 findings at or above the threshold,
/// 2 bad command line or a file that could not be read, 3 bad configuration (rules).
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let inputError: Int32 = 2
    static let configurationError: Int32 = 3
}

@main
struct ConcordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Checks citations, cross-references and footnotes in UN resolutions in the six official languages.",
        version: "concord \(Concord.version) (ICU \(ICU.version))",
        subcommands: [Check.self, Report.self, Extract.self, Compare.self, Rules.self, Init.self]
    )

    /// Runs the command; a bad command line exits with 2, as documented, not with
    /// ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\nSee 'concord --help'.\n").utf8))
                Foundation.exit(ExitStatus.inputError)
            }
            exit(withError: error)
        }
    }
}

/// A progress line on standard error, rewritten in place and cleared at the end.
@Sendable func progressLine(_ done: Int, _ total: Int) {
    FileHandle.standardError.write(Data("\rconcord: checked \(done) of \(total) document sets".utf8))
    if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

/// The compiled rules, or one error line and exit code 3 when they cannot be loaded: the
/// built-in ones, or with `--rules DIR` the files of DIR instead (a complete replacement, so
/// that an editor can try an edited copy of Rules/). Nothing else is looked for: no Rules/
/// folder nearby, no environment variable.
func loadRules(_ explicit: String?) throws -> RuleSet {
    if ProcessInfo.processInfo.environment["CONCORD_RULES"] != nil {
        // It used to choose the rules; ignoring it without a word would hide why an edited
        // copy has no effect.
        FileHandle.standardError.write(Data("concord: warning: CONCORD_RULES is no longer read: the rules are built in; give --rules DIR to replace them\n".utf8))
    }
    do {
        return try RuleSet.shared(source: explicit.map { .folder(URL(fileURLWithPath: $0)) } ?? .builtIn)
    } catch {
        FileHandle.standardError.write(Data((String(describing: error) + "\n").utf8))
        throw ExitCode(ExitStatus.configurationError)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, github, markdown, html
}

extension Severity: ExpressibleByArgument {}

/// Writes a report to a file atomically (a temporary file renamed over it), or to standard
/// output.
func emit(_ text: String, to output: String?) throws {
    guard let output else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("\(output): error: cannot be written: \(error.localizedDescription)\n".utf8))
        throw ExitCode(ExitStatus.inputError)
    }
}

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

    @Option(name: .long, help: "The documents' language (ar, zh, en, fr, ru, es), overriding the file names and the text.")
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

    @Argument(help: "Files or folders to check.")
    var paths: [String] = []

    func validate() throws {
        if let lang, Language(code: lang) == nil {
            throw ValidationError("unknown language '\(lang)': use one of ar, zh, en, fr, ru, es")
        }
        if paths.isEmpty && explicitSet.isEmpty { throw ValidationError("give at least one file or folder") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        for (name, value) in [("--max-file-size", maxFileSize), ("--max-findings", maxFindings), ("--max-docx-size", maxDocxSize)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
    }

    func run() throws {
        // Configuration first: its rule folders are part of the rules.
        let base = try loadRules(rules)
        var configuration = Configuration()
        if let path = config ?? Configuration.find(from: FileManager.default.currentDirectoryPath) {
            do { configuration = try Configuration.load(path, checks: base.checks) } catch {
                FileHandle.standardError.write(Data((String(describing: error) + "\n").utf8))
                throw ExitCode(ExitStatus.configurationError)
            }
        }
        var ruleSet = base
        if !configuration.ruleFolders.isEmpty {
            do {
                ruleSet = try RuleSet.shared(source: base.source, extraFolders: configuration.ruleFolders.map {
                    URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: configuration.base + "/")).standardizedFileURL
                })
            } catch {
                FileHandle.standardError.write(Data((String(describing: error) + "\n").utf8))
                throw ExitCode(ExitStatus.configurationError)
            }
        }
        var known = Set<String>()
        if let baseline {
            do { known = try Baseline.read(baseline) } catch {
                FileHandle.standardError.write(Data((String(describing: error) + "\n").utf8))
                throw ExitCode(ExitStatus.inputError)
            }
        }
        var reader = DocumentReader(language: lang.flatMap(Language.init(code:)))
        reader.textComment = configuration.textComment
        reader.maximumFileSize = maxFileSize ?? configuration.limits.fileSize ?? DocumentReader.defaultMaximumFileSize
        reader.docxByteLimit = maxDocxSize ?? configuration.limits.docxSize ?? reader.docxByteLimit
        var checker = Checker(rules: ruleSet, reader: reader)
        checker.maximumFindingsPerFile = maxFindings ?? configuration.limits.findingsPerFile ?? checker.maximumFindingsPerFile
        checker.keepDocuments = format == .html
        let settings = configuration
        checker.issuingBody = { settings.issuingBody(for: $0) }
        checker.adjust = { finding in
            var finding = finding
            if let level = settings.severities[finding.rule] {
                guard let level else { return nil }  // off
                finding.severity = level
            }
            return finding
        }
        let files = InputFiles.expand(paths).filter { !explicitSet.contains($0) && configuration.selects($0) }
        var sets = DocumentSet.group(files, patterns: configuration.setPatterns, base: configuration.base)
        if !explicitSet.isEmpty {
            sets.append(DocumentSet(name: explicitSet.joined(separator: " + "), files: explicitSet))
        }
        let showProgress = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        var report = checker.check(sets, jobs: jobs, progress: showProgress ? progressLine : nil)
        if let writeBaseline {
            try emit(Baseline.render(report.findings), to: writeBaseline)
        }
        if !known.isEmpty {
            for index in report.sets.indices {
                report.sets[index].findings.removeAll { known.contains(Fingerprint.of($0)) }
            }
        }
        for error in report.inputErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
        }
        let text: String
        switch format {
        case .text:
            let colour = output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                && ProcessInfo.processInfo.environment["TERM"] != "dumb"
            text = TextReport.render(report, style: .init(colour: colour))
        case .json:
            text = JSONReport.render(report)
        case .sarif:
            text = SARIFReport.render(report, checks: ruleSet.checks, root: FileManager.default.currentDirectoryPath)
        case .junit:
            text = JUnitReport.render(report, failOn: failOn)
        case .github:
            text = GitHubReport.render(report)
        case .markdown:
            text = MarkdownReport.render(report)
        case .html:
            text = HTMLReport.render(report)
        }
        try emit(text, to: output)
        if !report.inputErrors.isEmpty { throw ExitCode(ExitStatus.inputError) }
        if report.findings.contains(where: { $0.severity >= failOn }) { throw ExitCode(ExitStatus.findings) }
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the document model: paragraphs with their ids, footnotes with the places of their bodies and markers.",
        discussion: "Folders are searched for .txt and .md files. Unreadable files get one error line each on standard error; the others are still printed, and the exit code is 2."
    )

    @Option(name: .long, help: "Output format: text (an outline for people) or json (one object per file; an array for several).")
    var format: OutputFormat = .text

    @Option(name: .long, help: "The documents' language (ar, zh, en, fr, ru, es), overriding the file name and the text.")
    var lang: String?

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Flag(name: .long, help: "Print the document model only, without citations.")
    var noCitations = false

    @Argument(help: "Files or folders to read.")
    var paths: [String]

    func validate() throws {
        if let lang, Language(code: lang) == nil {
            throw ValidationError("unknown language '\(lang)': use one of ar, zh, en, fr, ru, es")
        }
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
    }

    func run() throws {
        let extractor = noCitations ? nil : CitationExtractor(rules: try loadRules(rules))
        let reader = DocumentReader(language: lang.flatMap(Language.init(code:)))
        var documents = [Document]()
        var failed = false
        for file in InputFiles.expand(paths) {
            do {
                documents.append(try reader.read(path: file))
            } catch {
                failed = true
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
            }
        }
        var output = ""
        switch format {
        case .json:
            let values = documents.map { ExtractRenderer.json($0, citations: extractor?.citations(in: $0)) }
            let single = paths.count == 1 && values.count == 1 && !InputFiles.isFolder(paths[0])
            output = (single ? values[0] : .array(values)).rendered()
        case .text:
            output = documents.map { ExtractRenderer.text($0, citations: extractor?.citations(in: $0)) }.joined(separator: "\n")
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if failed { throw ExitCode(ExitStatus.inputError) }
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare language versions: with --aligned, line N of each file is the same segment, and its references must have the same keys in every version.",
        discussion: "The first file is the reference: segments where it holds a reference are compared. Exit code 1 when some segment disagrees."
    )

    @Flag(name: .long, help: "Treat line N of every file as the same segment.")
    var aligned = false

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Flag(name: .long, help: "Print only the summary line.")
    var summary = false

    @Argument(help: "Two to six files, one per language (the language from each file name).")
    var files: [String]

    func validate() throws {
        guard aligned else { throw ValidationError("only --aligned comparison is available so far") }
        guard files.count >= 2 else { throw ValidationError("give at least two files") }
    }

    func run() throws {
        let ruleSet = try loadRules(rules)
        var versions = [AlignedComparison.Version]()
        for file in files {
            do {
                guard let data = FileManager.default.contents(atPath: file) else { throw InputError(file: file, reason: .notFound) }
                let source = try SourceDecoder.decode([UInt8](data), file: file)
                guard let language = Language.fromFileName(file) ?? LanguageDetector.detect(source.units) else {
                    throw InputError(file: file, reason: .malformed("cannot tell the language: name the file like name.fr.txt", line: nil))
                }
                versions.append(.init(file: file, language: language, source: source))
            } catch {
                FileHandle.standardError.write(Data((String(describing: error) + "\n").utf8))
                throw ExitCode(ExitStatus.inputError)
            }
        }
        let segments = AlignedComparison(rules: ruleSet).segments(versions)
        var out = ""
        if !summary {
            for segment in segments where !segment.agrees {
                out += "\(versions[0].file):\(segment.line): the versions cite different references\n"
                for (version, keys) in zip(versions, segment.keys) {
                    let mark = keys == segment.keys[0] ? " " : "≠"
                    out += "  \(mark) \(version.language.rawValue): \(keys.joined(separator: " "))\n"
                }
            }
        }
        let agreeing = segments.filter(\.agrees).count
        let rate = segments.isEmpty ? 100.0 : Double(agreeing) * 100 / Double(segments.count)
        out += "aligned: \(segments.count) segments with references in \(versions[0].file); \(agreeing) agree in all \(versions.count) versions (\(String(format: "%.1f", rate))%)\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if agreeing < segments.count { throw ExitCode(ExitStatus.findings) }
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the checks and citation rules, and check the Rules folder: load every file and run every rule's examples.",
        discussion: "For editors of Rules/: after adding a word, a body or a pattern, run this; it names each example that no longer gives its keys. Exit code 1 when an example fails, 3 when a file cannot be loaded."
    )

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    func run() throws {
        let ruleSet = try loadRules(rules)
        let summary = RuleExamples.run(ruleSet)
        var out = "checks (Rules/checks.yml):\n"
        let width = ruleSet.checks.checks.map(\.id.count).max() ?? 0
        for check in ruleSet.checks.checks {
            out += "  \(check.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(check.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(check.description)\n"
        }
        out += "citation rules (Rules/languages/*.yml):\n"
        for language in ruleSet.languages.keys.sorted() {
            let patterns = ruleSet.languages[language]!.patterns
            out += "  \(language.rawValue): \(patterns.map(\.id).joined(separator: ", "))\n"
        }
        out += summary.failures.map { $0.description + "\n" }.joined()
        let languages = ruleSet.languages.keys.sorted().map(\.rawValue).joined(separator: ", ")
        out += "rules: \(summary.examples) examples in \(ruleSet.source == .builtIn ? "the rules " : "")\(ruleSet.source) (languages: \(languages)); \(summary.failures.count) failed\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if !summary.failures.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented default .concord.yml in the current folder."
    )

    @Flag(name: .long, help: "Replace an existing .concord.yml.")
    var force = false

    func run() throws {
        let path = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(Configuration.fileName)
        if FileManager.default.fileExists(atPath: path) && !force {
            FileHandle.standardError.write(Data("\(path): error: already exists (use --force to replace it)\n".utf8))
            throw ExitCode(ExitStatus.configurationError)
        }
        try emit(Configuration.template, to: path)
        FileHandle.standardOutput.write(Data("wrote \(Configuration.fileName)\n".utf8))
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML page that shows each document set's language versions side by side, with citations and findings.",
        discussion: "The same as `concord check --format html --output OUT.html PATH…`; the exit code is check's."
    )

    @Option(name: .long, help: "The page to write.")
    var html: String

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Argument(help: "Files or folders to show.")
    var paths: [String]

    func run() throws {
        var arguments = ["--format", "html", "--output", html]
        if let rules { arguments += ["--rules", rules] }
        let check = try Check.parse(arguments + paths)
        try check.run()
    }
}
