import ConcordRuleFiles
import Foundation

/// Tables of one entry per UTF-16 code unit that are derived from the libraries alone (ICU's
/// case mappings and decompositions, Swift's own lower-casing and grapheme breaking, the
/// Hyperscan and ICU character classes), kept on disk beside the compiled Hyperscan
/// databases so that a run does not derive them again: building the reader's two tables
/// took about a twentieth of a warm check of one resolution.
///
/// A table is `<cache folder>/tables-v1/<name>-<key>.table`, the key a hash of its name,
/// the versions it depends on (a table made from Swift's own functions names the Swift
/// runtime library in use, `swiftRuntime`: they live there, not in the executable) and this
/// build of Concord (the executable's identity, as for the rule cache). The file holds a magic
/// line, a checksum of the bytes and the bytes; one that cannot be read, is the wrong size or
/// fails its checksum is ignored, and the table is derived and written again (a temporary
/// file renamed into place, not with `--no-cache`, which writes nothing).
enum DerivedTables {
    static let layout = "tables-v1"
    private static let magic = Array("concord-table-1\n".utf8)

    /// The table's bytes (`count` of them), from the cache or from `derive` (nil: the table
    /// cannot be made; nothing is stored).
    /// `root`: the cache folder, and `writes` whether to store a table (tests give their own:
    /// the process's setting is off while any `--no-cache` pipeline runs in it).
    static func bytes(_ name: String, versions: [String], count: Int, root: URL? = PrefilterCache.cacheRoot,
                      writes: Bool = PrefilterCache.writes, derive: () -> [UInt8]?) -> [UInt8]? {
        table(name, versions: versions, count: count, root: root, writes: writes, derive: derive)
    }

    /// A table of `count` `UInt16`s (in this machine's byte order: the cache is the machine's own).
    static func units(_ name: String, versions: [String], count: Int = 0x10000, root: URL? = PrefilterCache.cacheRoot,
                      writes: Bool = PrefilterCache.writes, derive: () -> [UInt16]?) -> [UInt16]? {
        table(name, versions: versions, count: count, root: root, writes: writes, derive: derive)
    }

    /// A table of `count` `UInt32`s.
    static func words(_ name: String, versions: [String], count: Int = 0x10000, root: URL? = PrefilterCache.cacheRoot,
                      writes: Bool = PrefilterCache.writes, derive: () -> [UInt32]?) -> [UInt32]? {
        table(name, versions: versions, count: count, root: root, writes: writes, derive: derive)
    }

    /// A table of `count` fixed-width integers: read from its file straight into the array it is
    /// used as (one copy, where reading into `Data` and converting took three, and the page
    /// faults of each), else derived and stored.
    private static func table<T: FixedWidthInteger>(_ name: String, versions: [String], count: Int, root: URL?,
                                                    writes: Bool, derive: () -> [T]?) -> [T]? {
        if let table: [T] = embedded(name, versions: versions, count: count) { return table }
        let url = url(name, versions: versions, root: root)
        if let url, let stored: [T] = stored(url, count: count, markUsed: writes) { return stored }
        guard let table = derive(), table.count == count else { return nil }
        if let url {
            let payload = table.withUnsafeBytes { [UInt8]($0) }
            PrefilterCache.write(magic + Array(PrefilterCache.checksum(payload).utf8) + payload, to: url, writes: writes)
        }
        return table
    }

    /// Where an entry of this folder named `name` is kept: `tables-v1/NAME-KEY.table`, the key
    /// a hash of the name, the `versions` it depends on and this build of Concord.
    static func url(_ name: String, versions: [String], root: URL?) -> URL? {
        var hash = StableHash.FNV128()
        hash.add(piece: layout + " " + name)
        for version in versions { hash.add(piece: version) }
        hash.add(piece: "concord \(Concord.version) \(ResultCache.build)")
        return root?.appendingPathComponent(layout).appendingPathComponent("\(name)-\(hash.hex).table")
    }

    /// The table of that name the build made (`EmbeddedICUTables`, by the EmbedRules plugin),
    /// when it depends on ICU alone and was made with the ICU this process runs: then neither
    /// the cache folder nor ICU is asked (deriving the reader's and the pre-scan's tables was
    /// a sixth of a run without a cache folder). Nil otherwise.
    static func embedded<T: FixedWidthInteger>(_ name: String, versions: [String], count: Int) -> [T]? {
        guard versions == [EmbeddedICUTables.icuVersion], versions == [ICU.version],
              let runs = EmbeddedICUTables.runs[name], let units = TableRuns.decode(runs, count: count) else { return nil }
        if let same = units as? [T] { return same }
        guard units.allSatisfy({ T(exactly: $0) != nil }) else { return nil }
        return units.map { T(truncatingIfNeeded: $0) }
    }

    /// `LowercaseWords`' table as the build made it (`EmbeddedSwiftTables`), when this process
    /// runs the Swift runtime the build ran: the standard library linked into the executable
    /// (`runtime` is `staticRuntime`: no `libswiftCore.so` mapped), which the toolchain that
    /// ran the build tool made. Deriving it was a twelfth of a start-up without a cache
    /// folder. Nil for a runtime loaded from a shared library (it may be another's), and when
    /// the build made none.
    static func embeddedLowercaseWords(runtime: String = swiftRuntime) -> [UInt32]? {
        runtime == staticRuntime ? builtLowercaseWords() : nil
    }

    /// The lower-case table the build made, whatever the runtime (nil: none, or not readable).
    static func builtLowercaseWords() -> [UInt32]? {
        guard let low = EmbeddedSwiftTables.runs["lowercase-words-low"].flatMap({ TableRuns.decode($0, count: 0x10000) }),
              let high = EmbeddedSwiftTables.runs["lowercase-words-high"].flatMap({ TableRuns.decode($0, count: 0x10000) })
        else { return nil }
        return LowercaseTable.joined(low: low, high: high)
    }

    /// The table stored at `url`, when the file is there, of the right size, and its magic line
    /// and checksum hold.
    /// `markUsed`: record the use (`CacheFolder.markUsed`) when the table is good.
    private static func stored<T: FixedWidthInteger>(_ url: URL, count: Int, markUsed: Bool) -> [T]? {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let headerSize = magic.count + 32, payloadSize = count * MemoryLayout<T>.stride
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == headerSize + payloadSize else { return nil }
        var header = [UInt8](repeating: 0, count: headerSize)
        guard header.withUnsafeMutableBytes({ readFully(descriptor, $0) }),
              header.prefix(magic.count).elementsEqual(magic) else { return nil }
        var complete = false
        let table = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            complete = readFully(descriptor, UnsafeMutableRawBufferPointer(buffer))
            // Integers: any bytes are a value, and a short read leaves the array unused.
            initialized = count
        }
        guard complete,
              table.withUnsafeBytes({ PrefilterCache.checksum($0) }).utf8.elementsEqual(header[magic.count...]) else { return nil }
        if markUsed { CacheFolder.markUsed(url.path, modified: info.st_mtim) }
        return table
    }

    /// Reads exactly `buffer.count` bytes (false: an error or the end of the file first).
    private static func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = read(descriptor, buffer.baseAddress! + done, buffer.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// `swiftRuntime` when no Swift runtime library is mapped: the standard library is in the
    /// executable.
    static let staticRuntime = "static"

    /// The Swift runtime library this process uses (its path, size and time), for tables made
    /// from Swift's own Unicode functions: they live in `libswiftCore`, not in the executable
    /// (`staticRuntime` when they are in it).
    static let swiftRuntime: String = {
        // Read as a stream: a /proc file has no size for Foundation to read up to.
        guard let file = fopen("/proc/self/maps", "r") else { return "unknown" }
        defer { fclose(file) }
        var bytes = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        // The line that ends in the library's name, found on the bytes (as Strings, split into
        // lines, this was 2 % of a warm start).
        let name = Array("/libswiftCore.so".utf8)
        var lineStart = 0
        var path: String?
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            if lineEnd - lineStart >= name.count, bytes[(lineEnd - name.count)..<lineEnd].elementsEqual(name),
               let slash = bytes[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: "/")) {
                path = String(decoding: bytes[slash..<lineEnd], as: UTF8.self)
                break
            }
            lineStart = lineEnd + 1
        }
        guard let path else { return staticRuntime }
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
