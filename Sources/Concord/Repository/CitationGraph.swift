import Foundation

/// The citation graph of a repository, for the people who keep the collection: documents as
/// nodes (one node per document, its language versions together), citations as edges with
/// their pinpoints. Documents cited but not held are nodes too (`held: false`), so that what
/// the repository lacks shows; citations whose key is no document symbol or resolution (dates,
/// treaties) are left out.
public struct CitationGraph: Sendable {
    public struct Node: Sendable, Hashable {
        /// `SymbolKey.key` of the document (its first key).
        public var id: String
        public var label: String
        public var held: Bool
        public var genre: DocumentGenre?
        public var languages: [Language]
        public var files: [String]
        /// `--online`, for a document not held: what the resolver said (`found`, `missing`,
        /// `failed`); nil when it was not asked.
        public var online: String? = nil
    }
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        /// The anchors cited, over all language versions (empty: the document as a whole).
        public var pins: [String]
        /// How many citations (in all versions) the edge stands for.
        public var count: Int
        /// Anchors cited that the target lacks.
        public var missing: [String]
    }
    public var nodes: [Node]
    public var edges: [Edge]

    public init(_ index: DocumentIndex) {
        var nodes = [String: Node]()
        var idOfKey = [String: String]()
        for document in index.documents {
            let id = document.keys.first ?? SymbolKey.key(document.file)
            for key in document.keys { idOfKey[key] = idOfKey[key] ?? id }
            let node = idOfKey[document.keys.first ?? id] ?? id
            var entry = nodes[node] ?? Node(id: node, label: document.name, held: true, genre: document.genre, languages: [], files: [])
            if let language = document.language, !entry.languages.contains(language) { entry.languages.append(language) }
            entry.files.append(document.file)
            nodes[node] = entry
        }
        var edges = [String: Edge]()
        // Every document of the repository cites, the index folders' too.
        for entry in index.entries {
            let from = idOfKey[entry.document.keys.first ?? ""] ?? SymbolKey.key(entry.document.file)
            for citation in entry.citations {
                let to: String
                if let held = idOfKey[citation.key] {
                    to = held
                } else {
                    to = citation.key
                    if nodes[to] == nil {
                        nodes[to] = Node(id: to, label: citation.kind == .symbol ? citation.written : citation.key, held: false, genre: nil, languages: [], files: [])
                    }
                }
                guard to != from else { continue }
                let target = index.version(of: citation.key, language: entry.document.language)
                let missing = target.map { t in citation.pins.flatMap(DocumentAnchors.expand).filter { !t.anchors.contains($0) } } ?? []
                let id = from + "\u{0}" + to
                var edge = edges[id] ?? Edge(from: from, to: to, pins: [], count: 0, missing: [])
                edge.count += 1
                for pin in citation.pins where !edge.pins.contains(pin) { edge.pins.append(pin) }
                for anchor in missing where !edge.missing.contains(anchor) { edge.missing.append(anchor) }
                edges[id] = edge
            }
        }
        self.nodes = nodes.values.map { node in
            var node = node
            if !node.held, let status = index.online[node.id] {
                switch status {
                case .found: node.online = "found"
                case .missing: node.online = "missing"
                case .failed: node.online = "failed"
                }
            }
            node.languages.sort()
            node.files.sort()
            return node
        }.sorted { $0.id < $1.id }
        self.edges = edges.values.map { edge in
            var edge = edge
            edge.pins.sort()
            edge.missing.sort()
            return edge
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// Graphviz DOT: held documents as boxes, documents not held dashed, edges labelled with
    /// their pinpoints (red when the target lacks one).
    public func dot() -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var out = "digraph citations {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
        for node in nodes {
            // The languages on a second line (`\n` in DOT).
            let languages = node.languages.isEmpty ? "" : "\\n" + node.languages.map(\.rawValue).joined(separator: " ")
            var attributes = ["label=\(quoted(node.label).dropLast())\(languages)\""]
            if !node.held { attributes.append("style=dashed") }
            // `--online`: green when the resolver knows it, red when it does not.
            if node.online == "found" { attributes.append("color=darkgreen") }
            if node.online == "missing" { attributes.append("color=red") }
            out += "  \(quoted(node.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in edges {
            var label = edge.pins.map(AnchorNames.readable).joined(separator: ", ")
            if edge.count > 1 { label += (label.isEmpty ? "" : " ") + "×\(edge.count)" }
            var attributes = ["label=\(quoted(label))"]
            if !edge.missing.isEmpty { attributes.append("color=red") }
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [\(attributes.joined(separator: ", "))];\n"
        }
        return out + "}\n"
    }

    /// JSON: `nodes` (id, label, held, genre, languages, files) and `edges` (from, to, pins,
    /// count, missing).
    public func json() -> String {
        JSONValue.object([
            ("nodes", .array(nodes.map { node in
                .object([
                    ("id", .string(node.id)), ("label", .string(node.label)), ("held", .bool(node.held)),
                    ("genre", node.genre.map { .string($0.rawValue) } ?? .null),
                    ("languages", .array(node.languages.map { .string($0.rawValue) })),
                    ("files", .array(node.files.map(JSONValue.string))),
                ] + (node.online.map { [("online", JSONValue.string($0))] } ?? []))
            })),
            ("edges", .array(edges.map { edge in
                .object([
                    ("from", .string(edge.from)), ("to", .string(edge.to)),
                    ("pins", .array(edge.pins.map(JSONValue.string))), ("count", .int(edge.count)),
                    ("missing", .array(edge.missing.map(JSONValue.string))),
                ])
            })),
        ]).rendered()
    }
}
