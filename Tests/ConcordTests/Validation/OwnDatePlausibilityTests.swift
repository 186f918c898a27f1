import Foundation
import Testing
@testable import Concord

/// The plausibility checks that need the citing document's own date and session
/// (`Document.identity`): on the ten English GA resolutions of session 80
/// (../shared/corpus/en-ga-80-txt, and the resolutions of en-ga-80-md), clean, then with one change.
@Suite struct OwnDatePlausibilityTests {
    static let rules: Set<CheckID> = [.plausibilityCitedAfterAdoption, .plausibilityConflictingDate, .plausibilityLaterSession]

    func findings(_ text: String, file: String) -> [Finding] {
        TestPipeline.findings(text, file: file, of: Self.rules)
    }

    func text(_ relative: String) throws -> String? {
        guard let path = Paths.shared(relative) else { return nil }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func theResolutionsOfSession80AreClean() throws {
        for (file, found) in try TestPipeline.findingsOnEnglishGA80(of: Self.rules).sorted(by: { $0.key < $1.key }) {
            #expect(found.isEmpty, "\(file): \(found.map(\.message))")
        }
    }

    @Test func oneChangeInResolution80Slash8GivesOneFinding() throws {
        guard let clean = try text("corpus/en-ga-80-txt/A_RES_80_8.txt") else { return }
        let file = "A_RES_80_8.en.txt"
        #expect(findings(clean, file: file).isEmpty)
        // Its own date (closing line) moved between 21 November 2023 (78/10) and 12 November 2024 (79/8).
        let early = findings(clean.replacingOccurrences(of: "46th plenary meeting \n19 November 2025", with: "46th plenary meeting \n1 January 2024"), file: file)
        #expect(early.map(\.rule) == [.plausibilityCitedAfterAdoption], "\(early.map(\.message))")
        #expect(early.first?.message.hasPrefix("resolution 79/8 in preambular paragraph ") == true, "\(early.map(\.message))")
        #expect(early.first?.message.contains("after this document's own date of adoption (2024-01-01)") == true)
        // A resolution of session 81 cited by one of session 80.
        let later = findings(clean.replacingOccurrences(of: "Recalling its resolution 79/8 of 12 November 2024", with: "Recalling its resolution 81/8 of 12 November 2024"), file: file)
        #expect(later.contains { $0.rule == .plausibilityLaterSession && $0.message.hasPrefix("resolution 81/8 in ") && $0.message.contains("is of session 81, later than this resolution's own session 80") }, "\(later.map(\.message))")
        #expect(later.filter { $0.rule == .plausibilityLaterSession }.count == 1)
        // 79/8 cited again with another date.
        let twice = findings(clean.replacingOccurrences(of: "its resolution 48/11 of 25 October 1993", with: "its resolution 79/8 of 25 October 2024"), file: file)
        #expect(twice.map(\.rule) == [.plausibilityConflictingDate], "\(twice.map(\.message))")
        #expect(twice.first?.message.hasPrefix("resolution 79/8 is dated 12 November 2024 in ") == true, "\(twice.map(\.message))")
        #expect(twice.first?.message.contains("but 25 October 2024 in ") == true)
    }

    @Test func forthcomingAndOtherBodiesAreNotFlagged() {
        let text = "80/15. Title\n\nThe General Assembly,\n\n1. *Recalls* its resolution 79/1 of 10 October 2024;\n\n2. *Takes note* of the report to be issued as A/81/5;\n\n3rd plenary meeting\n19 September 2025\n"
        #expect(findings(text, file: "res.en.md").isEmpty)
        let french = "80/15. Titre\n\nL'Assemblée générale,\n\n1. *Rappelle* ses résolutions 79/1 du 10 octobre 2024 et 81/2 du 10 octobre 2026 ;\n\n3e séance plénière\n19 septembre 2025\n"
        let found = findings(french, file: "res.fr.md")
        #expect(Set(found.map(\.rule)) == [.plausibilityCitedAfterAdoption, .plausibilityLaterSession], "\(found.map(\.message))")
    }
}
