import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiSync

/// The property of issue 12, many times over: three replicas of the sample workspace and a bare
/// repository on this machine; seeded random data-changing operations — new cases, fields, notes,
/// ticks and unticks, tags, snoozes, advances, moves forward and back, trash, undo and redo — by
/// three people, interleaved with syncs in random order. After a final round of syncs every
/// replica holds byte-identical `cases/` and `trash/`, every event any replica ever held is
/// present exactly once, nothing is quarantined, every case reads back and every end state
/// has its reason (and, every 25th sequence, `renkei validate` passes).
///
/// The operations go through the same store calls and the same `SyncEngine` (with real git) as
/// the CLI, in-process, so CI runs a few hundred sequences in minutes; `SyncConvergenceCLITests`
/// holds the CLI path itself to the same property. RENKEI_SYNC_PROPERTY_SEQUENCES / _STEPS /
/// RENKEI_SYNC_SEED scale it up (Scripts/reliability/sync-convergence.sh runs thousands). A
/// failure names its seed, which replays the same operations (the ids the store draws differ).
@Suite(.serialized) struct SyncConvergencePropertyTests {
    static let env = ProcessInfo.processInfo.environment
    static let sequences = Int(env["RENKEI_SYNC_PROPERTY_SEQUENCES"] ?? "") ?? 300
    static let steps = Int(env["RENKEI_SYNC_PROPERTY_STEPS"] ?? "") ?? 10
    static let firstSeed = UInt64(env["RENKEI_SYNC_SEED"] ?? "") ?? 20261203
    static let people = ["a", "b", "c"]
    static let data = DataDirectory(url: Repo.data)

    /// The three replicas and the hub, made once; each sequence starts from a copy.
    struct Template {
        let dir: URL
        let catalog: Catalog

        init() throws {
            dir = try Scratch.directory("sync-property")
            let hub = dir.appendingPathComponent("hub.git")
            let r = try Proc.run(["git", "init", "-q", "--bare", hub.path])
            guard r.status == 0 else { throw StoreError.workspace(.indexNotWritten(path: "git init --bare", detail: r.output)) }
            let a = try Workspace.create(at: dir.appendingPathComponent("a"))
            _ = try a.seedSamples(from: SyncConvergencePropertyTests.data)
            catalog = try CatalogLoader.load(data: SyncConvergencePropertyTests.data, workspace: a).catalog
            _ = try SyncSetup.initialize(workspace: a, binary: BuiltBinary.renkei.path, remote: hub.path)
            _ = try SyncEngine(workspace: a, catalog: catalog, actor: "職員a", now: Timestamp("2026-12-01T08:00:00+09:00")!, binary: nil).sync()
            for w in ["b", "c"] {
                _ = try SyncSetup.clone(url: hub.path, into: dir.appendingPathComponent(w), binary: BuiltBinary.renkei.path)
            }
        }

        /// A fresh copy of the set-up; the clones' remote is re-pointed at the copy's hub.
        func copy() throws -> URL {
            let to = Scratch.url("sync-property-run")
            try FileManager.default.copyItem(at: dir, to: to)
            for w in SyncConvergencePropertyTests.people {
                let config = to.appendingPathComponent("\(w)/.git/config")
                let text = try String(contentsOf: config, encoding: .utf8)
                try Data(text.replacingOccurrences(of: dir.path + "/hub.git", with: to.path + "/hub.git").utf8).write(to: config)
            }
            return to
        }
    }

    /// A replica: its workspace, store (with its own undo journal) and person.
    struct Replica {
        let ws: Workspace
        let store: CaseStore
        let actor: String
    }

    @Test func threeReplicasConvergeAndLoseNothing() throws {
        let template = try Template()
        for n in 0..<Self.sequences {
            try Self.sequence(seed: Self.firstSeed &+ UInt64(n), template: template, validateByCLI: n % 25 == 0)
        }
    }

    static func sequence(seed: UInt64, template: Template, validateByCLI: Bool) throws {
        let dir = try template.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let replicas = try people.map { w in
            let ws = try Workspace(root: dir.appendingPathComponent(w))
            return Replica(ws: ws, store: CaseStore(workspace: ws, catalog: template.catalog), actor: "職員" + w)
        }
        var r = SplitMix64(seed: seed)
        var seen = Set<String>()
        var minute = 0
        func sync(_ p: Replica, _ at: Timestamp) {
            do {
                let report = try SyncEngine(workspace: p.ws, catalog: template.catalog, actor: p.actor, now: at, binary: nil).sync()
                #expect(report.offline == nil, "seed \(seed): \(p.actor) offline: \(String(describing: report.offline))")
                #expect(report.notices.allSatisfy { if case .restoredFromTrash = $0 { true } else { false } },
                        "seed \(seed): \(p.actor): \(report.notices)")
            } catch {
                Issue.record("seed \(seed): sync on \(p.actor) failed: \(error)")
            }
        }
        for _ in 0..<steps {
            let p = r.pick(replicas)
            minute += 1 + r.below(3)
            let at = Timestamp(String(format: "2026-12-01T%02d:%02d:00+09:00", 9 + minute / 60, minute % 60))!
            let ids = (try? p.store.portfolio().summaries.map(\.id).sorted()) ?? []
            let id = ids.isEmpty ? "none" : r.pick(ids)
            // Commands may refuse (a gate, nothing to undo, a move to the same stage): that is
            // the command's answer, not a sync problem.
            func apply(_ c: Command) { _ = try? p.store.apply(id, c, actor: p.actor, now: at) }
            let op = r.below(16)
            // RENKEI_SYNC_TRACE=1: one line per step, to read a failing seed's story.
            if env["RENKEI_SYNC_TRACE"] != nil { print("seed \(seed) \(p.actor) op \(op) \(id) at \(at.text)") }
            switch op {
            case 0: _ = try? p.store.createCase(NewCaseInput(id: "", title: r.pick(["新規 ※", "追加案件 🎌", "令和８年度 ｶﾅ"]), municipality: "狭山市",
                                                             partners: [r.pick(["㈱髙橋", "信用金庫"])]), actor: p.actor, now: at)
            case 1: apply(.setField(path: "title", value: .string(r.pick(["件名Ａ", "件名Ｂ ㈱", "件名Ｃ ①"]))))
            case 2: apply(.setField(path: "department", value: r.chance(20) ? .null : .string(r.pick(["企画課", "教育委員会", "ﾃﾞｼﾞﾀﾙ推進課"]))))
            case 3: apply(.addNote(text: "メモ \(minute) \(p.actor) ①"))
            case 4: apply(.move(to: r.pick(Stage.allCases), reason: "理由 \(minute)"))
            case 5: apply(.setField(path: "tags", value: .array(["教育", "ＤＸ", "令和7年度", "防災"].filter { _ in r.chance(40) }.map { .string($0) })))
            case 6:
                let stage = (try? p.store.load(id).value.stage) ?? .issueDefinition
                let items = template.catalog.items(for: stage, exit: nil, method: nil).map(\.id)
                if !items.isEmpty { apply(r.chance(65) ? .tick(item: r.pick(items)) : .untick(item: r.pick(items))) }
            case 7: apply(.advance(note: r.chance(30) ? "進めます" : nil, override: r.chance(50) ? "急ぎ ①" : nil))
            case 8: apply(r.chance(70) ? .snooze(item: "stale", until: Day("2027-02-01")!, reason: "待ち") : .unsnooze(item: "stale"))
            case 9: _ = try? p.store.undoRedo(.undo, actor: p.actor, now: at)
            case 10: _ = try? p.store.undoRedo(.redo, actor: p.actor, now: at)
            case 11: _ = try? p.store.trash(id, actor: p.actor, now: at)
            default: sync(p, at)
            }
            seen.formUnion(events(p.ws).ids)
        }
        // Final round: everyone sends, then everyone receives.
        minute += 5
        for p in replicas + replicas {
            minute += 1
            sync(p, Timestamp(String(format: "2026-12-01T%02d:%02d:00+09:00", 9 + minute / 60, minute % 60))!)
        }
        let first = replicas[0].ws
        for p in replicas {
            seen.formUnion(events(p.ws).ids)
            #expect(files(p.ws.casesDir) == files(first.casesDir), "seed \(seed): cases/ of \(p.actor) differs from a's")
            #expect(files(p.ws.trashDir) == files(first.trashDir), "seed \(seed): trash/ of \(p.actor) differs from a's")
            #expect(files(p.ws.quarantineDir).isEmpty, "seed \(seed): \(p.actor) set files aside")
        }
        for p in replicas {
            let (ids, doubled) = events(p.ws)
            #expect(doubled.isEmpty, "seed \(seed): \(p.actor) holds an event twice in \(doubled)")
            #expect(seen.subtracting(ids).isEmpty, "seed \(seed): \(p.actor) lost events \(seen.subtracting(ids).sorted().prefix(5))")
        }
        // What `renkei validate` checks of the cases: every file reads, none is read-only, every
        // end state has its reason; and the work tree is committed.
        let store = CaseStore(workspace: first, catalog: template.catalog, useIndex: false)
        let portfolio = try store.portfolio()
        #expect(portfolio.damaged.isEmpty && portfolio.readOnly.isEmpty, "seed \(seed): \(portfolio.damaged)")
        for s in portfolio.summaries where s.stage.isEndState {
            #expect(!((try? store.load(s.id))?.value.stageReason ?? "").isEmpty, "seed \(seed): \(s.id) ended without a reason")
        }
        let status = try Proc.run(["git", "-C", first.root.path, "status", "--porcelain"])
        #expect(status.stdout.isEmpty, "seed \(seed): work tree left dirty: \(status.stdout)")
        if validateByCLI {
            var e = ProcessInfo.processInfo.environment
            e["RENKEI_DATA"] = Repo.data.path
            e.removeValue(forKey: "RENKEI_WORKSPACE")
            let v = try Proc.run([BuiltBinary.renkei.path, "validate", "--workspace", first.root.path], environment: e)
            #expect(v.status == 0, "seed \(seed): validate: \(v.output)")
        }
    }

    /// Every event id in a replica's case files (live and trashed), and the files holding one twice.
    static func events(_ ws: Workspace) -> (ids: Set<String>, doubled: [String]) {
        var ids = Set<String>(), doubled: [String] = []
        for dir in [ws.casesDir, ws.trashDir] {
            for (name, data) in files(dir) {
                guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                let list = (o["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                if Set(list).count != list.count { doubled.append(dir.lastPathComponent + "/" + name) }
                ids.formUnion(list)
            }
        }
        return (ids, doubled)
    }

    /// Every file of a directory (name → bytes).
    static func files(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where !f.hasPrefix(".") {
            out[f] = try? Data(contentsOf: dir.appendingPathComponent(f))
        }
        return out
    }
}
