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
        // A pluggable rule (a municipality directory gives the 6-digit code).
        let code = CaseSlugRule { _, m in m == "狭山市" ? "112151" : nil }
        #expect(CaseID.make(title: "x", municipality: "狭山市", rule: code, random: 1, taken: { _ in false }).hasPrefix("112151-"))
        // A rule returning something unusable falls back to "c".
        let bad = CaseSlugRule { _, _ in "../etc" }
        #expect(CaseID.make(title: "x", municipality: "", rule: bad, random: 1, taken: { _ in false }).hasPrefix("c-"))
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
