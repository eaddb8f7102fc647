import Foundation
import Testing
import RenkeiTestSupport
import RenkeiDevSupport
#if canImport(Glibc)
import Glibc
#endif
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiReport

/// Issue 18, "fault injection at every I/O step": each write path runs once to count its I/O
/// steps N (through the `FS` seam), then once per k in 1…N with step k failing (EIO, ENOSPC,
/// EACCES, or a short write). After every run:
/// - a run that threw changed nothing the user keeps (cases/, trash/, quarantine/, exports);
/// - a run that returned did what it was asked, and its undo entry is journaled or a warning
///   said it could not be;
/// - every case file loads, undo.json opens, the index agrees with the files (or is detected
///   stale), nothing acknowledged before is lost, and no undo entry points at an edit that is
///   not on disk (`WorkspaceAudit`).
/// `Scripts/reliability/fault-injection.sh` runs the same on a larger workspace with EMFILE too.
@Suite(.serialized) struct FaultInjectionTests {
    static let actor = "髙橋①"
    static let now = StoreFixtures.now

    /// Faults for the CI run; the script adds EMFILE (RENKEI_FAULT_ALL=1).
    static var faults: [FaultyFileSystem.Fault] {
        ProcessInfo.processInfo.environment["RENKEI_FAULT_ALL"] == "1" ? FaultyFileSystem.Fault.allCases : [.eio, .enospc, .eacces, .shortWrite]
    }
    /// Extra generated cases in the workspace (the script raises it).
    static var extraCases: Int { Int(ProcessInfo.processInfo.environment["RENKEI_FAULT_CASES"] ?? "") ?? 0 }

    /// One workspace to copy for every run: the samples, an acknowledged note, a case to undo.
    final class Template: @unchecked Sendable {
        let root: URL
        let catalog: Catalog
        let first: String, second: String
        var acknowledged: [(caseId: String, command: String)] = []
        init() throws {
            let store = try StoreFixtures.store()
            _ = try store.workspace.seedSamples(from: StoreFixtures.dataDir)
            if FaultInjectionTests.extraCases > 0 {
                // Larger workspaces decode on several threads: the index path then interleaves.
                let gen = CaseGenerator(catalog: store.catalog, seed: 18, count: FaultInjectionTests.extraCases)
                for i in 1...gen.count {
                    try gen.bytes(i).write(to: store.workspace.casesDir.appendingPathComponent(gen.id(i) + ".json"))
                }
            }
            root = store.workspace.root
            catalog = store.catalog
            let ids = store.caseFileNames().map { String($0.dropLast(5)) }
            first = ids[0]; second = ids[1]
            for (id, text) in [(first, "①受領済みのメモ"), (second, "㈱髙島屋 ｶﾅ 🚀 令和８年")] {
                let r = try store.apply(id, .addNote(text: text), actor: FaultInjectionTests.actor, now: FaultInjectionTests.now)
                acknowledged.append((id, r.entry.command))
            }
            _ = try store.portfolio()          // a warm index
        }
    }
    static let template = Result { try Template() }

    /// A fresh copy of the template (plain copies, no fsync: this is test data).
    static func lab(_ t: Template) throws -> (root: URL, store: CaseStore) {
        let root = Scratch.url("fault")
        try FileManager.default.copyItem(at: t.root, to: root)
        let store = CaseStore(workspace: try Workspace(root: root), catalog: t.catalog)
        store.index?.racySlackNs = 0
        return (root, store)
    }

    struct Outcome { var warning: StoreWarning?; var command: String? }

    /// A write path: what it does, and whether its effect is on disk (given the files before and after).
    struct WritePath: CustomStringConvertible, Sendable {
        var description: String
        var prepare: @Sendable (CaseStore, Template) throws -> Void = { _, _ in }
        var run: @Sendable (CaseStore, Template) throws -> Outcome
        var applied: @Sendable (_ before: [String: Data], _ after: [String: Data], Template) -> Bool
        /// Files the audit expects not to load (a damaged file waiting for quarantine).
        var damaged: Set<String> = []
        /// A failed run may leave part of its work (an import: whole cases, resumable) — but
        /// only cases its undo entry names, so `undo` takes them back.
        var partial = false
    }

    static let paths: [WritePath] = [
        WritePath(description: "case save (note)", run: { s, t in
            let r = try s.apply(t.first, .addNote(text: "②障害注入のメモ"), actor: actor, now: now)
            return Outcome(warning: r.journalWarning, command: r.entry.command)
        }, applied: { b, a, t in b["cases/\(t.first).json"] != a["cases/\(t.first).json"] }),
        WritePath(description: "case creation", run: { s, _ in
            let r = try s.createCase(NewCaseInput(id: "fi-shinki", title: "新規 ①障害", municipality: "髙山市"), actor: actor, now: now)
            return Outcome(warning: r.journalWarning, command: r.entry.command)
        }, applied: { _, a, _ in a["cases/fi-shinki.json"] != nil }),
        WritePath(description: "undo (case save + journal)", run: { s, _ in
            _ = try s.undoRedo(.undo, actor: actor, now: now)
            return Outcome(warning: nil, command: nil)
        }, applied: { b, a, t in b["cases/\(t.second).json"] != a["cases/\(t.second).json"] }),
        WritePath(description: "case deletion (to trash/)", run: { s, t in
            let w = try s.trash(t.first, actor: actor, now: now)
            return Outcome(warning: w, command: nil)
        }, applied: { _, a, t in a["trash/\(t.first).json"] != nil && a["cases/\(t.first).json"] == nil }),
        WritePath(description: "index write", prepare: { s, t in
            // Another process's edit: the index is stale, so the next load rewrites it.
            let other = CaseStore(workspace: try Workspace(root: s.workspace.root), catalog: t.catalog, useIndex: false)
            _ = try other.apply(t.second, .setField(path: "title", value: .string("外部で変更 ㈱")), actor: "他人", now: now)
        }, run: { s, _ in
            _ = try s.portfolio()
            return Outcome(warning: nil, command: nil)
        }, applied: { _, _, _ in true }),
        WritePath(description: "quarantine move", prepare: { s, _ in
            try Data("{\"id\": \"zz-kowareta\", 壊れ".utf8).write(to: s.workspace.casesDir.appendingPathComponent("zz-kowareta.json"))
        }, run: { s, _ in
            _ = try s.quarantine("zz-kowareta")
            return Outcome(warning: nil, command: nil)
        }, applied: { _, a, _ in a["quarantine/zz-kowareta.json"] != nil }, damaged: ["zz-kowareta.json"]),
        WritePath(description: "export write", run: { s, t in
            let exporter = ReportExporter(store: s, data: StoreFixtures.dataDir, today: Day("2026-11-23")!)
            _ = try exporter.export(caseId: t.first, format: .md, to: .directory(s.workspace.root.appendingPathComponent("exports")))
            return Outcome(warning: nil, command: nil)
        }, applied: { _, a, t in a["exports/\(t.first).md"] != nil }),
        WritePath(description: "import batch (CaseStore.writeBatch)", run: { s, t in
            let (_, r) = try s.writeBatch(label: "import", actor: actor, now: now) { existing, ctx in
                guard var a = existing(t.first) else { throw StoreError.caseNotFound(t.first) }
                a.value = try CaseCommands.apply(.addNote(text: "取込 ①"), to: a.value, context: ctx)
                let b = CaseDocument(value: try CaseFactory.make(NewCaseInput(id: "fi-torikomi-1", title: "取込 ｶﾅ", municipality: "札幌市"), context: ctx))
                let c = CaseDocument(value: try CaseFactory.make(NewCaseInput(id: "fi-torikomi-2", title: "取込 🚀", municipality: "令和町"), context: ctx))
                return ((), [a, b, c])
            }
            return Outcome(warning: r.journalWarning, command: nil)
        }, applied: { b, a, t in a["cases/fi-torikomi-1.json"] != nil || b["cases/\(t.first).json"] != a["cases/\(t.first).json"] }, partial: true),
    ]

    /// Runs `path` with step `k` failing (nil: none), returns the step count and the problems.
    static func run(_ path: WritePath, failAt k: Int?, fault: FaultyFileSystem.Fault, _ t: Template) throws -> (steps: Int, problems: [String], names: [String]) {
        let (root, store) = try lab(t)
        defer { try? FileManager.default.removeItem(at: root) }
        try path.prepare(store, t)
        let before = WorkspaceAudit.files(root)
        let fs = FaultyFileSystem(root: root, failAt: k, fault: fault)
        let result = Result { try fs.installed { try path.run(store, t) } }
        let after = WorkspaceAudit.files(root)
        let label = "\(path) with \(fault) at step \(k.map(String.init) ?? "—") (\(fs.failed ?? "none failed"))"
        var problems: [String] = []
        switch result {
        case .failure(let error):
            if k == nil { problems.append("fails without any fault: \(error)") }
            let changed = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }.sorted()
            if path.partial {
                let journaled = Set(((try? UndoJournal.load(root.appendingPathComponent("undo.json")))?.undo ?? []).flatMap { $0.batch ?? [] })
                let loose = changed.filter { !journaled.contains(String($0.dropFirst("cases/".count).dropLast(5))) }
                if !loose.isEmpty { problems.append("reported an error (\(error)) and left \(loose) changed without an undo entry") }
            } else if !changed.isEmpty {
                problems.append("reported an error (\(error)) but changed \(changed)")
            }
            if "\(error)".contains("\n") { problems.append("the error is more than one line: \(error)") }
        case .success(let outcome):
            if !path.applied(before, after, t) { problems.append("returned success but its effect is not on disk") }
            if let c = outcome.command, !WorkspaceAudit.journaled(root, command: c), outcome.warning == nil {
                problems.append("saved without an undo entry and without a warning")
            }
        }
        var audit = WorkspaceAudit.consistency(root, catalog: t.catalog, acknowledged: t.acknowledged)
        audit.removeAll { p in path.damaged.contains { p.hasPrefix($0) } }
        problems += audit
        return (fs.stepCount, problems.map { "\(label): \($0)" }, fs.steps)
    }

    @Test(arguments: paths)
    func everyStepOfTheWritePathFailsSafely(_ path: WritePath) throws {
        let t = try Self.template.get()
        FaultyFileSystem.gate.lock()
        defer { FaultyFileSystem.gate.unlock() }
        let clean = try Self.run(path, failAt: nil, fault: .eio, t)
        if ProcessInfo.processInfo.environment["RENKEI_FAULT_STEPS"] == "1" { print("STEPS \(path): \(clean.steps) \(clean.names)") }
        #expect(clean.problems.isEmpty, "\(clean.problems)")
        #expect(clean.steps > 0, "\(path) made no I/O through the FS seam")
        var problems: [String] = []
        for fault in Self.faults {
            for k in 1...clean.steps {
                problems += try Self.run(path, failAt: k, fault: fault, t).problems
            }
        }
        #expect(problems.isEmpty, "\(path): \(clean.steps) steps; \(problems.count) problems:\n\(problems.prefix(12).joined(separator: "\n"))")
    }
}
