import Foundation
import Testing

/// Issue 18, finding 2: undo only ever takes back the acting person's own commands, a command
/// that can no longer be undone is reported once (exit 4) and never blocks the stack, and the
/// journal is versioned and never silently dropped. Several people, through the real CLI.
@Suite struct UndoPerActorCLITests {
    let ws: URL
    let id: String

    init() throws {
        ws = try CLI.tempWorkspace()
        let r = try CLI.run(["new", "--title", "㈱髙橋と連携する実証 ※① ｶﾅ 🏫", "--municipality", "狭山市"], workspace: ws,
                            env: ["RENKEI_ACTOR": "alice"])
        guard r.status == 0 else { throw HarnessError("new failed: \(r.stderr)") }
        id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: ws) }

    @discardableResult
    func run(_ who: String, _ args: [String]) throws -> CLI.Result {
        try CLI.run(args, workspace: ws, env: ["RENKEI_ACTOR": who])
    }

    func notes() throws -> [String] {
        let r = try CLI.run(["show", id, "--json"], workspace: ws)
        let c = try CLI.json(r) as! [String: Any]
        return ((c["notes"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
    }

    @Test func aliceUndoNeverRemovesBobsNote() throws {
        defer { cleanUp() }
        #expect(try run("alice", ["note", id, "アリスのメモ①"]).status == 0)
        #expect(try run("bob", ["note", id, "ボブのメモ㈱"]).status == 0)
        let undone = try run("alice", ["undo"])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(try notes() == ["ボブのメモ㈱"])
        // Alice's next undo takes back her creation? No: Bob has edited the case since.
        let creation = try run("alice", ["undo"])
        #expect(creation.status == 4)
        #expect(creation.stderr.contains("'bob' has edited it since"), "\(creation.stderr)")
        #expect(try CLI.run(["show", id], workspace: ws).status == 0)
        // …and it is dropped from Alice's stack, not blocking it.
        let nothing = try run("alice", ["undo"])
        #expect(nothing.status == 1 && nothing.stderr.contains("nothing to undo"), "\(nothing.stderr)")
        // Bob's undo still works and takes back only Bob's note.
        #expect(try run("bob", ["undo"]).status == 0)
        #expect(try notes().isEmpty)
        // Redo is per person too.
        #expect(try run("alice", ["redo"]).status == 0)
        #expect(try notes() == ["アリスのメモ①"])
        #expect(try run("bob", ["redo"]).status == 0)
        #expect(Set(try notes()) == ["アリスのメモ①", "ボブのメモ㈱"])
        let carol = try run("carol", ["undo"])
        #expect(carol.status == 1 && carol.stderr.contains("nothing to undo"))
    }

    @Test func aNewCommandClearsOnlyItsOwnersRedo() throws {
        defer { cleanUp() }
        try run("alice", ["note", id, "A1"])
        try run("bob", ["note", id, "B1"])
        #expect(try run("alice", ["undo"]).status == 0)
        #expect(try run("bob", ["undo"]).status == 0)
        try run("bob", ["set", id, "department", "財政課"])   // clears Bob's redo, not Alice's
        #expect(try run("alice", ["redo"]).status == 0)
        #expect(try run("bob", ["redo"]).status == 1)
        #expect(try notes() == ["A1"])
    }

    @Test func quarantinedCaseIsSkippedNotStuck() throws {
        defer { cleanUp() }
        let other = try run("alice", ["new", "--title", "別件", "--municipality", "豊中市"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try run("alice", ["note", other, "先のメモ"])
        try run("alice", ["note", id, "X"])
        #expect(try run("alice", ["quarantine", id]).status == 0)
        let skipped = try run("alice", ["undo"])
        #expect(skipped.status == 4)
        #expect(skipped.stderr.contains("no longer in cases/") && skipped.stderr.contains("undo again"), "\(skipped.stderr)")
        // The next undo goes on with the command before (the note on the other case).
        let next = try run("alice", ["undo"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains(other))
    }

    @Test func conflictIsReportedOnceThenSkipped() throws {
        defer { cleanUp() }
        try run("alice", ["set", id, "department", "企画課"])
        try run("alice", ["note", id, "後のメモ"])
        try run("bob", ["set", id, "department", "財政課"])
        #expect(try run("alice", ["undo"]).status == 0)          // her note: independent of Bob
        let conflict = try run("alice", ["undo"])               // her department: Bob changed it
        #expect(conflict.status == 4)
        #expect(conflict.stderr.contains("department") && conflict.stderr.contains("removed from your undo history"), "\(conflict.stderr)")
        #expect(!conflict.stderr.contains("財政課"), "an error never prints case content")
        let show = try CLI.run(["show", id, "--json"], workspace: ws)
        #expect((try CLI.json(show) as! [String: Any])["department"] as? String == "財政課")
        // Not stuck: the next undo reaches her creation, which Bob has edited → skipped, then empty.
        #expect(try run("alice", ["undo"]).status == 4)
        #expect(try run("alice", ["undo"]).status == 1)
    }

    @Test func damagedJournalIsNamedAndKeptAside() throws {
        defer { cleanUp() }
        try run("alice", ["note", id, "メモ"])
        let journal = ws.appendingPathComponent("undo.json")
        try Data("{\"version\": 2, \"undo\": [".utf8).write(to: journal)
        let undo = try run("alice", ["undo"])
        #expect(undo.status == 1)
        #expect(undo.stderr.contains("undo.json") && undo.stderr.contains("cannot be read") && undo.stderr.contains("line 1"), "\(undo.stderr)")
        // A write keeps the damaged file beside and says so; the edit is saved and acknowledged.
        let note = try run("alice", ["note", id, "次のメモ"])
        #expect(note.status == 0)
        #expect(note.stderr.contains("undo.json.damaged"), "\(note.stderr)")
        #expect(FileManager.default.fileExists(atPath: ws.appendingPathComponent("undo.json.damaged").path))
        #expect(try run("alice", ["undo"]).status == 0)
        #expect(try notes() == ["メモ"])
    }

    @Test func newerJournalIsNotOverwritten() throws {
        defer { cleanUp() }
        let journal = ws.appendingPathComponent("undo.json")
        let future = Data("{\"version\": 99, \"undo\": [], \"redo\": [], \"more\": true}\n".utf8)
        try future.write(to: journal)
        let note = try run("alice", ["note", id, "メモ"])
        #expect(note.status == 0)
        #expect(note.stderr.contains("newer renkei"), "\(note.stderr)")
        #expect(try Data(contentsOf: journal) == future)
        #expect(try run("alice", ["undo"]).status == 1)
    }

    @Test func versionOneJournalStillUndoesByTheEventsActor() throws {
        defer { cleanUp() }
        try run("alice", ["note", id, "A"])
        try run("bob", ["note", id, "B"])
        // Rewrite the journal as renkei wrote it before: no version, no actor.
        let url = ws.appendingPathComponent("undo.json")
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        obj.removeValue(forKey: "version")
        obj["undo"] = (obj["undo"] as! [[String: Any]]).map { e in var e = e; e.removeValue(forKey: "actor"); e.removeValue(forKey: "session"); return e }
        try JSONSerialization.data(withJSONObject: obj).write(to: url)
        #expect(try run("alice", ["undo"]).status == 0)
        #expect(try notes() == ["B"])
        let migrated = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        #expect(migrated["version"] as? Int == 2)
    }

    @Test func fifoJournalNeitherHangsNorDuplicates() throws {
        defer { cleanUp() }
        let url = ws.appendingPathComponent("undo.json")
        try FileManager.default.removeItem(at: url)
        #expect(mkfifo(url.path, 0o600) == 0)
        let note = try CLI.run(["note", id, "一度だけ"], workspace: ws, env: ["RENKEI_ACTOR": "alice"], timeout: 20)
        #expect(note.status == 0, "\(note.stderr)")
        #expect(note.stderr.contains("not a regular file"), "\(note.stderr)")
        #expect(try notes() == ["一度だけ"])
        #expect(try run("alice", ["undo"]).status == 0)
        #expect(try notes().isEmpty)
    }
}
