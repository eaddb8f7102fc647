import RenkeiCore

/// Reads the event log for when the case entered and left each stage. The guide's process is
/// not always linear (moving back is allowed and logged), so a stage may have several visits.
struct StageTimeline {
    struct Visit { var stage: Stage; var from: Day; var to: Day? }
    /// Index into `c.events` → the stage the case was in just before that event.
    var stageBefore: [Stage]
    var visits: [Visit]

    init(_ c: Case, today: Day) {
        var visits: [Visit] = []
        var before: [Stage] = []
        before.reserveCapacity(c.events.count)
        var current: Stage? = nil
        let initial = c.events.lazy.compactMap { e in
            e.changes.first { $0.field == "stage" }?.after.stringValue.flatMap(Stage.init(rawValue:))
        }.first ?? c.stage
        for e in c.events {
            before.append(current ?? initial)
            guard let ch = e.changes.first(where: { $0.field == "stage" }),
                  let to = ch.after.stringValue.flatMap(Stage.init(rawValue:)) else { continue }
            if current != nil, !visits.isEmpty { visits[visits.count - 1].to = e.at.day }
            visits.append(Visit(stage: to, from: e.at.day, to: nil))
            current = to
        }
        // A log that never records a stage (hand-written file): one open visit from the first event.
        if visits.isEmpty, let first = c.events.first {
            visits.append(Visit(stage: c.stage, from: first.at.day, to: nil))
        }
        // The log and the file disagree (edited by hand): trust the file for the current stage.
        if let last = visits.last, last.stage != c.stage, let end = c.events.last?.at.day {
            visits[visits.count - 1].to = last.to ?? end
            visits.append(Visit(stage: c.stage, from: end, to: nil))
        }
        self.visits = visits
        self.stageBefore = before
    }

    func visits(of s: Stage) -> [Visit] { visits.filter { $0.stage == s } }

    static func days(_ v: Visit, today: Day) -> Int { max(0, v.from.days(until: v.to ?? today)) }
}
