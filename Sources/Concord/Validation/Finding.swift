import ConcordRuleFiles

/// How serious a finding is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A place in a file.
public struct Location: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    /// What is at this place, for related locations ("the en version").
    public var message: String?
    /// True for a Word document: `line` is the paragraph number (`file.docx:¶12:34`).
    public var paragraphBased: Bool
    /// For a PDF: the page, and `line` is the line on that page (`file.pdf:p3:12:5`).
    public var page: Int?
    /// The offset in the document's source, for renderers that show the document (HTML).
    public var offset: Int?

    public init(file: String, line: Int, column: Int, message: String? = nil, paragraphBased: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.paragraphBased = paragraphBased
    }

    /// `file:12:34`, `file.docx:¶12:34`, or `file.pdf:p3:12:34`.
    public var display: String {
        if let page { return "\(file):p\(page):\(line):\(column)" }
        return "\(file):\(paragraphBased ? "¶" : "")\(line):\(column)"
    }
}

/// The document and unit a cross-document finding's citation reaches (JSON `target`).
public struct FindingTarget: Sendable, Hashable {
    /// The document's symbol (or title, or file).
    public var document: String
    /// The file of the version the citation was checked in.
    public var file: String
    /// The unit cited (nil: the document as a whole); for a missing unit, the one missing.
    public var anchor: String?
    /// The line of the unit in `file` (of the nearest enclosing unit held when the cited one
    /// is missing; 1 for the document as a whole).
    public var line: Int

    public init(document: String, file: String, anchor: String?, line: Int) {
        self.document = document
        self.file = file
        self.anchor = anchor
        self.line = line
    }
}

/// One thing a check found: a broken reference, or a disagreement between language versions.
public struct Finding: Sendable, Hashable {
    public var rule: CheckID
    public var severity: Severity
    public var message: String
    public var location: Location
    /// The same unit in the other language versions.
    public var related: [Location]
    /// What the finding is about, stable when lines move (for fingerprints): e.g.
    /// `footnote 5` or `op12`.
    public var subject: String
    /// The fingerprint as a report gave it, for a finding read back from a JSON report
    /// (`concord merge`), which carries the fingerprint but not the subject.
    public var storedFingerprint: String?
    /// For a finding about a citation of another document of the repository: the document
    /// it cites, the file of the version checked, and the unit (`annex:2/paragraph:3`).
    public var target: FindingTarget?

    public init(rule: CheckID, severity: Severity, message: String, location: Location,
                related: [Location] = [], subject: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.related = related
        self.subject = subject
    }

    /// Sorting: by file, (page,) line, column, rule.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        (a.location.file, a.location.page ?? 0, a.location.line, a.location.column, a.rule, a.message)
            < (b.location.file, b.location.page ?? 0, b.location.line, b.location.column, b.rule, b.message)
    }
}

/// The checks that Rules/checks.yml describes: ids, default severities, descriptions. Every
/// id in the file must be a check Concord has, and every check must be in the file: a rule
/// file that names an unknown check, or leaves one out, is an error naming the file.
public struct CheckCatalogue: Sendable {
    public struct Entry: Sendable {
        public var id: CheckID
        public var severity: Severity
        public var description: String
    }
    /// In the file's order.
    public let checks: [Entry]
    private let byID: [CheckID: Entry]
    /// How the versions of one unit compare their pins (the `comparison` section).
    public let comparison: PinComparison
    /// What an example of the `comparison` section must give: versions that compare alike
    /// (`same`), alike but for the precision of a pin (`coarser`: `set.coarser-pin`), or not
    /// alike (`different`).
    public enum ComparisonOutcome: String, Sendable { case same, coarser, different }
    /// The section's examples: texts by language code and the outcome they must give.
    public let comparisonExamples: [(versions: [String: String], outcome: ComparisonOutcome)]

    init(_ file: RuleFiles.Checks, path: String) throws(RuleError) {
        var checks = [Entry]()
        var byID = [CheckID: Entry]()
        for check in file.checks {
            guard let id = CheckID(rawValue: check.id) else {
                throw RuleError(file: path, message: "check '\(check.id)' is not a check Concord has (known: \(CheckID.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let severity = Severity(rawValue: check.severity) else {
                throw RuleError(file: path, message: "check \(check.id): severity '\(check.severity)' is not error, warning or note")
            }
            guard byID[id] == nil else { throw RuleError(file: path, message: "check \(check.id) is described twice") }
            let entry = Entry(id: id, severity: severity, description: check.description)
            checks.append(entry)
            byID[id] = entry
        }
        if let missing = CheckID.allCases.first(where: { byID[$0] == nil }) {
            throw RuleError(file: path, message: "check \(missing.rawValue) is not described (every check needs an id, a severity and a description)")
        }
        self.checks = checks
        self.byID = byID
        let section = file.comparison
        for group in section?.interchangeable ?? [] {
            guard group.kinds.count >= 2 else {
                throw RuleError(file: path, message: "comparison: an interchangeable group needs two kinds or more (\(group.kinds.joined(separator: ", ")))")
            }
            if let kind = group.kinds.first(where: { !PinPrecision.pinKinds.contains(Substring($0)) }) {
                throw RuleError(file: path, message: "comparison: '\(kind)' is not a pin kind (known: \(PinPrecision.pinKinds.sorted().joined(separator: ", ")))")
            }
        }
        for rule in section?.within ?? [] {
            if let kind = ([rule.outer] + rule.kinds).first(where: { !PinPrecision.pinKinds.contains(Substring($0)) }) {
                throw RuleError(file: path, message: "comparison: within: '\(kind)' is not a pin kind (known: \(PinPrecision.pinKinds.sorted().joined(separator: ", ")))")
            }
            guard !rule.kinds.isEmpty, !rule.kinds.contains(rule.outer) else {
                throw RuleError(file: path, message: "comparison: within \(rule.outer): give the kinds of its units (not \(rule.outer) itself)")
            }
        }
        if let bad = (section?.yearOptional ?? []).first(where: { !$0.prefix.hasSuffix("/") || $0.prefix.count < 2 }) {
            throw RuleError(file: path, message: "comparison: year-optional prefix '\(bad.prefix)' must be a symbol's beginning ending in '/' (S/RES/)")
        }
        if let limit = section?.rangeLimit, limit < 0 {
            throw RuleError(file: path, message: "comparison: range-limit must be 0 or more")
        }
        comparison = section.map {
            PinComparison(rangeLimit: $0.rangeLimit ?? 0, groups: ($0.interchangeable ?? []).map(\.kinds),
                          within: ($0.within ?? []).map { ($0.outer, $0.kinds) }, yearOptional: ($0.yearOptional ?? []).map(\.prefix))
        } ?? .exact
        comparisonExamples = (section?.examples?.same ?? []).map { ($0, .same) } + (section?.examples?.coarser ?? []).map { ($0, .coarser) }
            + (section?.examples?.different ?? []).map { ($0, .different) }
    }

    public func check(_ id: CheckID) -> Entry { byID[id]! }

    public func severity(_ id: CheckID) -> Severity { check(id).severity }
}
