/// A self-contained page (no network, no external scripts or fonts) that shows each document
/// set with its language versions side by side, unit by unit — title, chapeau, preambular
/// and operative paragraphs, footnotes — citations highlighted by kind (hover or focus shows
/// the key, symbols link to the UN's resolver), every finding marked in every version it
/// concerns, and a summary with a link to each finding. Written as well-formed XHTML-style
/// HTML so that an XML parser can check it; deterministic.
public enum HTMLReport {
    /// `rightToLeft`: the languages written right to left (`ReadingLexicon.rightToLeft` of the
    /// rules in use).
    public static func render(_ report: CheckReport, title: String = "Concord report",
                              rightToLeft: Set<Language> = ReadingLexicon.standard.rightToLeft) -> String {
        var page = Page()
        // Number the findings once, in report order, for anchors and the summary.
        var numbered = [(id: String, set: Int, finding: Finding)]()
        for (s, set) in report.sets.enumerated() {
            for finding in set.findings { numbered.append(("f\(numbered.count + 1)", s, finding)) }
        }
        page.out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        page.out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        page.out += "<title>\(escape(title))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
        page.out += "<header>\n<h1>\(escape(title))</h1>\n"
        let versions = report.sets.reduce(0) { $0 + max($1.alignment?.versions.count ?? 0, $1.set.files.count) }
        page.out += "<p class=\"summary\">\(report.sets.count) document set\(report.sets.count == 1 ? "" : "s"), \(versions) version\(versions == 1 ? "" : "s"); "
        page.out += "<span class=\"sev-error\">\(report.count(.error)) error\(report.count(.error) == 1 ? "" : "s")</span>, "
        page.out += "<span class=\"sev-warning\">\(report.count(.warning)) warning\(report.count(.warning) == 1 ? "" : "s")</span>, "
        page.out += "<span class=\"sev-note\">\(report.count(.note)) note\(report.count(.note) == 1 ? "" : "s")</span>.</p>\n"
        if !numbered.isEmpty {
            var byRule = [String: Int]()
            for item in numbered { byRule[item.finding.rule.rawValue, default: 0] += 1 }
            page.out += "<table class=\"rules\"><thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Findings</th></tr></thead><tbody>\n"
            for (rule, count) in byRule.sorted(by: { $0.key < $1.key }) {
                page.out += "<tr><td><code>\(escape(rule))</code></td><td>\(count)</td></tr>\n"
            }
            page.out += "</tbody></table>\n<ol class=\"findings\">\n"
            for item in numbered {
                page.out += "<li><a href=\"#\(item.id)\">\(badge(item.finding.severity)) <code>\(escape(item.finding.location.display))</code> \(escape(item.finding.message)) <code>[\(escape(item.finding.rule.rawValue))]</code></a></li>\n"
            }
            page.out += "</ol>\n"
        }
        if !report.inputErrors.isEmpty {
            page.out += "<ul class=\"input-errors\">\n"
            for error in report.inputErrors { page.out += "<li>\(escape(error.description))</li>\n" }
            page.out += "</ul>\n"
        }
        page.out += "<p class=\"help\">Keys: <kbd>n</kbd> next finding, <kbd>p</kbd> previous finding. Citations show their key on hover or focus.</p>\n</header>\n<main>\n"
        let links = internalLinks(report)
        for (s, set) in report.sets.enumerated() {
            renderSet(set, index: s, findings: numbered.filter { $0.set == s }, rightToLeft: rightToLeft, links: links, into: &page)
        }
        page.out += "</main>\n<script>//<![CDATA[\n\(script)\n//]]></script>\n</body>\n</html>\n"
        return page.out
    }

    private struct Page { var out = "" }

    /// Where a resolved citation of another document leads when that document is in the
    /// report: by citing file and the citation's source offset, the id of the cited unit's
    /// row (the first unit of its pinpoint), or of the document's set when the unit has no row.
    static func internalLinks(_ report: CheckReport) -> [String: [Int: String]] {
        guard !report.links.isEmpty else { return [:] }
        var units = [String: (set: String, rows: [String: String])]()
        for (s, set) in report.sets.enumerated() {
            guard let alignment = set.alignment else { continue }
            let rows = alignment.rows()
            for (v, version) in alignment.versions.enumerated() {
                var byAnchor = [String: String]()
                for row in rows {
                    guard let cell = row.cells[v], let paragraph = version.document.paragraphs.first(where: { $0.start == cell.start }),
                          let key = paragraph.anchor ?? (paragraph.kind == .operative ? paragraph.number.map { "paragraph:\($0)" } : nil)
                    else { continue }
                    byAnchor[key] = byAnchor[key] ?? "set\(s + 1)-\(anchor(row.key))"
                }
                units[version.document.file] = ("set\(s + 1)", byAnchor)
            }
        }
        var out = [String: [Int: String]]()
        for link in report.links {
            guard let target = units[link.file], let offset = link.location.offset else { continue }
            let first = link.anchors.first.flatMap { DocumentAnchors.expand($0).first }
            out[link.location.file, default: [:]][offset] = first.flatMap { target.rows[$0] } ?? target.set
        }
        return out
    }

    private static func renderSet(_ set: SetReport, index: Int, findings: [(id: String, set: Int, finding: Finding)],
                                  rightToLeft: Set<Language>, links: [String: [Int: String]] = [:], into page: inout Page) {
        let alignment = set.alignment ?? VersionAlignment([])
        let versions = alignment.versions
        let languages = versions.map { $0.language }
        page.out += "<section class=\"set\" id=\"set\(index + 1)\" aria-labelledby=\"set\(index + 1)-title\">\n"
        page.out += "<h2 id=\"set\(index + 1)-title\">\(escape(set.set.name)) <span class=\"langs\">(\(escape(languages.joined(separator: ", "))))</span></h2>\n"
        guard !versions.isEmpty else {
            page.out += "<p>No version of this set could be read.</p>\n</section>\n"
            return
        }
        // The units of every version, as the set checks pair them.
        let rows = alignment.rows()
        page.out += "<div class=\"scroll\"><table class=\"versions\" style=\"--columns: \(versions.count)\">\n<thead><tr><th scope=\"col\" class=\"unit\">Unit</th>"
        for version in versions {
            page.out += "<th scope=\"col\" lang=\"\(version.language)\">\(escape(version.language)) <span class=\"file\">\(escape(PathText.lastComponent(version.document.file)))</span></th>"
        }
        page.out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            page.out += "<tr id=\"set\(index + 1)-\(anchor(row.key))\"><th scope=\"row\" class=\"unit\">\(escape(row.label))</th>"
            for (v, version) in versions.enumerated() {
                let rtl = version.document.language.map(rightToLeft.contains) ?? false
                page.out += "<td lang=\"\(version.language)\" dir=\"\(rtl ? "rtl" : "ltr")\" data-language=\"\(version.language)\""
                guard let cell = row.cells[v] else {
                    page.out += " class=\"missing\"><span class=\"absent\">(none)</span></td>"
                    continue
                }
                // Findings whose place (or related place) is in this unit of this version.
                // The unit: its number or label (from its start to its text), its text's pieces,
                // and those of its sub-items.
                let text = cell.text
                let head = cell.start..<max(cell.start + 1, text.sourceOffset(at: 0))
                let inUnit = { (offset: Int) in
                    head.contains(offset) || text.covers(sourceOffset: offset) || cell.extra.contains { $0.covers(sourceOffset: offset) }
                        || cell.markers.contains { $0.contains(offset) }
                }
                let here = findings.filter { item in
                    ([item.finding.location] + item.finding.related).contains { l in
                        l.file == version.document.file && l.offset.map(inUnit) == true
                    }
                }
                page.out += here.isEmpty ? ">" : " class=\"has-finding\">"
                for item in here {
                    let primary = item.finding.location.file == version.document.file
                    let id = primary ? " id=\"\(item.id)\"" : ""
                    page.out += "<a class=\"finding sev-\(item.finding.severity.rawValue)\(primary ? "" : " related")\"\(id) href=\"#\(item.id)\" tabindex=\"0\" data-finding=\"\(item.id)\" title=\"\(escape(item.finding.message)) [\(escape(item.finding.rule.rawValue))]\">\(badge(item.finding.severity)) <span class=\"finding-text\">\(escape(primary ? item.finding.message : "see " + item.id + ": " + item.finding.message))</span></a>"
                }
                let inReport = links[version.document.file] ?? [:]
                page.out += "<div class=\"text\">\(highlight(text, citations: cell.citations, language: version.document.language, links: inReport))"
                for extra in cell.extra {
                    page.out += "<br/>\(highlight(extra, citations: cell.citations, language: version.document.language, links: inReport))"
                }
                page.out += "</div></td>"
            }
            page.out += "</tr>\n"
        }
        page.out += "</tbody></table></div>\n</section>\n"
    }

    /// The text with each citation wrapped: kind as a class and a label, key on hover/focus,
    /// symbols as links; isolated so that Latin symbols and numbers keep their order in
    /// right-to-left text.
    private static func highlight(_ text: MappedText, citations: [Citation], language: Language?, links: [Int: String] = [:]) -> String {
        // Citation spans in text offsets (the citations carry source ranges).
        var spans = [(range: Range<Int>, citation: Citation)]()
        for citation in citations {
            var start: Int?
            var end = 0
            for i in 0..<text.count {
                let s = text.sourceOffset(at: i)
                if citation.sourceRange.contains(s) {
                    if start == nil { start = i }
                    end = i + 1
                }
            }
            if let start { spans.append((start..<end, citation)) }
        }
        // One highlight per place: the longest first, nested ones dropped.
        spans.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count }
        var kept = [(range: Range<Int>, citations: [Citation])]()
        for span in spans {
            if let last = kept.last, last.range.overlaps(span.range) {
                if last.range == span.range { kept[kept.count - 1].citations.append(span.citation) }
                continue
            }
            kept.append((span.range, [span.citation]))
        }
        var out = ""
        var cursor = 0
        for span in kept {
            out += escape(text.string(cursor..<span.range.lowerBound))
            let first = span.citations[0]
            let keys = Array(Set(span.citations.map(\.key))).sorted().joined(separator: ", ")
            let info = "\(first.kind.rawValue): \(keys)"
            let inner = escape(text.string(span.range))
            if let id = span.citations.lazy.compactMap({ links[$0.sourceRange.lowerBound] }).first {
                // A document of this report: the link leads to the cited unit.
                out += "<a class=\"cite k-\(first.kind.rawValue) internal\" href=\"#\(escape(id))\" title=\"\(escape(info))\" data-key=\"\(escape(keys))\"><bdi>\(inner)</bdi></a>"
            } else if let url = first.url {
                out += "<a class=\"cite k-\(first.kind.rawValue)\" href=\"\(escape(url))\" title=\"\(escape(info))\" data-key=\"\(escape(keys))\"><bdi>\(inner)</bdi></a>"
            } else {
                out += "<span class=\"cite k-\(first.kind.rawValue)\" tabindex=\"0\" title=\"\(escape(info))\" data-key=\"\(escape(keys))\"><bdi>\(inner)</bdi></span>"
            }
            cursor = span.range.upperBound
        }
        out += escape(text.string(cursor..<text.count))
        return out
    }

    private static func badge(_ severity: Severity) -> String {
        switch severity {
        case .error: return "<span class=\"badge sev-error\" aria-label=\"error\">✖ error</span>"
        case .warning: return "<span class=\"badge sev-warning\" aria-label=\"warning\">▲ warning</span>"
        case .note: return "<span class=\"badge sev-note\" aria-label=\"note\">● note</span>"
        }
    }

    private static func anchor(_ key: String) -> String {
        String(key.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// HTML-escaped text (also valid XML): a document containing `<script>` stays text.
    static func escape(_ text: String) -> String { Markup.escape(text) }

    static let style = """

    :root { color-scheme: light; --error: #b00020; --warning: #8a5a00; --note: #1f5fa8; --ink: #1b1b1b; --rule: #c8c8c8; }
    body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif; color: var(--ink); margin: 0 1rem 2rem; line-height: 1.45; }
    h1 { font-size: 1.5rem; margin: 1rem 0 .5rem; }
    h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
    .langs, .file { color: #555; font-weight: normal; font-size: .85em; }
    .summary { font-size: 1.05rem; }
    table.rules { border-collapse: collapse; margin: .5rem 0; }
    table.rules td, table.rules th { border: 1px solid var(--rule); padding: .15rem .5rem; text-align: left; }
    ol.findings { padding-left: 1.5rem; }
    ol.findings a { color: inherit; text-decoration: none; }
    ol.findings a:hover, ol.findings a:focus { text-decoration: underline; }
    .scroll { overflow-x: auto; }
    table.versions { border-collapse: collapse; table-layout: fixed; width: 100%; min-width: calc(var(--columns) * 10.5rem + 4.5rem); }
    table.versions th, table.versions td { border: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top; text-align: start; overflow-wrap: anywhere; }
    table.versions thead th { position: sticky; top: 0; background: #f4f4f4; z-index: 1; }
    th.unit { width: 4.5rem; font-weight: normal; color: #555; font-size: .85rem; }
    td[lang="zh"] { line-break: strict; word-break: normal; }
    td[dir="rtl"] { text-align: right; }
    td.missing { background: repeating-linear-gradient(45deg, #fff, #fff 6px, #f1f1f1 6px, #f1f1f1 12px); }
    td.has-finding { box-shadow: inset 4px 0 0 var(--error); }
    td[dir="rtl"].has-finding { box-shadow: inset -4px 0 0 var(--error); }
    .absent { color: #777; font-style: italic; }
    .cite { unicode-bidi: isolate; border-bottom: 2px solid; text-decoration: none; color: inherit; padding: 0 1px; }
    .cite bdi { unicode-bidi: isolate; }
    .cite:focus { outline: 2px solid #000; }
    .k-symbol { border-color: #1f5fa8; background: #e8f0fb; }
    .k-resolution, .k-decision { border-color: #6a3d9a; border-bottom-style: double; background: #f1eaf7; }
    .k-treaty { border-color: #00695c; border-bottom-style: dashed; background: #e6f4f1; }
    .k-ibid { border-color: #8a5a00; border-bottom-style: dotted; background: #fbf3e2; }
    .k-paragraph, .k-article { border-color: #555; border-bottom-style: dashed; }
    .k-date, .k-session { border-color: #999; border-bottom-style: dotted; }
    .k-unknown { border-color: transparent; }
    .badge { font-weight: bold; white-space: nowrap; }
    .sev-error { color: var(--error); }
    .sev-warning { color: var(--warning); }
    .sev-note { color: var(--note); }
    a.finding { display: block; margin: 0 0 .3rem; padding: .2rem .35rem; border: 2px solid currentColor; border-radius: 3px; text-decoration: none; font-size: .85rem; background: #fff; }
    a.finding.related { border-style: dashed; }
    a.finding:focus { outline: 3px solid #000; }
    .finding-text { color: var(--ink); }
    kbd { border: 1px solid #999; border-radius: 3px; padding: 0 .25rem; font-size: .85em; }
    @media (max-width: 700px) {
      table.versions, table.versions thead, table.versions tbody, table.versions tr, table.versions th, table.versions td { display: block; width: auto; min-width: 0; }
      table.versions thead { display: none; }
      table.versions td::before { content: attr(data-language); display: block; font-size: .75rem; color: #555; }
    }
    @media print {
      body { margin: 0; font-size: 9pt; }
      .scroll { overflow: visible; }
      table.versions { min-width: 0; }
      table.versions thead th { position: static; }
      .help { display: none; }
      section.set { break-before: page; }
      a { color: inherit; }
    }

    """

    static let script = """
    (function () {
      var items = Array.prototype.slice.call(document.querySelectorAll("a.finding:not(.related)"));
      var current = -1;
      document.addEventListener("keydown", function (event) {
        if (event.target.tagName === "INPUT" || items.length === 0) { return; }
        if (event.key === "n") { current = (current + 1) % items.length; }
        else if (event.key === "p") { current = (current + items.length - 1) % items.length; }
        else { return; }
        items[current].focus();
        items[current].scrollIntoView({ block: "center" });
      });
    })();
    """
}
