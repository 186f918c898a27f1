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
        var hash = StableHash.FNV128()
        hash.add(piece: layout + " " + name)
        for version in versions { hash.add(piece: version) }
        hash.add(piece: "concord \(Concord.version) \(ResultCache.build)")
        let url = root?.appendingPathComponent(layout).appendingPathComponent("\(name)-\(hash.hex).table")
        let checksumEnd = magic.count + 32
        if let url, let data = try? Data(contentsOf: url), data.count == checksumEnd + count {
            let stored: [UInt8]? = data.withUnsafeBytes { raw in
                guard raw.prefix(magic.count).elementsEqual(magic) else { return nil }
                let payload = UnsafeRawBufferPointer(rebasing: raw[checksumEnd...])
                guard PrefilterCache.checksum(payload).utf8.elementsEqual(raw[magic.count..<checksumEnd]) else { return nil }
                return [UInt8](payload)
            }
            if let stored { return stored }
        }
        guard let table = derive(), table.count == count else { return nil }
        if let url { PrefilterCache.write(magic + Array(PrefilterCache.checksum(table).utf8) + table, to: url, writes: writes) }
        return table
    }

    /// A table of `count` `UInt16`s (in this machine's byte order: the cache is the machine's own).
    static func units(_ name: String, versions: [String], count: Int = 0x10000, derive: () -> [UInt16]?) -> [UInt16]? {
        bytes(name, versions: versions, count: count * 2) { derive().map { $0.withUnsafeBytes { [UInt8]($0) } } }
            .map { bytes in bytes.withUnsafeBytes { [UInt16]($0.bindMemory(to: UInt16.self)) } }
    }

    /// A table of `count` `UInt32`s.
    static func words(_ name: String, versions: [String], count: Int = 0x10000, derive: () -> [UInt32]?) -> [UInt32]? {
        bytes(name, versions: versions, count: count * 4) { derive().map { $0.withUnsafeBytes { [UInt8]($0) } } }
            .map { bytes in bytes.withUnsafeBytes { [UInt32]($0.bindMemory(to: UInt32.self)) } }
    }

    /// The Swift runtime library this process uses (its path, size and time), for tables made
    /// from Swift's own Unicode functions: they live in `libswiftCore`, not in the executable.
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
        let maps = String(decoding: bytes, as: UTF8.self)
        guard let line = maps.split(separator: "\n").first(where: { $0.hasSuffix("/libswiftCore.so") }),
              let slash = line.firstIndex(of: "/") else { return "static or unknown" }
        let path = String(line[slash...])
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
