/// The report formats of `concord check --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, github, markdown, html

    /// Whether the renderer shows the documents themselves (the run then keeps them).
    public var showsDocuments: Bool { self == .html }
}

/// What a renderer may need besides the report.
public struct RenderContext: Sendable {
    /// The checks' metadata (SARIF's rule descriptions).
    public var checks: CheckCatalogue
    /// The folder paths are made relative to (SARIF's %SRCROOT%).
    public var root: String
    /// The severity at which a run fails (JUnit marks those test cases failed).
    public var failOn: Severity
    /// ANSI colour in the text report.
    public var colour: Bool
    /// The languages written right to left (the HTML view sets their direction).
    public var rightToLeft: Set<Language>

    public init(checks: CheckCatalogue, root: String, failOn: Severity = .error, colour: Bool = false,
                rightToLeft: Set<Language> = ReadingLexicon.standard.rightToLeft) {
        self.checks = checks
        self.root = root
        self.failOn = failOn
        self.colour = colour
        self.rightToLeft = rightToLeft
    }
}

/// A report format: a pure function of the report. A new format is one more type here and
/// one more case of `ReportFormat`.
public protocol ReportRenderer: Sendable {
    func render(_ report: CheckReport, context: RenderContext) -> String
}

extension ReportFormat {
    /// The renderer of this format.
    public var renderer: any ReportRenderer {
        switch self {
        case .text: return Renderer { TextReport.render($0, style: .init(colour: $1.colour)) }
        case .json: return Renderer { report, _ in JSONReport.render(report) }
        case .sarif: return Renderer { SARIFReport.render($0, checks: $1.checks, root: $1.root) }
        case .junit: return Renderer { JUnitReport.render($0, failOn: $1.failOn) }
        case .github: return Renderer { GitHubReport.render($0, root: $1.root) }
        case .markdown: return Renderer { report, _ in MarkdownReport.render(report) }
        case .html: return Renderer { HTMLReport.render($0, rightToLeft: $1.rightToLeft) }
        }
    }
}

/// A renderer made of a function.
private struct Renderer: ReportRenderer {
    let body: @Sendable (CheckReport, RenderContext) -> String
    init(_ body: @escaping @Sendable (CheckReport, RenderContext) -> String) { self.body = body }
    func render(_ report: CheckReport, context: RenderContext) -> String { body(report, context) }
}
