import Foundation

/// The extract stage for a whole document: every paragraph and every footnote body searched
/// with the rules of the document's language. `citations(in:)` runs the normalize, extract
/// and resolve stages in one call for callers that want only the citations.
public struct CitationExtractor: Sendable {
    public let rules: RuleSet
    /// Whether a literal pre-scan decides which patterns run over a unit and where they are
    /// tried (the default); false runs every pattern over every unit from every position,
    /// for comparison. The citations are the same.
    public var prescan: Bool
    /// The engine of the pre-filter with the pre-scan (`CONCORD_PREFILTER`, by default):
    /// ICU alone, or a Hyperscan pass before ICU confirms. The citations are the same.
    public var prefilter: PrefilterEngine

    public init(rules: RuleSet, prescan: Bool = true, prefilter: PrefilterEngine = .active) {
        self.rules = rules
        self.prescan = prescan
        self.prefilter = prefilter
    }

    func unitExtractor(_ language: LanguageRules) -> UnitExtractor {
        UnitExtractor(rules: rules, language: language, prescan: prescan, hyperscan: prefilter == .hyperscan)
    }

    /// The rules of a document's language (English when the language is not known or has
    /// no rules).
    func languageRules(_ document: Document) -> LanguageRules? {
        rules.languages[document.language ?? .en] ?? rules.languages[.en]
    }

    /// The references in every unit: the paragraphs in order (the title names the document
    /// itself, `Résolution 6/1`, and is not searched), then the footnote bodies.
    public func references(in normalized: NormalizedDocument) -> [FoundUnit] {
        let document = normalized.document
        guard let language = languageRules(document) else { return [] }
        var extractors = [language.language: unitExtractor(language)]
        /// A unit in another language than the document's is read with that language's rules.
        func found(_ owner: UnitOwner, _ text: MappedText, _ normalized: NormalizedText) -> FoundUnit {
            let own = unitLanguage(normalized.units, file: language)
            if extractors[own.language] == nil { extractors[own.language] = unitExtractor(own) }
            return FoundUnit(owner: owner, text: text, normalized: normalized, references: extractors[own.language]!.find(normalized),
                             language: own.language == language.language ? nil : own.language)
        }
        // The first document in a language compiles the patterns its units need on a second
        // thread as well, from its last unit back, while this one reads from the first: ICU
        // compiling them was about a third of a one-document run (cached rules compile on
        // first use). The references found are the same; the thread stops when this loop ends.
        // Rules compiled from source have every pattern compiled already: no thread then.
        let ahead = !language.patterns.allSatisfy(\.compiled.isCompiled) && language.compiledAhead.claim()
            ? CompilingAhead(unitExtractor(language), normalized) : nil
        defer { ahead?.finish() }
        var units = [FoundUnit]()
        units.reserveCapacity(document.paragraphs.count + document.footnotes.count)
        Self.forEachSearchedUnit(normalized) { units.append(found($0, $1, $2)) }
        return units
    }

    /// Each unit `references(in:)` searches, in order: the paragraphs but the title, then the
    /// footnote bodies. By index, reading the fields in place: a `zip` copied every paragraph
    /// (a dozen references retained and released each).
    static func forEachSearchedUnit(_ normalized: NormalizedDocument, _ body: (UnitOwner, MappedText, NormalizedText) -> Void) {
        let document = normalized.document
        for index in 0..<min(document.paragraphs.count, normalized.paragraphs.count) where document.paragraphs[index].kind != .title {
            body(.paragraph(id: document.paragraphs[index].id), document.paragraphs[index].text, normalized.paragraphs[index])
        }
        for index in 0..<min(document.footnotes.count, normalized.footnoteBodies.count) {
            guard let footnote = document.footnotes[index].body, let text = normalized.footnoteBodies[index] else { continue }
            body(.footnote(label: document.footnotes[index].label), footnote.text, text)
        }
    }

    /// The rules of the language a unit is written in (`LanguageDetector.unitLanguage`): the
    /// file's, unless the unit is in another language that has rules.
    func unitLanguage(_ units: [UInt16], file: LanguageRules) -> LanguageRules {
        let detected = LanguageDetector.unitLanguage(units, file: file.language, lexicon: rules.lexicon)
        return detected == file.language ? file : rules.languages[detected] ?? file
    }

    /// Normalize, extract and resolve. `issuingBody`: the body whose resolutions
    /// `its resolution` means, when the configuration says so; otherwise it is read from the
    /// document.
    public func citations(in document: Document, issuingBody body: String? = nil) -> [Citation] {
        let normalized = NormalizedDocument(document)
        return DocumentResolver(rules: rules).resolve(normalized, references(in: normalized), issuingBody: body).citations
    }
}

extension CitationExtractor {
    /// The citations of one piece of text with no document around it (a rule's example, one
    /// segment of aligned sentences): extracted and given keys, `its resolution` read as
    /// `issuingBody`'s.
    /// With `perUnitLanguage`, a segment written in another language than `language` (an
    /// untranslated line) is read with that language's rules.
    public func citations(inSegment units: [UInt16], language file: LanguageRules, issuingBody: String = "A",
                          perUnitLanguage: Bool = false) -> [Citation] {
        let text = MappedText(copying: units, range: 0..<units.count)
        let normalized = NormalizedText(units)
        let language = perUnitLanguage ? unitLanguage(normalized.units, file: file) : file
        let found = unitExtractor(language).find(normalized)
        let unit = FoundUnit(owner: .paragraph(id: ""), text: text, normalized: normalized, references: found)
        return ReferenceResolver(rules: rules, language: language, issuingBody: issuingBody).citations(unit)
    }
}

/// `UnitExtractor.compilePatterns` on a thread of its own over a document's units, until
/// `finish`. A thread of its own, not a dispatch queue's: with every worker of a queue busy
/// (`--jobs`) in `finish`, the compiling block could wait for a worker that never comes.
final class CompilingAhead: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false  // guarded by lock
    private let done = DispatchSemaphore(value: 0)

    init(_ extractor: UnitExtractor, _ normalized: NormalizedDocument) {
        let units = Self.units(normalized)
        let thread = Thread { [self] in
            extractor.compilePatterns(backwardsThrough: units) { self.isStopped }
            done.signal()
        }
        thread.start()
    }

    /// The units `references(in:)` searches (`CitationExtractor.forEachSearchedUnit`).
    static func units(_ normalized: NormalizedDocument) -> [[UInt16]] {
        var units = [[UInt16]]()
        CitationExtractor.forEachSearchedUnit(normalized) { _, _, text in units.append(text.units) }
        return units
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Stops the thread after the pattern it is compiling, and waits for it.
    func finish() {
        lock.lock()
        stopped = true
        lock.unlock()
        done.wait()
    }
}
