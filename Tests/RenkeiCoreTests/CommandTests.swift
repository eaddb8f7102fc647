import Testing
@testable import RenkeiCore

@Suite struct CommandTests {
    @Test func creationLogsAnEventAndValidates() throws {
        let c = try Fixtures.newCase()
        #expect(c.stage == .issueDefinition)
        #expect(c.events.count == 1 && c.events[0].kind == .created)
        #expect(throws: CommandError.self) {
            try CaseFactory.make(NewCaseInput(id: "../x", title: "t", municipality: "m"), context: Fixtures.ctx())
        }
        #expect(throws: CommandError.self) {
            try CaseFactory.make(NewCaseInput(id: "ok", title: "  ", municipality: "m"), context: Fixtures.ctx())
        }
    }

    @Test func gateBlocksUntilItemsAndFieldsAreDone() throws {
        var c = try Fixtures.newCase()
        let problems = Gate.check(c, catalog: Fixtures.catalog)
        #expect(problems.map(\.id) == ["idef-a", "issue.why"])
        #expect(throws: CommandError.gateBlocked(caseId: c.id, stage: .issueDefinition, problems: problems)) {
            try CaseCommands.apply(.advance(note: nil, override: nil), to: c, context: Fixtures.ctx("a"))
        }
        c = try CaseCommands.apply(.tick(item: "idef-a"), to: c, context: Fixtures.ctx("t"))
        c = try CaseCommands.apply(.setField(path: "issue.why", value: .string("廃校の活用")), to: c, context: Fixtures.ctx("s"))
        #expect(Gate.check(c, catalog: Fixtures.catalog).isEmpty)
        c = try CaseCommands.apply(.advance(note: "OK", override: nil), to: c, context: Fixtures.ctx("a2"))
        #expect(c.stage == .partnerSearch)
        #expect(c.events.last?.kind == .advanced)
        #expect(c.notes.map(\.text) == ["OK"])
    }

    @Test func overrideNeedsReasonAndIsLogged() throws {
        let c = try Fixtures.newCase()
        let moved = try CaseCommands.apply(.advance(note: nil, override: "首長判断"), to: c, context: Fixtures.ctx("o"))
        #expect(moved.stage == .partnerSearch)
        #expect(moved.events.last?.kind == .gateOverridden)
        #expect(moved.events.last?.reason == "首長判断")
        #expect(throws: CommandError.self) { try CaseCommands.apply(.advance(note: nil, override: "  "), to: c, context: Fixtures.ctx()) }
    }

    @Test func methodStageNeedsExitAndProcurementNeedsMethod() throws {
        var c = try Fixtures.newCase()
        c.stage = .method
        #expect(Gate.check(c, catalog: Fixtures.catalog).map(\.id) == ["exit"])
        c.exit = .procurement
        #expect(Gate.check(c, catalog: Fixtures.catalog).map(\.id) == ["proc-spec", "method"])
        c.stage = .budgeting
        c.method = "proposal"
        #expect(Gate.check(c, catalog: Fixtures.catalog).map(\.id) == ["bud-rough-quote", "budget.roughQuoteYen"])
    }

    @Test func movesBackAndToEndStatesNeedReasons() throws {
        var c = try Fixtures.newCase()
        #expect(throws: CommandError.reasonRequired(.moveNeedsReason(caseId: "c-0001", stage: .dropped))) {
            try CaseCommands.apply(.move(to: .dropped, reason: " "), to: c, context: Fixtures.ctx())
        }
        c = try CaseCommands.apply(.move(to: .coordination, reason: "先行"), to: c, context: Fixtures.ctx("m1"))
        #expect(c.events.last?.kind == .gateOverridden)
        c = try CaseCommands.apply(.move(to: .partnerSearch, reason: "再検討"), to: c, context: Fixtures.ctx("m2"))
        #expect(c.events.last?.kind == .movedBack)
        c = try CaseCommands.apply(.move(to: .paused, reason: "選挙のため保留"), to: c, context: Fixtures.ctx("m3"))
        #expect(c.events.last?.kind == .ended && c.stageReason == "選挙のため保留")
        c = try CaseCommands.apply(.move(to: .coordination, reason: "再開"), to: c, context: Fixtures.ctx("m4"))
        #expect(c.events.last?.kind == .reopened)
        #expect(throws: CommandError.self) { try CaseCommands.apply(.advance(note: nil, override: nil), to: { var x = c; x.stage = .realized; return x }(), context: Fixtures.ctx()) }
    }

    @Test func everyChangeRecordsBeforeAndAfter() throws {
        var c = try Fixtures.newCase()
        c = try CaseCommands.apply(.setField(path: "title", value: .string("新件名")), to: c, context: Fixtures.ctx("s"))
        let e = try #require(c.events.last)
        #expect(e.changes == [Change(field: "title", before: .string("廃校跡地の実証フィールド ※①"), after: .string("新件名"))])
        #expect(e.actor == "tanaka" && e.command == "s" && e.seq == 2)
        #expect(throws: CommandError.self) { try CaseCommands.apply(.setField(path: "title", value: .string("新件名")), to: c, context: Fixtures.ctx()) }
        #expect(throws: CommandError.self) { try CaseCommands.apply(.tick(item: "no-such-item"), to: c, context: Fixtures.ctx()) }
        #expect(throws: CommandError.self) { try CaseCommands.apply(.setField(path: "method", value: .string("bribe")), to: c, context: Fixtures.ctx()) }
    }

    @Test func undoAndRedoReplayTheLogAndRefuseConflicts() throws {
        var c = try Fixtures.newCase()
        c = try CaseCommands.apply(.setField(path: "title", value: .string("A")), to: c, context: Fixtures.ctx("s1"))
        c = try CaseCommands.apply(.advance(note: "進めた", override: "急ぎ"), to: c, context: Fixtures.ctx("adv"))
        c = try CaseCommands.undo("adv", in: c, context: Fixtures.ctx("u1"))
        #expect(c.stage == .issueDefinition && c.notes.isEmpty)
        c = try CaseCommands.redo("adv", in: c, context: Fixtures.ctx("r1"))
        #expect(c.stage == .partnerSearch && c.notes.count == 1)
        // Someone else changed the title since s1: undoing s1 must not overwrite it.
        c = try CaseCommands.apply(.setField(path: "title", value: .string("B")), to: c, context: Fixtures.ctx("s2"))
        #expect(throws: CommandError.self) { try CaseCommands.undo("s1", in: c, context: Fixtures.ctx("u2")) }
        #expect(c.events.map(\.kind) == [.created, .fieldSet, .gateOverridden, .undo, .redo, .fieldSet])
    }

    @Test func snoozeNeedsReasonAndFutureDate() throws {
        let c = try Fixtures.newCase()
        #expect(throws: CommandError.self) { try CaseCommands.apply(.snooze(item: "request", until: Day("2026-12-01")!, reason: ""), to: c, context: Fixtures.ctx()) }
        #expect(throws: CommandError.self) { try CaseCommands.apply(.snooze(item: "request", until: Day("2026-11-01")!, reason: "x"), to: c, context: Fixtures.ctx()) }
        let s = try CaseCommands.apply(.snooze(item: "request", until: Day("2026-12-01")!, reason: "議会日程待ち"), to: c, context: Fixtures.ctx("z"))
        #expect(CaseSummary(s).isSnoozed("request", today: Day("2026-11-30")!))
        #expect(!CaseSummary(s).isSnoozed("request", today: Day("2026-12-01")!))
    }
}

@Suite struct MultiFieldCommandTests {
    @Test func setFieldsIsOneEventAndOneUndo() throws {
        var c = try Fixtures.newCase()
        c = try CaseCommands.apply(.setFields([FieldAssignment("nextAction.due", .string("2026-12-01")),
                                               FieldAssignment("nextAction.text", .string("財政課へ下見積もりを共有"))]),
                                   to: c, context: Fixtures.ctx("na"))
        #expect(c.nextAction == NextAction(text: "財政課へ下見積もりを共有", due: Day("2026-12-01")))
        #expect(c.events.count == 2 && c.events.last?.changes.count == 2)
        c = try CaseCommands.undo("na", in: c, context: Fixtures.ctx("u"))
        #expect(c.nextAction == nil)
    }
}
