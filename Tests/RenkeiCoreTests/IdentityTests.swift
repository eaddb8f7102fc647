import Foundation
import Testing
@testable import RenkeiCore

/// Ids created on two machines without talking must not collide; the core takes its random
/// bits from the caller, so the same inputs give the same ids.
@Suite struct IdentityTests {
    typealias F = Fixtures

    @Test func eventIdsAreTimeOrderedAndDifferPerRandomSeed() {
        let a = EventID.make(at: F.now, random: 1), b = EventID.make(at: F.now, random: 2)
        #expect(a != b && a.count == 21 && a.prefix(7) == b.prefix(7))
        let later = EventID.make(at: Timestamp("2026-11-23T09:00:01+09:00")!, random: 0)
        #expect(later > a, "later second sorts later")
        #expect(EventID.legacy(seq: 12) == "s12")
    }

    @Test func commandsGiveEachEventAnIdFromTheCallersRandomBits() throws {
        let c = try F.newCase()
        var ctx = F.ctx("n1"); ctx.random = 42
        let one = try CaseCommands.apply(.addNote(text: "令和８年度 ①"), to: c, context: ctx)
        let two = try CaseCommands.apply(.addNote(text: "令和８年度 ①"), to: c, context: ctx)
        #expect(one == two, "same inputs, same ids (the core has no randomness of its own)")
        ctx.random = 43
        let other = try CaseCommands.apply(.addNote(text: "令和８年度 ①"), to: c, context: ctx)
        #expect(other.events.last!.id != one.events.last!.id)
        #expect(other.notes.last!.id != one.notes.last!.id, "two machines adding a note to one case pick different ids")
        #expect(one.notes.last!.id < NoteID.limit && one.notes.last!.id > 0)
        #expect(Set(one.events.map(\.id)).count == one.events.count)
    }

    @Test func noteIdsAvoidIdsInUse() {
        var used = Set<Int>()
        for seed in 0..<500 { used.insert(NoteID.make(random: UInt64(seed), avoiding: used)) }
        #expect(used.count == 500)
    }

    @Test func caseIdsAreSlugPlusRandomSuffixAndNeverTaken() {
        let jp = CaseID.make(title: "廃校跡地の実証フィールド ※① 🏫", municipality: "狭山市", random: 7, taken: { _ in false })
        #expect(jp.hasPrefix("c-") && jp.count == 8 && CaseID.isValid(jp))
        let en = CaseID.make(title: "Smart School ＤＸ 2027 pilot", municipality: "狭山市", random: 7, taken: { _ in false })
        #expect(en.hasPrefix("smart-school-") && CaseID.isValid(en), "\(en)")
        let muni = CaseID.make(title: "髙島屋", municipality: "Sayama City", random: 7, taken: { _ in false })
        #expect(muni.hasPrefix("sayama-city-"), "\(muni)")
        // A taken id is skipped, however many are taken.
        var seen = Set<String>()
        for _ in 0..<50 { seen.insert(CaseID.make(title: "t", municipality: "", random: 9, taken: { seen.contains($0) })) }
        #expect(seen.count == 50)
        // A pluggable rule.
        let code = CaseSlugRule { _, m, _ in m == "狭山市" ? "112151" : nil }
        #expect(CaseID.make(title: "x", municipality: "狭山市", rule: code, random: 1, taken: { _ in false }).hasPrefix("112151-"))
        // A rule returning something unusable falls back to "c".
        let bad = CaseSlugRule { _, _, _ in "../etc" }
        #expect(CaseID.make(title: "x", municipality: "", rule: bad, random: 1, taken: { _ in false }).hasPrefix("c-"))
    }

    /// Issue 14: a case whose municipality resolved to one body is named by its 全国地方公共団体コード
    /// (the default rule), whatever the title's script; a code with a wrong check digit is not
    /// used; without a code the ASCII rule stays.
    @Test func caseIdsStartWithTheMunicipalityCodeWhenThereIsOne() {
        let jp = CaseID.make(title: "廃校跡地の実証フィールド ※① 🏫", municipality: "狭山市", code: "112151", random: 7, taken: { _ in false })
        #expect(jp.hasPrefix("112151-") && jp.count == 13 && CaseID.isValid(jp), "\(jp)")
        let en = CaseID.make(title: "Smart School ＤＸ 2027 pilot", municipality: "狭山市", code: "112151", random: 7, taken: { _ in false })
        #expect(en.hasPrefix("112151-"), "\(en)")
        let badDigit = CaseID.make(title: "見守り", municipality: "狭山市", code: "112152", random: 7, taken: { _ in false })
        #expect(badDigit.hasPrefix("c-"), "\(badDigit)")
        let free = CaseID.make(title: "Smart School", municipality: "トリノ市", code: nil, random: 7, taken: { _ in false })
        #expect(free.hasPrefix("smart-school-"), "\(free)")
        // Many cases in one body: one slug, and the taken check still keeps them apart.
        var seen = Set<String>()
        for _ in 0..<50 { seen.insert(CaseID.make(title: "t", municipality: "狭山市", code: "112151", random: 3, taken: { seen.contains($0) })) }
        #expect(seen.count == 50 && seen.allSatisfy { $0.hasPrefix("112151-") })
    }

    @Test func legacyEventsReadWithSeqDerivedIdsAndMergeOrderIsTotal() throws {
        let json = #"{"seq":3,"at":"2026-11-23T09:00:00+09:00","actor":"髙橋","kind":"ticked","command":"x","changes":[]}"#
        let e = try JSONDecoder().decode(Event.self, from: Data(json.utf8))
        #expect(e.id == "s3")
        let a = Event(seq: 4, at: F.now, actor: "a", kind: .fieldSet, command: "1", changes: [], id: "x1")
        let b = Event(seq: 4, at: F.now, actor: "a", kind: .fieldSet, command: "2", changes: [], id: "x2")
        let c = Event(seq: 4, at: F.now, actor: "b", kind: .fieldSet, command: "3", changes: [], id: "x0")
        #expect(Event.mergeOrder(a, b) && Event.mergeOrder(b, c) && !Event.mergeOrder(c, a) && Event.mergeOrder(e, a))
    }
}
