import Foundation
import Testing
@testable import RenkeiCore

/// A command's refusal reads in the reader's language (issue 14: 「is already at dropped」
/// under ja): every `CommandMessage` in both languages, the Japanese one without a stage code.
@Suite struct CommandMessageTests {
    static let all: [CommandMessage] = [
        .titleEmpty(caseId: "c-1"), .unknownChecklistItem(caseId: "c-1", item: "x-item"), .noteEmpty(caseId: "c-1"),
        .endStateAdvance(caseId: "c-1", stage: .dropped), .alreadyAt(caseId: "c-1", stage: .dropped), .nothingChanged(caseId: "c-1"),
        .moveNeedsReason(caseId: "c-1", stage: .paused), .snoozeNeedsReason(item: "stale"), .snoozeNotAhead(caseId: "c-1", until: Day("2026-11-01")!),
        .newCaseNeedsTitle, .newCaseNeedsMunicipality,
        .nothingToUndo(redo: false, actor: "yamada", keptAside: nil), .nothingToUndo(redo: true, actor: nil, keptAside: "undo.json.damaged"),
    ]

    @Test func everyRefusalInBothLanguages() {
        for m in Self.all {
            let ja = m.text(.ja), en = m.text(.en)
            #expect(LabelWalkTests.hasJapanese(ja), "\(m): '\(ja)'")
            #expect(!LabelWalkTests.hasJapanese(en), "\(m): '\(en)'")
            for code in Stage.allCases.map(\.rawValue) + ["stale"] { #expect(!ja.contains(code), "\(m): \(code) in '\(ja)'") }
            #expect(ja != en)
        }
    }

    @Test func commandErrorsSpeakTheReadersLanguage() throws {
        var c = try Fixtures.newCase()
        c.stage = .dropped
        let ctx = Fixtures.ctx()
        #expect(throws: CommandError.noChange(.alreadyAt(caseId: c.id, stage: .dropped))) {
            try CaseCommands.apply(.move(to: .dropped, reason: "x"), to: c, context: ctx)
        }
        do { _ = try CaseCommands.apply(.move(to: .dropped, reason: "x"), to: c, context: ctx) } catch let e as CommandError {
            #expect(e.text(.ja).contains("すでに「見送り」です"), "\(e.text(.ja))")
            #expect(!e.text(.ja).contains("dropped"))
        }
    }
}
