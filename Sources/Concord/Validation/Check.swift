/// One check, in SwiftLint's rule shape: an id (whose default severity and description are
/// in `Rules/checks.yml`, kept in step by a test), examples that must and must not trigger
/// it (a test runs them all through the whole pipeline), and the logic, one file per check
/// in `Validation/Checks/`. `Checks.all` lists them.
public protocol Check: Sendable {
    static var id: CheckID { get }
    /// The severity `Rules/checks.yml` must give it unless an editor decides otherwise.
    static var defaultSeverity: Severity { get }
    static var examples: CheckExamples { get }
}

/// A check on one document on its own.
public protocol DocumentCheck: Check {
    init()
    func findings(in document: ResolvedDocument, context: CheckContext) -> [Finding]
}

/// A check across the language versions of one document.
public protocol SetCheck: Check {
    init()
    func findings(in set: VersionAlignment, context: CheckContext) -> [Finding]
}

/// What checks may read besides the document: the catalogue (severities), the rules'
/// catalogues (treaties, sessions) and the language rules.
public struct CheckContext: Sendable {
    public let catalogue: CheckCatalogue
    public let treaties: TreatyCatalogue
    public let sessions: SessionCatalogue
    /// Each language's rules (how it writes numbers, for `set.number-mismatch`).
    public let languages: LanguageTable

    public init(rules: RuleSet) {
        catalogue = rules.checks
        treaties = rules.treaties
        sessions = rules.sessions
        languages = rules.languages
    }

    /// A finding of `id` at a place of a document, with the severity the catalogue gives.
    public func finding(_ id: CheckID, in document: Document, at offset: Int, _ message: String,
                        related: [Location] = [], subject: String) -> Finding {
        Finding(rule: id, severity: catalogue.severity(id), message: message,
                location: document.location(of: offset), related: related, subject: subject)
    }
}

/// Small documents that must, or must not, give a finding of a check. Each example is a set
/// of files (one for a document check, several language versions for a set check); the
/// file name gives the format and the language (`doc.en.md`).
public struct CheckExamples: Sendable {
    public struct Example: Sendable {
        public var files: [(name: String, text: String)]
        /// Findings per file before `report.findings-cut` applies (nil: the default).
        public var findingsPerFile: Int?

        public init(_ files: [(name: String, text: String)], findingsPerFile: Int? = nil) {
            self.files = files
            self.findingsPerFile = findingsPerFile
        }

        /// One English Markdown document.
        public static func markdown(_ text: String) -> Example { Example([("doc.en.md", text)]) }
    }
    public var triggering: [Example]
    public var nonTriggering: [Example]

    public init(triggering: [Example], nonTriggering: [Example]) {
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// Every check Concord runs, in the order they run.
public enum Checks {
    public static let document: [any DocumentCheck] = [
        FootnoteNumberingGap(), FootnoteDuplicateLabel(), FootnoteOrphanMarker(), FootnoteOrphanBody(),
        FootnoteRepeatedMarker(), FootnoteMixedPractice(), FootnoteUnpairedMarkers(),
        IbidNoAntecedent(), IbidAmbiguous(), IbidAfterUnknown(), SymbolMalformed(), SymbolUnknownSeries(),
        TreatyContradiction(), DateImpossible(), GASessionDate(), SCResolutionYear(),
        CitedAfterAdoption(), ConflictingDate(), ConflictingTitle(), LaterSession(),
        ParagraphNumberingGap(), ParagraphDuplicateNumber(), StructureMissingTarget(), StructureDirection(),
    ]
    public static let set: [any SetCheck] = [
        SetParagraphCount(), SetFootnoteCount(), SetMarkerMoved(), SetCitationMismatch(), SetIdentityMismatch(), SetCoarserPin(), SetNumberMismatch(), SetUnkeyedTrace(),
        SetConflictingDate(), SetConflictingTitle(),
    ]
    /// The checks across the documents of a repository (citations of one document resolved
    /// into another).
    public static let repository: [any RepositoryCheck] = [
        XrefMissingTarget(), XrefSuperseded(), XrefUnknownDocument(),
    ]
    /// Every check type, the run's own (`report.findings-cut`, `suppression.unknown-check`) included.
    public static let all: [any Check.Type] = document.map { type(of: $0) } + set.map { type(of: $0) }
        + repository.map { type(of: $0) } + [FindingsCut.self, SuppressionUnknownCheck.self]

    /// The findings of every document check, in the order `Finding.ordered` gives.
    public static func findings(in document: ResolvedDocument, context: CheckContext) -> [Finding] {
        Self.document.flatMap { $0.findings(in: document, context: context) }.sorted(by: Finding.ordered)
    }
}
