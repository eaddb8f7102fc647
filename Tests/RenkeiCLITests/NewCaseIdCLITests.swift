import Foundation
import Testing

/// Ids people can read and copy (issue 14): a new case is named by its municipality's
/// 全国地方公共団体コード plus a random suffix, an id used once (its case now in trash/) is never
/// given again, and the new ids are typed as prefixes.
@Suite struct NewCaseIdCLITests {
    let ja = ["LANG": "ja_JP.UTF-8"]

    func new(_ ws: URL, _ title: String, _ municipality: String) throws -> String {
        let r = try CLI.run(["new", "--title", title, "--municipality", municipality], workspace: ws, env: ja)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aCaseInAResolvedBodyIsNamedByItsCode() throws {
        let ws = try CLI.tempWorkspace()
        #expect(try new(ws, "見守り ※① ㈱髙島 ｶﾞｲﾄﾞ 🏥", "狭山市").hasPrefix("112151-"))
        // Typed by its reading or in half-width kana: the same body, the same code.
        #expect(try new(ws, "令和８年度 実証", "ｻﾔﾏ").hasPrefix("112151-"))
        // Typed as its code (full-width digits too), or 札幌市中央区 (a ward): that body.
        #expect(try new(ws, "防災 ※①", "１１２１５１").hasPrefix("112151-"))
        #expect(try new(ws, "除雪", "札幌市中央区").hasPrefix("011011-"))
        // Two bodies fit (府中市): never guessed, so no code in the id, and a warning names both;
        // the prefecture decides.
        let r = try CLI.run(["new", "--title", "スマート窓口", "--municipality", "府中市"], workspace: ws, env: ja)
        let fuchu = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(fuchu.hasPrefix("c-") && r.stderr.contains("132063") && r.stderr.contains("342084"), "\(fuchu) \(r.stderr)")
        let tokyo = try CLI.run(["new", "--title", "スマート窓口", "--municipality", "府中市", "--prefecture", "東京都"], workspace: ws, env: ja)
        #expect(tokyo.stdout.hasPrefix("132063-"), "\(tokyo.stdout)\(tokyo.stderr)")
        let turin = try new(ws, "Smart Mobility Torino", "トリノ市（イタリア）")
        #expect(turin.hasPrefix("smart-mobility-"), "\(turin)")
    }

    /// create → undo → create: the second case never gets the first one's id (it is in trash/),
    /// and undoing the second creation does not fail on an existing trash file.
    @Test func createUndoCreateNeverReusesAnId() throws {
        let ws = try CLI.tempWorkspace()
        var ids: [String] = []
        for _ in 0..<3 {
            ids.append(try new(ws, "廃校跡地の実証フィールド", "狭山市"))
            let undo = try CLI.run(["undo"], workspace: ws, env: ja)
            #expect(undo.status == 0, "\(undo.stdout)\(undo.stderr)")
            #expect(!undo.stderr.contains("すでにあります") && !undo.stderr.contains("already exists"), "\(undo.stderr)")
        }
        #expect(Set(ids).count == 3, "\(ids)")
        let trashed = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("trash").path)
        #expect(Set(trashed) == Set(ids.map { $0 + ".json" }), "\(trashed)")
        // Asking for a trashed id by hand is refused: it was used once.
        let again = try CLI.run(["new", "--id", ids[0], "--title", "t", "--municipality", "狭山市"], workspace: ws, env: ja)
        #expect(again.status != 0 && again.stderr.contains(ids[0]), "\(again.stderr)")
        // Redo brings back the last one under its own id.
        #expect(try CLI.run(["redo"], workspace: ws, env: ja).status == 0)
        #expect(try CLI.run(["show", ids[2]], workspace: ws, env: ja).status == 0)
    }

    /// `show 112151` finds the one 狭山市 case; with two it lists both (exit 2); a longer
    /// prefix tells them apart.
    @Test func theCodeIsAPrefixThatFindsTheCase() throws {
        let ws = try CLI.tempWorkspace()
        let first = try new(ws, "見守り", "狭山市")
        _ = try new(ws, "子育て", "所沢市")
        let one = try CLI.run(["show", "112151", "--json"], workspace: ws, env: ja)
        #expect(one.status == 0, "\(one.stderr)")
        #expect((try CLI.json(one) as? [String: Any])?["id"] as? String == first)

        let second = try new(ws, "防災", "狭山市")
        let both = try CLI.run(["show", "112151"], workspace: ws, env: ja)
        #expect(both.status == 2, "\(both.stdout)\(both.stderr)")
        #expect(both.stderr.contains(first) && both.stderr.contains(second), "\(both.stderr)")
        #expect(both.stderr.contains("複数"), "one line in Japanese: \(both.stderr)")
        // The shortest prefix that tells them apart works.
        let a = Array(first), b = Array(second)
        let cut = (0..<min(a.count, b.count)).first { a[$0] != b[$0] }.map { $0 + 1 } ?? a.count
        let unique = try CLI.run(["show", String(a.prefix(cut)), "--json"], workspace: ws, env: ja)
        #expect((try CLI.json(unique) as? [String: Any])?["id"] as? String == first, "\(unique.stderr)")
    }
}
