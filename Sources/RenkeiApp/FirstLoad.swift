import Foundation
import RenkeiTUI

/// The first portfolio load on a worker thread, so the caller can draw `loadingView` from the
/// index builder's progress meanwhile: a cold 10,000-case start takes about a second and should
/// not look like a hung terminal. The worker signals when done, so a warm start never waits out
/// a polling interval.
public final class FirstLoad: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var done = 0, total = 0
    private var result: Msg?

    public init(_ effects: StoreEffects) {
        Thread.detachNewThread { [self] in
            let msg = effects.firstLoad { d, t in self.lock.withLock { self.done = d; self.total = t } }
            lock.withLock { result = msg }
            finished.signal()
        }
    }

    /// Cases indexed so far and how many there are (0, 0 until the builder knows).
    public var progress: (done: Int, total: Int) { lock.withLock { (done, total) } }

    /// The `.loaded` message, or nil when `milliseconds` passed first.
    public func wait(milliseconds: Int) -> Msg? {
        guard finished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success else { return nil }
        finished.signal()   // later waits return at once
        return lock.withLock { result }
    }
}
