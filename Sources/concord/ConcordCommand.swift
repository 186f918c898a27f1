import ArgumentParser
import Concord
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Exit codes, stable for CI (see README): 0 clean, 1 findings at or above the threshold,
/// 2 bad command line or a file that could not be read, 3 bad configuration (rules),
/// 4 nothing was checked; `table` is what `concord --help` prints.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let inputError: Int32 = 2
    static let configurationError: Int32 = 3
    static let nothingChecked: Int32 = 4

    /// The exit codes as `concord --help` lists them (the README has the same table).
    static let table = """
    Exit codes:
      0  nothing at or above --fail-on (check, report, compare, merge); every file read
         (extract); an empty shard, or no set changed since --changed-since
      1  findings at or above --fail-on (check, report, merge); segments that disagree
         (compare); failing rule examples (rules)
      2  a bad command line (an unknown option or check id, `init` where .concord.yml exists),
         or an input that could not be used (a missing path, an unreadable file, two files of
         one language in a set; a report merge cannot read; --changed-since outside a git
         repository): one line each on standard error, the other files still checked
      3  unusable rules or configuration (a rule file or .concord.yml missing or invalid)
      4  nothing was checked (check, report): no document found or selected under the paths
         (an empty folder, a folder of PDFs, an include that matches nothing); standard error
         says why, check -v lists the files
    """
}

@main
struct ConcordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Checks citations, cross-references and footnotes in UN resolutions in the six official languages.",
        discussion: ExitStatus.table,
        version: versionText,
        subcommands: [Check.self, Merge.self, Report.self, Extract.self, Compare.self, Graph.self, Rules.self, Init.self, DeriveRules.self]
    )

    /// The version and the pre-filter's engine, which opens the Hyperscan library to name its
    /// version: written out only when `--version` is asked for (the configuration is made at
    /// every start, and a run that leaves Hyperscan alone should not open it).
    static var versionText: String {
        let short = "concord \(Concord.version) (ICU \(ICU.version))"
        return CommandLine.arguments.dropFirst().contains("--version") ? short + "\n" + PrefilterEngine.summary : short
    }

    /// Runs the command; a bad command line exits with 2, as documented, not with
    /// ArgumentParser's 64.
    static func main() {
        #if canImport(Glibc)
        // glibc serves each allocation above 32 MB with fresh pages from the kernel and hands
        // them back when freed, so every copy of a large array (half a million citations on a
        // 50 MB line) paid the kernel's page clearing again: a fifth of that run's CPU time,
        // and much of the reason ten times the input cost 15 times the CPU time. Served from the
        // heap and kept for reuse (with RepositoryEntryBuilder no longer re-sorting citations
        // already in order), it cost 13.6 times against 15.2, side by side (Tests/hostile/run).
        // (`mallopt` of <malloc.h>, which Swift's Glibc module leaves out: found by name.)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        if let symbol = dlsym(nil, "mallopt") {
            let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
            _ = mallopt(-4, 0)          // M_MMAP_MAX: no allocation served by mmap
            _ = mallopt(-1, Int32.max)  // M_TRIM_THRESHOLD: freed memory kept for reuse
        }
        #endif
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `check` with the built-in rules and cache folder (the common run): the rules are
        // read from the rule cache, and the languages the files' names give compiled, on the
        // second core while the command line is parsed (about 3 ms). `--rules` and
        // `--cache-dir` change where they come from; with `--no-cache` or an HTML report
        // (anything that reads `html`), the prefetch writes nothing in the cache folder.
        if arguments.first == "check",
           !arguments.contains(where: { ["--rules", "--cache-dir"].contains($0.split(separator: "=", maxSplits: 1).first ?? "") }) {
            let writes = !arguments.contains("--no-cache") && !arguments.contains { $0.contains("html") }
            RuleSet.prefetch(files: arguments.dropFirst().filter { !$0.hasPrefix("-") }, cacheFolder: Pipeline.defaultCacheFolder(),
                             writes: writes)
        }
        do {
            var command = try parseAsRoot(Check.separatingSets(arguments))
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
/// `withExamples`: rules that hold their rules' examples (`concord rules`, which runs them).
func loadRules(_ explicit: String?, withExamples: Bool = false) throws -> RuleSet {
    warnAboutConcordRules()
    do {
        return try RuleSet.shared(source: explicit.map { .folder(URL(fileURLWithPath: $0)) } ?? .builtIn,
                                  cacheFolder: Pipeline.defaultCacheFolder(), withExamples: withExamples)
    } catch {
        FileHandle.standardError.write(Data((String(describing: error) + "\n").utf8))
        throw ExitCode(ExitStatus.configurationError)
    }
}

/// The language `--lang` names, among those of the rules in use; one error line and exit
/// code 2 when they do not know it.
func language(_ code: String?, lexicon: ReadingLexicon) throws -> Language? {
    guard let code else { return nil }
    guard let language = lexicon.language(code: code) else {
        let known = lexicon.known.sorted().map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("concord: error: unknown language '\(code)': use one of \(known)\n".utf8))
        throw ExitCode(ExitStatus.inputError)
    }
    return language
}

/// CONCORD_RULES used to choose the rules; ignoring it without a word would hide why an
/// edited copy has no effect.
func warnAboutConcordRules() {
    if ProcessInfo.processInfo.environment["CONCORD_RULES"] != nil {
        FileHandle.standardError.write(Data("concord: warning: CONCORD_RULES is no longer read: the rules are built in; give --rules DIR to replace them\n".utf8))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ReportFormat: ExpressibleByArgument {}

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
