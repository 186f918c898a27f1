import ArgumentParser
import Concord
import Foundation

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
        let reader = DocumentReader(language: nil, lexicon: ruleSet.lexicon)
        for file in files {
            do {
                versions.append(try AlignedComparison.Version(reading: file, reader: reader, rules: ruleSet))
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
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
