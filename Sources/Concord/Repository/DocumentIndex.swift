import Foundation

/// Where a document's own symbol was read.
public enum SymbolSource: String, Sendable, Codable {
    /// Its masthead or its front matter (`symbol:`).
    case document
    /// The `symbols:` table of `.concord.yml` (a file glob or an ODS job number).
    case configuration
    /// The file's name (`CTOC-COP-WG.4-2011-8.fr.txt`, `ctoc_cop_wg_4_2011_8.fr.pdf`).
    case fileName = "file-name"
}

/// One file of the repository in the index: what other documents can cite it by, and the
/// anchors of its units.
public struct IndexedDocument: Sendable, Hashable {
    public var file: String
    /// The symbol as the document (or the configuration, or the file name) writes it.
    public var symbol: String?
    public var symbolSource: SymbolSource?
    /// The keys a citation of this document has once passed through `SymbolKey.key`: its
    /// symbol's, and for a resolution or decision the key of its title (`resolution 6/1` of
    /// the Conference → `RESOLUTION/CTOC/COP/6/1`).
    public var keys: [String]
    public var language: Language?
    public var genre: DocumentGenre
    /// The date of its masthead (ISO), when it has one.
    public var date: String?
    public var anchors: Set<String>
    /// The line of each anchor's unit (where a finding's target points).
    public var anchorLines: [String: Int] = [:]
    /// For a corrigendum: the anchors of the document it corrects that it cites (the units it
    /// replaces).
    public var corrects: Set<String> = []
    /// False for the files of `index:` folders (read for the index, not reported on).
    public var reported = true

    /// How a title names the document when it has no symbol (`resolution 6/1 of CTOC/COP`).
    public var titleName: String?

    /// The line of a unit: its own, else that of the nearest enclosing unit held
    /// (`annex:2` for a missing `annex:2/paragraph:9`, `paragraph:8` for `paragraph:8(z)`).
    public func line(of anchor: String) -> Int? {
        var anchor = anchor
        while !anchor.isEmpty {
            if let line = anchorLines[anchor] { return line }
            if let open = anchor.lastIndex(of: "("), anchor.hasSuffix(")") {
                anchor = String(anchor[..<open])
            } else if let slash = anchor.lastIndex(of: "/") {
                anchor = String(anchor[..<slash])
            } else {
                return nil
            }
        }
        return nil
    }

    /// How messages name the document: its symbol, else its title, else its file.
    public var name: String { symbol ?? titleName ?? file }
}

/// A citation of another document, as the cross-document checks read it.
public struct OutgoingCitation: Sendable, Hashable {
    /// The citing file.
    public var file: String
    /// `SymbolKey.key` of the citation's key.
    public var key: String
    /// The citation as written.
    public var written: String
    public var kind: CitationKind
    /// The anchors its pinpoint names (`paragraph:46-51`, `annex:2/paragraph:3`); empty: the
    /// whole document.
    public var pins: [String]
    public var location: Location
    /// A source offset, for ordering.
    public var offset: Int
}

/// What one file gives the repository stage.
public struct RepositoryEntry: Sendable {
    public var document: IndexedDocument
    public var citations: [OutgoingCitation]
    public var suppressions: Suppressions?
}

/// Every document Concord was given (and the `index:` folders), by key.
public struct DocumentIndex: Sendable {
    public let entries: [RepositoryEntry]
    /// `--online`: what the resolver said of symbols the repository does not hold, by key.
    public var online: [String: OnlineCheck.Status] = [:]
    /// The address each symbol asked online was looked up at, by key (for messages).
    public var onlineURLs: [String: String] = [:]
    /// Documents by key, in file order.
    private let byKey: [String: [IndexedDocument]]
    /// The series (`CTOC/COP/WG/4/2011`) of every held symbol, with the symbols.
    private let series: [String: [IndexedDocument]]
    /// Each file's place in `entries` (the first, in file order): the repository checks ask
    /// it for every citation, which searching `documents` made quadratic.
    private let placeOfFile: [String: Int]
    /// The revisions and corrigenda held, by the key they amend (`SymbolKey.base`) and kind,
    /// in number order: `amendments(of:kind:)` is asked for every citation, and walking every
    /// key each time made the repository stage quadratic in the documents.
    private let amendmentsByBase: [String: [String: [(key: String, number: Int, document: IndexedDocument)]]]

    public init(_ entries: [RepositoryEntry]) {
        self.entries = entries.sorted { $0.document.file < $1.document.file }
        var byKey = [String: [IndexedDocument]]()
        var series = [String: [IndexedDocument]]()
        var placeOfFile = [String: Int]()
        for (place, entry) in self.entries.enumerated() {
            if placeOfFile[entry.document.file] == nil { placeOfFile[entry.document.file] = place }
            for key in Set(entry.document.keys) { byKey[key, default: []].append(entry.document) }
            if let symbol = entry.document.symbol, let s = SymbolKey.series(SymbolKey.key(symbol)) {
                series[s, default: []].append(entry.document)
            }
        }
        var amendments = [String: [String: [(key: String, number: Int, document: IndexedDocument)]]]()
        for (key, documents) in byKey {
            guard let amendment = SymbolKey.amendment(key), let document = documents.first else { continue }
            amendments[SymbolKey.base(key), default: [:]][amendment.kind, default: []].append((key, amendment.number, document))
        }
        self.byKey = byKey
        self.series = series
        self.placeOfFile = placeOfFile
        amendmentsByBase = amendments.mapValues { kinds in
            kinds.mapValues { list in list.sorted { ($0.number, $0.key) < ($1.number, $1.key) } }
        }
    }

    public var documents: [IndexedDocument] { entries.map(\.document) }

    /// The document of a file (the first in file order), as `documents.first { $0.file == file }`.
    public func document(file: String) -> IndexedDocument? {
        placeOfFile[file].map { entries[$0].document }
    }

    /// The language versions held under a key.
    public func documents(key: String) -> [IndexedDocument] { byKey[key] ?? [] }

    /// The held documents of the series a key belongs to.
    public func documents(inSeriesOf key: String) -> [IndexedDocument] {
        SymbolKey.series(key).flatMap { series[$0] } ?? []
    }

    /// Every key held, sorted.
    public var keys: [String] { byKey.keys.sorted() }

    /// The version a pinpoint is checked in: the citing document's language when the
    /// target exists in it, else the first version (by file).
    public func version(of key: String, language: Language?) -> IndexedDocument? {
        let versions = documents(key: key)
        return versions.first { $0.language != nil && $0.language == language } ?? versions.first
    }

    /// The revisions (`…/REV/n`) and corrigenda (`…/CORR/n`) held for a key, newest last.
    /// (Two keys of one number, `…/REV/1` and `…/REV/01`, come in key order.)
    public func amendments(of key: String, kind: String) -> [(key: String, number: Int, document: IndexedDocument)] {
        amendmentsByBase[key]?[kind] ?? []
    }
}
