import Foundation
import Testing
@testable import RenkeiTUI
@testable import RenkeiApp

/// Model-based testing of the running workbench (issue 18): seeded random sequences of keys
/// and outside changes, checked against the disk after every step (see `ModelRun`). A failure
/// is shrunk to a minimal sequence and printed as JSON, ready to be kept in
/// `Tests/Fixtures/model-regressions/` — every file there is replayed here.
///
/// Bounded in CI; longer runs: `Scripts/reliability/model-run.sh <seed> <steps>` (sets
/// `RENKEI_MODEL_SEED`, `RENKEI_MODEL_STEPS`, `RENKEI_MODEL_RUNS`).
@Suite(.serialized) struct ModelRunTests {
    static let regressions = TempWorkspace.repo.appendingPathComponent("Tests/Fixtures/model-regressions")

    static func steps(seed: UInt64, count: Int) -> [ModelStep] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { ModelStep.random(&rng, serial: $0) }
    }

    /// A failing sequence, shrunk; nil when it passes.
    static func failure(_ steps: [ModelStep]) throws -> (steps: [ModelStep], problems: [String])? {
        guard let f = try ModelRun().run(steps) else { return nil }
        let failing = Array(steps.prefix(f.index + 1))
        let shrunk = try Shrinker.shrink(failing) { candidate in try ModelRun().run(candidate) != nil }
        let problems = try ModelRun().run(shrunk)?.problems ?? f.problems
        return (shrunk, problems)
    }

    static func report(_ steps: [ModelStep], _ problems: [String]) -> String {
        let json = (try? String(decoding: JSONEncoder().encode(steps), as: UTF8.self)) ?? "?"
        return "minimal failing sequence (\(steps.count) steps): \(steps.map(\.description).joined(separator: " → "))\n"
            + "problems: \(problems)\nkeep it as Tests/Fixtures/model-regressions/<name>.json:\n\(json)"
    }

    @Test func randomSequencesAgreeWithTheDisk() throws {
        let env = ProcessInfo.processInfo.environment
        let seed = env["RENKEI_MODEL_SEED"].flatMap(UInt64.init) ?? 18
        let count = env["RENKEI_MODEL_STEPS"].flatMap(Int.init) ?? 120
        let runs = env["RENKEI_MODEL_RUNS"].flatMap(Int.init) ?? 3
        let trace = env["RENKEI_MODEL_TRACE"].map(URL.init(fileURLWithPath:))
        var notes = 0, undos = 0
        for r in 0..<runs {
            let s = seed &+ UInt64(r)
            let steps = Self.steps(seed: s, count: count)
            if let trace {
                // Long runs: keep the trace for a crash, shrink only on an invariant failure.
                guard let f = try ModelRun().run(steps, trace: trace) else { continue }
                let shrunk = try Shrinker.shrink(Array(steps.prefix(f.index + 1))) { try ModelRun().run($0) != nil }
                Issue.record("seed \(s): \(Self.report(shrunk, try ModelRun().run(shrunk)?.problems ?? f.problems))")
                return
            }
            let run = try ModelRun()
            if run.run(steps) != nil, let f = try Self.failure(steps) {
                Issue.record("seed \(s): \(Self.report(f.steps, f.problems))")
                return
            }
            notes += run.acknowledgedNotes
            undos += run.undosSeen
        }
        print("model run: \(runs) × \(count) steps from seed \(seed): \(notes) notes acknowledged, \(undos) undone, 0 disagreements")
        #expect(notes > 0 && undos > 0, "the run exercised nothing")
    }

    /// Every shrunk failure found so far, replayed.
    @Test func keptRegressionsPass() throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: Self.regressions.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for name in files {
            let steps = try JSONDecoder().decode([ModelStep].self, from: Data(contentsOf: Self.regressions.appendingPathComponent(name)))
            if let f = try ModelRun().run(steps) {
                Issue.record("\(name): step \(f.index) \(steps[f.index]): \(f.problems)")
            }
        }
    }

    /// The shrinker itself: a failure that needs two particular steps shrinks to exactly them.
    @Test func theShrinkerFindsTheTwoStepsThatMatter() throws {
        let steps: [ModelStep] = [.down(1), .note("a"), .time, .undo, .open, .back, .redo, .time, .page("b")]
        let shrunk = try Shrinker.shrink(steps) { c in c.contains(.note("a")) && c.contains(.redo) }
        #expect(shrunk == [.note("a"), .redo])
    }
}

/// Delta debugging (ddmin): removes ever smaller chunks while the sequence still fails.
enum Shrinker {
    static func shrink<T>(_ input: [T], fails: ([T]) throws -> Bool) rethrows -> [T] {
        var current = input
        var chunks = 2
        while current.count >= 2 {
            let size = max(1, current.count / chunks)
            var reduced = false
            var start = 0
            while start < current.count {
                var candidate = current
                candidate.removeSubrange(start..<min(current.count, start + size))
                if !candidate.isEmpty, try fails(candidate) {
                    current = candidate
                    reduced = true
                    chunks = max(chunks - 1, 2)
                } else {
                    start += size
                }
            }
            if !reduced {
                if size == 1 { break }
                chunks = min(current.count, chunks * 2)
            }
        }
        return current
    }
}
