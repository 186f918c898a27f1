import Foundation
import Testing
@testable import Concord

/// `set.unkeyed-trace` (issue 14): a key one version lacks (or has alone) whose numbers stand
/// in the other side's text, used by no key of it, is a note, not `set.citation-mismatch`.
/// The tuned lines are judged in `Fixtures/tuned-flags/judged.tsv`; never a blind line.
@Suite struct UnkeyedTraceTests {
    // MARK: What a trace is

    @Test func theNumbersOfAKey() {
        #expect(KeyTrace.numbers(ofKey: "article:5") == ["5"])
        #expect(KeyTrace.numbers(ofKey: "A/RES/60/1") == ["60", "1"])
        #expect(KeyTrace.numbers(ofKey: "session:65") == ["65"])
        #expect(KeyTrace.numbers(ofKey: "S/RES/2118(2013)") == ["2118", "2013"])
        #expect(KeyTrace.numbers(ofKey: "article:9(3)(b)") == ["9", "3"])
        #expect(KeyTrace.numbers(ofKey: "annex:4/section:10") == ["4", "10"])
        // Dates, keys without a number and the marks of a range's ends leave no trace.
        #expect(KeyTrace.numbers(ofKey: "date:2015-02-03") == nil)
        #expect(KeyTrace.numbers(ofKey: "article:this") == nil)
        #expect(KeyTrace.numbers(ofKey: PinComparison.endsMark("article:", 3, 5)) == nil)
    }

    @Test func aNumberUsedByAKeyOrOpeningTheUnitIsNoTrace() {
        let format = NumberFormat(thousands: [0x20, 0xA0], decimal: [0x2C])
        let text = KeyTrace.numbers(in: Array("3. Rappelle les paragraphes 11 (gel des avoirs) et 15 de la résolution 1 737".utf16), format: format)
        #expect(text == ["11", "15", "1737"])
        #expect(KeyTrace.traced("paragraph:15", text: text, used: ["11"]))
        // `article 6` where the others say `article 5`: the 6 is used, no 5 in the text.
        #expect(!KeyTrace.traced("paragraph:11", text: text, used: ["11"]))
        // The unit's own label (`3.`) is not a trace of paragraph 3.
        #expect(!KeyTrace.traced("paragraph:3", text: text, used: []))
        #expect(KeyTrace.traced("S/RES/1737", text: text, used: []))
        // A number that opens a line cut out of a sentence is no label (unpc-test 409, ru).
        #expect(KeyTrace.numbers(in: Array("1373 (2001), 1540 (2004) и 1887 (2009) Совета Безопасности:".utf16), format: format)
                    == ["1373", "2001", "1540", "2004", "1887", "2009"])
    }

    // MARK: Document sets

    func ids(_ files: [(String, String)]) throws -> [CheckID] {
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths = [String]()
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let result = Pipeline(rules: TestRules.shared).run([DocumentSet(name: "set", files: paths.sorted())])
        return result.report.findings.map(\.rule)
    }

    @Test func aTraceInADocumentSetIsANoteAndNoMismatch() throws {
        let traced = try ids(SetUnkeyedTrace.examples.triggering[0].files)
        #expect(traced.contains(.setUnkeyedTrace))
        #expect(!traced.contains(.setCitationMismatch))
        let changed = try ids(SetUnkeyedTrace.examples.nonTriggering[0].files)
        #expect(changed.contains(.setCitationMismatch))
        #expect(!changed.contains(.setUnkeyedTrace))
    }

    // MARK: The tuned halves of the aligned corpora

    static func segment(_ prefix: String, _ line: Int) throws -> (versions: [AlignedComparison.Version], segment: AlignedComparison.Segment)? {
        guard let (versions, segments) = try PinComparisonTests.aligned(prefix, line...line) else { return nil }
        return (versions, try #require(segments.first))
    }

    /// The finding of one tuned line: nil when ../shared is missing (outside CI) or when the
    /// line gives no finding, which is then recorded as a failure of the test that asks.
    static func finding(_ prefix: String, _ line: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> Finding? {
        guard let (versions, segment) = try segment(prefix, line) else { return nil }
        let found = AlignedComparison.finding(segment, versions: versions, checks: TestRules.shared.checks)
        if found == nil { Issue.record("\(prefix) line \(line) gives no finding", sourceLocation: sourceLocation) }
        return found
    }

    /// Judged false (judged.tsv): `ses paragraphes 11 (gel des avoirs) et 15` keyed
    /// paragraph:11 only in French, its 15 a trace; read since the gloss between listed
    /// paragraphs is a form of `parnums` (kinds17): the segment agrees, no finding at all.
    @Test func aListWithAParenthesisIsReadNow() throws {
        guard let (versions, segment) = try Self.segment("corpus/unpc-test/testset", 184) else { return }
        #expect(segment.agrees)
        #expect(segment.traced.allSatisfy { $0.isEmpty })
        #expect(AlignedComparison.finding(segment, versions: versions, checks: TestRules.shared.checks) == nil)
    }

    /// The command's text output says the same: the segment is listed as a trace, the version
    /// with the traced key marked `~`, not `≠`, and nothing is flagged (exit code 0).
    @Test func theCommandListsATraceAsATrace() throws {
        let files = try ["en", "fr", "es", "ru", "zh", "ar"].compactMap { Paths.shared("corpus/unpc-test/testset.\($0)") }
        guard files.count == 6 else { return }
        let result = try CommandResult.run(["compare", "--aligned", "--lines", "1614-1614"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix(":1614: the versions key different references, but every differing number stands in the text (set.unkeyed-trace, probably a form Concord does not read)") == true, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  ~ ru: ") }, "\(lines)")
        #expect(!lines.contains { $0.contains("≠") }, "\(lines)")
        #expect(lines.last?.contains("0 flagged at warning or above") == true, "\(lines)")
    }

    /// Judged false: the Russian heading `Пункт 17` is not read; its 17 is a trace.
    @Test func anUnreadHeadingLeavesATrace() throws {
        guard let finding = try Self.finding("corpus/unpc-test/testset", 1614) else { return }
        #expect(finding.rule == .setUnkeyedTrace)
        #expect(finding.message.contains("the ru version does not key paragraph:17, but its text holds 17"))
    }

    /// Judged false: the Spanish version keys `article:21` (`regulation 21, paragraph 6`
    /// read as an article beside the paragraph); the English line holds 21 unused.
    @Test func aKeyOnlyOneVersionHasIsLookedForInTheFirst() throws {
        guard let finding = try Self.finding("corpus/unpc-dev-1-2000/devset", 15) else { return }
        #expect(finding.rule == .setUnkeyedTrace)
        #expect(finding.message.contains("the es version keys article:21, which the en version does not, though its text holds 21"))
    }

    /// Judged false, both read since kinds17 (so no longer examples of a trace; the label
    /// and the body's name are covered by the written tests above): the Arabic naming the
    /// African Commission between `قرار` and 263 (all six now key `resolution:ACHPR/263`), and
    /// the Russian `приложении IIIa` (a footnote letter glued to the annex numeral, `annex:3`).
    @Test(arguments: [1881, 55]) func linesReadSinceAgree(line: Int) throws {
        guard let (versions, segment) = try Self.segment("corpus/unpc-dev-1-2000/devset", line) else { return }
        #expect(segment.agrees, "\(segment.keys)")
        #expect(AlignedComparison.finding(segment, versions: versions, checks: TestRules.shared.checks) == nil)
    }

    /// Judged real: the Arabic gives `2122 (2014)` for `2122 (2013)`: 2122 is used by the
    /// Arabic's own key, and 2013 is not in its line; still a contradiction.
    @Test func aNumberUsedByAKeyThatDiffersStaysAMismatch() throws {
        guard let (versions, segment) = try Self.segment("corpus/unpc-dev-1-2000/devset", 1272) else { return }
        #expect(segment.traced.allSatisfy { $0.isEmpty })
        let finding = try #require(AlignedComparison.finding(segment, versions: versions, checks: TestRules.shared.checks))
        #expect(finding.rule == .setCitationMismatch)
        #expect(finding.severity == .error)
    }

    /// Judged real: `статьей VI Устава` (Article VI) for Chapter VI in Russian: the 6 is used
    /// by the Russian key that differs.
    @Test func anotherKindWithTheSameNumberStaysAMismatch() throws {
        guard let finding = try Self.finding("corpus/unpc-dev-1-2000/devset", 993) else { return }
        #expect(finding.rule == .setCitationMismatch)
        #expect(finding.severity >= .warning)
    }

    /// Judged real: a date that differs (zh 2001年1月20日 for 21 January 2001) has no trace.
    @Test func aDateThatDiffersStaysAMismatch() throws {
        guard let finding = try Self.finding("corpus/unpc-dev-1-2000/devset", 344) else { return }
        #expect(finding.rule == .setCitationMismatch)
        #expect(finding.severity == .error)
    }
}
