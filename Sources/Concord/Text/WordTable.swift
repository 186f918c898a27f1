import Foundation

/// Words mapped to values, looked up by a word's UTF-8 bytes as `LowercaseWords` writes them,
/// without making a `String` and hashing it (the stop words of every unit and the number
/// words of every aligned unit: together a twentieth of a run over resolutions, most of it
/// `String`'s creation and its seeded hash).
///
/// A `String` key matches every canonically equivalent word; these bytes match one form. The
/// words looked up are made of `LowercaseWords`' plain units, each its own normalization form
/// C (`LowercaseWordsTests` checks every table entry), so each key is stored in form C: the
/// word that a `[String: Value]` would find is the one found here (`LowercaseWordsTests`
/// compares the counts both ways on every corpus unit).
struct WordTable<Value: Sendable>: Sendable {
    private var bytes = [UInt8]()
    private var entries = [(start: Int32, count: Int32, value: Value)]()
    /// Open addressing: an entry's index, or -1.
    private var slots: [Int32]
    private let mask: Int
    /// The longest word's byte count: a longer word is in no entry, and is not hashed (most
    /// words of a text are longer than every stop word).
    private var longest = 0

    init(_ words: [String: Value]) {
        var capacity = 8
        while capacity < words.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        // In key order, so that the same words always give the same table.
        for (word, value) in words.sorted(by: { $0.key < $1.key }) {
            let utf8 = Array(word.precomposedStringWithCanonicalMapping.utf8)
            let found = utf8.withUnsafeBufferPointer { find($0) }
            // Keys of a `[String: Value]` are never canonically equivalent to one another.
            guard found.entry == nil else { continue }
            slots[found.slot] = Int32(entries.count)
            entries.append((Int32(bytes.count), Int32(utf8.count), value))
            bytes += utf8
            longest = max(longest, utf8.count)
        }
    }

    /// The value of the word, or nil.
    func value(_ word: UnsafeBufferPointer<UInt8>) -> Value? {
        guard word.count <= longest else { return nil }
        return find(word).entry.map { entries[$0].value }
    }

    /// The entry holding the word, or the empty slot where it would go.
    private func find(_ word: UnsafeBufferPointer<UInt8>) -> (entry: Int?, slot: Int) {
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let index = Int(slots[slot])
                if index < 0 { return (nil, slot) }
                let entry = entries[index]
                if Int(entry.count) == word.count,
                   word.isEmpty || memcmp(stored.baseAddress! + Int(entry.start), word.baseAddress!, word.count) == 0 {
                    return (index, slot)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a, 64 bits, with the high bits folded in (the table uses the low ones).
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }
}
