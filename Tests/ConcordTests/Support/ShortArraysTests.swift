import Testing
@testable import Concord

/// `Array(filling:count:)` (the pre-scan's and the searches' short arrays, allocated by the
/// standard library's specialized growth path) is `Array(repeating:count:)`: the same
/// elements, for every count up to past the length from which it is that initializer itself,
/// and for element types of each size the pipeline uses.
@Suite struct ShortArraysTests {
    @Test func fillingIsRepeating() {
        let limit = [Int].longFrom + 40
        for count in 0...limit {
            #expect([Int32](filling: -1, count: count) == [Int32](repeating: -1, count: count))
            #expect([Bool](filling: true, count: count) == [Bool](repeating: true, count: count))
            #expect([Int](filling: count, count: count) == [Int](repeating: count, count: count))
            #expect([UInt16](filling: 0xFFFF, count: count) == [UInt16](repeating: 0xFFFF, count: count))
            let filled = [Int64](filling: 7, count: count)
            #expect(filled.count == count && filled.capacity >= count && filled.allSatisfy { $0 == 7 })
        }
        // Reference-counted elements are shared, not copied, as `repeating:` shares them.
        final class Box {}
        let box = Box()
        let boxes = [Box](filling: box, count: 5)
        #expect(boxes.allSatisfy { $0 === box })
    }
}
