import Foundation
import Testing
@testable import Concord

/// Issue 14's key accuracy, checked by hand: 50 references per language drawn from the blind
/// half of ../shared/corpus/unpc-test (lines 2001–4000) by `scripts/sample-blind-keys` (fixed
/// seed), each with the key a reader expects, written by someone who did not write the rules
/// (Fixtures/blind-keys/LANG.tsv: line, the reference as written, expected key or `-` for
/// "nothing to key here", note). A reference is keyed right when a citation Concord finds in
/// that line overlaps the reference's text and has the expected key (for `-`: no citation
/// overlaps it). The test prints the figures and the misses of each language, and holds each
/// language at a floor: what main reached when the fixture landed, rounded down. The goal
/// (≥ 97 %) is printed, met or not; raising the floors is the lead's decision.
@Suite struct BlindKeyAccuracyTests {
    struct Reference {
        var line: Int
        var text: String
        var key: String
        var note: String
    }

    /// Measured on main (3972d0a) on 2026-12-02: en 98 %, fr 98 %, es 100 %, ru 96 %, zh 98 %, ar 100 %;
    /// ru 98 % since the Russian pins of every order and case (tuned on the tuned half only).
    static let floors: [Language: Double] = [.en: 0.98, .fr: 0.98, .es: 1.0, .ru: 0.98, .zh: 0.98, .ar: 1.0]
    static let goal = 0.97

    static func references(_ language: Language) throws -> [Reference] {
        let url = Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/blind-keys/\(language.rawValue).tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let line = try #require(fields.count >= 3 ? Int(fields[0]) : nil, "bad fixture row: \(row)")
            return Reference(line: line, text: fields[1], key: fields[2], note: fields.count > 3 ? fields[3] : "")
        }
    }

    /// The UTF-16 range of the `occurrence`-th (0-based) appearance of `needle` in `units`.
    static func range(of needle: String, occurrence: Int, in units: [UInt16]) -> Range<Int>? {
        let n = Array(needle.utf16)
        guard !n.isEmpty, n.count <= units.count else { return nil }
        var found = 0
        for start in 0...(units.count - n.count) where units[start] == n[0] && Array(units[start..<start + n.count]) == n {
            if found == occurrence { return start..<start + n.count }
            found += 1
        }
        return nil
    }

    @Test(arguments: [Language.en, .fr, .es, .ru, .zh, .ar])
    func keyAccuracy(language: Language) throws {
        guard let path = Paths.shared("corpus/unpc-test/testset.\(language.rawValue)") else { return }
        let data = try #require(FileManager.default.contents(atPath: path))
        let source = try SourceDecoder.decode([UInt8](data), file: path)
        let rules = try #require(TestRules.shared.languages[language])
        let extractor = CitationExtractor(rules: TestRules.shared)
        let references = try Self.references(language)
        #expect(references.count == 50, "\(language.rawValue): \(references.count) references in the fixture")

        var right = 0
        var misses = [String]()
        var occurrences = [String: Int]()
        for reference in references {
            #expect((2001...4000).contains(reference.line), "line \(reference.line) is not in the blind half")
            let units = Array(source.units[source.lineRange(reference.line - 1)])
            let seen = "\(reference.line)\t\(reference.text)"
            let occurrence = occurrences[seen, default: 0]
            occurrences[seen] = occurrence + 1
            let span = try #require(Self.range(of: reference.text, occurrence: occurrence, in: units),
                                    "\(language.rawValue) line \(reference.line): “\(reference.text)” is not in the line")
            let got = extractor.citations(inSegment: units, language: rules)
                .filter { $0.sourceRange.overlaps(span) }.map(\.key)
            let keyedRight = reference.key == "-" ? got.isEmpty : got.contains(reference.key)
            if keyedRight {
                right += 1
            } else {
                misses.append("  miss line \(reference.line): “\(reference.text)” expected \(reference.key), got \(got.isEmpty ? "-" : got.joined(separator: " "))"
                              + (reference.note.isEmpty ? "" : " (\(reference.note))"))
            }
        }
        let accuracy = Double(right) / Double(references.count)
        let percent = (accuracy * 1000).rounded() / 10
        // One print per language, so that the parallel cases do not interleave their lines.
        print((["blind keys \(language.rawValue): \(references.count) references, \(right) keyed right, \(percent) %"
                + " — goal ≥ \(Int(Self.goal * 100)) %: \(accuracy >= Self.goal ? "met" : "not met")"] + misses)
              .joined(separator: "\n"))
        let floor = try #require(Self.floors[language])
        #expect(accuracy >= floor, "\(language.rawValue) key accuracy \(percent) % fell below its floor \(floor)")
    }
}
