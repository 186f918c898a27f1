import Foundation
import Testing
@testable import Concord

/// Issue 14's judged sample of flags: `scripts/sample-blind-flags` drew (seed 14) 30 of the
/// segments that `concord compare --aligned` flags at warning or above in the blind half of
/// ../shared/corpus/unpc-test (lines 2001–4000), and someone who wrote no rule judged each
/// (Fixtures/blind-flags/sample.tsv, and later draws sample-N.tsv: line, the finding's check id and severity, its keys,
/// `real` or `false`, the reason). A *real* flag is a true difference between the versions'
/// references; a *false* one is a misreading of a version whose references agree.
///
/// The test runs the same comparison as the command (the files read as `concord compare`
/// reads them) and prints the figures of the goal — segments with a reference, the flagged
/// ones and their share, the six-way agreement, the sample's real and false counts and the
/// estimated false-flag rate (false share of today's flags in the newest draw, flags no draw
/// judged counted false, × flagged share) — with whether each
/// goal (≥ 27 of 30 real, ≤ 2 %) is met — on the newest draw — and, for every sample, its real and
/// false counts and whether each false flag is still flagged.
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

    /// One judged sample: its file name and its judgements.
    struct Sample {
        var name: String
        /// sample.tsv is draw 1, sample-N.tsv draw N: the newest draw has the highest number.
        var draw: Int
        var judgements: [Judgement]
    }

    static let folder = Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/blind-flags")

    /// Every `sample*.tsv` of Fixtures/blind-flags, oldest draw first.
    static func samples() throws -> [Sample] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("sample") && $0.hasSuffix(".tsv") }
        try #require(names.contains("sample.tsv"), "Fixtures/blind-flags has no sample.tsv")
        return try names.map { name -> Sample in
            let stem = name.dropFirst("sample".count).dropLast(".tsv".count)
            let draw = try stem.isEmpty ? 1 : #require(stem.hasPrefix("-") ? Int(stem.dropFirst()) : nil,
                                                        "\(name): a sample is named sample.tsv or sample-N.tsv")
            return Sample(name: name, draw: draw, judgements: try judgements(name))
        }.sorted { $0.draw < $1.draw }
    }

    static func judgements(_ name: String) throws -> [Judgement] {
        let url = folder.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 5, "\(name): a row needs 5 tab-separated fields: \(row)")
            let line = try #require(Int(fields[0]), "\(name): bad line number: \(row)")
            let findings = try fields[1].split(separator: ",").map { finding -> (check: CheckID, severity: Severity) in
                let parts = finding.split(separator: " ").map(String.init)
                try #require(parts.count == 2, "\(name) line \(line): finding “\(finding)” is not “check-id severity”")
                let check = try #require(CheckID(rawValue: parts[0]), "\(name) line \(line): unknown check id \(parts[0])")
                let severity = try #require(Severity(rawValue: parts[1]), "\(name) line \(line): unknown severity \(parts[1])")
                return (check, severity)
            }
            try #require(["real", "false"].contains(fields[3]), "\(name) line \(line): verdict must be real or false, not “\(fields[3])”")
            try #require(!fields[2].isEmpty && !fields[4].isEmpty, "\(name) line \(line): keys and reason must not be empty")
            return Judgement(line: line, findings: findings, keys: fields[2], real: fields[3] == "real", reason: fields[4])
        }
    }

    @Test func theSamplesAreWellFormed() throws {
        let samples = try Self.samples()
        #expect(Set(samples.map(\.draw)).count == samples.count, "two samples have the same draw number")
        for sample in samples {
            let judged = sample.judgements
            #expect((1...Self.sampleSize).contains(judged.count), "\(sample.name) holds \(judged.count) judged segments")
            #expect(Set(judged.map(\.line)).count == judged.count, "\(sample.name) judges a line twice")
            for judgement in judged {
                #expect(Self.blindLines.contains(judgement.line), "\(sample.name): line \(judgement.line) is not in the blind half")
                #expect(!judgement.findings.isEmpty && judgement.findings.allSatisfy { $0.severity >= .warning },
                        "\(sample.name) line \(judgement.line): a sampled segment was flagged at warning or above")
            }
        }
    }

    /// The blind half compared as `concord compare --aligned --lines 2001-4000 testset.{en,fr,es,ru,zh,ar}` does.
    static func compareBlindHalf() throws -> (segments: [AlignedComparison.Segment], flagged: Set<Int>)? {
        guard let comparison = try AlignedCorpus.compare("corpus/unpc-test/testset", lines: Self.blindLines) else { return nil }
        return (comparison.segments, comparison.flagged)
    }

    @Test func realDifferencesStayFlagged() throws {
        let samples = try Self.samples()
        guard let result = try Self.compareBlindHalf() else { return }
        let (segments, flagged) = result
        #expect(!segments.isEmpty, "no segment with a reference in lines 2001-4000")

        func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
        let withReference = segments.count
        let agreeing = segments.filter(\.agrees).count
        let flaggedShare = Double(flagged.count) / Double(max(withReference, 1))
        var lines = [
            "blind flags (unpc-test \(Self.blindLines.lowerBound)-\(Self.blindLines.upperBound)): \(withReference) segments with a reference,"
                + " \(flagged.count) flagged at warning or above (\(percent(flaggedShare))), six-way agreement \(agreeing) (\(percent(Double(agreeing) / Double(max(withReference, 1)))))",
        ]
        for sample in samples {
            let judged = sample.judgements
            for judgement in judged where judgement.real {
                // By line number only: the reason quotes blind text, which stays in the fixture.
                #expect(flagged.contains(judgement.line),
                        "\(sample.name): line \(judgement.line) was judged a real difference and is no longer flagged")
            }
            let real = judged.filter(\.real).count
            let falseCount = judged.count - real
            let falseShare = Double(falseCount) / Double(max(judged.count, 1))
            let newest = sample.draw == samples.last?.draw
            lines.append("  \(sample.name)\(newest ? " (newest)" : ""): \(judged.count) segments judged, \(real) real, \(falseCount) false"
                + " (\(percent(falseShare)) false); real ones still flagged: \(judged.filter { $0.real && flagged.contains($0.line) }.count) of \(real)")
            if newest {
                // The goal is measured on today's flags: the newest draw's verdicts on the
                // segments still flagged (a random draw restricted to today's flags, a subset of
                // the flags it was drawn from, is a random draw of them). Flags no draw judged are
                // counted as false, so the estimate is a bound until they are judged.
                let current = judged.filter { flagged.contains($0.line) }
                let currentReal = current.filter(\.real).count
                let everJudged = Set(samples.flatMap { $0.judgements.map(\.line) })
                let unjudged = flagged.subtracting(everJudged).count
                let counted = current.count + unjudged
                let currentFalse = counted - currentReal
                let currentFalseShare = Double(currentFalse) / Double(max(counted, 1))
                let falseFlagRate = currentFalseShare * flaggedShare
                let realGoalMet = Double(currentReal) / Double(max(counted, 1)) >= Self.goalRealShare
                let rateGoalMet = falseFlagRate <= Self.goalFalseFlagRate
                lines.append("    today's flags: \(current.count) judged in this draw (\(currentReal) real, \(current.count - currentReal) false), \(unjudged) never judged (counted false)")
                lines.append("    goal ≥ 27 of 30 real: \(currentReal) of \(counted) real (\(percent(Double(currentReal) / Double(max(counted, 1))))) — \(realGoalMet ? "met" : "not met")")
                lines.append("    estimated false flags: \(percent(currentFalseShare)) of today's flags × \(percent(flaggedShare)) flagged = \(percent(falseFlagRate))"
                    + " of the segments with a reference — goal ≤ \(percent(Self.goalFalseFlagRate)): \(rateGoalMet ? "met" : "not met")")
            }
            for judgement in judged where !judgement.real {
                lines.append("    judged false, line \(judgement.line): \(flagged.contains(judgement.line) ? "still flagged" : "no longer flagged")")
            }
        }
        // One print, so that parallel tests do not interleave its lines.
        print(lines.joined(separator: "\n"))
    }
}
