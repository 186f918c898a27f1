/// Reports for CI systems: JUnit XML (one test case per document set), GitHub Actions
/// workflow commands (annotations), and a Markdown summary for a job summary page.
public enum JUnitReport {
    public static func render(_ report: CheckReport, failOn: Severity) -> String {
        let failing = report.sets.filter { $0.findings.contains { $0.severity >= failOn } }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"concord\" tests=\"\(report.sets.count)\" failures=\"\(failing)\" errors=\"\(report.inputErrors.count)\">\n"
        out += "  <testsuite name=\"concord check\" tests=\"\(report.sets.count)\" failures=\"\(failing)\" errors=\"\(report.inputErrors.count)\">\n"
        for set in report.sets {
            let languages = set.languages.map(\.rawValue).joined(separator: ", ")
            out += "    <testcase classname=\"concord\" name=\"\(escape(set.set.name))\(languages.isEmpty ? "" : " (\(languages))")\">\n"
            let failures = set.findings.filter { $0.severity >= failOn }
            let lines = { (findings: [Finding]) in
                findings.map { "\($0.location.display): \($0.severity.rawValue): \($0.message) [\($0.rule)]" }.joined(separator: "\n")
            }
            if !failures.isEmpty {
                let word = failures.count == 1 ? "finding" : "findings"
                out += "      <failure type=\"\(failures.map(\.severity).max()!.rawValue)\" message=\"\(failures.count) \(word) at or above \(failOn.rawValue)\">\(escape(lines(failures)))</failure>\n"
            }
            let others = set.findings.filter { $0.severity < failOn }
            if !others.isEmpty { out += "      <system-out>\(escape(lines(others)))</system-out>\n" }
            out += "    </testcase>\n"
        }
        for error in report.inputErrors {
            out += "    <testcase classname=\"concord\" name=\"\(escape(error.file))\">\n"
            out += "      <error type=\"input\" message=\"\(escape(error.message))\">\(escape(error.description))</error>\n"
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }
}

public enum GitHubReport {
    /// One workflow command per finding: `::error file=…,line=…,col=…,title=…::message`.
    /// Files are given relative to `root` (the repository's root, where the step runs: GitHub
    /// attaches an annotation to the pull request's diff only by that path, so `./ru/a.txt`
    /// or an absolute path would not be shown there).
    public static func render(_ report: CheckReport, root: String? = nil) -> String {
        func file(_ path: String) -> String { property(root.map { SARIFReport.relativePath(path, to: $0) } ?? path) }
        var out = ""
        for finding in report.findings {
            let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            out += "::\(command) file=\(file(finding.location.file)),line=\(finding.location.line),col=\(finding.location.column),title=\(property(finding.rule.rawValue))::\(data(finding.message + (finding.location.page.map { " (page \($0))" } ?? "")))\n"
        }
        for error in report.inputErrors {
            out += "::error file=\(file(error.file))\(error.line.map { ",line=\($0)" } ?? ""),title=input::\(data(error.message))\n"
        }
        return out
    }

    /// The escaping GitHub's runner undoes in a command's message.
    public static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// The escaping of a property value (`file=…`): also `:` and `,`.
    public static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

public enum MarkdownReport {
    /// A summary table (for `$GITHUB_STEP_SUMMARY`), then the findings of each set.
    public static func render(_ report: CheckReport) -> String {
        var out = "## Concord\n\n"
        out += TextReport.summary(report).replacingOccurrences(of: "concord: ", with: "") + "\n\n"
        out += "| Document set | Languages | Errors | Warnings | Notes |\n|---|---|---:|---:|---:|\n"
        for set in report.sets {
            let count = { (s: Severity) in set.findings.filter { $0.severity == s }.count }
            out += "| \(cell(set.set.name)) | \(set.languages.map(\.rawValue).joined(separator: ", ")) | \(count(.error)) | \(count(.warning)) | \(count(.note)) |\n"
        }
        for set in report.sets where !set.findings.isEmpty {
            out += "\n### \(cell(set.set.name))\n\n"
            for finding in set.findings {
                out += "- **\(finding.severity.rawValue)** `\(finding.location.display)` \(cell(finding.message)) (`\(finding.rule)`)\n"
            }
        }
        if !report.inputErrors.isEmpty {
            out += "\n### Files that could not be read\n\n"
            for error in report.inputErrors { out += "- `\(error.file)`: \(cell(error.message))\n" }
        }
        return out
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
