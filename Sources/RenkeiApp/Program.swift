import Foundation
import RenkeiCore
import RenkeiTUI

/// The one Elm loop of the workbench: `send` a message → `update` → perform its effects →
/// feed their answers back, until nothing is left; `screen` is `view(state)`.
///
/// The terminal main loop (`renkei open`), the TUI tests and `renkei-bench` all drive this type;
/// only the `EffectPerformer` differs (the store, or in-memory cases in tests).
///
/// Foreground effects (saves, loads, exports) run inside `send`, before the next frame, in
/// order. Background effects (portfolio insight, the off-screen deadlines) are queued by `send`
/// and started by `startBackgroundWork()` — the terminal loop calls it after drawing, so on two
/// cores they never compete with the frame the user waits for. Their answers are ordinary
/// messages, handed over by `deliverFinished()` between keys, or by `settle()` in tests and the
/// bench, which waits for all of them deterministically.
///
/// Not thread-safe: one thread owns a Program (workers only hand their answers to `BackgroundWork`).
public final class Program {
    /// The current state (settable: tests and tools may adjust it between messages).
    public var state: AppState
    /// Every effect `update` asked for, in order (tests read and clear it).
    public var effects: [Effect] = []
    /// Called with the state (`pending > 0`: the status bar says 「保存中…」) just before effects
    /// that write run, so the terminal can draw it while the durable save (fsync) is under way.
    public var willWrite: ((AppState) -> Void)?

    let performer: EffectPerformer
    private let workers = BackgroundWork()
    private var queued: [(key: String, work: @Sendable () -> Msg?)] = []

    public init(state: AppState, performer: EffectPerformer) {
        self.state = state
        self.performer = performer
    }

    /// The screen of the current state (exactly `state.width × state.height` cells).
    public var screen: Screen { view(state) }

    public func send(_ msgs: [Msg]) { for m in msgs { send(m) } }

    /// Runs `msg` and every answer of the effects it causes through `update`, in order.
    public func send(_ msg: Msg) {
        var pendingMsgs: [Msg] = [msg]
        while !pendingMsgs.isEmpty {
            let (next, effs) = update(state, pendingMsgs.removeFirst())
            state = next
            effects += effs
            guard !effs.isEmpty else { continue }
            if effs.contains(where: \.writes), let hook = willWrite { hook(state) }
            for e in effs {
                switch performer.kind(of: e) {
                case .foreground:
                    if let reply = performer.perform(e, state: state) { pendingMsgs.append(reply) }
                case .background(let key):
                    if let work = performer.background(e, state: state) { queued.append((key, work)) }
                }
            }
            performer.didPerform(state: state)
        }
    }

    /// Starts the background work queued since the last call, each on its own worker.
    public func startBackgroundWork() {
        let work = queued
        queued = []
        for w in work { workers.start(key: w.key, w.work) }
    }

    /// Whether background work is queued, running, or finished and not yet delivered (the
    /// terminal loop then polls keys more often).
    public var hasBackgroundWork: Bool { !queued.isEmpty || workers.busy }

    /// Hands over the answers of finished background work (non-blocking). True when any came.
    @discardableResult
    public func deliverFinished() -> Bool {
        let msgs = workers.takeFinished()
        send(msgs)
        return !msgs.isEmpty
    }

    /// Starts and waits for all background work, delivering every answer (and the work those
    /// answers cause) until none is left. Deterministic: after `settle()` the state is what the
    /// terminal would show once the workers are done.
    public func settle() {
        while hasBackgroundWork {
            startBackgroundWork()
            workers.waitUntilIdle()
            deliverFinished()
        }
    }

    /// Asks the performer whether the workspace changed outside this program (another
    /// process, `git pull`, the CLI) and reloads if so. The terminal loop calls it every 0.75 s by
    /// the clock, typing or not (`ExternalLookSchedule`).
    public func checkForExternalChanges() {
        if let msg = performer.externalChange(state: state) { send(msg) }
    }
}

/// Where an effect runs.
public enum EffectKind: Equatable, Sendable {
    /// Inside `send`, before the next frame.
    case foreground
    /// On a worker after the frame; a newer start with the same key makes an older result stale.
    case background(key: String)
}

/// Performs effects for a `Program`: the store in the product, in-memory cases in tests.
public protocol EffectPerformer: AnyObject {
    func kind(of effect: Effect) -> EffectKind
    /// A foreground effect's answer (nil: nothing to say).
    func perform(_ effect: Effect, state: AppState) -> Msg?
    /// A background effect's work, run on a worker; nil when there is nothing to do.
    func background(_ effect: Effect, state: AppState) -> (@Sendable () -> Msg?)?
    /// After the effects of one message ran (the store remembers its own writes here).
    func didPerform(state: AppState)
    /// A reload message when the data changed outside this program since the last look.
    func externalChange(state: AppState) -> Msg?
}

extension EffectPerformer {
    public func kind(of effect: Effect) -> EffectKind {
        switch effect {
        case .loadInsight: return .background(key: "insight")
        case .loadDeadlinesInBackground: return .background(key: "deadlines")
        // A sync waits on the network; the status runs a few git commands.
        case .sync: return .background(key: "sync")
        case .loadSyncStatus: return .background(key: "syncStatus")
        // Reading and planning an import: a 10,000-row workbook takes seconds (issue 13).
        case .transfer(.readImport), .transfer(.planImport), .transfer(.readImportValues): return .background(key: "import")
        default: return .foreground
        }
    }
    public func background(_ effect: Effect, state: AppState) -> (@Sendable () -> Msg?)? { nil }
    public func didPerform(state: AppState) {}
    public func externalChange(state: AppState) -> Msg? { nil }
}
