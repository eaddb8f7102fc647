import Foundation
import RenkeiTestSupport
@testable import RenkeiCore
@testable import RenkeiStore

enum StoreFixtures {
    static var dataDir: DataDirectory { DataDirectory(url: Repo.data) }

    /// A fresh temp workspace, removed when the test process exits.
    static func workspace(_ tag: String = "store") throws -> Workspace {
        try Workspace.create(at: Scratch.url(tag))
    }

    static func store(_ ws: Workspace? = nil) throws -> CaseStore {
        let ws = try ws ?? workspace()
        let catalog = try CatalogLoader.load(data: dataDir, workspace: ws).catalog
        return CaseStore(workspace: ws, catalog: catalog)
    }

    static let now = Timestamp("2026-11-23T09:00:00+09:00")!
}
