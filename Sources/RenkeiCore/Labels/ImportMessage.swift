/// What `renkei import` and the workbench's import dialog say (issue 13), in the reader's
/// language: what a bad cell should have held, why a whole file cannot be read, and the lines
/// of the preview. Part of Core's one label table; `LabelWalkTests` walks every case.
public enum ImportMessage: Equatable, Sendable {
    // what a cell should hold (the "expected" of a `RowProblem`)
    /// A ragged row: more filled cells than the header has columns; `firstExtra` is the 1-based
    /// column of the first filled one past the header (it has no name, so its letter says where).
    case tooManyCells(width: Int, found: Int, firstExtra: Int)
    /// A ragged row: fewer cells than the header; the problem's column names the first missing
    /// one (column `found + 1`), the text gives its letter.
    case tooFewCells(width: Int, found: Int)
    case formulaNotCalculated
    case formulaValueUsed
    case formulaText
    case methodNotInCatalog(String)
    case stageValue
    case exitValue
    case methodValue([String])
    case domainValue([String])
    case unknownField
    case fiscalYear
    case amount
    case date
    case field(FieldError)
    case keyMissing
    case duplicateKey(firstRow: Int, caseId: String)
    case recreatedFromTrash(caseId: String)
    /// The row's id belongs to a case no import made (created in renkei): it is not overwritten.
    case idTaken(caseId: String)
    case titleMissing
    case municipalityMissing
    /// One problem as a line: row, column, value, then what was expected.
    indirect case problem(row: Int, column: String?, value: String?, expected: ImportMessage)
    // the mapping against the header
    case mappedColumnMissing(String)
    case keyColumnMissing(String)
    // a whole file that cannot be read (one line: the file and what to do)
    case tooLarge(file: String, megabytes: Int, limitMegabytes: Int)
    case binary(file: String, offset: Int)
    case unknownEncoding(file: String, forced: String?)
    case unsupportedEncoding(String)
    case unsupportedFormat(file: String)
    case encryptedWorkbook(file: String)
    case corruptWorkbook(file: String, detail: String)
    case noSheet(file: String, name: String, available: [String])
    case empty(file: String)
    case tooManyRows(file: String, limit: Int)
    /// A row wider than Excel's own limit (a header of a million columns hung the mapping guess).
    case tooManyColumns(file: String, row: Int, limit: Int)
    /// Rows × columns beyond what is held in memory (one stray value in column XFD widens every row).
    case tableTooLarge(file: String, rows: Int, columns: Int)
    case notAMappingFile(file: String, detail: String)
    case unknownTarget(file: String, column: String, target: String)
    case workbookNamedCSV(file: String)
    case isDirectory(path: String)
    /// A FIFO, socket or device with an import's name: refused without reading (it could block).
    case notRegularFile(path: String)
    case unreadable(path: String)
    case mappingUnreadable(path: String, detail: String)
    case guessNotWritten(path: String, detail: String)
    /// A guessed mapping larger than a mapping file may be (it could never be read back).
    case guessTooLarge(path: String, kilobytes: Int, limitKilobytes: Int)
    // the preview
    case source(encoding: String, sheet: String?)
    /// After the encoding in the workbench: detected, or chosen (`e`, the mapping file).
    case encodingChoice(forced: Bool)
    /// After the sheet in the workbench, when the workbook has several (`s` moves on).
    case sheetPosition(index: Int, count: Int)
    case header(file: String, source: String, rows: Int, origin: ImportOrigin)
    case column(name: String, target: String, key: Bool)
    case fileError(String)
    case invalid(String)
    case warning(String)
    case create(row: Int, caseId: String, title: String)
    case update(row: Int, caseId: String, fields: [String])
    case unchanged(row: Int, caseId: String)
    case totals(create: Int, update: Int, unchanged: Int, invalid: Int, outcome: ImportOutcome)
    /// The last line when the file cannot be applied: nothing imported, or --apply would refuse.
    case refused(file: String, invalid: Int, mappingProblems: Bool, applying: Bool)
    /// The workbench's toast after an import.
    case imported(created: Int, updated: Int)
    case mappingSaved(path: String)
    /// A file the workbench could not read for another reason (permissions, a device).
    case cannotRead(file: String, detail: String)
    /// The import stopped while writing (a full disk): written cases are whole, a re-run finishes it.
    case writeFailed(file: String, detail: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .tooManyCells(let w, let n, let k):
            let at = RowProblem.columnLetters(k)
            return ja ? "見出しと同じ \(w) 列まで（\(n) 列あります。最初の余分なセルは \(at)列・\(k)列目）。値の中のカンマは \"引用符\" で囲むか、余分なセルを消してください"
                      : "at most \(w) cells like the header (found \(n); the first extra one is column \(at), no. \(k)); put a value containing a comma in \"quotes\" or delete the extra cells"
        case .tooFewCells(let w, let n):
            let at = RowProblem.columnLetters(n + 1)
            return ja ? "見出しと同じ \(w) 列が必要です（\(n) 列しかなく、\(at)列・\(n + 1)列目から後がありません）。足りないセル（カンマ）を足すか、改行を含む値を \"引用符\" で囲んでください"
                      : "\(w) cells like the header (found \(n): column \(at), no. \(n + 1), and the ones after it are missing); add the missing cells (commas) or put a value containing a line break in \"quotes\""
        case .formulaNotCalculated:
            return ja ? "値が必要です: 一度も計算されていない数式です（Excel 以外のプログラムで保存）。Excel で開いて保存し直してください"
                      : "a value: the cell is a formula never calculated (saved by a program, not Excel); open and save the workbook in Excel"
        case .formulaValueUsed: return ja ? "数式のセルです。最後に計算された値を使いました" : "the cell is a formula; its last calculated value was used"
        case .formulaText:
            return ja ? "数式やエラーではなく値が必要です。Excel で列をコピーして「値の貼り付け」をしてください"
                      : "a value, not a formula or error; in Excel copy the column and paste values (値の貼り付け)"
        case .methodNotInCatalog(let id): return ja ? "カタログにある手法（\(id) はありません）" : "a method known to the catalog (\(id) is not)"
        case .stageValue:
            let names = Stage.allCases.map(\.ja).joined(separator: "、")
            return ja ? "段階（\(names)）か、対応表の値の対応" : "a stage (\(names)) or a value map in the mapping"
        case .exitValue:
            return ja ? "出口（\(Exit.allCases.map(\.ja).joined(separator: "、"))）か、対応表の値の対応"
                      : "an exit (procurement, promotion, co-creation) or a value map in the mapping"
        case .methodValue(let ids): return ja ? "手法（\(ids.joined(separator: ", "))）か、対応表の値の対応" : "a method (\(ids.joined(separator: ", "))) or a value map in the mapping"
        case .domainValue(let ids): return ja ? "課題分野（\(ids.joined(separator: ", "))）か、対応表の値の対応" : "a domain (\(ids.joined(separator: ", "))) or a value map in the mapping"
        case .unknownField: return ja ? "renkei の項目" : "a field renkei knows"
        case .fiscalYear: return ja ? "年度（2026、2026年度、令和8年度、R8 など）" : "a fiscal year such as 2026, 2026年度, 令和8年度 or R8"
        case .amount: return ja ? "金額（¥4,800,000、480万円、4,800千円 など）" : "an amount such as ¥4,800,000, 480万円 or 4,800千円"
        case .date: return ja ? "日付（2026/4/1、2026年4月1日、令和8年4月1日、R8.4.1 など）" : "a date such as 2026/4/1, 2026年4月1日, 令和8年4月1日 or R8.4.1"
        case .field(let e): return ja ? e.text(.ja) : "\(e)"
        case .keyMissing: return ja ? "キーの値（キー列の値で、次の取り込みでも同じ案件を更新します）" : "a key value (the key column identifies the case on a re-import)"
        case .duplicateKey(let first, let id):
            return ja ? "一度だけ使われるキー。\(first)行目に同じキーがあります（案件ID \(id)）。どちらかのキーを直すか、重複した行を消してください"
                      : "a key used once; row \(first) has the same key (case id \(id)); fix one of the keys or delete the repeated row"
        case .idTaken(let id):
            return ja ? "新しい案件のID。ID「\(id)」の案件はすでにあり、取り込みで作られたものではないため上書きしません。ファイルの ID を変えるか、その列を取り込まないでください"
                      : "an id for a new case; case '\(id)' already exists and was not made by an import, so it is not overwritten; change the id in the file or skip that column"
        case .recreatedFromTrash(let id):
            return ja ? "新しい案件: \(id) は以前に削除されています（trash/ にあります）。もう一度作成します"
                      : "a new case: \(id) was deleted before (it is in trash/) and is created again"
        case .titleMissing:
            return ja ? "新しい案件には件名が必要です。どれかの列を件名（title）に対応させてください" : "a title (件名) for a new case; map a column to 'title'"
        case .municipalityMissing:
            return ja ? "新しい案件には自治体が必要です。どれかの列を自治体（municipality.name）に対応させてください"
                      : "a municipality (自治体) for a new case; map a column to 'municipality.name'"
        case .problem(let row, let column, let value, let expected):
            var s = ja ? "\(row)行目" : "row \(row)"
            if let column { s += ja ? "、列「\(column)」" : ", column \(column)" }
            if let value { s += ja ? ": 「\(value)」" : ": '\(value)'" }
            return s + " — " + expected.text(lang)
        case .mappedColumnMissing(let c):
            return ja ? "対応表にある列「\(c)」が見出しにありません。対応表かファイルを直してください"
                      : "the mapping names column '\(c)', which is not in the header; fix the mapping or the file"
        case .keyColumnMissing(let c): return ja ? "キー列「\(c)」が見出しにありません" : "key column '\(c)' is not in the header"
        case .tooLarge(let f, let mb, let limit):
            return ja ? "\(f): \(mb) MB は取り込みの上限 \(limit) MB を超えています。ファイルを（年度ごとなどに）分けて取り込んでください"
                      : "\(f): \(mb) MB is over the import limit of \(limit) MB; split the file (e.g. by fiscal year) and import the parts"
        case .binary(let f, let o):
            return ja ? "\(f): テキストファイルではありません（\(o) バイト目に NUL）。Excel で CSV（UTF-8 か Shift_JIS）か .xlsx として保存してください"
                      : "\(f): not a text file (a NUL byte at offset \(o)); save it from Excel as CSV (UTF-8 or Shift_JIS) or as .xlsx"
        case .unknownEncoding(let f, let forced):
            // Detection already tried UTF-8 and CP932: only a chosen encoding leaves another to try.
            guard let forced else {
                return ja ? "\(f): 文字コードが UTF-8 でも Shift_JIS/CP932 でもありません。Excel で「CSV UTF-8」として保存し直してください"
                          : "\(f): the text is neither UTF-8 nor Shift_JIS/CP932; re-save it from Excel as 'CSV UTF-8'"
            }
            return ja ? "\(f): \(forced) として読めません。別の文字コードを選ぶ（--encoding、取り込み画面では e）か、「CSV UTF-8」で保存し直してください"
                      : "\(f): the bytes are not valid \(forced); choose another encoding (--encoding, or e in the import dialog) or re-save it as 'CSV UTF-8'"
        case .unsupportedEncoding(let e):
            return ja ? "文字コード「\(e)」は使えません。utf-8、utf-8-bom、cp932（shift_jis）のどれかを指定してください"
                      : "unknown encoding '\(e)'; use utf-8, utf-8-bom or cp932 (shift_jis)"
        case .unsupportedFormat(let f):
            return ja ? "\(f): 取り込めるのは .csv、.txt（カンマ区切り）、.xlsx です。.xls は .xlsx で保存し直してください"
                      : "\(f): only .csv, .txt (comma-separated) and .xlsx can be imported; for .xls, save as .xlsx first"
        case .encryptedWorkbook(let f):
            return ja ? "\(f): パスワード付き（暗号化）のブックです。Excel で開き、パスワードを外して（ファイル → 情報 → ブックの保護）コピーを保存してください"
                      : "\(f): the workbook is password-protected (encrypted); open it in Excel, remove the password (ファイル → 情報 → ブックの保護) and save a copy"
        case .corruptWorkbook(let f, let d):
            return ja ? "\(f): .xlsx のブックとして読めません（\(d)）。Excel で開いて保存し直すか、シートを CSV で書き出してください"
                      : "\(f): not a readable .xlsx workbook (\(d)); open and re-save it in Excel, or export the sheet as CSV"
        case .noSheet(let f, let n, let a):
            let list = a.map { ja ? "「\($0)」" : "'\($0)'" }.joined(separator: ja ? "、" : ", ")
            return ja ? "\(f): シート「\(n)」がありません。ブックにあるのは \(list)" : "\(f): no sheet named '\(n)'; the workbook has \(list)"
        case .empty(let f): return ja ? "\(f): 見出しの行がありません（ファイルかシートが空です）" : "\(f): no header row found (the file or sheet is empty)"
        case .tooManyRows(let f, let l):
            return ja ? "\(f): \(l) 行を超えています。ファイルを分けて取り込んでください" : "\(f): more than \(l) rows; split the file and import the parts"
        case .tooManyColumns(let f, let r, let l):
            return ja ? "\(f): \(r) 行目が \(l) 列（Excel の上限）を超えています。余分な列を削除してください（CSV では、カンマを含む値を \"引用符\" で囲みます）"
                      : "\(f): row \(r) has more than \(l) columns (Excel's limit); delete the extra columns (in a CSV, a value containing commas needs \"quotes\")"
        case .tableTooLarge(let f, let r, let c):
            return ja ? "\(f): 表が大きすぎます（\(r) 行 × \(c) 列）。右端や下の使っていない行・列に値が残っていないか確かめて削除するか、ファイルを分けてください"
                      : "\(f): the table is too large (\(r) rows × \(c) columns); delete stray values in unused columns or rows far right or below, or split the file"
        case .notAMappingFile(let f, let d):
            return ja ? "\(f): 対応表のファイルではありません（\(d)）。{\"columns\": {\"件名\": \"title\"}} のような JSON にしてください"
                      : "\(f): not a mapping file (\(d)); expected JSON like {\"columns\": {\"件名\": \"title\"}}"
        case .unknownTarget(let f, let c, let t):
            return ja ? "\(f): 列「\(c)」の対応先「\(t)」という項目はありません。renkei set --help にある項目か note、ignore にしてください"
                      : "\(f): column '\(c)' maps to unknown field '\(t)'; use a field from 'renkei set --help', note or ignore"
        case .workbookNamedCSV(let f):
            return ja ? "\(f): 名前が .csv の .xlsx ブックです。拡張子を .xlsx に変えてください" : "\(f): this is an .xlsx workbook with a .csv name; rename it to .xlsx"
        case .isDirectory(let p): return ja ? "\(p): フォルダです。.csv か .xlsx のファイルを指定してください" : "\(p): is a directory; give a .csv or .xlsx file"
        case .notRegularFile(let p):
            return ja ? "\(p): 普通のファイルではありません（パイプや装置）。.csv か .xlsx のファイルを指定してください"
                      : "\(p): not a regular file (a pipe or a device); give a .csv or .xlsx file"
        case .unreadable(let p): return ja ? "\(p): ファイルを読めません（存在しますか？）" : "\(p): cannot read the file (does it exist?)"
        case .mappingUnreadable(let p, let d): return ja ? "対応表 \(p) を読めません: \(d)" : "mapping \(p): \(d)"
        case .guessTooLarge(let p, let kb, let l):
            return ja ? "推定した対応表は \(kb) KB になり、読み込める \(l) KB を超えるため \(p) に書き出しませんでした。使わない列を削除してから取り込んでください"
                      : "the guessed mapping would be \(kb) KB, over the \(l) KB a mapping file may be, so it was not written to \(p); delete the columns you do not need and import again"
        case .guessNotWritten(let p, let d):
            return ja ? "推定した対応表を \(p) に書き出せませんでした: \(d)" : "could not write the guessed mapping to \(p): \(d)"
        case .source(let encoding, let sheet):
            guard let sheet else { return encoding }
            return ja ? "xlsx シート「\(sheet)」" : "xlsx sheet \(sheet)"
        case .encodingChoice(let forced): return ja ? (forced ? "（指定）" : "（自動判定）") : (forced ? " (chosen)" : " (detected)")
        case .sheetPosition(let i, let n): return ja ? "（\(n) シート中 \(i) 枚目）" : " (sheet \(i) of \(n))"
        case .header(let f, let s, let rows, let origin):
            return ja ? "\(f): \(s)、\(rows) 行。対応表: \(origin.text(lang))" : "\(f): \(s), \(rows) rows; mapping: \(origin.text(lang))"
        case .column(let name, let target, let key):
            let shown = key ? (ja ? "\(target)（キー）" : "\(target) (key)") : target == "note" ? (ja ? "note（メモとして保持）" : "note (kept)") : target
            return "  \(name) → \(shown)"
        case .fileError(let s): return (ja ? "エラー: " : "error: ") + s
        case .invalid(let s): return (ja ? "取り込めません: " : "invalid: ") + s
        case .warning(let s): return (ja ? "注意: " : "warning: ") + s
        case .create(let row, let id, let title): return ja ? "\(row)行目: 新規 \(id)  \(title)" : "row \(row): create \(id)  \(title)"
        case .update(let row, let id, let fields):
            let names = fields.map { f in ja ? (CaseFields.spec(f)?.ja ?? (f == "note" ? "メモ" : f)) : f }
            return ja ? "\(row)行目: 更新 \(id)  （\(names.joined(separator: "、"))）" : "row \(row): update \(id)  (\(names.joined(separator: ", ")))"
        case .unchanged(let row, let id): return ja ? "\(row)行目: 変更なし \(id)" : "row \(row): unchanged \(id)"
        case .totals(let c, let u, let same, let bad, let outcome):
            let counts = ja ? "合計: 新規 \(c)、更新 \(u)、変更なし \(same)、取り込めない行 \(bad)" : "total: \(c) create, \(u) update, \(same) unchanged, \(bad) invalid"
            return counts + outcome.text(lang)
        case .refused(let f, let n, let mapping, let applying):
            let what = ja ? (mapping ? "対応表の問題と取り込めない行 \(n) 行" : "取り込めない行 \(n) 行")
                          : (mapping ? "mapping problems and \(n) invalid row(s)" : "\(n) invalid row(s)")
            if applying {
                return ja ? "\(f): 何も取り込んでいません — 上の\(what)を直して（またはその列を ignore にして）もう一度実行してください"
                          : "\(f): nothing imported — fix the \(what) above (or map their columns to ignore) and run again"
            }
            return ja ? "\(f): \(what)があります。--apply では取り込まれません" : "\(f): \(what); --apply would refuse the file"
        case .imported(let c, let u):
            return ja ? "取り込みました: 新規 \(c) 件、更新 \(u) 件（u で取り消せます）" : "Imported: \(c) created, \(u) updated (u undoes it)"
        case .mappingSaved(let p): return ja ? "対応表を保存しました: \(p)" : "Mapping saved: \(p)"
        case .cannotRead(let f, let d): return ja ? "\(f): 読めません（\(d)）" : "\(f): cannot be read (\(d))"
        case .writeFailed(let f, let d):
            return ja ? "\(f): 取り込みを終えられませんでした（\(d)）。同じ取り込みをもう一度実行すると続きから取り込みます"
                      : "\(f): the import did not finish (\(d)); run the same import again to finish it"
        }
    }
}

/// Where an import's mapping came from, as the preview names it.
public enum ImportOrigin: Equatable, Sendable {
    case file(String)
    case preset(String)
    case guessed
    /// A guessed (or preset) mapping written out for the user to adjust.
    indirect case written(ImportOrigin, path: String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .file(let p): return p
        case .preset(let name): return ja ? "\(name) の既定の対応" : "\(name) preset"
        case .guessed: return ja ? "見出しから推定" : "guessed from the header"
        case .written(let o, let p):
            return o.text(lang) + (ja ? "。\(p) に書き出しました — 編集してからもう一度実行してください" : "; written to \(p) — edit it and run again")
        }
    }
}

/// How an import run ended, for the last part of the totals line.
public enum ImportOutcome: Equatable, Sendable {
    case dryRun(canApply: Bool)
    case nothingToWrite
    case imported(Int)
    /// --apply refused the file (the error line says why).
    case refused
    /// The workbench's preview: its footer says how to write.
    case preview

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .dryRun(let can):
            return ja ? " — 試しに読んだだけで、何も書き込んでいません" + (can ? "。書き込むには --apply" : "")
                      : " — dry run, nothing written" + (can ? "; add --apply to write" : "")
        case .nothingToWrite: return ja ? " — 書き込むものはありません（どの行も案件と同じです）" : " — nothing to write (every row matches its case)"
        case .imported(let n):
            return ja ? " — 案件 \(n) 件を一つの操作として取り込みました（renkei undo で元に戻せます）"
                      : " — imported \(n) cases as one command ('renkei undo' reverses it)"
        case .refused, .preview: return ""
        }
    }
}
