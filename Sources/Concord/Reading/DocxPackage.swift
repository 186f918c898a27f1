import Foundation
import ZIPFoundation

/// The parts of a Word package, read with limits: a .docx is a zip file, and a zip file can
/// be a bomb (a few kilobytes that expand to gigabytes) or hold thousands of entries.
struct DocxPackage {
    struct Limits: Sendable {
        /// Entries in the package.
        var entries = 10_000
        /// Uncompressed bytes of the parts that are read, in total.
        var totalBytes = 256 * 1024 * 1024
    }

    private let archive: Archive
    private let file: String
    private let limits: Limits
    private var bytesRead = 0
    /// The package's size: no entry can hold more compressed bytes than the file has.
    private let fileSize: UInt64

    init(url: URL, file: String, limits: Limits) throws(InputError) {
        self.file = file
        self.limits = limits
        fileSize = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64) ?? 0
        if let bytes = try? Data(contentsOf: url), let problem = Self.structuralProblem(bytes) {
            throw InputError(file: file, reason: .malformed("the .docx package is damaged: \(problem)", line: nil))
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw InputError(file: file, reason: .malformed("not a Word document: the .docx package cannot be opened as a zip file (truncated or damaged?)", line: nil))
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > limits.entries {
                throw InputError(file: file, reason: .malformed("the .docx package has more than \(limits.entries) entries; refusing to read it", line: nil))
            }
        }
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// Checks the zip structure before ZIPFoundation reads it: every entry of the central
    /// directory must point at a local header, and its data must lie inside the file. A
    /// damaged local header otherwise sent ZIPFoundation into an endless loop of empty reads
    /// (found by fuzzing).
    static func structuralProblem(_ d: Data) -> String? {
        let bytes = [UInt8](d)
        func u16(_ o: Int) -> Int { o + 2 <= bytes.count ? Int(bytes[o]) | Int(bytes[o + 1]) << 8 : -1 }
        func u32(_ o: Int) -> Int { o + 4 <= bytes.count ? u16(o) | u16(o + 2) << 16 : -1 }
        guard bytes.count >= 22 else { return nil }  // too short: ZIPFoundation says so itself
        var end = -1
        var o = bytes.count - 22
        while o >= max(0, bytes.count - 22 - 65_535) {
            if u32(o) == 0x0605_4b50 { end = o; break }
            o -= 1
        }
        guard end >= 0 else { return nil }  // no directory: ZIPFoundation refuses it
        let count = u16(end + 10)
        var entry = u32(end + 16)
        for _ in 0..<count {
            guard entry >= 0, u32(entry) == 0x0201_4b50 else { return "a central directory entry is broken" }
            let compressed = u32(entry + 20)
            let nameLength = u16(entry + 28), extraLength = u16(entry + 30), commentLength = u16(entry + 32)
            let local = u32(entry + 42)
            if compressed != 0xFFFF_FFFF && local != 0xFFFF_FFFF {  // ZIP64 sizes are left to ZIPFoundation
                guard local >= 0, u32(local) == 0x0403_4b50 else { return "an entry's local header is missing or broken" }
                let data = local + 30 + u16(local + 26) + u16(local + 28)
                guard data + compressed <= bytes.count else { return "an entry's data runs past the end of the file" }
            }
            entry += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }

    /// The bytes of a part, counted against the limit as they are inflated (the sizes the
    /// zip declares may lie).
    mutating func part(_ path: String) throws(InputError) -> Data? {
        guard let entry = archive[path] else { return nil }
        // A damaged (or crafted) entry that claims more compressed bytes than the file holds
        // would make the reader wait for bytes that never come (found by fuzzing).
        guard entry.compressedSize <= fileSize else {
            throw InputError(file: file, reason: .malformed("\(path) in the .docx package is damaged (it claims more bytes than the file has)", line: nil))
        }
        var data = Data()
        let budget = limits.totalBytes - bytesRead
        struct TooLarge: Error {}
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > budget { throw TooLarge() }
            }
        } catch is TooLarge {
            throw InputError(file: file, reason: .malformed("\(path) expands to more than \(limits.totalBytes / (1024 * 1024)) MiB (a zip bomb?); refusing to read it", line: nil))
        } catch {
            throw InputError(file: file, reason: .malformed("\(path) in the .docx package cannot be read: \(error)", line: nil))
        }
        bytesRead += data.count
        return data
    }
}
