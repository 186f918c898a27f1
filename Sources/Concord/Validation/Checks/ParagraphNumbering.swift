/// Operative and annex paragraph numbers read in order: the gaps and repeats that
/// `paragraph.numbering-gap` and `paragraph.duplicate-number` report (an annex's numbering
/// starts again at 1).
enum ParagraphNumbering {
    struct Problem {
        var check: CheckID
        var paragraph: Paragraph
        var message: String
    }

    static func problems(_ document: Document) -> [Problem] {
        var problems = [Problem]()
        for kind in [ParagraphKind.operative, .annex] {
            var last: Int?
            var seen = Set<Int>()
            let name = kind.readableName
            for paragraph in document.paragraphs where paragraph.kind == kind {
                guard let number = paragraph.number else { continue }
                if kind == .annex, number == 1 { last = nil; seen = [] }  // a new annex
                if seen.contains(number) {
                    problems.append(Problem(check: .paragraphDuplicateNumber, paragraph: paragraph, message: "two \(name)s are numbered \(number)"))
                } else if let last, number > last + 1 {
                    let missing = number == last + 2 ? "\(last + 1) is missing" : "\(last + 1) to \(number - 1) are missing"
                    problems.append(Problem(check: .paragraphNumberingGap, paragraph: paragraph, message: "\(name) \(number) follows \(last): \(missing)"))
                } else if last == nil, number > 1 {
                    problems.append(Problem(check: .paragraphNumberingGap, paragraph: paragraph, message: "the first \(name) is numbered \(number)"))
                }
                seen.insert(number)
                last = max(last ?? 0, number)
            }
        }
        return problems
    }

    static func findings(_ id: CheckID, in document: Document, context: CheckContext) -> [Finding] {
        problems(document).filter { $0.check == id }.map {
            context.finding(id, in: document, at: $0.paragraph.start, $0.message, subject: $0.paragraph.id)
        }
    }
}
