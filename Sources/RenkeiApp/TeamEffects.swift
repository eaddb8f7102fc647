import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiSync
import RenkeiTUI

/// A shared workspace's effects (issue 12): the sync itself and the header's status on a
/// worker (git waits on the network and on disk), the review list and the unseen marks
/// inline. The sync is the same engine as `renkei sync`: commit, fetch, merge case by case,
/// move in under the workspace lock, push.
extension StoreEffects {
    func performTeam(_ effect: Effect, lang: Lang) -> Msg? {
        switch effect {
        case .loadConflicts:
            return .conflictsLoaded(ConcurrentEditScan.open(store))
        case .resolveRecordEdit(let file, let id, let takeOther):
            do {
                let (_, warning) = try store.resolveRecordEdit(file: file, id: id, takeOther: takeOther, actor: environment.actor, now: environment.now())
                return .recordEditResolved(file: file, label: "resolve \(id)", warning: warning.map { TerminalText.inline($0.text(lang)) })
            } catch { return .failed(TerminalText.inline(ErrorText.line(error, lang))) }
        case .markSeen(let id):
            // Only a mark: a read-only workspace or a lost write leaves it, nothing else.
            try? SyncLocalState(workspace: environment.workspace).markSeen(id)
            return nil
        default:
            return nil
        }
    }

    func backgroundTeam(_ effect: Effect) -> (@Sendable () -> Msg?)? {
        let env = environment
        switch effect {
        case .loadSyncStatus:
            return { .syncStatusLoaded(SyncStatusReader.read(workspace: env.workspace)) }
        case .sync:
            return { .syncFinished(Self.sync(env)) }
        default:
            return nil
        }
    }

    static func sync(_ env: RuntimeEnvironment) -> SyncOutcome {
        var outcome = SyncOutcome(line: nil, status: nil)
        do {
            let engine = try SyncEngine(workspace: env.workspace, catalog: env.catalog, actor: env.actor, now: env.now(), binary: env.renkeiBinary)
            let report = try engine.sync()
            outcome.line = report.line
            outcome.notices = report.notices
            outcome.failure = report.offline?.message
            outcome.incoming = report.down
        } catch let e as SyncError {
            outcome.failure = e.message
        } catch {
            outcome.failure = .gitFailed(command: "sync", detail: "\(error)")
        }
        outcome.status = SyncStatusReader.read(workspace: env.workspace)
        return outcome
    }
}
