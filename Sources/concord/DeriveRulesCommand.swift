import ArgumentParser
import Concord
import Foundation

/// For Concord's developers, not listed in the help: writes the built-in rules' analyses made
/// ahead (`DerivedRules`), which the next build embeds. `scripts/derive-rules` builds and runs it.
struct DeriveRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive-rules",
        abstract: "Write the built-in rules' pre-scan tables and expanded patterns for the next build (scripts/derive-rules).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "The file to write (Sources/Concord/Derived/rules.derived).")
    var output: String

    func run() throws {
        let text: String
        do { text = try DerivedRules.text() } catch {
            standardError(String(describing: error))
            throw ExitCode(ExitStatus.configurationError)
        }
        let url = URL(fileURLWithPath: output)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            standardError("concord: error: \(output): cannot be written: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.inputError)
        }
    }
}
