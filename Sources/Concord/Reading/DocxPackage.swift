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

    init(url: URL, file: String, limits: Limits) throws(InputError) {
        self.file = file
        self.limits = limits
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

    /// The bytes of a part, counted against the limit as they are inflated (the sizes the
    /// zip declares may lie).
    mutating func part(_ path: String) throws(InputError) -> Data? {
        guard let entry = archive[path] else { return nil }
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
