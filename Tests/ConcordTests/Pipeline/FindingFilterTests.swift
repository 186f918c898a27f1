import Foundation
import Testing
@testable import Concord

/// The filter stage's fixed order: suppressions, severities, baseline, cap.
@Suite struct FindingFilterTests {
    /// A document with five footnote markers and no bodies: five `footnote.orphan-marker`.
    static let text = "The General Assembly,\n\n1. *Decides* to act¹ and² to report³ and⁴ to plan⁵;\n"

    func run(_ folder: URL, maximumFindings: Int?, baseline: Set<String> = []) -> Pipeline.Result {
        var options = Pipeline.Options()
        options.maximumFindingsPerFile = maximumFindings
        return Pipeline(rules: TestRules.shared, options: options, baseline: baseline)
            .run([DocumentSet(name: "x", files: [folder.appendingPathComponent("x.en.txt").path])])
    }

    @Test func aBaselineHidesFindingsBeforeTheCapCountsThem() throws {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.text.write(to: folder.appendingPathComponent("x.en.txt"), atomically: true, encoding: .utf8)
        let first = run(folder, maximumFindings: 2)
        // Capped: two reported, three counted.
        #expect(first.report.findings.map(\.rule) == [.footnoteOrphanMarker, .footnoteOrphanMarker, .reportFindingsCut])
        // A baseline written now records all five, not the two the cap let through.
        #expect(first.baselineFindings.count == 5)
        let known = Set(first.baselineFindings.map(Fingerprint.of))
        // With the baseline, nothing is new: no finding, and nothing cut.
        let second = run(folder, maximumFindings: 2, baseline: known)
        #expect(second.report.findings.isEmpty)
        #expect(second.report.inBaseline == 5)
    }

    @Test func suppressionsAndSeveritiesComeFirst() throws {
        var filter = FindingFilter(catalogue: TestRules.shared.checks)
        filter.severities = [.footnoteOrphanMarker: Severity?.some(.warning), .footnoteOrphanBody: Severity?.none]
        filter.maximumFindingsPerFile = 1
        let location = Location(file: "x.en.txt", line: 3, column: 1)
        let findings = [
            Finding(rule: .footnoteOrphanBody, severity: .error, message: "b", location: location, subject: "b"),
            Finding(rule: .footnoteOrphanMarker, severity: .error, message: "m", location: location, subject: "m"),
        ]
        let outcome = filter.apply(findings, suppressions: [:])
        // The one turned off never reaches the cap; the other is kept with its new severity.
        #expect(outcome.findings.map(\.rule) == [.footnoteOrphanMarker])
        #expect(outcome.findings.first?.severity == .warning)
        #expect(outcome.turnedOff == 1)
    }
}
