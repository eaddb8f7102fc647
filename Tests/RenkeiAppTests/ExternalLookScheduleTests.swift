import Foundation
import Testing
import RenkeiApp

/// The terminal loop looks for outside changes (a sync in another terminal) by the clock. Fed
/// the instants the loop would wake at — keys every 0.1 s for 5 s, then idle reads every
/// 0.25 s — a change made at any instant is looked at within a second (issue 12), typing or not.
/// (The old rule, every fourth idle read, never looked while the keys kept coming.)
@Suite struct ExternalLookScheduleTests {
    @Test func aChangeIsLookedAtWithinASecondWhetherKeysArriveOrNot() {
        var wakes: [TimeInterval] = stride(from: 100.0, to: 105.0, by: 0.1).map { $0 }
        wakes += stride(from: 105.0, to: 110.0, by: 0.25).map { $0 }
        var schedule = ExternalLookSchedule(now: 100.0)
        let looks = wakes.filter { schedule.due(now: $0) }
        #expect(looks.count >= 10, "\(looks)")
        // For a change at any instant, the next look comes within a second.
        for change in stride(from: 100.0, to: 108.5, by: 0.05) {
            let next = looks.first { $0 >= change }
            #expect(next.map { $0 - change <= 1.0 } == true, "a change at \(change) waits until \(String(describing: next))")
        }
        // Never more often than the interval (each look fingerprints cases/).
        for (a, b) in zip(looks, looks.dropFirst()) { #expect(b - a >= ExternalLookSchedule.interval - 1e-9) }
    }
}
