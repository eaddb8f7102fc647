/// Words of the workbench's export and import dialogs (issues 15 and 13), part of Core's one
/// label table: fixed words in `TransferLabel`, sentences with values in `TransferMessage`.
/// `LabelWalkTests` walks both in ja and en.
public enum TransferLabel: String, CaseIterable, Sendable {
    // export dialog (x)
    case exportTitle, audience, audienceShare, audienceInternal, shareLeavesOut, internalKeeps
    case formatHTML, formatPDF, formatMarkdown, formatJSON
    case anonymize, anonymizeAlways, anonymizeOn, anonymizeOff
    case partnerNames, partnersKeep, partnersReplace
    case exportFooter, previewTitle, previewNothing, previewKeepsPersonal, previewFooter, previewBack, previewChecking, noPDFEngine
    // import dialog (: 取り込み)
    case importTitle, importFile, importFound, importNoFiles, importPickFooter, importReading
    case importMappingTitle, importColumn, importField, importExample, importMappingFooter, importChooseField, importChooseFooter
    case importPreviewTitle, importPreviewFooter, importCannotApply, importPlanning, importBackFooter
    case importSheetKey, importEncodingKey, importValuesKey, importValuesHint
    case importValuesTitle, importValue, importValueRows, importValueUnmapped, importValuesFooter, importValuesNone, importValuesMore, importChooseValue
    case targetKey, targetStage, targetStageReason, targetNote, targetIgnore
    // the list as CSV (: CSV 書き出し)
    case csvTitle, csvUTF8, csvCP932

    public func text(_ lang: Lang) -> String { lang == .ja ? pair.ja : pair.en }

    public var pair: (ja: String, en: String) {
        switch self {
        case .exportTitle: return ("書き出し", "Export")
        case .audience: return ("用途", "For")
        case .audienceShare: return ("共有用（他自治体へ送る事例シート）", "Share (case sheet for other municipalities)")
        case .audienceInternal: return ("内部用（チーム内の完全なレポート）", "Internal (the team's full report)")
        case .shareLeavesOut: return ("メモ・変更履歴・チェックリスト・個人情報は入りません（A4 2ページ）",
                                      "Leaves out memos, the change log, checklists and personal data (two A4 pages)")
        case .internalKeeps: return ("メモ・連絡先・変更履歴・チェックリストをすべて含みます — チーム外へ送らないでください",
                                     "Keeps memos, contacts, the change log and checklists — do not send outside the team")
        case .formatHTML: return ("HTML（画面・A4印刷）", "HTML (screen, A4 print)")
        case .formatPDF: return ("PDF（A4・送付用）", "PDF (A4, to send)")
        case .formatMarkdown: return ("Markdown（テキスト）", "Markdown (text)")
        case .formatJSON: return ("JSON（ツール連携）", "JSON (for tools)")
        case .anonymize: return ("匿名化", "Anonymise")
        case .anonymizeAlways: return ("常にする（氏名・メール・電話・住所を置き換え）", "always (names, e-mails, phones, addresses replaced)")
        case .anonymizeOn: return ("する（氏名・メール・電話・住所を置き換え）", "yes (names, e-mails, phones, addresses replaced)")
        case .anonymizeOff: return ("しない", "no")
        case .partnerNames: return ("連携先の名前", "Partner names")
        case .partnersKeep: return ("そのまま", "keep")
        case .partnersReplace: return ("連携先A、B…に置き換え", "replace by Partner A, B…")
        case .exportFooter: return ("↑↓ 項目 · ←→ 変更 · Enter 確認へ · Esc やめる", "↑↓ row · ←→ change · Enter next · Esc cancel")
        case .previewTitle: return ("書き出す前の確認", "Before writing")
        case .previewNothing: return ("置き換える個人情報は見つかりませんでした", "Nothing personal found to replace")
        case .previewKeepsPersonal: return ("匿名化しません: 氏名・連絡先・メモがそのまま入ります",
                                            "Not anonymised: names, contacts and memos stay in the file")
        case .previewFooter: return ("Enter 書き出す · Esc 戻る", "Enter write · Esc back")
        case .previewBack: return ("Esc 戻る", "Esc back")
        case .previewChecking: return ("確認しています…", "Checking…")
        case .noPDFEngine: return ("PDF には Chromium が必要です（Scripts/install-deps.sh）— HTML を選べば印刷できます",
                                   "PDF needs Chromium (Scripts/install-deps.sh) — choose HTML and print it")
        case .importTitle: return ("取り込み（Excel・CSV・kintone）", "Import (Excel, CSV, kintone)")
        case .importFile: return ("ファイル", "File")
        case .importFound: return ("import/ と現在のフォルダにあるファイル", "Files in import/ and the current folder")
        case .importNoFiles: return ("（.csv・.xlsx が見つかりません — パスを入力してください）", "(no .csv or .xlsx found — type a path)")
        case .importPickFooter: return ("↑↓ 選択 · Tab 補完 · Enter 読み込む · Esc やめる", "↑↓ choose · Tab complete · Enter read · Esc cancel")
        case .importReading: return ("読み込んでいます…", "Reading…")
        case .importMappingTitle: return ("列の対応", "Column mapping")
        case .importColumn: return ("列", "Column")
        case .importField: return ("取り込み先", "Goes to")
        case .importExample: return ("例", "e.g.")
        case .importMappingFooter: return ("↑↓ 列 · ←→ 取り込み先 · f 一覧から選ぶ · Space 取り込まない/戻す · w 対応表を保存 · Enter 確認 · Esc 戻る",
                                           "↑↓ column · ←→ field · f pick a field · Space skip/keep · w save mapping · Enter preview · Esc back")
        case .importChooseField: return ("取り込み先を選ぶ", "Choose the field")
        case .importChooseFooter: return ("↑↓ 選択 · Enter 決定 · Esc やめる", "↑↓ choose · Enter set · Esc cancel")
        case .importPreviewTitle: return ("取り込む前の確認", "Before importing")
        case .importPreviewFooter: return ("Enter 取り込む（u で取り消せます） · ↑↓ スクロール · Esc 対応に戻る",
                                           "Enter import (u undoes it) · ↑↓ scroll · Esc back to the mapping")
        case .importCannotApply: return ("取り込めない行があるため書き込めません — 対応を直すか、その列を取り込まないでください",
                                         "Rows cannot be imported, so nothing can be written — fix the mapping or skip their columns")
        case .importPlanning: return ("行ごとに確認しています…", "Checking every row…")
        case .importBackFooter: return ("Esc 戻る", "Esc back")
        case .importSheetKey: return ("s 次のシート", "s next sheet")
        case .importEncodingKey: return ("e 文字コード", "e encoding")
        case .importValuesKey: return ("v 値の対応", "v value map")
        case .importValuesHint: return ("段階・手法などの値に対応がない行は、Esc で列の対応に戻り、その列で v を押すと値の意味を選べます",
                                        "For a stage, method … value with no meaning: Esc back to the mapping, then v on its column to choose one")
        case .importValuesTitle: return ("値の対応", "Value map")
        case .importValue: return ("値", "Value")
        case .importValueRows: return ("行数", "Rows")
        case .importValueUnmapped: return ("未対応 — この値の行は取り込めません", "unmapped — its rows cannot be imported")
        case .importValuesFooter: return ("↑↓ 値 · Enter/f 取り込み先を選ぶ · x 対応を外す · u 元に戻す · w 対応表を保存 · Esc 列の対応に戻る",
                                          "↑↓ value · Enter/f choose · x clear · u undo · w save mapping · Esc back to the columns")
        case .importValuesNone: return ("（この列には値がありません）", "(this column has no values)")
        case .importValuesMore: return ("（値が多すぎるため一部だけ表示しています — この列の取り込み先が合っているか確かめてください）",
                                        "(too many values to list them all — check that this column goes to the right field)")
        case .importChooseValue: return ("この値の意味を選ぶ", "Choose what this value means")
        case .csvTitle: return ("一覧を CSV で書き出す — 文字コード", "Export the list as CSV — encoding")
        case .csvUTF8: return ("UTF-8（BOM 付き）— Excel 2016 以降、Google スプレッドシート", "UTF-8 (with BOM) — Excel 2016 or later, Google Sheets")
        case .csvCP932: return ("Shift_JIS（CP932）— 古い Excel、庁内システム。ない文字は 〓", "Shift_JIS (CP932) — older Excel, in-house; 〓 if lacking")
        case .targetKey: return ("キー（案件ID）", "Key (case id)")
        case .targetStage: return ("段階", "Stage")
        case .targetStageReason: return ("段階の理由", "Stage reason")
        case .targetNote: return ("メモとして残す", "Keep as a note")
        case .targetIgnore: return ("取り込まない", "Skip")
        }
    }
}

/// Sentences with values of the export and import dialogs, typed; the wording lives only here.
public enum TransferMessage: Equatable, Sendable {
    /// What the anonymiser will replace: 氏名 4件、電話番号 2件 / 4 names, 2 phone numbers.
    case replaces(names: Int, emails: Int, phones: Int, addresses: Int, partners: Int)
    /// One replacement in the preview list: 山本 → 担当者A.
    case replacement(original: String, replacement: String)
    /// The preview list was cut: ほか 3件 / and 3 more.
    case more(Int)
    /// The file name the export will get: 書き出し先: exports/<id>.share.html.
    case target(String)
    /// The list written in CP932 had characters it cannot hold: how many, and the first (row,
    /// column, character) — written as 〓, never dropped silently.
    case cp932Replaced(count: Int, row: Int, column: String, character: String, codePoints: String)
    /// `export --encoding cp932`: one character it could not hold, one line each on stderr.
    case cp932Row(row: Int, column: String, character: String, codePoints: String)
    /// …and how many more after the first lines.
    case cp932More(Int)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .replaces(let names, let emails, let phones, let addresses, let partners):
            var parts: [String] = []
            func add(_ n: Int, _ jaWord: String, _ one: String, _ many: String) {
                guard n > 0 else { return }
                parts.append(ja ? "\(jaWord) \(n)件" : "\(n) \(n == 1 ? one : many)")
            }
            add(names, "氏名", "name", "names")
            add(emails, "メールアドレス", "e-mail address", "e-mail addresses")
            add(phones, "電話番号", "phone number", "phone numbers")
            add(addresses, "住所", "postal address", "postal addresses")
            add(partners, "連携先名", "partner name", "partner names")
            if parts.isEmpty { return TransferLabel.previewNothing.text(lang) }
            return ja ? "置き換え: " + parts.joined(separator: "、") : "Replaces " + parts.joined(separator: ", ")
        case .replacement(let original, let replacement): return "\(original) → \(replacement)"
        case .more(let n): return ja ? "ほか \(n)件" : "and \(n) more"
        case .target(let path): return ja ? "書き出し先: \(path)" : "Writes to: \(path)"
        case .cp932Replaced(let n, let row, let column, let ch, let cp):
            return ja ? "CP932 にない文字 \(n) 個を 〓 にしました（最初は \(row)行目、列「\(column)」の「\(ch)」\(cp)）。UTF-8 で書き出せばそのまま残ります"
                      : "\(n) character(s) CP932 cannot hold written as 〓 (the first: row \(row), column \(column): '\(ch)' \(cp)); export in UTF-8 to keep them"
        case .cp932Row(let row, let column, let ch, let cp):
            return ja ? "\(row)行目、列「\(column)」の「\(ch)」（\(cp)）は CP932 にないため 〓 にしました — 残すには UTF-8 で書き出してください"
                      : "row \(row), column \(column): '\(ch)' (\(cp)) has no CP932 code; written as 〓"
        case .cp932More(let n):
            return ja ? "ほか \(n) 文字も 〓 にしました" : "… and \(n) more characters written as 〓"
        }
    }
}
