/// The id of every check Concord runs: `Rules/checks.yml` gives each its default severity and
/// description (a test keeps the two in step), `.concord.yml` and inline suppressions name
/// them, and every finding carries one.
public enum CheckID: String, Sendable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    // One document
    case footnoteNumberingGap = "footnote.numbering-gap"
    case footnoteDuplicateLabel = "footnote.duplicate-label"
    case footnoteOrphanMarker = "footnote.orphan-marker"
    case footnoteOrphanBody = "footnote.orphan-body"
    case footnoteRepeatedMarker = "footnote.repeated-marker"
    case footnoteMixedPractice = "footnote.mixed-practice"
    case footnoteUnpairedMarkers = "footnote.unpaired-markers"
    case ibidNoAntecedent = "ibid.no-antecedent"
    case ibidAmbiguous = "ibid.ambiguous"
    case ibidAfterUnknown = "ibid.after-unknown"
    case symbolMalformed = "symbol.malformed"
    case symbolUnknownSeries = "symbol.unknown-series"
    case treatyContradiction = "treaty.contradiction"
    case paragraphNumberingGap = "paragraph.numbering-gap"
    case paragraphDuplicateNumber = "paragraph.duplicate-number"
    case structureMissingTarget = "structure.missing-target"
    case structureDirection = "structure.direction"
    case dateImpossible = "date.impossible"
    case plausibilityGASessionDate = "plausibility.ga-session-date"
    case plausibilitySCYear = "plausibility.sc-year"
    case plausibilityCitedAfterAdoption = "plausibility.cited-after-adoption"
    case plausibilityConflictingDate = "plausibility.conflicting-date"
    case plausibilityLaterSession = "plausibility.later-session"
    case plausibilityConflictingTitle = "plausibility.conflicting-title"
    // The run itself
    case reportFindingsCut = "report.findings-cut"
    case suppressionUnknownCheck = "suppression.unknown-check"
    // A set of language versions of one document
    case setFootnoteCount = "set.footnote-count"
    case setMarkerMoved = "set.marker-moved"
    case setParagraphCount = "set.paragraph-count"
    case setCitationMismatch = "set.citation-mismatch"
    case setIdentityMismatch = "set.identity-mismatch"
    case setCoarserPin = "set.coarser-pin"
    case setNumberMismatch = "set.number-mismatch"
    case setUnkeyedTrace = "set.unkeyed-trace"
    case setConflictingDate = "set.conflicting-date"
    case setConflictingTitle = "set.conflicting-title"
    // The documents of a repository
    case xrefMissingTarget = "xref.missing-target"
    case xrefSuperseded = "xref.superseded"
    case xrefUnknownDocument = "xref.unknown-document"

    public var description: String { rawValue }

    /// Former ids still accepted in `.concord.yml` and suppressions, with the check they name now.
    public static let aliases: [String: CheckID] = ["paragraph.missing-target": .structureMissingTarget]

    /// A check by its id or a former id (`paragraph.missing-target` is `structure.missing-target`).
    public init?(named name: String) {
        guard let id = CheckID(rawValue: name) ?? Self.aliases[name] else { return nil }
        self = id
    }

    public static func < (a: CheckID, b: CheckID) -> Bool { a.rawValue < b.rawValue }
}
