import Foundation
import Yams
import ConcordRuleFiles

extension RuleFiles {
    /// `file` is the name errors give: see `RuleSource.name`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws(RuleError) -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let DecodingError.keyNotFound(key, context) {
            throw RuleError(file: file, message: "missing key '\(key.stringValue)' at \(Self.path(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw RuleError(file: file, message: "wrong type at \(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw RuleError(file: file, message: "missing value at \(Self.path(context.codingPath))")
        } catch DecodingError.dataCorrupted(let context) where context.underlyingError is YamlError {
            throw RuleError(file: file, message: "not valid YAML: \(Self.oneLine(context.underlyingError!))")
        } catch let error as YamlError {
            throw RuleError(file: file, message: "not valid YAML: \(Self.oneLine(error))")
        } catch {
            throw RuleError(file: file, message: "\(error)")
        }
    }

    /// Yams' message on one line (an error is one line of the CLI's output), without the
    /// quoted source line and its caret: the message gives the line and column.
    private static func oneLine(_ error: Error) -> String {
        var lines = String(describing: error).split(separator: "\n").map(String.init)
        if lines.count >= 3, lines.last!.trimmingCharacters(in: .whitespaces) == "^" { lines.removeLast(2) }
        let text = lines.joined(separator: " ").replacingOccurrences(of: ": error: ", with: ": ")
        return text.hasSuffix(":") ? String(text.dropLast()) : text
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }
}

/// A rule file that cannot be used: named, with what is wrong.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: \(message)" }

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
}
