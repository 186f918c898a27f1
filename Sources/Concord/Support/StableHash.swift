import Foundation

/// Hashes that are the same in every process and on every machine (Swift's `hashValue` is
/// seeded per process): FNV-1a, 64 bits for placing a set in a shard, 128 bits for the
/// content keys of the result cache (64 bits are too few for a key that stands for content).
public enum StableHash {
    /// FNV-1a, 64 bits.
    public static func fnv64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return hash
    }

    /// FNV-1a, 128 bits, fed piece by piece; each piece is preceded by its length, so that
    /// ("ab", "c") and ("a", "bc") give different keys.
    public struct FNV128: Sendable {
        private var high: UInt64 = 0x6c62272e07bb0142
        private var low: UInt64 = 0x62b821756295c58d

        public init() {}

        public mutating func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { mix(byte) }
        }

        private mutating func mix(_ byte: UInt8) {
            low ^= UInt64(byte)
            // × (2^88 + 0x13B) modulo 2^128.
            let product = low.multipliedFullWidth(by: 0x13B)
            high = product.high &+ high &* 0x13B &+ (low << 24)
            low = product.low
        }

        public mutating func add(piece data: Data) {
            var count = UInt64(data.count).littleEndian
            withUnsafeBytes(of: &count) { add($0) }
            data.withUnsafeBytes { add($0) }
        }

        public mutating func add(piece text: String) { add(piece: Data(text.utf8)) }

        /// 32 hexadecimal digits.
        public var hex: String {
            func digits(_ n: UInt64) -> String {
                let hex = String(n, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }
            return digits(high) + digits(low)
        }
    }
}
