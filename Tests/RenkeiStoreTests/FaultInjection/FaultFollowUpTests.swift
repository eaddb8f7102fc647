import Foundation
import Testing
import RenkeiTestSupport
#if canImport(Glibc)
import Glibc
#endif
@testable import RenkeiCore
@testable import RenkeiStore

/// What the fault-injection suite found, each held by a test of its own.
@Suite(.serialized) struct FaultFollowUpTests {
    static let now = StoreFixtures.now

    static func sampleStore() throws -> CaseStore {
        let store = try StoreFixtures.store()
        _ = try store.workspace.seedSamples(from: StoreFixtures.dataDir)
        store.index?.racySlackNs = 0
        return store
    }

    /// Found: an undo whose journal write failed was reported as failed although the case was
    /// changed; undoing again took back the same command a second time (or stuck). Now the
    /// undo succeeds with a warning, and the next undo goes on with the command before it.
    @Test func anUndoWhoseJournalCouldNotBeWrittenIsNotUndoneTwice() throws {
        let store = try Self.sampleStore()
        let id = store.caseFileNames()[0].replacingOccurrences(of: ".json", with: "")
        let first = try store.apply(id, .addNote(text: "①一つ目"), actor: "髙橋", now: Self.now)
        let second = try store.apply(id, .addNote(text: "②二つ目"), actor: "髙橋", now: Self.now)
        FaultyFileSystem.gate.lock(); defer { FaultyFileSystem.gate.unlock() }
        // Learn the steps of this undo on a copy, then fail the journal's rename for real: the
        // case is saved (② undone) while the journal still lists ② for undo.
        let steps = try Self.undoSteps(store)
        let renameOfJournal = try #require(steps.lastIndex { $0.hasPrefix("renameat → undo.json") }) + 1
        let fs = FaultyFileSystem(root: store.workspace.root, failAt: renameOfJournal, fault: .eio)
        let r = try fs.installed { try store.undoRedo(.undo, actor: "髙橋", now: Self.now) }
        #expect(r.warning?.text(.en).contains("undo history could not be updated") == true, "\(r)")
        #expect(try store.load(id).value.notes.map(\.text).contains("②二つ目") == false)
        // The next undo takes back ①, not ② again.
        let again = try store.undoRedo(.undo, actor: "髙橋", now: Self.now)
        #expect(again.warning == nil)
        let events = try store.load(id).value.events
        #expect(events.filter { $0.kind == .undo && $0.target == second.entry.command }.count == 1, "② undone once")
        #expect(events.filter { $0.kind == .undo && $0.target == first.entry.command }.count == 1, "then ①")
    }

    /// The I/O steps of one undo, counted on a copy of the workspace.
    static func undoSteps(_ store: CaseStore) throws -> [String] {
        let copy = Scratch.url("fault-dry")
        try FileManager.default.copyItem(at: store.workspace.root, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let other = CaseStore(workspace: try Workspace(root: copy), catalog: store.catalog)
        let counting = FaultyFileSystem(root: copy, failAt: nil, fault: .eio)
        _ = try counting.installed { try other.undoRedo(.undo, actor: "髙橋", now: now) }
        return counting.steps
    }

    /// Found (finding 9's class, through the seam): EMFILE while decoding cases made good
    /// cases "damaged" and the index remembered it. Now the load fails with the one line, and
    /// the next load lists every case.
    @Test func runningOutOfDescriptorsWhileDecodingIsAnErrorNeverADamagedCase() throws {
        let store = try Self.sampleStore()
        let root = store.workspace.root
        FaultyFileSystem.gate.lock(); defer { FaultyFileSystem.gate.unlock() }
        // Step 1 is the index file; then each case file is opened by the fast decoder and, when
        // that fails, once more by the full one: two failing opens make the fault persistent
        // (one alone is retried harmlessly).
        for k in [2, 6, 10, 18] {
            try? FileManager.default.removeItem(at: store.workspace.indexDir)
            let cold = CaseStore(workspace: try Workspace(root: root), catalog: store.catalog)
            let fs = FaultyFileSystem(root: root, failAt: k, fault: .emfile, repeats: 2)
            do {
                _ = try fs.installed { try cold.portfolio() }
                Issue.record("step \(k) (\(fs.failed ?? "none")): the load succeeded")
            } catch {
                #expect(error is StoreError && "\(error)".contains("ulimit -n"), "step \(k): \(error)")
            }
            let after = CaseStore(workspace: try Workspace(root: root), catalog: store.catalog)
            let p = try after.portfolio()
            #expect(p.damaged.isEmpty && p.summaries.count == 17, "step \(k): \(p.damaged.map(\.reason))")
            #expect(throws: Never.self) { _ = try after.load(p.summaries[0].id) }
        }
    }
}
