import ArgumentParser
import Concord
import Foundation

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",  // named, not derived from the type at every start
        abstract: "List the checks and citation rules, and check the Rules folder: load every file and run every rule's examples; or explain one check.",
        discussion: "For editors of Rules/: after adding a word, a body or a pattern, run this; it names each example that no longer gives its keys. `concord rules ID` explains one check: its default severity, what it finds and what to do, and the examples that do and do not trigger it. Exit code 1 when an example fails, 2 for an unknown check id, 3 when a file cannot be loaded."
    )

    @Option(name: .long, help: "A folder of rule files (the layout of Rules/) to use instead of the built-in rules.")
    var rules: String?

    @Argument(help: "A check id (footnote.numbering-gap): explain that check.")
    var id: String?

    func run() throws {
        let ruleSet = try loadRules(rules, withExamples: true)
        if let id {
            try explain(id, ruleSet)
            return
        }
        let summary = RuleExamples.run(ruleSet)
        var out = "checks (Rules/checks.yml):\n"
        let width = ruleSet.checks.checks.map(\.id.rawValue.count).max() ?? 0
        for check in ruleSet.checks.checks {
            out += "  \(check.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \(check.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(check.description)\n"
        }
        out += "citation rules (Rules/languages/*.yml):\n"
        for language in ruleSet.languages.keys.sorted() {
            let patterns = ruleSet.languages[language]!.patterns
            out += "  \(language.rawValue): \(patterns.map(\.id).joined(separator: ", "))\n"
        }
        out += PrefilterEngine.summary + "\n"
        for language in ruleSet.languages.keys.sorted() {
            guard let coverage = ruleSet.languages[language]!.prefilterCoverage else { continue }
            let icuOnly = coverage.icuOnly.isEmpty ? "" : "; ICU only: " + coverage.icuOnly.joined(separator: ", ")
            out += "  \(language.rawValue): \(coverage.covered) of \(coverage.total) patterns in the Hyperscan database\(icuOnly)\n"
        }
        out += summary.failures.map { $0.description + "\n" }.joined()
        let languages = ruleSet.languages.keys.sorted().map(\.rawValue).joined(separator: ", ")
        out += "rules: \(summary.examples) examples in \(ruleSet.source == .builtIn ? "the rules " : "")\(ruleSet.source) (languages: \(languages)); \(summary.failures.count) failed\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if !summary.failures.isEmpty { throw ExitCode(ExitStatus.findings) }
    }

    /// One check: id, severity, description, and its examples as files.
    func explain(_ id: String, _ ruleSet: RuleSet) throws {
        guard let checkID = CheckID(named: id), let check = Checks.all.first(where: { $0.id == checkID }) else {
            let close = DidYouMean.closest(to: id, among: CheckID.allCases.map(\.rawValue), within: 3)
            let hint = close.map { " (did you mean '\($0)'?)" } ?? ""
            FileHandle.standardError.write(Data("concord: error: unknown check '\(id)'\(hint); `concord rules` lists the checks\n".utf8))
            throw ExitCode(ExitStatus.inputError)
        }
        let entry = ruleSet.checks.check(checkID)
        var out = "\(checkID.rawValue) (default severity: \(entry.severity.rawValue))\n\n\(entry.description)\n"
        func show(_ examples: [CheckExamples.Example], _ title: String) {
            for (n, example) in examples.enumerated() {
                out += "\n\(title)\(examples.count > 1 ? " (\(n + 1) of \(examples.count))" : ""):\n"
                for file in example.files {
                    out += "  \(file.name):\n"
                    out += file.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(file.text.hasSuffix("\n") ? 1 : 0)
                        .map { $0.isEmpty ? "\n" : "    \($0)\n" }.joined()
                }
                if let limit = example.findingsPerFile { out += "  (with --max-findings \(limit))\n" }
            }
        }
        show(check.examples.triggering, "Reported on")
        show(check.examples.nonTriggering, "Not reported on")
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
