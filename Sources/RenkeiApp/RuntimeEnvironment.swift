import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiTUI

/// What the runtime works with: the store and what it needs beside it. The executable builds
/// it from its `AppContext`; tests build one on a temp workspace.
public struct RuntimeEnvironment: Sendable {
    public var store: CaseStore
    public var data: DataDirectory
    /// The day every deadline and "days in stage" is computed for.
    public var today: Day
    /// Who the events of this session are by.
    public var actor: String
    /// The time a save is stamped with, read per save (the workbench stays open for hours).
    public var now: @Sendable () -> Timestamp
    /// Writes the user's saved views (the executable: `views.json` in the config directory).
    public var saveViews: @Sendable ([SavedView]) throws -> Void
    /// Remembers who signs this person's changes (the executable: `"actor"` in config.json).
    public var saveActor: @Sendable (String) throws -> Void
    /// The renkei binary a sync registers as git's merge driver (the executable: itself); nil
    /// keeps the one `sync init`/`clone` registered.
    public var renkeiBinary: String?

    public init(store: CaseStore, data: DataDirectory, today: Day, actor: String,
                now: @escaping @Sendable () -> Timestamp,
                saveViews: @escaping @Sendable ([SavedView]) throws -> Void = { _ in },
                saveActor: @escaping @Sendable (String) throws -> Void = { _ in }, renkeiBinary: String? = nil) {
        self.store = store; self.data = data; self.today = today; self.actor = actor
        self.now = now; self.saveViews = saveViews; self.saveActor = saveActor; self.renkeiBinary = renkeiBinary
    }

    public var catalog: Catalog { store.catalog }
    public var workspace: Workspace { store.workspace }
}
