import Foundation
import Testing
@testable import Concord

/// The result cache as the library sees it: a second run takes every set from the cache
/// and gives the same result, baseline findings included.
@Suite struct ResultCacheTests {
    @Test func aSecondRunReadsEverySetFromTheCache() throws {
        let cache = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        var options = Pipeline.Options()
        options.paths = [Paths.corpora("defects"), Paths.corpora("docx")]
        options.cacheFolder = cache.path
        let pipeline = try Pipeline(options)
        let first = pipeline.run(jobs: 2)
        let second = pipeline.run(jobs: 2)
        #expect(first.cacheHits == 0)
        #expect(second.cacheHits == first.report.sets.count && second.cacheHits > 0)
        #expect(JSONReport.render(second.report) == JSONReport.render(first.report))
        #expect(second.baselineFindings.map(Fingerprint.of) == first.baselineFindings.map(Fingerprint.of))
        #expect(second.baselineFindings == first.baselineFindings)
        options.cacheFolder = nil
        #expect(try Pipeline(options).run().cacheHits == 0)
    }

    @Test func theContentHashIsFNV1a128() {
        // The published test vectors of FNV-1a, 128 bits (with our length prefix removed: raw bytes).
        var empty = StableHash.FNV128()
        empty.add([UInt8]())
        #expect(empty.hex == "6c62272e07bb014262b821756295c58d")
        var a = StableHash.FNV128()
        a.add(Array("a".utf8))
        #expect(a.hex == "d228cb696f1a8caf78912b704e4a8964")
        #expect(StableHash.fnv64("a") == 0xaf63dc4c8601ec8c)
    }
}
