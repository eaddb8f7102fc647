import Foundation
import RenkeiCore

/// Opens the TUI (see Interactive/InteractiveApp.swift).
enum InteractiveLauncher {
    static func launch(context: AppContext, search: String?) throws {
        try InteractiveApp.run(context: context, search: search)
    }
}
