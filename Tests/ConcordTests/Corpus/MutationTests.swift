import Foundation
import Testing
@testable import Concord

/// Mutation test over the six-language sets of every genre in Corpora/ (the resolution, the
/// treaty, the report): for each language in turn, one reference of each kind is changed in
/// that version only (an article or other unit pin, a paragraph pin, a symbol, a resolution
/// number, a Treaty Series volume, a date, the document's own number) and the set must give
/// a finding in the changed file that the unchanged set does not give. The recall per kind is
/// printed; the goal is 100 %.
@Suite(.serialized) struct MutationTests {
    static let sets = [("seed", "res-6-1"), ("treaty", "convention"), ("report", "CTOC-COP-WG.4-2011-8")]
    static let languages = ["ar", "en", "es", "fr", "ru", "zh"]

    enum Kind: String, CaseIterable {
        case unitPin = "article or other unit pin", paragraphPin = "paragraph pin", symbol, resolution
        case treatyVolume = "Treaty Series volume", date, ownNumber = "own number"

        func matches(_ citation: Citation) -> Bool {
            switch self {
            case .unitPin: return citation.kind.isPin && citation.kind != .paragraph
            case .paragraphPin: return citation.kind == .paragraph
            case .symbol: return citation.kind == .symbol
            case .resolution: return citation.kind == .resolution || citation.kind == .decision
            case .treatyVolume: return citation.kind == .treaty
            case .date: return citation.kind == .date
            case .ownNumber: return false
            }
        }
    }

    /// The text with one number changed inside `range` (UTF-16 offsets): the last digit of its
    /// first run of digits moved by one in the same script (9 → 8), else the first Chinese
    /// numeral replaced by the next one; nil when the range holds no number.
    static func mutate(_ text: String, in range: Range<Int>) -> String? {
        var units = Array(text.utf16)
        var index = range.lowerBound
        var lastDigit: Int?
        while index < range.upperBound {
            let unit = units[index]
            if let scalar = Unicode.Scalar(unit), scalar.properties.numericType == .decimal {
                lastDigit = index
            } else if lastDigit != nil { break }
            index += 1
        }
        if let at = lastDigit, let scalar = Unicode.Scalar(units[at]), let value = scalar.properties.numericValue {
            let zero = Int(units[at]) - Int(value)
            units[at] = UInt16(zero + (value == 9 ? 8 : Int(value) + 1))
            return String(decoding: units, as: UTF16.self)
        }
        let numerals: [Character] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
        for at in range where at < units.count {
            guard let scalar = Unicode.Scalar(units[at]), let position = numerals.firstIndex(of: Character(scalar)) else { continue }
            let next = numerals[position == 8 ? 7 : position + 1]
            units[at] = next.utf16.first!
            return String(decoding: units, as: UTF16.self)
        }
        return nil
    }

    static func findings(_ folder: URL) -> Set<String> {
        let report = TestPipeline.report(DocumentSet.group(InputFiles.expand([folder.path])))
        return Set(report.findings.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line): \($0.rule) \($0.message)" })
    }

    @Test func everyChangedReferenceGivesAFinding() throws {
        var tried = [Kind: Int](), caught = [Kind: Int](), missed = [String]()
        for (folderName, stem) in Self.sets {
            let folder = try Paths.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            var texts = [String: String]()
            for language in Self.languages {
                let path = Paths.corpora("\(folderName)/\(stem).\(language).txt")
                texts[language] = try String(contentsOfFile: path, encoding: .utf8)
                try texts[language]!.write(to: folder.appendingPathComponent("\(stem).\(language).txt"), atomically: true, encoding: .utf8)
            }
            let clean = Self.findings(folder)
            for language in Self.languages {
                let file = "\(stem).\(language).txt"
                let url = folder.appendingPathComponent(file)
                let document = try DocumentReader().read(path: url.path)
                let citations = TestPipeline.resolved(document).citations
                let source = texts[language]!
                for kind in Kind.allCases {
                    var range: Range<Int>?
                    if kind == .ownNumber {
                        range = document.identity.number == nil ? nil : document.paragraphs.first { $0.kind == .title }.map { $0.start..<($0.start + 40) }
                    } else {
                        range = citations.first { kind.matches($0) && Self.mutate(source, in: $0.sourceRange) != nil }?.sourceRange
                    }
                    guard let range, let changed = Self.mutate(source, in: range.lowerBound..<min(range.upperBound, source.utf16.count)) else { continue }
                    tried[kind, default: 0] += 1
                    try changed.write(to: url, atomically: true, encoding: .utf8)
                    // A trace note (`set.unkeyed-trace`) says "probably a form not read": a
                    // changed number must give a finding that says it differs.
                    let new = Self.findings(folder).subtracting(clean).filter { $0.hasPrefix(file + ":") && !$0.contains(" set.unkeyed-trace ") }
                    try source.write(to: url, atomically: true, encoding: .utf8)
                    if new.isEmpty {
                        missed.append("\(folderName)/\(file): \(kind.rawValue) changed at offset \(range.lowerBound) gave no finding")
                    } else {
                        caught[kind, default: 0] += 1
                    }
                }
            }
        }
        for kind in Kind.allCases {
            let t = tried[kind, default: 0], c = caught[kind, default: 0]
            print("mutation recall, \(kind.rawValue): \(c)/\(t)" + (t > 0 ? String(format: " (%.0f %%)", Double(c) * 100 / Double(t)) : ""))
        }
        for line in missed { print("missed: \(line)") }
        #expect(tried.values.reduce(0, +) >= 60, "too few mutations tried")
        // Every changed reference must give a finding: also a date changed in a report's title
        // line, a unit without an anchor, paired with its counterparts between the anchored
        // units around it (VersionAlignment.unanchored).
        #expect(missed.isEmpty, "\(missed.count) changed references gave no finding")
    }
}
