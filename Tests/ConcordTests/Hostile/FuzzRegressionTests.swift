import Foundation
import Testing
@testable import Concord

/// Inputs the fuzzers found that once crashed Concord: each must now give one clear error.
@Suite struct FuzzRegressionTests {
    /// A mutated Word package whose document.xml has element names that are not UTF-8:
    /// Foundation's XML parser crashed on it (found by `scripts/fuzz docx`).
    @Test func wordXMLThatIsNotUTF8() throws {
        let path = Paths.repository.appendingPathComponent("Tests/ConcordTests/Fixtures/fuzz/invalid-utf8-names.docx").path
        let folder = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("crash.en.docx")
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        #expect(performing: { try DocumentReader().read(path: copy.path) }, throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file == copy.path && error.message.contains("word/")
        })
    }
}
