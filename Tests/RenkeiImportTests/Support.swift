import Foundation
import RenkeiTestSupport
@testable import RenkeiCore
@testable import RenkeiImport

enum ImportFixtures {
    static let dir = Repo.url("Tests/RenkeiImportTests/Fixtures")
    static func data(_ name: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(name)) }

    /// The catalog's method and domain ids the planner checks (built in code, like the core tests).
    static let catalog = Catalog(
        methods: ["proposal", "sole-source-4", "joint", "pfs", "price-bid", "trial-order"].map {
            MethodSpec(id: $0, ja: $0 == "sole-source-4" ? "随意契約" : $0, en: $0, page: "p.42", exit: .procurement, summary: nil, requiredFields: [], items: [])
        },
        domains: [Domain(id: "environment", ja: "環境", en: "Environment")])

    static func target(_ cases: [Case] = []) -> ImportTarget {
        let byId = Dictionary(uniqueKeysWithValues: cases.map { ($0.id, $0) })
        return ImportTarget(existing: { byId[$0] }, catalog: catalog)
    }

    static func context(_ command: String = "cmd-import") -> CommandContext {
        CommandContext(actor: "佐藤", now: Timestamp("2026-11-23T09:00:00+09:00")!, commandId: command, catalog: catalog)
    }

    static func table(_ csv: String) throws -> SourceTable {
        try ImportSource.table(Data(csv.utf8), file: "t.csv")
    }
}
