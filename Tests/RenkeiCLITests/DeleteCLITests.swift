import Foundation
import Testing

/// `renkei delete ID` (issue 14): the case moves to trash/, never removed; undo brings it back,
/// redo trashes it again, and its id is never reused meanwhile.
@Suite struct DeleteCLITests {
    @Test func deleteMovesToTrashAndUndoBringsItBack() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let env = ["LANG": "ja_JP.UTF-8", "RENKEI_ACTOR": "髙橋"]
        let live = ws.appendingPathComponent("cases/toyonaka-cureapp-sotsuen.json").path
        let trash = ws.appendingPathComponent("trash/toyonaka-cureapp-sotsuen.json").path
        let r = try CLI.run(["delete", "toyonaka-cure"], workspace: ws, env: env)          // a prefix is enough
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ごみ箱へ移しました") && r.stdout.contains("toyonaka-cureapp-sotsuen"), "\(r.stdout)")
        #expect(!FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: trash))
        let show = try CLI.run(["show", "toyonaka-cureapp-sotsuen"], workspace: ws, env: env)
        #expect(show.status != 0)
        let undo = try CLI.run(["undo"], workspace: ws, env: env)
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.contains("案件を削除") && !undo.stdout.contains("delete case"), "\(undo.stdout)")
        #expect(FileManager.default.fileExists(atPath: live) && !FileManager.default.fileExists(atPath: trash))
        let redo = try CLI.run(["redo"], workspace: ws, env: env)
        #expect(redo.status == 0, "\(redo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: trash))
        // Someone else's undo does not bring it back.
        let other = try CLI.run(["undo"], workspace: ws, env: ["LANG": "ja_JP.UTF-8", "RENKEI_ACTOR": "佐藤"])
        #expect(other.status != 0)
        #expect(!FileManager.default.fileExists(atPath: live))
    }

    @Test func anUnknownIdIsOneLineAndNothingMoves() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let r = try CLI.run(["delete", "存在しない-0001"], workspace: ws, env: ["LANG": "ja_JP.UTF-8"])
        #expect(r.status != 0)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        let trashed = (try? FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("trash").path)) ?? []
        #expect(trashed.isEmpty)
    }
}
