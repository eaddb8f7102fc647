import Foundation

/// When the terminal loop looks for changes made outside this program (a `renkei sync` in
/// another terminal, the CLI, `git pull`): by the clock, every `interval`, whether keys arrive
/// or not. Counting idle reads alone (as before) never looked while someone kept typing, so a
/// colleague's change could wait until the typing paused; issue 12 asks for the new state on
/// screen within a second. The loop wakes at least every 250 ms, so a change shows within
/// `interval` + 250 ms = 1 s. One look costs two `stat`s and one fingerprint of `cases/`
/// (≈ 14 ms at 10,000 cases).
public struct ExternalLookSchedule: Sendable {
    public static let interval: TimeInterval = 0.75
    private var last: TimeInterval

    /// `now`: a monotonic clock in seconds (`ProcessInfo.systemUptime` in the product).
    public init(now: TimeInterval) { last = now }

    /// Whether to look now; a yes starts the next interval.
    public mutating func due(now: TimeInterval) -> Bool {
        guard now - last >= Self.interval else { return false }
        last = now
        return true
    }
}
