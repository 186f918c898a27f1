import CICUShim
import Foundation

/// Word and sentence boundaries from ICU's break iterators. Chinese and Japanese get ICU's
/// dictionary-based segmentation (ICU picks it by script, whatever the locale).
///
/// Break iterators are costly to open, so each segmenter opens one and keeps it; an ICU
/// iterator is not thread-safe, so calls are serialized by a lock. `Segmenter.shared(for:)`
/// hands out one per language and kind for the whole process.
public final class Segmenter: @unchecked Sendable {
    public enum Kind: Int32, Sendable { case word = 0, sentence = 1 }

    public let kind: Kind
    public let locale: String
    private let iterator: UnsafeMutableRawPointer
    private let lock = NSLock()

    public init(kind: Kind, locale: String) throws(ICUError) {
        var status: Int32 = 0
        guard let iterator = concord_break_open(kind.rawValue, locale, &status) else {
            throw ICUError(operation: "ubrk_open(\(locale))", status: status)
        }
        self.kind = kind
        self.locale = locale
        self.iterator = iterator
    }

    deinit { concord_break_close(iterator) }

    /// Word segments (letters, numbers, ideographs; no spaces or punctuation), or every
    /// sentence, as ranges of `text`.
    public func segments(_ text: [UInt16]) -> [Range<Int>] {
        if text.isEmpty { return [] }
        // Too long for ICU (DocumentReader refuses such text first): one segment, as when
        // ICU fails, rather than a trap.
        guard ICULimits.length(text.count) != nil else { return [0..<text.count] }
        lock.lock()
        defer { lock.unlock() }
        var capacity = max(16, text.count / 3)
        while true {
            var pairs = [Int32](repeating: 0, count: capacity * 2)
            var status: Int32 = 0
            let count = text.withUnsafeBufferPointer { t in
                pairs.withUnsafeMutableBufferPointer { p in
                    concord_break_segments(iterator, kind == .word ? 1 : 0, t.baseAddress,
                                           Int64(t.count), p.baseAddress, Int32(clamping: capacity), &status)
                }
            }
            if count < 0 { return [0..<text.count] }
            if Int(count) <= capacity {
                return (0..<Int(count)).map { Int(pairs[2 * $0])..<Int(pairs[2 * $0 + 1]) }
            }
            capacity = Int(count)
        }
    }

    public func segments(_ string: String) -> [String] {
        let units = string.utf16Array
        return segments(units).map { String(utf16Units: units[$0]) }
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: Segmenter] = [:]

    /// The process-wide segmenter for a language and kind, opened on first use.
    public static func shared(_ kind: Kind, for language: Language) -> Segmenter {
        let key = "\(kind.rawValue)-\(language.rawValue)"
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached = cache[key] { return cached }
        // Opening an iterator for a valid locale cannot fail short of missing ICU data, in
        // which case the root locale is tried before giving up loudly.
        let segmenter = (try? Segmenter(kind: kind, locale: language.icuLocale))
            ?? (try! Segmenter(kind: kind, locale: "root"))
        cache[key] = segmenter
        return segmenter
    }
}

/// An ICU call that failed.
public struct ICUError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var status: Int32
    public var description: String {
        "ICU \(operation) failed: \(String(validatingCString: concord_error_name(status)) ?? "error \(status)")"
    }
}

public enum ICU {
    /// The version of the system ICU that Concord is running on.
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        concord_icu_version(&buffer, 32)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
