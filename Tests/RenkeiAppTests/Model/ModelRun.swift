import Foundation
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Runs `ModelStep`s against the real runtime (`Program` + `StoreEffects`) on a temp workspace
/// with the shipped samples, and after every step checks the workbench against the disk:
/// `DiskTruth` (the list, counts, dashboard, deadlines and open case equal a fresh load) and the
/// notes model — every note acknowledged by the workbench or by the other person is in its case
/// on disk, unless its author undid it; one that was undone is not.
///
/// A trap cannot be caught in-process: before each step the sequence so far is written to
/// `RENKEI_MODEL_TRACE` (if set), so a crashed run can be replayed and shrunk from that file.
final class ModelRun {
    let ws: TempWorkspace
    let program: Program
    let other: CaseStore
    static let otherActor = "別の担当者"

    /// A note someone acknowledged: its text, case, and whether its author has undone it.
    struct Note { var text: String; var caseId: String; var undone = false }
    /// The workbench's undo history as the model sees it: one entry per acknowledged command
    /// (a note entry carries its text), per session.
    private var applied: [String?] = []
    private var undone: [String?] = []
    private var notes: [String: Note] = [:]
    private var otherApplied: [String?] = []
    private var gone: Set<String> = []                 // cases quarantined, or damaged since a note
    private var damagedFile: (url: URL, bytes: Data)?
    private var clock = 0
    /// What the run exercised (a run that acknowledged nothing proves nothing).
    var acknowledgedNotes: Int { notes.count }
    private(set) var undosSeen = 0

    init() throws {
        ws = try TempWorkspace()
        program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        other = try ws.otherStore()
    }

    deinit { ws.remove() }

    /// Runs the steps, checking after each; returns the first failure (step index and problems).
    func run(_ steps: [ModelStep], trace: URL? = nil) -> (index: Int, problems: [String])? {
        for (i, step) in steps.enumerated() {
            if let trace { try? JSONEncoder().encode(Array(steps.prefix(i + 1))).write(to: trace) }
            perform(step)
            program.settle()
            program.checkForExternalChanges()
            program.settle()
            let problems = check()
            if !problems.isEmpty { return (i, problems) }
        }
        return nil
    }

    // MARK: performing a step

    private func key(_ k: Key) { program.send(.key(k)) }
    private func type(_ s: String) { program.send(s.map { .key(.char($0)) }) }

    private func nextTime() -> Timestamp {
        clock += 1
        return Timestamp("2026-11-23T10:\(String(format: "%02d", clock / 60 % 60)):\(String(format: "%02d", clock % 60))+09:00")!
    }

    private func caseFiles() -> [URL] {
        let dir = ws.environment.workspace.casesDir
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    func perform(_ step: ModelStep) {
        program.state.toasts = []
        let focused = program.state.focusedCaseId
        switch step {
        case .down(let n): for _ in 0..<n { key(.char("j")) }
        case .up(let n): for _ in 0..<n { key(.char("k")) }
        case .open: key(.enter)
        case .back: key(.esc)
        case .newCase(let t, let m):
            key(.char("n")); type(t); key(.tab); type(m); key(.ctrl("s"))
        case .edit: key(.char("e"))
        case .note(let t):
            key(.char("a")); type(t); key(.ctrl("s"))
        case .space: key(.char(" "))
        case .advance: key(.char(">"))
        case .moveBack: key(.char("<"))
        case .moveTo(let n):
            key(.char("m"))
            if case .picker = program.state.modal { for _ in 0..<n { key(.char("j")) } ; key(.enter) }
        case .undo: key(.char("u"))
        case .redo: key(.ctrl("r"))
        case .export: key(.char("x"))
        case .snooze:
            key(.char("o"))
            if case .overdue = program.state.modal { key(.char("z")) }
        case .filter(let t): key(.char("/")); type(t); key(.enter)
        case .clearFilter: key(.char("/")); key(.esc)
        case .resize(let w, let h): program.send(.resize(width: w, height: h))
        case .tab(let n): key(.char(Character(String(n))))
        case .page(let p): key(.char(Character(p)))
        case .time: for _ in 0..<4 { program.send(.tick) }
        case .reload: key(.ctrl("l"))
        case .otherNote(let i, let t): otherNote(i, t)
        case .otherNew(let t):
            if (try? other.create(NewCaseInput(id: "", title: t, municipality: "那覇市"), actor: Self.otherActor, now: nextTime())) != nil {
                otherApplied.append(nil)
            }
        case .otherUndo:
            // Undone, or dropped from their history because it can no longer be undone.
            let ok = (try? other.undoRedo(.undo, actor: Self.otherActor, now: nextTime())) != nil
            if let last = otherApplied.popLast(), ok, let text = last { notes[text]?.undone = true }
        case .otherQuarantine(let i):
            let files = caseFiles()
            guard !files.isEmpty else { break }
            let url = files[i % files.count]
            if (try? other.quarantine(url.lastPathComponent)) != nil { gone.insert(url.deletingPathExtension().lastPathComponent) }
        case .damage(let i):
            let files = caseFiles()
            guard !files.isEmpty, damagedFile == nil else { break }
            let url = files[i % files.count]
            guard let bytes = try? Data(contentsOf: url) else { break }
            damagedFile = (url, bytes)
            gone.insert(url.deletingPathExtension().lastPathComponent)
            try? Data("{\"id\": \"壊れた".utf8).write(to: url)
        case .repair:
            guard let d = damagedFile else { break }
            try? d.bytes.write(to: d.url)
            damagedFile = nil
        }
        finishDialogs()
        record(step, focused: focused)
    }

    private func otherNote(_ i: Int, _ text: String) {
        let files = caseFiles()
        guard !files.isEmpty else { return }
        let id = files[i % files.count].deletingPathExtension().lastPathComponent
        guard (try? other.apply(id, .addNote(text: text), actor: Self.otherActor, now: nextTime())) != nil else { return }
        notes[text] = Note(text: text, caseId: id)
        otherApplied.append(text)
    }

    /// Whatever dialog a step opened is finished the way a person would: a gate overridden with
    /// a reason, a prompt or form filled and submitted, a picker's first choice; else Esc.
    private func finishDialogs() {
        for _ in 0..<6 {
            guard let m = program.state.modal else { return }
            switch m {
            case .gate: key(.char("y"))
            case .prompt(let p):
                if p.purpose == .saveView { key(.esc) } else { type("理由①"); key(.enter) }
            case .picker: key(.enter)
            case .form(let f):
                if f.error != nil || f.fields.contains(where: { $0.error != nil }) { key(.esc); continue }
                for (i, field) in f.fields.enumerated() where field.required && field.value.isEmpty {
                    while case .form(let g) = program.state.modal, g.focus != i { key(.tab) }
                    type(field.key.lowercased().contains("until") || field.key.lowercased().contains("due") ? "2027-01-15" : "入力①")
                }
                if case .edit = f.purpose { type("追記") }
                key(.ctrl("s"))
            case .help, .palette, .overdue, .export, .importFile, .conflicts: key(.esc)
            }
        }
        while program.state.modal != nil { key(.esc) }
    }

    /// The model's side of a step: which commands the workbench acknowledged or took back.
    private func record(_ step: ModelStep, focused: String?) {
        // `L` switches the language: a toast may be in either.
        let toasts = program.state.toasts.filter { $0.kind == .success }
        func said(_ labels: Label...) -> Bool {
            toasts.contains { t in labels.contains { l in Lang.allCases.contains { t.text.hasPrefix(l.text($0)) } } }
        }
        let saved = said(.saved, .created), undoneOK = said(.undone), redoneOK = said(.redone)
        switch step {
        case .undo:
            if undoneOK { undosSeen += 1 }
            // A command that can no longer be undone is dropped from the history either way.
            if let last = applied.popLast() {
                if undoneOK { undone.append(last); if let t = last { notes[t]?.undone = true } }
            }
        case .redo:
            if let last = undone.popLast(), redoneOK {
                applied.append(last)
                if let t = last { notes[t]?.undone = false }
            }
        default:
            guard saved else { return }
            var text: String?
            if case .note(let t) = step, let id = focused { text = t; notes[t] = Note(text: t, caseId: id) }
            applied.append(text)
            undone = []
        }
    }

    // MARK: invariants

    func check() -> [String] {
        var problems: [String] = []
        do {
            problems += try DiskTruth(ws).disagreements(with: program.state)
        } catch {
            problems.append("fresh load failed: \(error)")
        }
        for n in notes.values where !gone.contains(n.caseId) {
            guard let c = try? other.load(n.caseId).value else {
                if FileManager.default.fileExists(atPath: (try? ws.environment.workspace.caseURL(n.caseId).path) ?? "") {
                    problems.append("case \(n.caseId) with note「\(n.text)」cannot be read")
                }
                continue
            }
            let there = c.notes.contains { $0.text == n.text }
            if there == n.undone {
                problems.append(n.undone ? "undone note「\(n.text)」still in \(n.caseId)" : "acknowledged note「\(n.text)」missing from \(n.caseId)")
            }
        }
        return problems
    }
}
