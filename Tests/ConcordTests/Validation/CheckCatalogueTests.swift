import Foundation
import Testing
@testable import Concord

/// Every check is one type with its id, default severity and examples; `Rules/checks.yml`
/// describes exactly those checks; every example gives (or does not give) its finding when
/// run through the whole pipeline, as a user's files would be.
@Suite struct CheckCatalogueTests {
    @Test func theRuleFileAndTheCodeDescribeTheSameChecks() {
        let inCode = Checks.all.map { $0.id }
        #expect(Set(inCode).count == inCode.count, "a check id is used by two types")
        #expect(Set(inCode) == Set(CheckID.allCases), "a check id has no type, or a type no id")
        let catalogue = TestRules.shared.checks
        #expect(catalogue.checks.map(\.id).sorted() == CheckID.allCases.sorted())
        for check in Checks.all {
            #expect(catalogue.severity(check.id) == check.defaultSeverity,
                    "Rules/checks.yml gives \(check.id) \(catalogue.severity(check.id)), the code \(check.defaultSeverity)")
            #expect(!catalogue.check(check.id).description.isEmpty)
        }
    }

    @Test func aRuleFileThatNamesAnUnknownCheckOrLeavesOneOutIsAnError() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Paths.repository.appendingPathComponent("Rules"), to: folder.appendingPathComponent("Rules"))
        let checks = folder.appendingPathComponent("Rules/checks.yml")
        let original = try String(contentsOf: checks, encoding: .utf8)
        try original.replacingOccurrences(of: "id: date.impossible", with: "id: date.imposible").write(to: checks, atomically: true, encoding: .utf8)
        #expect(throws: RuleError.self) { _ = try RuleSet(folder: folder.appendingPathComponent("Rules")) }
        do {
            _ = try RuleSet(folder: folder.appendingPathComponent("Rules"))
        } catch {
            #expect(error.description.contains("checks.yml") && error.description.contains("date.imposible"))
        }
        // Without date.impossible: its three lines taken out.
        var lines = original.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  - id: date.impossible"))
        lines.removeSubrange(start..<(start + 3))
        try lines.joined(separator: "\n").write(to: checks, atomically: true, encoding: .utf8)
        do {
            _ = try RuleSet(folder: folder.appendingPathComponent("Rules"))
            Issue.record("a checks.yml without date.impossible loaded")
        } catch {
            #expect(error.description.contains("date.impossible"))
        }
    }

    /// Runs one example's files through the pipeline and returns the ids found.
    func run(_ example: CheckExamples.Example) throws -> [CheckID] {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = [String]()
        for (name, text) in example.files {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        var options = Pipeline.Options()
        options.maximumFindingsPerFile = example.findingsPerFile
        let pipeline = Pipeline(rules: TestRules.shared, options: options)
        let result = pipeline.run([DocumentSet(name: "example", files: files.sorted())])
        #expect(result.report.inputErrors.isEmpty)
        return result.report.findings.map(\.rule)
    }

    @Test func everyCheckCarriesExamplesThatBehave() throws {
        for check in Checks.all {
            #expect(!check.examples.triggering.isEmpty && !check.examples.nonTriggering.isEmpty, "\(check.id) has no examples")
            for example in check.examples.triggering {
                let found = try run(example)
                #expect(found.contains(check.id), "\(check.id): the triggering example gives \(found)")
            }
            for example in check.examples.nonTriggering {
                let found = try run(example)
                #expect(!found.contains(check.id), "\(check.id): the non-triggering example gives \(found)")
            }
        }
    }
}
