import Foundation
import RenkeiCore

/// Opens the TUI. (Until the workbench lands, prints the command list.)
enum InteractiveLauncher {
    static func launch(context: AppContext, search: String?) throws {
        print(Renkei.helpMessage())
    }
}
