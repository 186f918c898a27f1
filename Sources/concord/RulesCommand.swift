import ArgumentParser
import Concord
import Foundation

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
        let width = ruleSet.checks.checks.map(\.id.rawValue.count).max() ?? 0
        for check in ruleSet.checks.checks {
            out += "  \(check.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \(check.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(check.description)\n"
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
