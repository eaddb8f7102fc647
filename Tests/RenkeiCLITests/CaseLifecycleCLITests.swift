import Foundation
import RenkeiTestSupport
import Testing

/// The CLI contract of issue 2, end to end on temp workspaces.
@Suite struct CaseLifecycleCLITests {
    func newCase(_ ws: URL, title: String = "廃校跡地を活用した実証フィールド ※① ─ ｶﾀｶﾅ 🏫") throws -> String {
        let r = try CLI.run(["new", "--title", title, "--municipality", "狭山市", "--prefecture", "埼玉県",
                             "--partner", "株式会社テスト", "--fiscal-year", "2027"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func caseJSON(_ ws: URL, _ id: String) throws -> [String: Any] {
        let r = try CLI.run(["show", id, "--json"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        return try CLI.json(r) as! [String: Any]
    }

    @Test func newPrintsIdAndShowRoundTrips() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        // 狭山市 resolves to one body → its 全国地方公共団体コード, then a random suffix:
        // readable whatever the title's script, collision-free across machines (issue 14).
        #expect(id.range(of: #"^112151-[0-9a-hjkmnp-tv-z]{6}$"#, options: .regularExpression) != nil, "\(id)")
        let c = try caseJSON(ws, id)
        #expect(c["title"] as? String == "廃校跡地を活用した実証フィールド ※① ─ ｶﾀｶﾅ 🏫")
        #expect(c["stage"] as? String == "issue-definition")
        #expect(c["revision"] as? Int == 1)
        #expect((c["events"] as? [Any])?.count == 1)
    }

    @Test func advanceBlockedExitsThreeAndListsUnmetItems() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        let r = try CLI.run(["advance", id], workspace: ws)
        #expect(r.status == 3)
        #expect(r.stderr.contains("idef-local-issue"))
        #expect(r.stderr.contains("issue.why"))
        // Nothing moved.
        #expect(try caseJSON(ws, id)["stage"] as? String == "issue-definition")
    }

    @Test func forceNeedsReasonAndIsLogged() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        let noReason = try CLI.run(["advance", id, "--force"], workspace: ws)
        #expect(noReason.status == 2)
        let r = try CLI.run(["advance", id, "--force", "--reason", "首長の指示で先行着手"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let events = try caseJSON(ws, id)["events"] as! [[String: Any]]
        #expect(events.last?["kind"] as? String == "gate-overridden")
        #expect(events.last?["reason"] as? String == "首長の指示で先行着手")
    }

    @Test func ticksFieldsAndAdvanceThroughTheGate() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        for item in ["idef-local-issue", "idef-why-how-what", "idef-similar-cases"] {
            let r = try CLI.run(["tick", id, item], workspace: ws)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try CLI.run(["set", id, "department", "産業振興課"], workspace: ws).status == 0)
        #expect(try CLI.run(["set", id, "issue.why", "廃校跡地の活用が進まない"], workspace: ws).status == 0)
        let r = try CLI.run(["advance", id, "--note", "課題設定完了"], workspace: ws)
        #expect(r.status == 0, "\(r.stderr)")
        let c = try caseJSON(ws, id)
        #expect(c["stage"] as? String == "partner-search")
        #expect((c["notes"] as? [[String: Any]])?.first?["text"] as? String == "課題設定完了")
    }

    @Test func moveBackNeedsReasonAndEndStates() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        #expect(try CLI.run(["move", id, "--to", "coordination", "--reason", "既に庁内合意済み"], workspace: ws).status == 0)
        #expect(try CLI.run(["move", id, "--to", "partner-search", "--reason", ""], workspace: ws).status == 1)
        #expect(try CLI.run(["move", id, "--to", "partner-search", "--reason", "連携先を再検討"], workspace: ws).status == 0)
        #expect(try CLI.run(["move", id, "--to", "nowhere", "--reason", "x"], workspace: ws).status == 2)
        #expect(try CLI.run(["move", id, "--to", "dropped", "--reason", "予算化見送り"], workspace: ws).status == 0)
        let c = try caseJSON(ws, id)
        #expect(c["stage"] as? String == "dropped")
        #expect(c["stageReason"] as? String == "予算化見送り")
        let kinds = (c["events"] as! [[String: Any]]).compactMap { $0["kind"] as? String }
        #expect(kinds == ["created", "gate-overridden", "moved-back", "ended"])
    }

    @Test func undoRedoPersistAcrossProcesses() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        #expect(try CLI.run(["set", id, "title", "新しい件名"], workspace: ws).status == 0)
        #expect(try CLI.run(["note", id, "メモ①"], workspace: ws).status == 0)
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        var c = try caseJSON(ws, id)
        #expect((c["notes"] as? [Any])?.isEmpty ?? true)
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        c = try caseJSON(ws, id)
        #expect(c["title"] as? String == "廃校跡地を活用した実証フィールド ※① ─ ｶﾀｶﾅ 🏫")
        #expect(try CLI.run(["redo"], workspace: ws).status == 0)
        c = try caseJSON(ws, id)
        #expect(c["title"] as? String == "新しい件名")
        // The log is append-only: created, set, note, undo, undo, redo.
        let kinds = (c["events"] as! [[String: Any]]).compactMap { $0["kind"] as? String }
        #expect(kinds == ["created", "field-set", "note-added", "undo", "undo", "redo"])
    }

    @Test func undoOfCreationMovesToTrashAndRedoRestores() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        #expect(try CLI.run(["show", id], workspace: ws).status == 1)
        #expect(FileManager.default.fileExists(atPath: ws.appendingPathComponent("trash/\(id).json").path))
        #expect(try CLI.run(["redo"], workspace: ws).status == 0)
        #expect(try CLI.run(["show", id], workspace: ws).status == 0)
        let nothing = try CLI.run(["redo"], workspace: ws)
        #expect(nothing.status == 1 && nothing.stderr.contains("nothing to redo"))
    }

    @Test func listFiltersAndSearchFoldsWidth() throws {
        let ws = try CLI.tempWorkspace()
        _ = try newCase(ws, title: "サヤマ実証")
        let r2 = try CLI.run(["new", "--title", "卒煙アプリ", "--municipality", "豊中市"], workspace: ws)
        #expect(r2.status == 0)
        // Half-width katakana and full-width letters fold to the same text.
        let r = try CLI.run(["list", "--search", "ｻﾔﾏ", "--json"], workspace: ws)
        let rows = (try CLI.json(r) as! [String: Any])["cases"] as! [[String: Any]]
        #expect(rows.map { $0["title"] as? String } == ["サヤマ実証"])
        let count = try CLI.run(["list", "--count"], workspace: ws)
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        let none = try CLI.run(["list", "--stage", "budgeting", "--count"], workspace: ws)
        #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(try CLI.run(["list", "--stage", "bogus"], workspace: ws).status == 2)
    }

    @Test func badIdsAreRejectedBeforeTouchingPaths() throws {
        let ws = try CLI.tempWorkspace()
        for bad in ["../x", "/etc/passwd", "a/b", "..", "a b", "ケース"] {
            let r = try CLI.run(["show", bad], workspace: ws)
            #expect(r.status == 2, "\(bad)")
            #expect(r.stderr.contains("invalid case id"))
        }
        let r = try CLI.run(["new", "--id", "../evil", "--title", "t", "--municipality", "m"], workspace: ws)
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: ws.deletingLastPathComponent().appendingPathComponent("evil.json").path))
    }

    @Test func setValidatesValuesAndUnknownFields() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        let unknown = try CLI.run(["set", id, "bogus.field", "x"], workspace: ws)
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown field"))
        let badYear = try CLI.run(["set", id, "budget.fiscalYear", "来年"], workspace: ws)
        #expect(badYear.status == 2 && badYear.stderr.contains("budget.fiscalYear"))
        #expect(try CLI.run(["set", id, "budget.roughQuoteYen", "４，８００，０００円"], workspace: ws).status == 0)
        #expect(((try caseJSON(ws, id))["budget"] as? [String: Any])?["roughQuoteYen"] as? Int == 4_800_000)
        let missing = try CLI.run(["set", "c-9999", "title", "x"], workspace: ws)
        #expect(missing.status == 1 && missing.stderr.contains("c-9999"))
    }

    @Test func damagedFilesAreReportedNeverRewrittenAndQuarantinable() throws {
        let ws = try CLI.tempWorkspace()
        _ = try newCase(ws)
        let bad = ws.appendingPathComponent("cases/broken.json")
        let content = Data("{\n  \"schemaVersion\": 1,\n  \"id\": \"broken\",\n  \"title\": \"壊れた\" \n  \"stage\": 3\n}".utf8)
        try content.write(to: bad)
        let v = try CLI.run(["validate"], workspace: ws)
        #expect(v.status == 1)
        #expect(v.stdout.contains("broken.json") && v.stdout.contains("line 5"))
        let list = try CLI.run(["list", "--count"], workspace: ws)
        #expect(list.status == 0 && list.stdout.hasPrefix("1"))
        #expect(try Data(contentsOf: bad) == content)
        #expect(try CLI.run(["quarantine", "broken"], workspace: ws).status == 0)
        #expect(FileManager.default.fileExists(atPath: ws.appendingPathComponent("quarantine/broken.json").path))
        #expect(try CLI.run(["validate"], workspace: ws).status == 0)
    }

    @Test func controlCharactersNeverReachTheTerminalRaw() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws, title: "悪意\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{202E}txt")
        for args in [["list"], ["show", id], ["history", id]] {
            let r = try CLI.run(args, workspace: ws)
            #expect(r.status == 0)
            #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{07}") && !r.stdout.contains("\u{202E}"), "\(args)")
            #expect(r.stdout.contains("␛"), "\(args)")
        }
    }

    @Test func exitCodeForUsageErrorsIsTwo() throws {
        let ws = try CLI.tempWorkspace()
        #expect(try CLI.run(["list", "--nope"], workspace: ws).status == 2)
        #expect(try CLI.run(["tick"], workspace: ws).status == 2)
        #expect(try CLI.run(["list", "--today", "2026-02-30"], workspace: ws).status == 2)
        let help = try CLI.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("Exit codes"))
    }

    @Test func missingWorkspaceIsAClearError() throws {
        let r = try CLI.run(["list", "--workspace", "/nonexistent/renkei-ws"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/renkei-ws") && r.stderr.contains("renkei init"))
    }

    @Test func actorComesFromEnvironmentThenConfig() throws {
        let ws = try CLI.tempWorkspace()
        let id = try newCase(ws)
        let cfg = Scratch.url("cfg")
        try FileManager.default.createDirectory(at: cfg.appendingPathComponent("renkei"), withIntermediateDirectories: true)
        try Data("{\"actor\": \"山田 花子\"}".utf8).write(to: cfg.appendingPathComponent("renkei/config.json"))
        #expect(try CLI.run(["note", id, "設定から"], workspace: ws, env: ["RENKEI_ACTOR": "", "XDG_CONFIG_HOME": cfg.path]).status == 0)
        #expect(try CLI.run(["note", id, "環境変数から"], workspace: ws, env: ["RENKEI_ACTOR": "suzuki", "XDG_CONFIG_HOME": cfg.path]).status == 0)
        let events = (try caseJSON(ws, id)["events"] as! [[String: Any]]).compactMap { $0["actor"] as? String }
        #expect(Array(events.suffix(2)) == ["山田 花子", "suzuki"])
    }
}
