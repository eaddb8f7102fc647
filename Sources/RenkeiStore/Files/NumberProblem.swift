import Foundation
import RenkeiCore

extension CaseCodec {
    /// Fields a case file holds as whole numbers (`Int` in the model).
    static let wholeNumberFields: Set<String> = ["yen", "roughQuoteYen", "fiscalYear", "revision", "seq", "id", "schemaVersion"]

    /// A number JSON accepts but a whole-number field cannot hold — `"yen": 1.5`, a 20-digit
    /// amount, `1E-400` — named with its field, line and column (issue 18, finding 6). Before,
    /// JSONDecoder's only word for these was "nesting too deep or out of range". Scans the
    /// text for `"key": number` pairs; nil when there is none (the cause is elsewhere).
    static func numberProblem(_ data: Data) -> String? { numberReason(data)?.text(.en) }

    static func numberReason(_ data: Data) -> DamageReason? {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        let pattern = #""([A-Za-z]+)"\s*:\s*(-?[0-9][0-9.eE+-]*)"#
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = text as NSString
        for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let key = ns.substring(with: m.range(at: 1)), number = ns.substring(with: m.range(at: 2))
            guard wholeNumberFields.contains(key), Int(number) == nil else { continue }
            let offset = ns.substring(to: m.range(at: 2).location).utf8.count
            let (line, col) = lineColumn(data, offset: offset)
            return .wholeNumber(field: key, line: line, column: col, tooLarge: number.allSatisfy { $0.isNumber || $0 == "-" }, found: String(number.prefix(40)))
        }
        return nil
    }
}
