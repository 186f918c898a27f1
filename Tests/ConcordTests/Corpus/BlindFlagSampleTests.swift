import Foundation
import Testing
@testable import Concord

/// Issue 14's judged sample of flags: `scripts/sample-blind-flags` drew (seed 14) 30 of the
/// segments that `concord compare --aligned` flags at warning or above in the blind half of
/// ../shared/corpus/unpc-test (lines 2001–4000), and someone who wrote no rule judged each
/// (Fixtures/blind-flags/sample.tsv: line, the finding's check id and severity, its keys,
/// `real` or `false`, the reason). A *real* flag is a true difference between the versions'
/// references; a *false* one is a misreading of a version whose references agree.
///
/// The test runs the same comparison as the command (the files read as `concord compare`
/// reads them) and prints the figures of the goal — segments with a reference, the flagged
/// ones and their share, the six-way agreement, the sample's real and false counts and the
/// estimated false-flag rate (false share of the sample × flagged share) — with whether each
/// goal (≥ 27 of 30 real, ≤ 2 %) is met, and for each false flag whether it is still flagged.
/// It fails only when the fixture is malformed or a segment judged real is no longer flagged
/// (a real difference must stay caught); a goal not met is reported, not failed.
@Suite struct BlindFlagSampleTests {
    struct Judgement {
        var line: Int
        /// The findings Concord gave when the sample was drawn: check id and severity.
        var findings: [(check: CheckID, severity: Severity)]
        var keys: String
        var real: Bool
        var reason: String
    }

    static let blindLines = 2001...4000
    static let sampleSize = 30
    /// At least 27 of 30 sampled flags real; false flags at most 2 % of the segments with a reference.
    static let goalRealShare = 27.0 / 30.0
    static let goalFalseFlagRate = 0.02

    static func judgements() throws -> [Judgement] {
        let url = Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/blind-flags/sample.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 5, "sample.tsv: a row needs 5 tab-separated fields: \(row)")
            let line = try #require(Int(fields[0]), "sample.tsv: bad line number: \(row)")
            let findings = try fields[1].split(separator: ",").map { finding -> (check: CheckID, severity: Severity) in
                let parts = finding.split(separator: " ").map(String.init)
                try #require(parts.count == 2, "sample.tsv line \(line): finding “\(finding)” is not “check-id severity”")
                let check = try #require(CheckID(rawValue: parts[0]), "sample.tsv line \(line): unknown check id \(parts[0])")
                let severity = try #require(Severity(rawValue: parts[1]), "sample.tsv line \(line): unknown severity \(parts[1])")
                return (check, severity)
            }
            try #require(["real", "false"].contains(fields[3]), "sample.tsv line \(line): verdict must be real or false, not “\(fields[3])”")
            try #require(!fields[2].isEmpty && !fields[4].isEmpty, "sample.tsv line \(line): keys and reason must not be empty")
            return Judgement(line: line, findings: findings, keys: fields[2], real: fields[3] == "real", reason: fields[4])
        }
    }

    @Test func theSampleIsWellFormed() throws {
        let sample = try Self.judgements()
        #expect((1...Self.sampleSize).contains(sample.count), "sample.tsv holds \(sample.count) judged segments")
        #expect(Set(sample.map(\.line)).count == sample.count, "sample.tsv judges a line twice")
        for judgement in sample {
            #expect(Self.blindLines.contains(judgement.line), "line \(judgement.line) is not in the blind half")
            #expect(!judgement.findings.isEmpty && judgement.findings.allSatisfy { $0.severity >= .warning },
                    "line \(judgement.line): a sampled segment was flagged at warning or above")
        }
    }

    /// The blind half compared as `concord compare --aligned --lines 2001-4000 testset.{en,fr,es,ru,zh,ar}` does.
    static func compareBlindHalf() throws -> (segments: [AlignedComparison.Segment], flagged: Set<Int>)? {
        let rules = TestRules.shared
        let reader = DocumentReader(language: nil, lexicon: rules.lexicon)
        var versions = [AlignedComparison.Version]()
        for language in [Language.en, .fr, .es, .ru, .zh, .ar] {
            guard let path = Paths.shared("corpus/unpc-test/testset.\(language.rawValue)") else { return nil }
            versions.append(try AlignedComparison.Version(reading: path, reader: reader, rules: rules))
        }
        let segments = AlignedComparison(rules: rules).segments(versions, lines: Self.blindLines)
        let findings = segments.compactMap { AlignedComparison.finding($0, versions: versions) }
        return (segments, Set(findings.filter { $0.severity >= .warning }.map(\.location.line)))
    }

    @Test func realDifferencesStayFlagged() throws {
        let sample = try Self.judgements()
        guard let result = try Self.compareBlindHalf() else { return }
        let (segments, flagged) = result
        #expect(!segments.isEmpty, "no segment with a reference in lines 2001-4000")
        for judgement in sample where judgement.real {
            // By line number only: the reason quotes blind text, which stays in the fixture.
            let stillFlagged = flagged.contains(judgement.line)
            #expect(stillFlagged, "line \(judgement.line) was judged a real difference and is no longer flagged")
        }

        func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
        let withReference = segments.count
        let agreeing = segments.filter(\.agrees).count
        let flaggedShare = Double(flagged.count) / Double(max(withReference, 1))
        let real = sample.filter(\.real).count
        let falseCount = sample.count - real
        let falseShare = Double(falseCount) / Double(max(sample.count, 1))
        let falseFlagRate = falseShare * flaggedShare
        let realGoalMet = Double(real) / Double(max(sample.count, 1)) >= Self.goalRealShare
        let rateGoalMet = falseFlagRate <= Self.goalFalseFlagRate
        var lines = [
            "blind flags (unpc-test \(Self.blindLines.lowerBound)-\(Self.blindLines.upperBound)): \(withReference) segments with a reference,"
                + " \(flagged.count) flagged at warning or above (\(percent(flaggedShare))), six-way agreement \(agreeing) (\(percent(Double(agreeing) / Double(max(withReference, 1)))))",
            "  judged sample: \(sample.count) segments, \(real) real, \(falseCount) false"
                + " — goal ≥ 27 of 30 real: \(realGoalMet ? "met" : "not met")",
            "  estimated false flags: \(percent(falseShare)) of the sample × \(percent(flaggedShare)) flagged = \(percent(falseFlagRate))"
                + " of the segments with a reference — goal ≤ \(percent(Self.goalFalseFlagRate)): \(rateGoalMet ? "met" : "not met")",
        ]
        for judgement in sample where !judgement.real {
            lines.append("  judged false, line \(judgement.line): \(flagged.contains(judgement.line) ? "still flagged" : "no longer flagged")")
        }
        // One print, so that parallel tests do not interleave its lines.
        print(lines.joined(separator: "\n"))
    }
}
