import Testing
import RenkeiCore
@testable import RenkeiTUI

/// Action names live in Core's one label table (`ActionName`), keyed by the TUI's `Action`:
/// every action has a name, every name an action — a new action without words fails here.
@Suite struct ActionNameTests {
    @Test func everyActionHasANameAndEveryNameAnAction() {
        #expect(Set(Action.allCases.map(\.rawValue)) == Set(ActionName.allCases.map(\.rawValue)))
        for a in Action.allCases {
            let name = ActionName(rawValue: a.rawValue)
            #expect(name != nil, "\(a) has no name in ActionName")
            for lang in Lang.allCases { #expect(a.label(lang) == name?.text(lang)) }
        }
    }
}
