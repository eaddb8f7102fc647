import Foundation
@testable import RenkeiCore

/// Cases as the merge sees them (JSON trees) and commands by named people at given times.
enum MergeFixtures {
    static func tree(_ c: Case) -> JSONValue {
        try! JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(c))
    }
    static func decode(_ t: JSONValue) -> Case {
        try! JSONDecoder().decode(Case.self, from: JSONEncoder().encode(t))
    }
    static func ctx(_ actor: String, _ at: String, _ id: String, random: UInt64 = 0) -> CommandContext {
        CommandContext(actor: actor, now: Timestamp(at)!, commandId: id, catalog: Fixtures.catalog, random: random)
    }
    static func run(_ c: Case, _ cmd: Command, _ actor: String, _ at: String, _ id: String) throws -> Case {
        try CaseCommands.apply(cmd, to: c, context: ctx(actor, at, id))
    }
    static func merge(_ base: Case?, _ ours: Case, _ theirs: Case) throws -> (Case, CaseMergeResult) {
        let r = try CaseMerge.merge(base: base.map(tree), ours: tree(ours), theirs: tree(theirs), catalog: Fixtures.catalog)
        return (decode(r.tree), r)
    }
    /// A case at 連携先の探索 with its first gate passed, a partner and a tick.
    static func base() throws -> Case {
        var c = try Fixtures.newCase("c-7kq4mz")
        c = try run(c, .setField(path: "issue.why", value: .string("廃校の活用 ①")), "髙橋", "2026-11-23T09:10:00+09:00", "b1")
        c = try run(c, .tick(item: "idef-a"), "髙橋", "2026-11-23T09:11:00+09:00", "b2")
        c = try run(c, .advance(note: nil, override: nil), "髙橋", "2026-11-23T09:12:00+09:00", "b3")
        c = try run(c, .tick(item: "ps-1"), "髙橋", "2026-11-23T09:13:00+09:00", "b4")
        return c
    }
}
