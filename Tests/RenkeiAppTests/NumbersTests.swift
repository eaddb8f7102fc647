import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 18, finding 6: no arithmetic on user data traps or wraps. The hand-edited files are
/// written into a temp workspace and opened with the real runtime, as a person would.
@Suite struct NumbersTests {
    /// Rewrites a sample case with `change`, as a hand edit (no event, no revision bump).
    static func handEdit(_ ws: TempWorkspace, _ change: (inout Case) -> Void) throws -> String {
        let store = try ws.otherStore()
        let id = try store.portfolio().summaries.sorted { $0.id < $1.id }[2].id
        var doc = try store.load(id)
        change(&doc.value)
        try CaseCodec.encode(doc).write(to: ws.environment.workspace.caseURL(id))
        return id
    }

    static func openCase(_ program: Program, _ id: String) {
        program.send(.key(.char("/")))
        program.send(id.map { .key(.char($0)) })
        program.send(.key(.enter))
        program.send(.key(.enter))
    }

    @Test func aKPIActualOf1e300DoesNotCrashTheKPITab() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let id = try Self.handEdit(ws) { c in
            c.kpis = [KPI(name: "利用者数①", unit: "人", baseline: 0, target: 100, actuals: [KPIActual(date: TempWorkspace.today, value: 1e300)]),
                      KPI(name: "極端な幅", unit: "件", baseline: -1.7e308, target: 1.7e308, actuals: [KPIActual(date: TempWorkspace.today, value: 1.7e308)]),
                      KPI(name: "下限", unit: "％", baseline: 5, target: 5, actuals: [KPIActual(date: TempWorkspace.today, value: -1e300)])]
            c.budget.funding = [FundingSource(name: "デジタル田園都市国家構想交付金", kind: .subsidy, ratePercent: -1e300, yen: 1)]
            c.budget.items = [BudgetItem(label: "委託料", yen: 4_800_000)]
        }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        Self.openCase(program, id)
        #expect(program.state.detail?.doc?.kpis.count == 3)
        program.send(.key(.char("4")))                       // KPI tab: crashed with "Double value cannot be converted to Int"
        let kpi = program.screen.text
        #expect(kpi.contains("利用者数①") && kpi.contains("極端な幅"))
        #expect(kpi.contains("1e+300") || kpi.contains("%"))
        program.send(.key(.char("3")))                       // budget tab: the funding rate -1e300
        #expect(program.screen.text.contains("デジタル田園都市国家構想交付金"))
        // The case sheet (export) renders it too.
        program.send(.key(.char("x")))
        program.send(.key(.enter))                           // the preview of what is replaced
        program.send(.key(.enter))                           // write
        #expect(program.state.toasts.last?.kind == .success, "\(program.state.toasts)")
    }

    @Test func conversionsNeverTrap() {
        #expect(SafeNumber.int(1e300) == nil && SafeNumber.int(.nan) == nil && SafeNumber.int(-.infinity) == nil)
        #expect(SafeNumber.int(9.223372036854775807e18) == nil)        // rounds to 2^63, one past Int.max
        #expect(SafeNumber.int(-9.223372036854775807e18) == Int.min)
        #expect(SafeNumber.int(49.5) == 50)
        #expect(SafeNumber.percent(1e300) == "—" && SafeNumber.percent(0.5) == "50%" && SafeNumber.percent(.nan) == "—")
        #expect(SafeNumber.plain(1e300) == "1e+300" && SafeNumber.plain(50) == "50" && SafeNumber.plain(33.5) == "33.5")
        #expect(LocalShare.percent(1e300) == "1e+300")
    }

    /// Int64.max and 1: the total wrapped to -¥9,223,372,036,854,775,808, `needsBudget` turned
    /// false and the budget deadlines left `overdue` without a word.
    @Test func amountsThatWouldWrapAreCheckedNotWrapped() throws {
        #expect(Yen.sum([Int.max, 1]) == nil)
        #expect(Yen.sum([Yen.limit / 2, Yen.limit / 2]) == nil)
        #expect(Yen.sum([4_800_000, -800_000]) == 4_000_000)
        #expect(Yen.total([Int.max, 1]) == Int.max && Yen.total([Int.min, -1]) == Int.min)
        var c = Case(id: "c-1", title: "髙山市 ①", municipality: Municipality(name: "髙山市"))
        c.budget.items = [BudgetItem(label: "委託料", yen: Int.max), BudgetItem(label: "負担金", yen: 1)]
        #expect(c.budget.checkedTotalYen == nil)
        #expect(c.budget.totalYen == Int.max)
        #expect(CaseSummary(c).needsBudget)                    // the deadline logic is not fooled
    }

    /// Such a file still loads (one huge amount is a number, not damage — the corpus keeps
    /// `y-big-yen.json` loading); the total that cannot be added up is shown as 金額が大きすぎます
    /// and the case keeps its budget deadlines.
    @Test func aTotalBeyondTheLimitIsShownAsTooLargeAndKeepsItsDeadlines() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let id = try Self.handEdit(ws) { c in
            c.exit = nil
            c.budget.roughQuoteYen = nil
            c.budget.items = [BudgetItem(label: "委託料", yen: Int.max), BudgetItem(label: "負担金", yen: 1)]
        }
        let store = try ws.otherStore()
        let summary = try #require(try store.portfolio().summaries.first { $0.id == id })
        #expect(summary.needsBudget && summary.totalYen == Int.max)
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        #expect(program.state.deadlines[id] == StoreEffects(ws.environment).deadlines([summary])[id])
        Self.openCase(program, id)
        program.send(.key(.char("3")))
        let budget = program.screen.text
        #expect(budget.contains("金額が大きすぎます"), "\(budget)")
        #expect(!budget.contains("-¥9,223,372,036,854,775,808"))                 // the wrapped total
    }

    /// `"yen": 1.5`, a 20-digit yen, `1E-400`: a message naming the field and the line, never
    /// "JSON nesting is too deep or a value is out of range".
    @Test func wholeNumberFieldsWithOtherNumbersAreNamed() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let store = try ws.otherStore()
        let id = try store.portfolio().summaries.sorted { $0.id < $1.id }[2].id
        let url = try ws.environment.workspace.caseURL(id)
        var doc = try store.load(id)
        doc.value.budget.items = [BudgetItem(label: "委託料", yen: 4_800_000)]
        let text = String(decoding: try CaseCodec.encode(doc), as: UTF8.self)
        for bad in ["1.5", "123456789012345678901", "1E-400"] {
            try Data(text.replacingOccurrences(of: "4800000", with: bad).utf8).write(to: url)
            do {
                let loaded = try ws.otherStore().load(id).value
                Issue.record("\(bad) loaded as \(loaded.budget.items)")
            } catch {
                // Named with the field and the line (1E-400 by the parser itself).
                let message = "\(error)"
                #expect(message.contains("yen") && message.contains("line") && !message.contains("nesting")
                        && !message.contains("not valid JSON"), "\(bad): \(message)")
            }
            let p = try ws.otherStore().portfolio()
            #expect(!p.damaged.contains { $0.reason.text(.en).contains("nesting") }, "\(bad): \(p.damaged.map(\.reason))")
        }
    }

    @Test func typedAmountsBeyondTheLimitAreRefusedByName() throws {
        for text in ["99999999999999999999", "9,007,199,254,740,992", "９００７１９９２５４７４０９９２円"] {
            #expect(throws: FieldError.invalid(field: "budget.totalYen", value: text, expected: .yenTooLarge)) {
                try CaseFields.parse("budget.totalYen", text)
            }
        }
        #expect(try CaseFields.parse("budget.totalYen", "9,007,199,254,740,991") == .int(Yen.limit - 1))
        #expect(FieldExpectation.yenTooLarge.text(.ja).contains("金額が大きすぎます"))
    }
}
