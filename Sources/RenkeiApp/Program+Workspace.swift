import Foundation
import RenkeiCore
import RenkeiTUI

extension Program {
    /// The workbench on `environment`'s workspace as `renkei open` starts it, without a
    /// terminal: the first load (index, then the deadlines of the rows on screen), ready for
    /// `send`. Background work (insight, the other deadlines) starts with `settle()` or
    /// `startBackgroundWork()`.
    public static func open(_ environment: RuntimeEnvironment, settings: Settings = Settings(),
                            width: Int = 120, height: Int = 40, search: String? = nil) -> Program {
        let effects = StoreEffects(environment)
        let state = AppState(settings: settings, catalog: environment.catalog, today: environment.today,
                             width: width, height: height, search: search)
        let program = Program(state: state, performer: effects)
        program.send(effects.firstLoad())
        return program
    }
}
