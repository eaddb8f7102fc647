import Foundation
import RenkeiCore
import Testing
import RenkeiTestSupport

/// Three replicas and a bare repository; random data-changing commands (new cases, edits,
/// notes, moves back and forth, undo/redo) interleaved with random syncs. After a final round
/// of syncs every replica holds byte-identical cases/ and trash/, every event any replica ever
/// had is present exactly once, and `renkei validate` passes. And kill -9 in the middle of a
/// sync: the next sync completes and nothing acknowledged is lost.
/// CI runs a few sequences; Scripts/reliability/sync-convergence.sh runs thousands
/// (RENKEI_SYNC_SEQUENCES, RENKEI_SYNC_KILLS, RENKEI_SYNC_SEED).
@Suite(.serialized) struct SyncConvergenceCLITests {
    static let env = ProcessInfo.processInfo.environment
    static let sequences = Int(env["RENKEI_SYNC_SEQUENCES"] ?? "") ?? 2
    static let steps = Int(env["RENKEI_SYNC_STEPS"] ?? "") ?? 24
    static let kills = Int(env["RENKEI_SYNC_KILLS"] ?? "") ?? 3
    static let firstSeed = UInt64(env["RENKEI_SYNC_SEED"] ?? "") ?? 20261203

    /// Core's SplitMix64 (the one generator) with modulo draws, as the recorded seeds expect.
    struct Rng {
        var core: SplitMix64
        init(s: UInt64) { core = SplitMix64(seed: s) }
        mutating func next() -> UInt64 { core.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    }

    /// Every event id in a replica's case files (live and trashed), and whether any file holds one twice.
    static func events(_ lab: SyncLab, _ who: String) -> (ids: Set<String>, duplicated: [String]) {
        var ids = Set<String>(), dup: [String] = []
        for sub in ["cases", "trash"] {
            for (name, data) in lab.files(who, sub) {
                guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                let list = (o["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                if Set(list).count != list.count { dup.append(sub + "/" + name) }
                ids.formUnion(list)
            }
        }
        return (ids, dup)
    }

    static func caseIds(_ lab: SyncLab, _ who: String) -> [String] {
        lab.files(who).keys.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func replicasConvergeAndLoseNothing() throws {
        for n in 0..<Self.sequences {
            let seed = Self.firstSeed &+ UInt64(n)
            try Self.sequence(seed: seed)
        }
    }

    static func sequence(seed: UInt64) throws {
        let lab = try SyncLab()
        let who = ["a", "b", "c"]
        try lab.setUp(who, sample: false)
        for title in ["共同調達 ①", "ｽﾏｰﾄ農業 実証"] {
            #expect(try lab.run("a", ["new", "--title", title, "--municipality", "狭山市", "--partner", "㈱髙橋"]).status == 0)
        }
        try lab.run("a", ["sync"])
        for w in who.dropFirst() { try lab.run(w, ["sync"]) }
        var rng = Rng(s: seed)
        var seen = Set<String>()
        var minute = 0
        for _ in 0..<Self.steps {
            let w = rng.pick(who)
            minute += 1 + rng.below(3)
            let at = String(format: "2026-12-01T%02d:%02d:00+09:00", 9 + minute / 60, minute % 60)
            let ids = caseIds(lab, w)
            let id = ids.isEmpty ? "none" : rng.pick(ids)
            let args: [String]
            switch rng.below(10) {
            case 0: args = ["new", "--title", rng.pick(["新規 ※", "追加案件 🎌", "令和８年度"]), "--municipality", "狭山市"]
            case 1: args = ["set", id, "title", rng.pick(["件名Ａ", "件名Ｂ ㈱", "件名Ｃ ①"])]
            case 2: args = ["set", id, "department", rng.pick(["企画課", "教育委員会", "ﾃﾞｼﾞﾀﾙ推進課"])]
            case 3: args = ["note", id, "メモ \(minute) \(w)"]
            case 4: args = ["move", id, "--to", rng.pick(["partner-search", "coordination", "issue-definition", "paused"]), "--reason", "理由 \(minute)"]
            case 5: args = ["set", id, "tags", rng.pick(["教育,ＤＸ", "防災", ""])]
            case 6: args = ["undo"]
            case 7: args = ["redo"]
            default: args = ["sync"]
            }
            let r = try lab.run(w, args, at: args == ["sync"] ? nil : at)
            // Commands may refuse (undo with nothing to undo, a move to the same stage);
            // a sync may only refuse for a reason the contract names.
            if args == ["sync"] { #expect(r.status == 0, "seed \(seed): sync on \(w): \(r.stdout) \(r.stderr)") }
            seen.formUnion(events(lab, w).ids)
        }
        // Final round: everyone sends, then everyone receives.
        for w in who + who { #expect(try lab.run(w, ["sync"]).status == 0, "seed \(seed): final sync \(w)") }
        for w in who { seen.formUnion(events(lab, w).ids) }
        for w in who.dropFirst() {
            #expect(lab.files(w) == lab.files("a"), "seed \(seed): cases/ of \(w) differs from a")
            #expect(lab.files(w, "trash") == lab.files("a", "trash"), "seed \(seed): trash/ of \(w) differs from a")
        }
        for w in who {
            let (ids, dup) = events(lab, w)
            #expect(dup.isEmpty, "seed \(seed): \(w) holds an event twice in \(dup)")
            #expect(seen.subtracting(ids).isEmpty, "seed \(seed): \(w) lost events \(seen.subtracting(ids).sorted().prefix(5))")
            let v = try lab.run(w, ["validate"])
            #expect(v.status == 0, "seed \(seed): validate on \(w): \(v.stdout)")
        }
    }

    @Test func killNineDuringSyncIsFinishedByTheNextSync() throws {
        let lab = try SyncLab()
        try lab.setUp(["a", "b"])
        var rng = Rng(s: Self.firstSeed)
        for round in 0..<Self.kills {
            // Both sides edit many cases, so a's sync commits, merges and moves in a lot.
            let ids = Self.caseIds(lab, "a")
            var acknowledged: [(String, String)] = []
            for id in ids {
                let text = "a-\(round)-\(id.prefix(6))"
                if try lab.run("a", ["note", id, text]).status == 0 { acknowledged.append((id, text)) }
                try lab.run("b", ["set", id, "department", "課\(round)"])
            }
            try lab.run("b", ["sync"])
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["sync", "--workspace", lab.ws("a").path]
            p.environment = CLI.environment(lab.env("a"))
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(rng.below(400_000)))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let again = try lab.run("a", ["sync"])
            #expect(again.status == 0, "round \(round): \(again.stderr)")
            #expect(try lab.run("a", ["validate"]).status == 0, "round \(round): validate")
            try lab.run("b", ["sync"])
            #expect(lab.files("a") == lab.files("b"), "round \(round): replicas differ")
            for (id, text) in acknowledged {
                let notes = (try lab.caseJSON("b", id)["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
                #expect(notes.contains(text), "round \(round): \(id) lost \(text)")
                #expect(try lab.caseJSON("a", id)["department"] as? String == "課\(round)", "round \(round): \(id) lost b's edit")
            }
            #expect(try lab.git("a", ["status", "--porcelain"]).1.isEmpty, "round \(round): work tree left dirty")
        }
    }
}
