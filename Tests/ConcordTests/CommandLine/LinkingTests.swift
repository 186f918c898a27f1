import Foundation
import Testing

/// How the built `concord` is linked (Package.swift, `staticStdlibLinking`): on Linux, with the
/// Swift runtime and Foundation inside the executable when the toolchain ships their static
/// libraries, so that no run pays for loading a dozen shared Swift libraries.
@Suite struct LinkingTests {
    /// The shared libraries the dynamic loader would load for this executable, as `ldd` lists
    /// them: `LD_TRACE_LOADED_OBJECTS` makes the loader print them and stop before `main`.
    static func loadedLibraries(_ executable: URL) throws -> [String] {
        let result = try CommandResult.run([], executable: executable, environment: ["LD_TRACE_LOADED_OBJECTS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap {
            $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
        }
    }

    /// The static libraries' folder of the toolchain this test runs on (beside the
    /// `lib/swift/linux` whose libswiftCore.so the test process has loaded), if it has one.
    static var toolchainStaticFolder: String? {
        // Read to the end: String(contentsOfFile:) stops after the first 4 KB of a /proc file.
        guard let maps = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile(),
              let core = String(decoding: maps, as: UTF8.self).split(separator: "\n").lazy
                  .compactMap({ $0.split(separator: " ", omittingEmptySubsequences: true).last })
                  .first(where: { $0.hasSuffix("/lib/swift/linux/libswiftCore.so") })
        else { return nil }
        return String(core.dropLast("/swift/linux/libswiftCore.so".count)) + "/swift_static/linux/"
    }

    #if os(Linux)
    /// With the toolchain's static Foundation present, `concord` needs none of the Swift
    /// shared libraries (and still the system ICU, zlib and libxml2, which Word's XML parser
    /// calls); without it, or with CONCORD_DYNAMIC_STDLIB set at build time, it links them as
    /// `swift build` does by default. The test checks whichever this build is, and runs the
    /// executable to see that it works.
    @Test func theExecutableCarriesTheSwiftRuntimeWhereTheToolchainAllows() throws {
        let libraries = try Self.loadedLibraries(Paths.executable)
        #expect(libraries.contains { $0.hasPrefix("libicuuc.so") })
        let swiftLibraries = libraries.filter { $0.hasPrefix("libswift") || $0.hasPrefix("libFoundation") || $0.hasPrefix("lib_Foundation") }
        let staticFolder = try #require(Self.toolchainStaticFolder, "the test process's libswiftCore.so not found in /proc/self/maps")
        let staticFoundation = FileManager.default.fileExists(atPath: staticFolder + "libFoundation.a")
        if staticFoundation && ProcessInfo.processInfo.environment["CONCORD_DYNAMIC_STDLIB"] == nil {
            #expect(swiftLibraries.isEmpty, "concord loads \(swiftLibraries) although \(staticFolder) has the static libraries")
            #expect(libraries.contains { $0.hasPrefix("libxml2.so") })
            // Linked at a fixed address (ELF type 2, an executable, not 3, a position-independent
            // one): the loader has none of the runtime's 82,000 relative relocations to apply.
            let header = try #require(FileHandle(forReadingAtPath: Paths.executable.path)?.readData(ofLength: 18))
            #expect(Array(header.prefix(4)) == [0x7F, 0x45, 0x4C, 0x46])
            #expect(header.count == 18 && header[16] == 2 && header[17] == 0, "ELF type \(Array(header.suffix(2)))")
        } else {
            #expect(swiftLibraries.contains { $0.hasPrefix("libswiftCore.so") })
        }
        let version = try CommandResult.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("concord "))
        #expect(version.stdout.contains("(ICU "))
    }
    #endif
}
