@testable import Concord
import Foundation

/// Texts as UTF-16 units for the tests that compare a pass over several units at a time with a
/// plain reading of each: the seed resolution in its six languages, then `count` seeded texts
/// of fewer than `longest` units each, one unit in `poolShare` drawn from `pool` (the units the
/// fast pass must not pass over), the others from `plain`. The same seed, the same texts.
enum SeededUnits {
    static func texts(seed: UInt64, count: Int, longest: UInt64 = 40, pool: [UInt16], poolShare: UInt64,
                      plain: ClosedRange<UInt16>) throws -> [[UInt16]] {
        var texts = try ["ar", "zh", "en", "fr", "ru", "es"].map {
            try String(contentsOfFile: Paths.corpora("seed/res-6-1.\($0).txt"), encoding: .utf8).utf16Array
        }
        var generator = SplitMix(state: seed)
        for _ in 0..<count {
            let length = Int(generator.next() % longest)
            texts.append((0..<length).map { _ in
                generator.next() % poolShare == 0
                    ? pool[Int(generator.next() % UInt64(pool.count))]
                    : plain.lowerBound + UInt16(generator.next() % UInt64(plain.count))
            })
        }
        return texts
    }
}
