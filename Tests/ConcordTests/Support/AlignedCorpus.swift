import Foundation
import Testing
@testable import Concord

/// An aligned corpus of `../shared` (`corpus/unpc-test/testset`, `corpus/unpc-dev-1-2000/devset`)
/// compared as `concord compare --aligned PREFIX.{en,fr,es,ru,zh,ar}` compares it: the six
/// versions read with the reader and the document's issuing body, the built-in rules and
/// check catalogue. Nil when `../shared` is missing (a failure under CI=true).
enum AlignedCorpus {
    struct Comparison {
        var versions: [AlignedComparison.Version]
        var segments: [AlignedComparison.Segment]
        /// Each segment's finding (any severity), in the segments' order.
        var findings: [Finding]
        /// The lines with a finding at warning or above, as the command's summary counts them.
        var flagged: Set<Int> { Set(findings.filter { $0.severity >= .warning }.map(\.location.line)) }
    }

    static func versions(_ prefix: String) throws -> [AlignedComparison.Version]? {
        let reader = DocumentReader(language: nil, lexicon: TestRules.shared.lexicon)
        var versions = [AlignedComparison.Version]()
        for language in [Language.en, .fr, .es, .ru, .zh, .ar] {
            guard let path = Paths.shared("\(prefix).\(language.rawValue)") else { return nil }
            versions.append(try AlignedComparison.Version(reading: path, reader: reader, rules: TestRules.shared))
        }
        return versions
    }

    static func compare(_ prefix: String, lines: ClosedRange<Int>) throws -> Comparison? {
        guard let versions = try versions(prefix) else { return nil }
        let segments = AlignedComparison(rules: TestRules.shared).segments(versions, lines: lines)
        let findings = segments.compactMap { AlignedComparison.finding($0, versions: versions, checks: TestRules.shared.checks) }
        return Comparison(versions: versions, segments: segments, findings: findings)
    }
}
