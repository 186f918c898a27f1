import Foundation
import Testing
@testable import Concord

/// Inputs that tempt quadratic work: many citations in one paragraph, findings on one very
/// long line. Ten times the input must cost about ten times the time (a generous bound on the
/// ratio, measured side by side; no absolute time).
@Suite struct LinearTimeTests {
    func seconds(_ text: String) -> (Double, Int) {
        let started = Date()
        let document = DocumentReader().read(source: SourceText(text), file: "x.en.txt", format: .plainText)
        let resolved = TestPipeline.resolved(document)
        let findings = Checks.findings(in: resolved, context: CheckContext(rules: TestRules.shared))
        return (Date().timeIntervalSince(started), resolved.citations.count + findings.count)
    }

    func ratio(_ make: (Int) -> String, small: Int) -> (Double, Int, Int) {
        _ = seconds(make(small))  // warm up (rules, ICU data)
        // The best of three runs each: a shared machine's noise only ever adds time.
        let smalls = (0..<3).map { _ in seconds(make(small)) }, larges = (0..<3).map { _ in seconds(make(small * 10)) }
        let a = smalls.map(\.0).min()!, b = larges.map(\.0).min()!
        return (b / max(a, 1e-4), smalls[0].1, larges[0].1)
    }

    @Test func manyIbidsInOneParagraphWithFindings() {
        let (r, n, m) = ratio({ "The General Assembly,\n\n1. Decides" + String(repeating: " ibid.", count: $0) + ".\n" }, small: 3_000)
        #expect(m >= 10 * n - 10)  // every ibid found and reported
        #expect(r < 25, "10x input took \(r)x the time")
    }

    @Test func manyResolutionsOnOneLine() {
        // (A list of 30,000 resolutions in one sentence exceeds ICU's backtracking stack and
        // loses the list — a limit for the hostile-input work; real lists hold a few dozen.)
        let (r, n, m) = ratio({ "The General Assembly, " + String(repeating: "resolution 64/293 of 22 October 2010, ", count: $0) + "\n" }, small: 300)
        #expect(m >= 10 * n - 10)
        #expect(r < 25, "10x input took \(r)x the time")
    }
}
