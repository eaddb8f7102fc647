import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 16: the catalog carries both sides' organisational items with their guide pages — the
/// municipality's set-up (指針・運用ルール, 専門部署, 民間提案窓口, スタートアップ政策, trial budget:
/// p.29–35, seed 001 §13 「実践ガイド該当頁 p.29〜35」) as profile readiness items, and the startup
/// side's per-case items (カウンターパート・決裁権 and the materials: p.49–55, §19; コラボレーター and
/// 三方よし: p.64–68, §20) — and a workspace can add funding programmes next to the shipped one.
@Suite struct GuideSidesCatalogTests {
    static func catalog() throws -> Catalog { try CatalogLoader.load(data: StoreFixtures.dataDir, workspace: nil).catalog }

    @Test func readinessItemsOfTheMunicipalitySide() throws {
        let c = try Self.catalog()
        let expected: [(id: String, words: [String], page: String)] = [
            ("rd-guideline", ["運用ルール", "指針"], "p.29-35"),
            ("rd-ppp-desk", ["専門部署"], "p.29-35"),
            ("rd-proposal-window", ["民間提案窓口"], "p.29-35"),
            ("rd-startup-policy", ["スタートアップ政策"], "p.29-35"),
            ("rd-startup-desk", ["専門部署"], "p.29-35"),
            // 「機動的な体制の構築」 is in the same section of the guide as the five above.
            ("rd-agile-structure", ["機動的な連携体制"], "p.29-35"),
            ("rd-trial-budget", ["予算"], "p.28"),
        ]
        #expect(c.readinessItems.count == expected.count, "a readiness item without its page checked here")
        for e in expected {
            let item = try #require(c.readinessItems.first { $0.id == e.id }, "\(e.id) missing")
            #expect(e.words.allSatisfy { item.ja.contains($0) } && item.page == e.page, "\(e.id): \(item.ja) \(item.page)")
            #expect(!item.en.isEmpty)
        }
    }

    @Test func startupSideItemsAreCaseChecklistItems() throws {
        let c = try Self.catalog()
        let expected: [(id: String, stage: Stage, words: [String], page: String)] = [
            ("idef-su-counterpart", .issueDefinition, ["カウンターパート", "決裁権"], "p.49-55"),
            ("coord-su-collaborator", .coordination, ["コラボレーター"], "p.64-68"),
            ("coord-sanpo-yoshi", .coordination, ["三方よし"], "p.64-68"),
            ("coord-su-documents", .coordination, ["ディスカッションペーパー", "概要資料", "企画書"], "p.49-55"),
            ("coord-su-discussion-paper", .coordination, ["ディスカッションペーパー"], "p.49-55"),
            ("coord-su-overview", .coordination, ["概要資料", "決裁"], "p.49-55"),
            ("bud-su-proposal", .budgeting, ["企画書・提案書"], "p.49-55"),
        ]
        for e in expected {
            let item = try #require(c.stage(e.stage)?.items.first { $0.id == e.id }, "\(e.id) not in \(e.stage)")
            #expect(e.words.allSatisfy { item.ja.contains($0) } && item.page == e.page, "\(e.id): \(item.ja) \(item.page)")
        }
    }

    @Test func aWorkspaceProgrammeIsAddedAndOneWithTheShippedIdReplacesIt() throws {
        let ws = try StoreFixtures.workspace("programmes")
        let dir = ws.root.appendingPathComponent("programmes")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let shipped = try #require(ProgrammeLoader.load(data: StoreFixtures.dataDir, workspace: nil).programmes.first)
        var local = shipped
        local.id = "ken-dx-hojo"; local.name = "県のDX推進補助金（架空）"; local.matchNames = ["DX推進補助金"]; local.ratePercent = 66
        var replaced = shipped
        replaced.newApplicationsPerYear = 12
        try JSONEncoder().encode(local).write(to: dir.appendingPathComponent("ken.json"))
        try JSONEncoder().encode(replaced).write(to: dir.appendingPathComponent("dai2.json"))
        let loaded = ProgrammeLoader.load(data: StoreFixtures.dataDir, workspace: ws)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.programmes.map(\.id) == ["dai2-koufukin", "ken-dx-hojo"])
        #expect(loaded.programmes[0].newApplicationsPerYear == 12)
        // A broken one is one line naming the file; the others still load.
        try Data("{ \"id\": ".utf8).write(to: dir.appendingPathComponent("broken.json"))
        let again = ProgrammeLoader.load(data: StoreFixtures.dataDir, workspace: ws)
        #expect(again.programmes.count == 2 && again.problems.count == 1 && again.problems[0].description.contains("broken.json"), "\(again.problems)")
    }
}
