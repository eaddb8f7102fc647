import Foundation
import RenkeiCore

/// Reads one sheet row through the mapping: each mapped cell parsed for its field, kept columns
/// collected into a note, the key turned into a case id. Problems name row, column and value.
struct RowReader {
    let table: SourceTable
    let mapping: ImportMapping
    let names: ValueNames
    let catalog: Catalog
    let keyColumn: String?

    func read(_ source: SourceTable.Row) -> PlannedRow {
        var out = PlannedRow(row: source.number, action: .invalid, id: nil, title: "", assignments: [], note: nil,
                             changedFields: [], problems: [], warnings: [])
        let width = table.header.count
        // A ragged row (a comma or line break outside quotes, a hand-edited file): say where it
        // stops matching the header; its cells cannot be trusted to be in their columns.
        if source.cells.count > width, let extra = source.cells[width...].firstIndex(where: { !$0.isEmpty }) {
            out.problems.append(RowProblem(row: source.number, expected: .tooManyCells(width: width, found: source.cells.count, firstExtra: extra + 1)))
        } else if source.cells.count < width, (source.cells.count..<width).contains(where: { table.header[$0] != SourceTable.blankName($0) }) {
            // (Short only where a named column is missing: a header with a trailing comma gets
            // blank columns 「列15」 that rows without that comma do not lack.)
            out.problems.append(RowProblem(row: source.number, column: table.header[source.cells.count],
                                           expected: .tooFewCells(width: width, found: source.cells.count)))
        }
        var kept: [String] = []
        var key: String?
        for (i, column) in table.header.enumerated() {
            let raw = i < source.cells.count ? source.cells[i] : ""
            let target = mapping.columns[column] ?? "note"
            if target == "ignore" { continue }
            var text = Self.undefused(raw)
            let formula = source.formulaColumns.contains(i)
            if OfficeValues.clean(text).isEmpty {
                if formula {
                    out.problems.append(RowProblem(row: source.number, column: column,
                                                   expected: .formulaNotCalculated))
                }
                continue
            }
            if formula {
                out.warnings.append(RowProblem(row: source.number, column: column, value: text, expected: .formulaValueUsed))
            } else if text == raw, OfficeValues.looksLikeFormula(OfficeValues.clean(text)) {
                out.problems.append(RowProblem(row: source.number, column: column, value: text,
                                               expected: .formulaText))
                continue
            }
            if column == keyColumn || target == "id" { key = OfficeValues.clean(text); if target == "id" { continue } }
            if target == "note" { kept.append("\(column): \(TerminalText.sanitize(text, keepNewlines: true))"); continue }
            text = TerminalText.sanitize(text, keepNewlines: true)
            switch parse(target, text) {
            case .success(let value): out.assignments.append(FieldAssignment(target, value))
            case .failure(let expected): out.problems.append(RowProblem(row: source.number, column: column, value: text, expected: expected))
            }
        }
        if !kept.isEmpty { out.note = "取り込み時の追加項目 / kept columns\n" + kept.joined(separator: "\n") }
        out.title = out.assignments.first(where: { $0.path == "title" })?.value.stringValue ?? ""
        addEndStateReason(&out, file: nil)
        out.id = caseId(key: key, row: &out)
        return out
    }

    /// renkei's own CSV puts an apostrophe before a cell starting with = + - @ (formula
    /// injection defence); the value itself is what follows.
    static func undefused(_ s: String) -> String {
        guard s.hasPrefix("'"), let second = s.dropFirst().first, "=+-@＝＋－＠\t".contains(second) else { return s }
        return String(s.dropFirst())
    }

    enum Parsed { case success(JSONValue), failure(ImportMessage) }

    func parse(_ field: String, _ text: String) -> Parsed {
        if ValueNames.coded.contains(field) {
            if let id = names.resolve(field, text, mapping: mapping) {
                if field == "method", catalog.method(id) == nil { return .failure(.methodNotInCatalog(id)) }
                return .success(.string(id))
            }
            // A domain outside the catalog is still a domain when the catalog has none.
            if field == "domain" && catalog.domains.isEmpty { return .success(.string(text)) }
            return .failure(names.expected(field, catalog: catalog))
        }
        if field == "stageReason" { return .success(.string(text)) }
        guard let spec = CaseFields.spec(field) else { return .failure(.unknownField) }
        switch spec.kind {
        case .int:
            guard let n = OfficeValues.fiscalYear(text) else { return .failure(.fiscalYear) }
            return .success(.int(n))
        case .yen:
            guard let n = OfficeValues.yen(text) else { return .failure(.amount) }
            return .success(.int(n))
        case .day:
            guard let d = OfficeValues.day(text) else { return .failure(.date) }
            return .success(.string(d.description))
        case .tags:
            let parts = Self.splitList(text, separators: Set(mapping.listSeparators ?? ",、，;；"))
            return .success(.array(parts.map { .string($0) }))
        case .choice:
            do { return .success(try CaseFields.parse(field, OfficeValues.clean(text))) } catch let e as FieldError { return .failure(.field(e)) } catch { return .failure(.unknownField) }
        case .text:
            // A line break Excel allowed inside a one-line field (件名) becomes a space.
            let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            return .success(.string(OfficeValues.trimmed(TerminalText.inline(oneLine), .whitespaces)))
        case .multiline:
            return .success(.string(text))
        }
    }

    /// 「㈱A（B・C）・D」 → ["㈱A（B・C）", "D"]: separators inside brackets belong to the name.
    static func splitList(_ text: String, separators: Set<Character>) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for ch in text {
            if "（(「『【[".contains(ch) { depth += 1 } else if "）)」』】]".contains(ch) { depth = max(0, depth - 1) }
            if depth == 0 && (separators.contains(ch) || ch == "\n") { parts.append(current); current = ""; continue }
            current.append(ch)
        }
        parts.append(current)
        return parts.map { OfficeValues.trimmed($0, OfficeValues.spaces) }.filter { !$0.isEmpty }
    }

    /// An end state needs a reason: when the sheet gives none, say where the status came from.
    func addEndStateReason(_ row: inout PlannedRow, file: String?) {
        guard let stage = row.assignments.first(where: { $0.path == "stage" })?.value.stringValue.flatMap(Stage.init(rawValue:)),
              stage.isEndState, !row.assignments.contains(where: { $0.path == "stageReason" }) else { return }
        row.assignments.append(FieldAssignment("stageReason", .string("取り込み時の状態: \(stage.ja)")))
    }

    /// The key (or, without one, title + municipality) → a case id that is the same on every
    /// import of this sheet: "kintone-12", "c-0003", or "imp-" + a hash for keys like 案件Ａ-１.
    func caseId(key: String?, row: inout PlannedRow) -> String? {
        let basis: String
        if let key, !key.isEmpty {
            let candidate = (mapping.idPrefix ?? "") + key
            if CaseID.isValid(candidate) { return candidate }
            basis = "key:" + key
        } else if keyColumn != nil {
            row.problems.append(RowProblem(row: row.row, column: keyColumn, expected: .keyMissing))
            return nil
        } else {
            let muni = row.assignments.first(where: { $0.path == "municipality.name" })?.value.stringValue ?? ""
            guard !row.title.isEmpty else { return nil }
            basis = "title:" + TextNormalizer.fold(row.title) + "\u{1F}" + TextNormalizer.fold(muni)
        }
        return "imp-" + Self.stableHash(basis)
    }

    /// FNV-1a 64, hex: stable across runs and machines (Swift's Hasher is seeded per process).
    static func stableHash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
