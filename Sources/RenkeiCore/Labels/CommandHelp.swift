/// The one-line description of each `renkei` command in `--help` (the parser lists them under
/// SUBCOMMANDS), in the reader's language. The commands give their English line; this table
/// holds its Japanese (issue 14: `renkei --help` was English under a Japanese locale). Option
/// help strings stay English: they name flags and formats a script types as they are.
public enum CommandHelp {
    public static func abstract(_ en: String, _ lang: Lang) -> String {
        lang == .ja ? japanese[en] ?? en : en
    }

    /// The root command's description (`renkei --help`).
    public static func rootDiscussion(_ lang: Lang) -> String {
        lang == .ja ? """
        コマンドを付けずに実行すると、ワークスペースの連携ワークベンチを開きます。

        ワークスペース: --workspace DIR、なければ $RENKEI_WORKSPACE、なければ $XDG_DATA_HOME/renkei
        （~/.local/share/renkei）。初回は空で作られ、ワークベンチがサンプル案件の読み込みを提案します。

        終了コード: 0 成功 · 1 エラー · 2 使い方の誤り · 3 ゲート未通過 · 4 競合。
        共通オプションはコマンドの前にも書けます: renkei --workspace ~/ws list
        各オプションの説明は英語です（スクリプトがそのまま使う名前のため）。
        """ : """
        With no subcommand, opens the interactive workbench on the workspace.

        Workspace: --workspace DIR, else $RENKEI_WORKSPACE, else $XDG_DATA_HOME/renkei
        (~/.local/share/renkei), created empty on first run (the workbench offers the samples).

        Exit codes: 0 ok · 1 error · 2 usage · 3 gate blocked · 4 conflict.
        Global options may come before the command: renkei --workspace ~/ws list.
        """
    }

    static let japanese: [String: String] = [
        "連携 — a terminal workbench for public–private collaboration cases (官民連携).": "連携 — 官民連携の案件を扱う端末のワークベンチ",
        "Move a case to trash/ (undo with 'renkei undo').": "案件をごみ箱（trash/）へ移す（renkei undo で戻せる）",
        "Archive cases: out of list, overdue and calendars, kept for reports (undo with 'renkei undo').":
            "案件をアーカイブ（一覧・期限・カレンダーから外し、レポートには残す。renkei undo で戻せる）",
        "Bring archived cases back into list, overdue and calendars.": "アーカイブした案件を一覧・期限・カレンダーに戻す",
        "Partners: edit a case's partner list (default), show a partner across cases, list partner records.": "連携先: 案件の連携先の編集（既定）、連携先ごとの案件の表示、連携先の記録の一覧",
        "One partner: its record (kind, 法人番号, people) and every case it is in, across municipalities.": "連携先ひとつ: 記録（種類・法人番号・担当者）と、自治体をまたいだ関わる案件",
        "Partner records (<workspace>/partners) with how many cases and municipalities each is in.": "連携先の記録（<workspace>/partners）と、それぞれの案件数・自治体数",
        "Similar cases in the workspace: why they match and what they learned (p.36–40).": "ワークスペース内の類似事例: 似ている理由と学び（p.36–40）",
        "Show one case: issue, checklist with guide pages, gate, budget, KPIs, notes.": "案件ひとつを表示: 課題、ガイドのページ付きチェックリスト、ゲート、予算、KPI、メモ",
        "Show a municipality's budget calendar for a fiscal year, with today marked.": "自治体の予算編成カレンダーを年度ごとに表示（今日の位置付き）",
        "Joint-procurement (共同調達) candidates: same domain, different municipalities, one fiscal year.": "共同調達の候補: 同じ課題分野・別の自治体・同じ年度",
        "Open the interactive workbench (the default).": "連携ワークベンチを開く（既定）",
        "One municipality: profile, readiness (guide p.29–35), cases by stage, next deadlines.": "自治体ひとつ: プロファイル、受入準備（ガイド p.29–35）、段階別の案件、次の締切",
        "Municipalities with cases or a profile: code, kind, size class, cases (and readiness).": "案件かプロファイルのある自治体: コード、団体区分、規模、案件数（と受入準備）",
        "Tick (or with --off untick) a guide checklist item.": "ガイドのチェック項目をチェック（--off で外す）",
        "Snooze a deadline item of a case until a date (needs a reason; logged).": "案件の締切項目を日付までスヌーズ（理由が必要・履歴に残る）",
        "Add or change a partner of a case with its kind (by name or code), or remove it.": "案件の連携先を種類付きで追加・変更・削除",
        "Add or change a contact person of a case (name, role, e-mail, phone), or remove one.": "案件の連絡先（氏名・役割・メール・電話）を追加・変更・削除",
        "Review concurrent edits from syncs: both values, who, when, which was kept.": "同期で起きた同時編集の確認: 両方の値、誰が・いつ、どちらを残したか",
        "Move a case to any stage or end state (realized, dropped, paused) with a reason; moving back is logged.": "案件を任意の段階・終了状態（連携実現・見送り・保留）へ理由付きで移す（戻しも履歴に残る）",
        "Move a damaged case file to <workspace>/quarantine/ (never deleted).": "破損した案件ファイルを <workspace>/quarantine/ へ隔離（削除はしない）",
        "Import cases from a .csv or .xlsx (Excel, kintone, renkei's own export); a dry run unless --apply.": "案件を .csv・.xlsx（Excel、kintone、renkei の書き出し）から取り込む（--apply がなければ試し実行）",
        "Developer tools (benchmark workspaces).": "開発用の道具（ベンチマーク用ワークスペース）",
        "Fill a workspace with N deterministic, realistic synthetic cases (same seed → same bytes).": "ワークスペースに決まった合成案件を N 件作る（同じシード → 同じ内容）",
        "Validate (and refresh) the summary index; print what was reused, decoded and written.": "索引を検証・更新し、再利用・読み込み・書き込みの内訳を表示",
        "Share the workspace over git: commit, fetch, merge case by case, push (one line of result).": "git でワークスペースを共有: コミット、取得、案件ごとのマージ、プッシュ（結果は一行）",
        "Sync now (the default).": "今すぐ同期（既定）",
        "Make this workspace a git repository (or adopt one), register the case merge, first commit.": "ワークスペースを git リポジトリにし（既存なら引き継ぎ）、案件のマージを登録して最初のコミット",
        "Clone a shared workspace, register the case merge and build the index; ready to use.": "共有ワークスペースを複製し、案件のマージを登録して索引を作る（すぐ使える）",
        "Set a field of a case (logged; undoable).": "案件の項目を設定（履歴に残り、取り消せる）",
        "Add or change a funding source of a case (kind, rate, amount), or remove it.": "案件の財源（種類・補助率・金額）を追加・変更・削除",
        "Add or change a budget line of a case (label and amount), or remove it.": "案件の予算の内訳（費目と金額）を追加・変更・削除",
        "The overdue review: missed budget deadlines, items due soon, earliest funding routes.": "期限の確認: 過ぎた予算の締切、近い項目、最も早い財源の道",
        "Write deadlines as an .ics calendar (all-day events for Outlook, Google Calendar).": "締切を .ics カレンダーに書き出す（Outlook・Google カレンダー用の終日予定）",
        "Add or change a KPI of a case, record an actual for a date, or remove the KPI.": "案件の KPI を追加・変更、日付ごとの実績を記録、または削除",
        "git merge driver for case files (registered by 'renkei sync init').": "案件ファイル用の git マージドライバ（renkei sync init が登録）",
        "A case's national grant: shares, cap for its body, applications this year vs the limit, criteria.": "案件の国の交付金: 負担割合、団体の上限、今年度の申請数と上限、要件",
        "A case's event log: every change with time, actor, before/after.": "案件の履歴: すべての変更を日時・実行者・変更前後とともに",
        "Set a case's next action and its due date (shown as overdue once past).": "案件の次のアクションと期限を設定（過ぎると期限切れとして表示）",
        "Export a case (share sheet or internal report: md, html, pdf, json) or, with --all, the portfolio (csv, json, md, html).": "案件を書き出す（共有用の事例シートか内部用の報告: md・html・pdf・json）。--all で一覧（csv・json・md・html）",
        "List cases (filter by stage, exit or text).": "案件の一覧（段階・出口・文字で絞り込み）",
        "Create a case at 課題特定・企画; prints its id.": "案件を「課題特定・企画」で作成し、ID を表示",
        "Municipalities as records: find a code, link cases to codes, show one, list them.": "自治体の記録: コードの検索、案件とコードの結び付け、表示、一覧",
        "Candidates for a name, reading or romaji (狭山, さやま, ｻﾔﾏ, sayama), best first.": "名前・読み・ローマ字（狭山、さやま、ｻﾔﾏ、sayama）からの候補（近い順）",
        "Link every case's municipality to its code where the name fits exactly one body; list the rest.": "名前が一つの団体に決まる案件の自治体をコードに結び付け、残りを一覧",
        "Move a case to the next stage if its gate is open (exit 3 with the unmet items if not).": "ゲートを通れば案件を次の段階へ（通れなければ未了項目を表示して終了コード 3）",
        "Undo the last command in this workspace (survives restarts).": "このワークスペースで最後の操作を取り消す（再起動後も可）",
        "Redo the last undone command.": "最後に取り消した操作をやり直す",
        "Check the whole workspace and the guide catalog; one line per problem, non-zero exit if any.": "ワークスペース全体とガイドのカタログを検査（問題ごとに一行、あれば 0 以外で終了）",
        "Add a note (メモ) to a case.": "案件にメモを追加",
        "Stage counts, conversion, days per stage, outcomes per fiscal year, overdue share.": "段階ごとの件数・移行率・滞留日数、年度ごとの結果、期限切れの割合",
        "Create a workspace (optionally with the sample portfolio).": "ワークスペースを作る（サンプル案件も入れられる）",
    ]
}
