import Foundation
import RenkeiTUI

/// Answers of background work, for the thread that owns the `Program` to pick up. Only the
/// latest start per key counts: a reload while insight is being built makes the older result
/// stale, and it is dropped (also when it finished but was not delivered yet).
final class BackgroundWork: @unchecked Sendable {
    private let lock = NSCondition()
    private var generation: [String: Int] = [:]
    private var running = 0
    private var ready: [(key: String, msg: Msg)] = []

    /// Whether work is running or answers wait to be taken.
    var busy: Bool { lock.withLock { running > 0 || !ready.isEmpty } }

    func start(key: String, _ work: @escaping @Sendable () -> Msg?) {
        let g: Int = lock.withLock {
            generation[key, default: 0] += 1
            running += 1
            ready.removeAll { $0.key == key }
            return generation[key]!
        }
        Thread.detachNewThread { [self] in
            let msg = work()
            lock.withLock {
                running -= 1
                if let msg, generation[key] == g { ready.append((key, msg)) }
                lock.broadcast()
            }
        }
    }

    /// The answers ready now, in the order they finished.
    func takeFinished() -> [Msg] { lock.withLock { defer { ready = [] }; return ready.map(\.msg) } }

    func waitUntilIdle() {
        lock.lock()
        while running > 0 { lock.wait() }
        lock.unlock()
    }
}
