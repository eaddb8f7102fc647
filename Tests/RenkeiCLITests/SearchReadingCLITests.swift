import Foundation
import Testing

/// `renkei list --search` by reading (issue 14): さやま, ｻﾔﾏ and sayama find the 狭山市 cases
/// of the sample portfolio, ちゃりちゃり the チャリチャリ one; a reading of nothing finds nothing.
@Suite struct SearchReadingCLITests {
    func ids(_ search: String, _ ws: URL) throws -> [String] {
        let r = try CLI.run(["list", "--search", search, "--json"], workspace: ws, env: ["LANG": "ja_JP.UTF-8"])
        #expect(r.status == 0, "\(r.stderr)")
        let cases = (try CLI.json(r) as? [String: Any])?["cases"] as? [[String: Any]] ?? []
        return cases.compactMap { $0["id"] as? String }.sorted()
    }

    @Test func readingsFindMunicipalitiesAndKatakanaPartners() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let kanji = try ids("狭山市", ws)
        #expect(kanji == ["sayama-ntt-eco-action", "sayama-saitama-robot-field"])
        for q in ["さやま", "ｻﾔﾏ", "sayama", "Sayama"] { #expect(try ids(q, ws) == kanji, "\(q)") }
        #expect(try ids("ちゃりちゃり", ws) == ["fukuoka-charichari-sharecycle"])
        // Partners by the readings in their records (partners/*.json aliases).
        #expect(try ids("charichari", ws) == ["fukuoka-charichari-sharecycle"])
        #expect(try ids("キュアアップ", ws) == ["toyonaka-cureapp-sotsuen"])
        #expect(try ids("ティービーエム", ws).contains("hayama-tbm-agreement"))
        #expect(try ids("とよなか", ws) == ["toyonaka-cureapp-sotsuen"])
        #expect(try ids("sayama ロボット", ws) == ["sayama-saitama-robot-field"])
        #expect(try ids("わっかない", ws).isEmpty)   // a real body with no case
    }
}
