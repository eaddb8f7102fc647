import Foundation
@testable import RenkeiCore
@testable import RenkeiStore

enum StoreFixtures {
    static var dataDir: DataDirectory {
        DataDirectory(url: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data"))
    }

    static func workspace() throws -> Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("renkei-store-\(UUID().uuidString.prefix(8))")
        return try Workspace.create(at: root)
    }

    static func store(_ ws: Workspace? = nil) throws -> CaseStore {
        let ws = try ws ?? workspace()
        let catalog = try CatalogLoader.load(data: dataDir, workspace: ws).catalog
        return CaseStore(workspace: ws, catalog: catalog)
    }

    static let now = Timestamp("2026-11-23T09:00:00+09:00")!
}
