import Foundation
import Testing
@testable import Concord

/// `PathText` gives Foundation's answers (`NSString`'s `lastPathComponent`,
/// `deletingLastPathComponent`, `pathExtension`, `deletingPathExtension`) on every path
/// Foundation answers, and answers the paths where Foundation stops the process.
@Suite struct PathTextTests {
    /// Every path of up to four pieces from an alphabet of slashes, dots, spaces, letters,
    /// a combining sequence and an ideograph: 16,105 paths. Foundation is asked only where it
    /// does not stop the process: its slash fixing fails an assertion on a non-ASCII path with
    /// `//` or a trailing `/`, and `deletingLastPathComponent` on a path of one character.
    @Test func foundationsAnswersWhereFoundationAnswers() {
        let pieces = ["a", "b", "é", ".", "/", " ", "..", "x.txt", "E", "e\u{301}", "中"]
        var paths = [""], frontier = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { path in pieces.map { path + $0 } }
            paths += frontier
        }
        var compared = 0, differences = [String]()
        for path in paths where path.utf8.allSatisfy({ $0 < 0x80 }) || (!path.contains("//") && !path.hasSuffix("/")) {
            let ns = path as NSString
            compared += 1
            if ns.lastPathComponent != PathText.lastComponent(path) { differences.append("last [\(path)]") }
            if ns.pathExtension != PathText.pathExtension(path) { differences.append("extension [\(path)]") }
            if ns.deletingPathExtension != PathText.deletingPathExtension(path) { differences.append("without extension [\(path)]") }
            let fixed = PathText.fixingSlashes(path)
            if fixed.count == 1, fixed != "/" { continue }
            if ns.deletingLastPathComponent != PathText.deletingLastComponent(path) { differences.append("folder [\(path)]") }
        }
        #expect(compared > 15_000)
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(5))")
    }

    /// The paths Foundation cannot answer, answered as it answers their neighbours.
    @Test func pathsFoundationStopsOn() {
        for path in ["E", "z", ".", "é", "e\u{301}", "a/", "中//"] { #expect(PathText.deletingLastComponent(path) == "", "\(path)") }
        #expect(PathText.deletingLastComponent("/") == "/")
        #expect(PathText.lastComponent("x//é") == "é")
        #expect(PathText.deletingLastComponent("x//é/") == "x")
        #expect(PathText.lastComponent("中文//é.txt/") == "é.txt")
        #expect(PathText.pathExtension("中文//é.txt/") == "txt")
        #expect(PathText.deletingPathExtension("中文//é.txt") == "中文/é")
        #expect(PathText.lastComponent("//") == "" && PathText.lastComponent("/") == "/")
    }
}
