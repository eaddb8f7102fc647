import Foundation
import RenkeiCore

/// A first mapping from the header alone, in Japanese or English, plus the two shipped presets:
/// kintone's CSV export (レコード番号, ステータス from プロセス管理, 作成者 …) and renkei's own
/// portfolio CSV (so export → import into an empty workspace gives the same cases).
public enum MappingGuess {
    /// Header words → field. Compared after folding (NFKC, lower case, no spaces or "(円)").
    static let synonyms: [(field: String, names: [String])] = [
        ("id", ["id", "案件id", "案件番号", "管理番号", "no"]),
        ("title", ["件名", "案件名", "タイトル", "名称", "事業名", "title", "name", "案件"]),
        ("municipality.name", ["自治体", "自治体名", "市区町村", "市区町村名", "団体名", "municipality"]),
        ("municipality.prefecture", ["都道府県", "prefecture"]),
        ("department", ["原課", "担当課", "所管課", "部署", "担当部署", "department"]),
        ("domain", ["課題分野", "分野", "domain", "issuedomain"]),
        ("issue.why", ["why", "課題", "課題と理想像", "課題と理想像(why)"]),
        ("issue.how", ["how", "連携の方法", "連携の方法(how)"]),
        ("issue.what", ["what", "実施内容", "実施内容(what)"]),
        ("exit", ["出口", "exit"]),
        ("method", ["手法", "契約方法", "調達方法", "契約手法", "method"]),
        ("stage", ["段階", "ステータス", "状況", "進捗状況", "stage", "status"]),
        ("stageReason", ["理由", "見送り理由", "段階の理由", "stagereason"]),
        ("budget.fiscalYear", ["目標年度", "年度", "予算年度", "fiscalyear"]),
        ("budget.totalYen", ["予算額", "予算", "事業費", "予算金額", "budget", "budget(yen)"]),
        ("budget.roughQuoteYen", ["下見積もり", "下見積", "見積額", "見積", "roughquote", "roughquote(yen)"]),
        ("budget.expenditureItem", ["歳出費目", "費目", "expenditureitem"]),
        ("partners", ["連携先", "企業名", "スタートアップ", "事業者", "partner", "partners"]),
        ("tags", ["タグ", "tags", "tag"]),
        ("nextAction.text", ["次のアクション", "次の対応", "nextaction"]),
        ("nextAction.due", ["次のアクション期限", "対応期限", "期限", "nextactiondue", "due"]),
        ("note", ["備考", "メモ", "note", "notes", "コメント"]),
    ]

    /// kintone's own columns: the record number is the key, the プロセス管理 status the stage.
    static let kintoneColumns: [String: String] = [
        "レコード番号": "id", "ステータス": "stage", "作業者": "note",
        "作成者": "ignore", "作成日時": "ignore", "更新者": "ignore", "更新日時": "ignore",
    ]

    /// renkei's portfolio CSV (ja and en headers); derived columns are ignored on the way back.
    static let renkeiIgnored: Set<String> = ["進捗", "段階滞留日数", "次のマイルストーン", "マイルストーン期限", "超過日数", "次の締切",
                                             "Progress", "Days in stage", "Next milestone", "Milestone due", "Days overdue", "Next deadline"]

    public static func fold(_ header: String) -> String {
        var s = TextNormalizer.fold(OfficeValues.clean(header)).replacingOccurrences(of: " ", with: "")
        for unit in ["(円)", "(千円)", "(yen)"] where s.hasSuffix(unit) && s != unit { s.removeLast(unit.count) }
        return s
    }

    static let lookup: [String: String] = {
        var out: [String: String] = [:]
        for (field, names) in synonyms { for n in names where out[fold(n)] == nil { out[fold(n)] = field } }
        for spec in CaseFields.specs {
            for label in [spec.ja, spec.en] where out[fold(label)] == nil { out[fold(label)] = spec.path }
        }
        return out
    }()

    /// The field a header names; a two-row header 「予算・金額」 is tried whole, then by its
    /// sub-header (年度), then by its group title (予算).
    static func field(for column: String) -> String? {
        if let f = lookup[fold(column)] { return f }
        let parts = column.split(separator: "・").map(String.init)
        guard parts.count == 2 else { return nil }
        return lookup[fold(parts[1])] ?? lookup[fold(parts[0])]
    }

    /// Which preset a header looks like: kintone (レコード番号 + プロセス管理's ステータス) or
    /// renkei's own export (ID and 進捗/Progress next to 段階/Stage).
    public static func detectPreset(_ header: [String]) -> String? {
        let set = Set(header)
        if set.contains("レコード番号") { return "kintone" }
        if set.contains("ID") && (set.contains("進捗") || set.contains("Progress")) { return "renkei" }
        return nil
    }

    /// A mapping for `header`; unknown columns become notes (kept, never dropped).
    public static func guess(_ header: [String], preset forced: String? = nil) -> ImportMapping {
        let preset = forced ?? detectPreset(header)
        var m = ImportMapping(preset: preset)
        var taken = Set<String>()
        for column in header {
            var target = field(for: column) ?? "note"
            if preset == "kintone", let k = kintoneColumns[column] { target = k }
            if preset == "renkei", renkeiIgnored.contains(column) { target = "ignore" }
            // One column per field: a second 期限 column is kept as a note rather than overwriting.
            if target != "note" && target != "ignore" {
                if taken.contains(target) { target = "note" } else { taken.insert(target) }
            }
            m.columns[column] = target
        }
        if let idColumn = m.columns.first(where: { $0.value == "id" })?.key { m.key = idColumn }
        if preset == "kintone" { m.idPrefix = "kintone-" }
        if preset == "renkei" { m.listSeparators = "、;" }
        return m
    }
}

extension MappingGuess {
    /// Adds a blank value map entry for every stage/exit/method/domain text in the sheet that no
    /// built-in name explains (「要確認」: ""), so the written mapping shows what to fill in.
    public static func addUnknownValues(_ mapping: inout ImportMapping, table: SourceTable, catalog: Catalog) {
        let names = ValueNames(catalog: catalog)
        for (i, column) in table.header.enumerated() {
            guard let field = mapping.columns[column], ValueNames.coded.contains(field) else { continue }
            for row in table.rows where i < row.cells.count {
                let text = OfficeValues.clean(row.cells[i])
                if text.isEmpty || names.resolve(field, text, mapping: mapping) != nil { continue }
                mapping.values[field, default: [:]][text] = ""
            }
        }
    }
}
