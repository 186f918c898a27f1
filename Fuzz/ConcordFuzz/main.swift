// libFuzzer targets for Concord, built only when CONCORD_FUZZ is set (see scripts/fuzz):
//   CONCORD_FUZZ=1 swift build --product ConcordFuzz -Xswiftc -sanitize=fuzzer,address
// The target is chosen by the environment variable CONCORD_FUZZ_TARGET: reader, normalizer,
// extractor, docx. Each checks invariants, not just the absence of a crash.
import Concord
import Foundation

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: FuzzCallback) -> CInt

let target = ProcessInfo.processInfo.environment["CONCORD_FUZZ_TARGET"] ?? "reader"
// Loaded once per process, and only by the target that uses them (loading them took a
// good part of a short run of the others).
nonisolated(unsafe) let rules: RuleSet? = target == "extractor" ? try? RuleSet(source: .builtIn) : nil

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("invariant broken: \(message())\n".utf8))
        abort()
    }
}

/// White space as the reader joins lines (`LineJoiner.spaced`).
func spaced(_ text: String) -> String {
    LineJoiner.spaced(text)
}

func fuzzOne(_ bytes: [UInt8]) {
    switch target {
    case "normalizer":
        let units = Array(String(decoding: bytes, as: UTF8.self).utf16)
        let normalized = NormalizedText(units)
        var previous = 0
        // The normalization of each source range, once per distinct text: normalizing it
        // again for every unit it gave (and for every repeat of the same word) made this
        // check the bulk of the target's time (7 inputs a second). The check is the same.
        // Most ranges are one unit: those are looked up by the unit, which hashes faster.
        var alone = [ArraySlice<UInt16>: [UInt16]]()
        var single = [UInt16: [UInt16]]()
        for i in 0..<normalized.count {
            let range = normalized.originalRange(ofUnit: i)
            check(range.lowerBound >= previous && range.upperBound <= units.count && !range.isEmpty, "offset map out of order or bounds")
            previous = range.lowerBound
            let piece = units[range]
            let fromPiece: [UInt16]
            if piece.count == 1, let known = single[piece.first!] {
                fromPiece = known
            } else if piece.count > 1, let known = alone[piece] {
                fromPiece = known
            } else {
                fromPiece = NormalizedText(Array(piece)).units
                if piece.count == 1 { single[piece.first!] = fromPiece } else { alone[piece] = fromPiece }
            }
            check(fromPiece.contains(normalized.units[i]), "unit \(i) does not come from its source range")
        }
        check(NormalizedText(units).units == normalized.units, "normalization is not deterministic")
    case "docx":
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concord-fuzz-\(getpid()).docx")
        try? Data(bytes).write(to: url)
        _ = try? DocumentReader().read(path: url.path)
    default:
        guard let document = try? DocumentReader().read(bytes: bytes, file: "fuzz.en.txt") else { return }
        let source = document.source
        for paragraph in document.paragraphs {
            let range = paragraph.text.sourceRange(0..<paragraph.text.count)
            check(range.lowerBound >= 0 && range.upperBound <= source.units.count, "paragraph maps outside the source")
            for i in 0..<paragraph.text.count where paragraph.text.units[i] != 0x20 {
                let offset = paragraph.text.sourceOffset(at: i)
                check(offset >= 0 && offset < source.units.count && source.units[offset] == paragraph.text.units[i], "paragraph unit \(i) maps to another character")
            }
        }
        if target == "extractor", let rules {
            let citations = CitationExtractor(rules: rules).citations(in: document)
            for citation in citations where citation.kind != .unknown {
                check(citation.sourceRange.upperBound <= source.units.count, "citation outside the source")
                let written = String(decoding: source.units[citation.sourceRange], as: UTF16.self)
                // Up to white space: a citation across a line break has the paragraph's
                // text, whose lines the reader joins with one space (found by this target).
                check(spaced(NormalizedText(written).string) == spaced(NormalizedText(citation.text).string), "citation text does not normalize like its source")
            }
            check(CitationExtractor(rules: rules).citations(in: document).map(\.key) == citations.map(\.key), "extraction is not deterministic")
            // The literal pre-scan only skips work: every pattern over every unit, searched
            // from every position, gives the same citations.
            check(CitationExtractor(rules: rules, prescan: false).citations(in: document) == citations, "the pre-scan changed the citations")
            // The Hyperscan pre-filter only skips work too: the ICU-only path gives the same
            // citations (both are run whatever CONCORD_PREFILTER says; the Hyperscan one only
            // where the library is loaded).
            // The input is read again in a language picked by its first byte, so that each
            // language's database is exercised.
            let languages = ["en", "fr", "es", "ru", "ar", "zh"]
            let language = languages[Int(bytes.first ?? 0) % languages.count]
            let other: Document? = language == "en" ? document : (try? DocumentReader().read(bytes: bytes, file: "fuzz.\(language).txt"))
            if Hyperscan.isAvailable, let other {
                let icu = CitationExtractor(rules: rules, prefilter: .icu).citations(in: other)
                let hyperscan = CitationExtractor(rules: rules, prefilter: .hyperscan).citations(in: other)
                check(hyperscan == icu, "the Hyperscan pre-filter changed the citations (\(language))")
            }
        }
    }
}

let callback: FuzzCallback = { data, size in
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, callback))

/// libFuzzer's driver refers to this symbol even when the driver is started by
/// LLVMFuzzerRunDriver; it runs the same target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    callback(data, size)
}
