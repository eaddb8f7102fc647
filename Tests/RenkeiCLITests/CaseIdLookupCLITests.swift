import Foundation
import Testing

/// How a typed case id finds its case (issue 14's prefixes, issue 19's one-lstat fast path for a
/// whole id): a whole id wins over the longer ids it prefixes, a unique prefix finds its case, an
/// ambiguous one lists the candidates (exit 2), a miss is one line (exit 1), and a case in trash/
/// is not found by either path.
@Suite struct CaseIdLookupCLITests {
    static let env = ["LANG": "ja_JP.UTF-8", "RENKEI_ACTOR": "髙橋"]

    static func workspace(_ ids: [String], _ name: String = #function) throws -> URL {
        let ws = try CLI.tempWorkspace(name)
        for id in ids {
            let r = try CLI.run(["new", "--id", id, "--title", "㈱髙島屋① 案件 \(id)", "--municipality", "狭山市"], workspace: ws, env: env)
            guard r.status == 0 else { throw HarnessError("new \(id): \(r.stderr)") }
        }
        return ws
    }

    static func shownId(_ r: CLI.Result) -> String? {
        (try? JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])?["id"] as? String
    }

    @Test func aWholeIdWinsOverTheLongerIdsItPrefixes() throws {
        let ws = try Self.workspace(["c-1", "c-10", "c-11"])
        let r = try CLI.run(["show", "c-1", "--json"], workspace: ws, env: Self.env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.shownId(r) == "c-1")
    }

    @Test func aUniquePrefixFindsItsCaseAndAnAmbiguousOneListsThem() throws {
        let ws = try Self.workspace(["sayama-eco-0001", "sayama-robot-0002", "kawagoe-0003"])
        let unique = try CLI.run(["show", "kawa", "--json"], workspace: ws, env: Self.env)
        #expect(unique.status == 0 && Self.shownId(unique) == "kawagoe-0003", "\(unique.stderr)")
        let ambiguous = try CLI.run(["show", "sayama"], workspace: ws, env: Self.env)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("sayama-eco-0001") && ambiguous.stderr.contains("sayama-robot-0002"), "\(ambiguous.stderr)")
    }

    @Test func aMissIsOneLineAndATrashedCaseIsNotFound() throws {
        let ws = try Self.workspace(["c-7", "c-70"])
        let miss = try CLI.run(["show", "c-9"], workspace: ws, env: Self.env)
        #expect(miss.status == 1)
        #expect(miss.stderr.split(separator: "\n").count == 1, "\(miss.stderr)")
        let deleted = try CLI.run(["delete", "c-70"], workspace: ws, env: Self.env)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        // The whole id of a trashed case: neither the fast path nor the listing may find it.
        let whole = try CLI.run(["show", "c-70", "--json"], workspace: ws, env: Self.env)
        #expect(whole.status == 1, "\(whole.stdout)")
        #expect(whole.stderr == miss.stderr.replacingOccurrences(of: "c-9", with: "c-70"), "a trashed id reads as unknown: \(whole.stderr)")
        // Its prefix c-7 is now only the live c-7.
        let live = try CLI.run(["show", "c-7", "--json"], workspace: ws, env: Self.env)
        #expect(live.status == 0 && Self.shownId(live) == "c-7", "\(live.stderr)")
    }

    @Test func aDirectoryNamedLikeACaseFileIsNotACase() throws {
        let ws = try Self.workspace(["c-5"])
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("cases/c-50.json"), withIntermediateDirectories: false)
        let r = try CLI.run(["show", "c-50"], workspace: ws, env: Self.env)
        #expect(r.status != 0 && r.status != 2, "\(r.stdout)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
}
