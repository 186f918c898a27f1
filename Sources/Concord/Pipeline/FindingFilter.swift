import Foundation

/// The filter stage: what the user asked not to see, in one fixed order —
/// 1. inline suppressions (`concord-disable …` in the document);
/// 2. severities from the configuration (a check changed to another severity, or `off`);
/// 3. the baseline (findings recorded earlier by fingerprint);
/// 4. the cap on findings per file (the rest counted in one `report.findings-cut`).
/// The baseline comes before the cap, so that a finding the baseline knows never uses up a
/// place under the cap, and the cut is counted on what would have been reported.
public struct FindingFilter: Sendable {
    public var severities: [CheckID: Severity?] = [:]
    public var baseline: Set<String> = []
    public var maximumFindingsPerFile = 1000
    public var catalogue: CheckCatalogue

    public init(catalogue: CheckCatalogue) {
        self.catalogue = catalogue
    }

    /// What the stage kept, and what it took out at each step.
    public struct Outcome: Sendable {
        public var findings: [Finding]
        /// The findings after suppressions and severities, before the baseline and the cap:
        /// what `--write-baseline` records.
        public var beforeBaseline: [Finding]
        public var suppressed = 0
        public var turnedOff = 0
        public var inBaseline = 0
    }

    public func apply(_ findings: [Finding], suppressions: [String: Suppressions]) -> Outcome {
        var kept = [Finding]()
        var suppressed = 0, turnedOff = 0, inBaseline = 0
        for finding in findings {
            if suppressions[finding.location.file]?.silences(finding) == true { suppressed += 1; continue }
            var finding = finding
            if let level = severities[finding.rule] {
                guard let level else { turnedOff += 1; continue }
                finding.severity = level
            }
            kept.append(finding)
        }
        kept.sort(by: Finding.ordered)
        let beforeBaseline = kept
        if !baseline.isEmpty {
            let count = kept.count
            kept.removeAll { baseline.contains(Fingerprint.of($0)) }
            inBaseline = count - kept.count
        }
        var outcome = Outcome(findings: capped(kept), beforeBaseline: beforeBaseline)
        outcome.suppressed = suppressed
        outcome.turnedOff = turnedOff
        outcome.inBaseline = inBaseline
        return outcome
    }

    private func capped(_ findings: [Finding]) -> [Finding] {
        var perFile = [String: Int]()
        var cut = [String: (count: Int, first: Finding)]()
        var kept = [Finding]()
        for finding in findings {
            let n = perFile[finding.location.file, default: 0]
            perFile[finding.location.file] = n + 1
            if n < maximumFindingsPerFile {
                kept.append(finding)
            } else if let previous = cut[finding.location.file] {
                cut[finding.location.file] = (previous.count + 1, previous.first)
            } else {
                cut[finding.location.file] = (1, finding)
            }
        }
        for (file, info) in cut.sorted(by: { $0.key < $1.key }) {
            var location = info.first.location
            location.message = nil
            let id = CheckID.reportFindingsCut
            var finding = Finding(rule: id, severity: catalogue.severity(id),
                                  message: "\(info.count) more finding\(info.count == 1 ? "" : "s") in \(PathText.lastComponent(file)) not reported (limit \(maximumFindingsPerFile) per file)",
                                  location: location, subject: "findings cut")
            if let level = severities[id] {
                guard let level else { continue }
                finding.severity = level
            }
            kept.append(finding)
        }
        return kept.sorted(by: Finding.ordered)
    }
}
