import Foundation
import Testing
import RenkeiTestSupport

/// Issue 14 on the command line: Japanese values everywhere a value is typed, Japanese output
/// under a Japanese locale (no internal codes), ids typed by prefix, and the one usage message.
@Suite struct JapaneseCLITests {
    let ja = ["LANG": "ja_JP.UTF-8"]

    func workspace() throws -> URL { try CLI.tempWorkspace(sample: true) }
    func remove(_ ws: URL) { try? FileManager.default.removeItem(at: ws) }

    @Test func japaneseValuesAreAcceptedEverywhere() throws {
        let ws = try workspace(); defer { remove(ws) }
        // Same rows by Japanese name, code, English name, half-width/without 中黒.
        let byCode = try CLI.run(["list", "--stage", "budgeting", "--json"], workspace: ws).stdout
        for v in ["予算化", "Budgeting", "ﾖｻﾝｶ".isEmpty ? "" : "予算化"] {
            let r = try CLI.run(["list", "--stage", v, "--json"], workspace: ws)
            #expect(r.status == 0 && r.stdout == byCode, "\(v): \(r.stderr)")
        }
        let issue1 = try CLI.run(["list", "--stage", "課題特定企画", "--count"], workspace: ws)
        let issue2 = try CLI.run(["list", "--stage", "課題特定 ・ 企画", "--count"], workspace: ws)
        let issue3 = try CLI.run(["list", "--stage", "issue-definition", "--count"], workspace: ws)
        #expect(issue1.status == 0 && issue1.stdout == issue3.stdout && issue2.stdout == issue3.stdout)
        #expect(try CLI.run(["list", "--exit", "調達", "--count"], workspace: ws).stdout
                == CLI.run(["list", "--exit", "procurement", "--count"], workspace: ws).stdout)
        let funnel = try CLI.run(["funnel", "--exit", "調達", "--json"], workspace: ws)
        #expect(funnel.status == 0, "\(funnel.stderr)")

        let set = try CLI.run(["set", "sayama-ntt", "domain", "子育て"], workspace: ws, env: ja)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("課題分野を「子育て・母子保健」にしました"), "\(set.stdout)")
        let method = try CLI.run(["set", "sayama-ntt-eco-action", "method", "随意契約"], workspace: ws, env: ja)
        #expect(method.status == 0 && method.stdout.contains("随意契約（"), "\(method.stdout)\(method.stderr)")
        #expect(try CLI.run(["set", "sayama-ntt-eco-action", "exit", "ＰＲＯＭＯＴＩＯＮ"], workspace: ws).status == 0)
        let shown = try CLI.json(CLI.run(["show", "sayama-ntt-eco-action", "--json"], workspace: ws)) as! [String: Any]
        #expect(shown["domain"] as? String == "childcare")
        #expect(shown["method"] as? String == "sole-source-4")
        #expect(shown["exit"] as? String == "promotion")

        let move = try CLI.run(["move", "sayama-ntt-eco-action", "--to", "見送り", "--reason", "予算が取れない"], workspace: ws, env: ja)
        #expect(move.status == 0 && move.stdout.contains("「見送り」に移しました"), "\(move.stdout)\(move.stderr)")
    }

    @Test func aWrongValueListsTheAcceptedOnesWithExit2() throws {
        let ws = try workspace(); defer { remove(ws) }
        let cases: [[String]] = [["list", "--stage", "よさんか"], ["list", "--exit", "寄付"], ["funnel", "--exit", "寄付"],
                                 ["move", "tamba-sagri-farmland", "--to", "完了", "--reason", "x"],
                                 ["set", "tamba-sagri-farmland", "domain", "宇宙"], ["set", "tamba-sagri-farmland", "method", "入札"],
                                 ["export", "--all", "--stage", "完了"]]
        for args in cases {
            let jr = try CLI.run(args, workspace: ws, env: ja)
            #expect(jr.status == 2, "\(args): \(jr.status) \(jr.stderr)")
            #expect(jr.stderr.split(separator: "\n").count == 1, "one line: \(jr.stderr)")
            #expect(jr.stderr.contains("次のいずれか") || jr.stderr.contains("複数に当てはまります"), "\(args): \(jr.stderr)")
            #expect(!jr.stderr.contains("issue-definition") && !jr.stderr.contains("co-creation"), "no codes in Japanese: \(jr.stderr)")
            let en = try CLI.run(args, workspace: ws)
            #expect(en.status == 2 && (en.stderr.contains("use one of") || en.stderr.contains("matches several")), "\(args): \(en.stderr)")
        }
        let stage = try CLI.run(["list", "--stage", "よさんか"], workspace: ws, env: ja).stderr
        for s in ["課題特定・企画", "連携先の探索", "調整・意思決定", "連携方法の検討", "予算化", "連携実現", "見送り", "保留"] {
            #expect(stage.contains(s), "\(s) listed: \(stage)")
        }
    }

    @Test func idsByPrefix() throws {
        let ws = try workspace(); defer { remove(ws) }
        let show = try CLI.run(["show", "sayama-ntt"], workspace: ws)
        #expect(show.status == 0 && show.stdout.hasPrefix("sayama-ntt-eco-action"), "\(show.stderr)")
        let ambiguous = try CLI.run(["show", "sayama"], workspace: ws, env: ja)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("sayama-ntt-eco-action") && ambiguous.stderr.contains("sayama-saitama-robot-field"), "\(ambiguous.stderr)")
        let missing = try CLI.run(["history", "nagoya"], workspace: ws, env: ja)
        #expect(missing.status == 1 && missing.stderr.contains("案件「nagoya」はありません"), "\(missing.stderr)")
        for args in [["tick", "tamba", "bud-rough-quote"], ["note", "tamba", "メモ"], ["history", "tamba"], ["similar", "tamba"],
                     ["next-action", "tamba", "電話", "--due", "2026-12-01"], ["snooze", "tamba", "request", "--until", "2026-12-10", "--reason", "様子見"],
                     ["export", "tamba", "--format", "md"], ["advance", "hiroshima", "--force", "--reason", "議会日程"]] {
            let r = try CLI.run(args, workspace: ws)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        #expect(try CLI.run(["tick", "tamba", "proc-budget-owner"], workspace: ws, env: ja).stdout.hasPrefix("tamba-sagri-farmland: チェックしました"))
    }

    @Test func listNeverCutsTheIdColumn() throws {
        let ws = try workspace(); defer { remove(ws) }
        let long = "toyokawa-horn-solo-travel-with-a-very-long-readable-id"
        #expect(try CLI.run(["new", "--id", long, "--title", "※①㈱髙 とても長い件名の案件でタイトルは切られるべき", "--municipality", "豊川市"], workspace: ws).status == 0)
        for cols in ["80", "200"] {
            let r = try CLI.run(["list"], workspace: ws, env: ja.merging(["COLUMNS": cols]) { $1 })
            #expect(r.status == 0)
            #expect(r.stdout.contains(long + " "), "id whole at \(cols) columns")
            #expect(r.stdout.contains("sayama-saitama-robot-field "))
        }
        let list = try CLI.run(["list"], workspace: ws, env: ja).stdout
        #expect(list.contains("調達/共同調達") && !list.contains("/joint") && !list.contains("/demonstration"), "\(list)")
        #expect(list.contains("共創/実証実験"))
    }

    /// The morning's status lines, undo and history under a Japanese locale: no code anywhere.
    @Test func japaneseStatusLinesUndoAndHistory() throws {
        let ws = try workspace(); defer { remove(ws) }
        let id = "tamba-sagri-farmland"
        let steps: [[String]] = [["tick", id, "meth-roles-resources"], ["note", id, "財政課と打合せ"], ["set", id, "exit", "共創"],
                                 ["advance", id, "--force", "--reason", "議会日程のため"], ["snooze", id, "stale", "--until", "2026-12-01", "--reason", "出張中"],
                                 ["undo"], ["undo"], ["redo"]]
        var out = ""
        for s in steps {
            let r = try CLI.run(s, workspace: ws, env: ja)
            #expect(r.status == 0, "\(s): \(r.stderr)")
            out += r.stdout
        }
        let history = try CLI.run(["history", id, "--wareki"], workspace: ws, env: ja.merging(["TZ": "Asia/Tokyo"]) { $1 })
        out += history.stdout
        for code in ["gate-overridden", "field-set", "checklist.", "meth-roles-resources", "co-creation", "note-added", "snooze.",
                     "undone:", "redone:", "ticked", "T0", "Z "] {
            #expect(!out.contains(code), "\(code) leaked:\n\(out)")
        }
        #expect(out.contains("取り消しました: \(id)"))
        #expect(out.contains("未了のまま次へ（理由あり）"))
        #expect(out.contains("チェック項目「役割分担やリソースの調達方法を具体化した」"))
        #expect(history.stdout.contains("（R8.") && history.stdout.contains("年度）"), "\(history.stdout)")
        // --json keeps codes and ISO times for scripts.
        let json = try CLI.run(["history", id, "--json"], workspace: ws, env: ja).stdout
        #expect(json.contains("gate-overridden") && json.contains("T"))
    }

    /// A command's refusal under ja is Japanese and names no stage code (it was 「wakaba-ai-minutes
    /// is already at dropped」); the same refusals stay English without the locale.
    @Test func refusalsInJapanese() throws {
        let ws = try workspace(); defer { remove(ws) }
        let cases: [([String], String)] = [
            (["move", "wakaba", "--to", "見送り", "--reason", "x"], "すでに「見送り」です"),
            (["move", "tamba", "--to", "保留", "--reason", " "], "理由が必要です"),
            (["note", "tamba", "  "], "メモが空です"),
            (["advance", "wakaba"], "終了した状態です"),
            (["tick", "tamba", "no-such-item"], "チェック項目「no-such-item」はありません"),
            (["redo"], "やり直せる操作はありません"),
            (["set", "tamba", "budget.fiscalYear", "abc"], "目標年度「abc」は使えません"),
            (["set", "tamba", "nosuchfield", "x"], "項目「nosuchfield」はありません"),
        ]
        for (args, expected) in cases {
            let r = try CLI.run(args, workspace: ws, env: ja)
            #expect(r.status != 0 && r.stderr.contains(expected), "\(args): \(r.stderr)")
            for code in ["dropped", "paused", "already", "needs a reason", "cannot", "end state", "nothing to", "not valid", "unknown field", "no workspace"] {
                #expect(!r.stderr.contains(code), "\(args): '\(code)' in \(r.stderr)")
            }
            let en = try CLI.run(args, workspace: ws, env: ["LANG": "C.UTF-8"])
            #expect(en.status == r.status && !LabelWalkish.hasJapanese(en.stderr.replacingOccurrences(of: "見送り", with: "")), "\(args): \(en.stderr)")
        }
        let gone = try CLI.run(["list", "--workspace", ws.path + "/nowhere"], env: ja)
        #expect(gone.status == 1 && gone.stderr.contains("ワークスペースがありません") && !gone.stderr.contains("no workspace"), "\(gone.stderr)")
    }

    @Test func snoozingOneItemKeepsTheStaleWarning() throws {
        let ws = try workspace(); defer { remove(ws) }
        func items(_ today: String) throws -> [String] {
            let r = try CLI.run(["overdue", "--json", "--today", today], workspace: ws)
            let o = try JSONSerialization.jsonObject(with: r.stdoutData) as! [String: Any]
            return (o["items"] as? [[String: Any]] ?? []).filter { $0["caseId"] as? String == "tamba-sagri-farmland" }.compactMap { $0["milestoneId"] as? String }
        }
        let today = "2027-03-01"
        let before = try items(today)
        #expect(before.contains("stale") && before.contains("request"), "\(before)")
        #expect(try CLI.run(["snooze", "tamba", "request", "--until", "2027-04-01", "--reason", "様子見", "--today", today], workspace: ws).status == 0)
        let after = try items(today)
        #expect(!after.contains("request") && after.contains("stale"), "only the snoozed item is hidden: \(after)")
    }

    @Test func calendarJointExportHelpAndNewCase() throws {
        let ws = try workspace(); defer { remove(ws) }
        // A reading names 狭山市 (search by reading); a name with no case or calendar says so.
        let reading = try CLI.run(["calendar", "--municipality", "さやま"], workspace: ws, env: ja)
        #expect(reading.status == 0 && reading.stdout.contains("（狭山市）"), "\(reading.stderr)")
        let none = try CLI.run(["calendar", "--municipality", "わっかない"], workspace: ws, env: ja)
        #expect(none.status == 2 && none.stderr.contains("「わっかない」に一致する") && none.stderr.contains("狭山市"), "\(none.stderr)")
        let prefix = try CLI.run(["calendar", "--municipality", "狭山"], workspace: ws, env: ja)
        #expect(prefix.status == 0 && prefix.stdout.contains("（狭山市）"), "\(prefix.stderr)")

        let joint = try CLI.run(["joint"], workspace: ws, env: ja)
        #expect(joint.status == 0 && joint.stdout.contains("■ "), "a real candidate on the samples: \(joint.stdout)")
        #expect(!joint.stdout.contains("・joint]") && !joint.stdout.contains("trial-order"), "methods by name: \(joint.stdout)")

        let help = try CLI.run(["export", "--help"], workspace: ws)
        let line = help.stdout.components(separatedBy: "--template <template>").last!.components(separatedBy: "-h, --help").first!
        let named = line.split(whereSeparator: { " ,()\n".contains($0) }).map(String.init)
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }
        #expect(!named.isEmpty)
        for n in named where !n.contains("NAME") {
            #expect(FileManager.default.fileExists(atPath: CLI.dataDir.appendingPathComponent("templates/\(n).mustache").path), "\(n) exists")
        }
        // …and every shipped top-level template (NAME.FORMAT.mustache) is named.
        let shipped = try FileManager.default.contentsOfDirectory(atPath: CLI.dataDir.appendingPathComponent("templates").path)
            .filter { $0.hasSuffix(".mustache") && $0.split(separator: ".").count == 3 }.map { String($0.dropLast(".mustache".count)) }
        #expect(Set(shipped) == Set(named.filter { !$0.contains("NAME") }), "\(shipped) vs \(named)")

        let late = try CLI.run(["new", "--title", "見守り", "--municipality", "狭山市", "--fiscal-year", "2027"], workspace: ws, env: ja)
        #expect(late.status == 0 && late.stderr.contains("2027年度の予算要求締切") && late.stderr.contains("最も早い道"), "\(late.stderr)")
        let inTime = try CLI.run(["new", "--title", "見守り2", "--municipality", "狭山市", "--fiscal-year", "2028"], workspace: ws, env: ja)
        #expect(inTime.status == 0 && inTime.stderr.isEmpty)
    }

    /// Partners with their kind and contacts, from the CLI, one undoable event each.
    @Test func partnersWithKindAndContacts() throws {
        let ws = try workspace(); defer { remove(ws) }
        let add = try CLI.run(["partner", "tamba", "埼玉りそな銀行", "--kind", "金融機関"], workspace: ws, env: ja)
        #expect(add.status == 0 && add.stdout.contains("埼玉りそな銀行（金融機関）"), "\(add.stdout)\(add.stderr)")
        #expect(try CLI.run(["partner", "tamba", "埼玉りそな銀行", "--kind", "university"], workspace: ws).status == 0)
        let bad = try CLI.run(["partner", "tamba", "X", "--kind", "宇宙"], workspace: ws, env: ja)
        #expect(bad.status == 2 && bad.stderr.contains("金融機関"))
        let contact = try CLI.run(["contact", "tamba", "山田花子", "--role", "係長", "--email", "hanako@example.jp", "--phone", "03-0000-0000"], workspace: ws, env: ja)
        #expect(contact.status == 0 && contact.stdout.contains("山田花子") && !contact.stdout.contains("hanako@"), "\(contact.stdout)")
        var c = try CLI.json(CLI.run(["show", "tamba", "--json"], workspace: ws)) as! [String: Any]
        let partners = c["partners"] as? [[String: Any]] ?? []
        #expect(partners.first { $0["name"] as? String == "埼玉りそな銀行" }?["kind"] as? String == "university")
        let contacts = c["contacts"] as? [[String: Any]] ?? []
        #expect(contacts.first { $0["name"] as? String == "山田花子" }?["email"] as? String == "hanako@example.jp")
        let undo = try CLI.run(["undo"], workspace: ws, env: ja)
        #expect(undo.status == 0 && undo.stdout.contains("連絡先を変更"), "\(undo.stdout)\(undo.stderr)")
        c = try CLI.json(CLI.run(["show", "tamba", "--json"], workspace: ws)) as! [String: Any]
        #expect(!(c["contacts"] as? [[String: Any]] ?? []).contains { $0["name"] as? String == "山田花子" })
        let history = try CLI.run(["history", "tamba"], workspace: ws, env: ja).stdout
        #expect(history.contains("埼玉りそな銀行（金融機関） → ") && !history.contains("partnerList") && !history.contains("{"), "\(history)")
    }

    /// KPIs from the CLI: add, record an actual by date (full-width digits), remove; each undoable.
    @Test func kpisAddRecordRemoveAndUndo() throws {
        let ws = try workspace(); defer { remove(ws) }
        func kpis() throws -> [[String: Any]] {
            (try CLI.json(CLI.run(["show", "tamba", "--json"], workspace: ws)) as! [String: Any])["kpis"] as? [[String: Any]] ?? []
        }
        let before = try kpis().count
        #expect(try CLI.run(["kpi", "tamba", "参加農家数", "--unit", "戸", "--baseline", "0", "--target", "30"], workspace: ws).status == 0)
        let rec = try CLI.run(["kpi", "tamba", "参加農家数", "--actual", "１２", "--on", "2026-11-20"], workspace: ws, env: ja)
        #expect(rec.status == 0 && rec.stdout.contains("参加農家数（実績 12戸・2026-11-20）"), "\(rec.stdout)\(rec.stderr)")
        let k = try kpis().first { $0["name"] as? String == "参加農家数" }
        #expect((k?["actuals"] as? [[String: Any]])?.first?["date"] as? String == "2026-11-20")
        #expect(try CLI.run(["kpi", "tamba", "参加農家数", "--actual", "多い"], workspace: ws, env: ja).status == 2)
        #expect(try CLI.run(["undo"], workspace: ws).status == 0, "undo the actual")
        #expect(((try kpis().first { $0["name"] as? String == "参加農家数" })?["actuals"] as? [Any])?.isEmpty == true)
        #expect(try CLI.run(["kpi", "tamba", "参加農家数", "--remove"], workspace: ws).status == 0)
        #expect(try kpis().count == before)
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        #expect(try kpis().count == before + 1)
    }

    /// `set ID department …` and `set ID tags …` (until now only the reliability checks ran them):
    /// the status lines and their undo are Japanese and name the field in Japanese, never its code.
    @Test func departmentAndTagsStatusLinesAreJapanese() throws {
        let ws = try workspace(); defer { remove(ws) }
        let id = "tamba-sagri-farmland"
        let steps: [([String], String)] = [
            (["set", id, "department", "農林振興課 ㈱連携担当"], "\(id): 原課を「農林振興課 ㈱連携担当」にしました"),
            (["set", id, "tags", "スマート農業,髙齢化,ｽﾏｰﾄ"], "\(id): タグを「"),
            (["undo"], "取り消しました: \(id)"),
        ]
        for (args, expected) in steps {
            let r = try CLI.run(args, workspace: ws, env: ja)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(r.stdout.contains(expected), "\(args): \(r.stdout)")
            #expect(EnglishLeak.runs(in: r.stdout + r.stderr).isEmpty, "\(args): \(r.stdout)\(r.stderr)")
            for code in ["department", "tags", "field-set", " = "] { #expect(!r.stdout.contains(code), "\(args): \(code) in \(r.stdout)") }
        }
    }
}

/// Whether a line has kana or kanji (the English refusals may quote what was typed).
enum LabelWalkish {
    static func hasJapanese(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }
}
