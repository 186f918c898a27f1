// swift-tools-version:6.0
import Foundation
import PackageDescription

// On Linux the concord executable links the Swift runtime and Foundation statically when the
// toolchain ships their static libraries (lib/swift_static/linux, beside the lib/swift/linux
// and lib/swift/pm whose libraries this manifest runs on): loading and relocating a dozen
// shared Swift libraries took about 7 ms of every run (`concord --version`: 11 -> 6 ms). The
// Concord library, the tests and packages that depend on Concord are built as before. Where a
// static library is missing (another toolchain layout) or CONCORD_DYNAMIC_STDLIB is set, the
// executable links them dynamically, as `swift build` does by default. (`swift build
// --static-swift-stdlib` does this for every target, but only for those who pass the flag.)
// Linked statically, the executable is also linked at a fixed address (-no-pie): the runtime's
// and Foundation's metadata then need none of their 82,000 relative relocations at every start
// (a run's page faults fell from 2,014 to 1,805).
func staticStdlibLinking() -> [LinkerSetting] {
    #if os(Linux)
    if ProcessInfo.processInfo.environment["CONCORD_DYNAMIC_STDLIB"] != nil { return [] }
    // Foundation's static archives in the order the linker resolves them (swiftCore, dispatch
    // and BlocksRuntime are only looked for: -static-stdlib links them), then libxml2, which
    // FoundationXML (Word's XML) calls and which its shared library would have loaded: named by
    // its run-time file, which every machine that runs Foundation has (libxml2.so comes only
    // with libxml2-dev).
    let archives = ["FoundationXML", "_CFXMLInterface", "Foundation", "FoundationInternationalization",
                    "FoundationEssentials", "CoreFoundation", "_FoundationICU", "_FoundationCollections",
                    "_FoundationCShims", "swiftSynchronization", "swiftCore", "dispatch", "BlocksRuntime"]
    // Read to the end: String(contentsOfFile:) stops after the first 4 KB of a /proc file.
    guard let maps = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile(),
          let mapped = String(decoding: maps, as: UTF8.self).split(separator: "\n").lazy
              .compactMap({ $0.split(separator: " ", omittingEmptySubsequences: true).last })
              .first(where: { $0.contains("/lib/swift/linux/") || $0.contains("/lib/swift/pm/") }),
          let lib = mapped.range(of: "/lib/swift/")
    else { return [] }
    let staticDir = mapped[..<lib.lowerBound] + "/lib/swift_static/linux/"
    guard archives.allSatisfy({ FileManager.default.fileExists(atPath: staticDir + "lib\($0).a") }) else { return [] }
    let libraryFolders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                          "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/lib64", "/lib"]
    guard libraryFolders.contains(where: { FileManager.default.fileExists(atPath: $0 + "/libxml2.so.2") }) else { return [] }
    let linked = archives.prefix(while: { $0 != "swiftCore" }).map { "-l" + $0 }
    return [.unsafeFlags(["-static-stdlib"] + linked + ["-l:libxml2.so.2", "-Xclang-linker", "-no-pie"], .when(platforms: [.linux]))]
    #else
    return []
    #endif
}

// Concord's own Swift modules ask for the metadata of their generic types (`[String: Int]`,
// `Set<UInt16>`, a Codable rule file's fields…) through direct accessors instead of by mangled
// name: by name, the runtime demangles each type at its first use and checks its generic
// requirements by scanning every protocol conformance of the (statically linked) binary: 7 to
// 8 % of the instructions of a warm one-document `check` (230 -> 213 million on the Arabic
// seed, 184 -> 169 on the English one). The frontend flag is an unsafe flag, which SwiftPM refuses in a package depended on by
// version: when this package is built as such a dependency (a checkout), it is left out and
// the library builds as any other.
func metadataAccessSettings() -> [SwiftSetting] {
    let folder = Context.packageDirectory
    if folder.contains("/checkouts/") || folder.contains("/SourcePackages/") { return [] }
    return [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]
}

let package = Package(
    name: "Concord",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Concord", targets: ["Concord"]),
        .executable(name: "concord", targets: ["concord"]),
        // PDF input: poppler and the 23 libraries it loads, in a library of their own that
        // the concord executable and the Concord library do not link; CPdfLoader opens it with
        // dlopen the first time a PDF is read (next to the executable: build it with
        // `swift build --product ConcordPDF`; `swift build` and `swift build --build-tests`
        // build every product).
        .library(name: "ConcordPDF", type: .dynamic, targets: ["CPopplerCppShim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The only code that calls ICU's C API. Its public header exposes plain C types only:
        // Foundation on Linux ships a private ICU (_FoundationICU), and a Swift module that
        // imports Foundation and can also see the system ICU headers fails to compile.
        .target(
            name: "CICUShim",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // zlib's raw inflate for .docx parts, apart from the ICU shim (one library per C target;
        // not "CZlib", which is the name of a ZIPFoundation module).
        .target(
            name: "CConcordZlib",
            linkerSettings: [.linkedLibrary("z")]
        ),
        // poppler's C++ interface (Debian libpoppler-cpp-dev), found through pkg-config; only
        // CPopplerCppShim includes it, so that the Swift code never sees C++.
        .systemLibrary(
            name: "CPopplerCpp",
            pkgConfig: "poppler-cpp",
            providers: [.apt(["libpoppler-cpp-dev"])]
        ),
        // PDF text through poppler: words with their boxes, font sizes and spaces, and their
        // characters with their boxes; C++ (the package's cxxLanguageStandard) behind a plain
        // C header. Only in the ConcordPDF product (libConcordPDF.so): no other target may
        // depend on it, or every run of concord loads poppler again.
        .target(
            name: "CPopplerCppShim",
            dependencies: ["CPopplerCpp"]
        ),
        // libConcordPDF.so through dlopen, on the first PDF read.
        .target(
            name: "CPdfLoader",
            linkerSettings: [.linkedLibrary("dl")]
        ),
        // Hyperscan (or Vectorscan) through dlopen: no header and no library needed to build,
        // the ICU-only path where libhs.so.5 cannot be loaded at run time.
        .target(
            name: "CHyperscanShim",
            linkerSettings: [.linkedLibrary("dl")]
        ),
        // libcurl through dlopen, for --online only: linking it (or FoundationNetworking, which
        // links it) loads it and its TLS, Kerberos and LDAP libraries at every start.
        .target(
            name: "CCurlShim",
            linkerSettings: [.linkedLibrary("dl")]
        ),
        // The rule files' data types (Rules/*.yml as Codable values), shared by Concord and the
        // tool that builds the rules into it (which decodes them at build time).
        .target(
            name: "ConcordRuleFiles",
            swiftSettings: [.swiftLanguageMode(.v6)] + metadataAccessSettings()
        ),
        .target(
            name: "Concord",
            dependencies: [
                "ConcordRuleFiles",
                "CICUShim",
                "CCurlShim",
                "CConcordZlib",
                "CPdfLoader",
                "CHyperscanShim",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The built-in rules' analyses made ahead (scripts/derive-rules), which the
            // EmbedRules plugin embeds: data for the build, not a source.
            exclude: ["Derived"],
            swiftSettings: [.swiftLanguageMode(.v6)] + metadataAccessSettings(),
            plugins: ["EmbedRules"]
        ),
        // The rules are built into the binary (EmbeddedRules.files, generated from Rules/ at
        // each build where a rule file changed), so a copied binary needs no Rules/ folder;
        // with them, the tables derived from ICU alone (EmbeddedICUTables), made with the ICU
        // the build links.
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["EmbedRulesTool"]),
        .executableTarget(
            name: "EmbedRulesTool",
            dependencies: ["ConcordRuleFiles", "CICUShim", .product(name: "Yams", package: "Yams")],
            path: "Plugins/EmbedRulesTool"
        ),
        .executableTarget(
            name: "concord",
            dependencies: [
                "Concord",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)] + metadataAccessSettings(),
            linkerSettings: staticStdlibLinking()
        ),
        .testTarget(
            name: "ConcordTests",
            dependencies: [
                "Concord",
                "ConcordRuleFiles",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ],
    cxxLanguageStandard: .cxx17
)

// Fuzz targets exist only when asked for (scripts/fuzz sets CONCORD_FUZZ), so the normal
// build stays free of sanitizer flags.
if ProcessInfo.processInfo.environment["CONCORD_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "ConcordFuzz",
        dependencies: ["Concord"],
        path: "Fuzz/ConcordFuzz",
        swiftSettings: [.swiftLanguageMode(.v6)]
    ))
    package.products.append(.executable(name: "ConcordFuzz", targets: ["ConcordFuzz"]))
}
