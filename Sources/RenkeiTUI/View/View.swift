import Foundation
import RenkeiCore

/// The pure render: state → a Screen of exactly `width × height` cells.
public func view(_ state: AppState, width: Int, height: Int) -> Screen {
    var s = state
    if s.width != width || s.height != height { s.width = width; s.height = height; s.clampSelection() }
    return s.render()
}

public func view(_ state: AppState) -> Screen { view(state, width: state.width, height: state.height) }

extension AppState {
    func render() -> Screen {
        var scr = Screen(width: width, height: height)
        guard width > 0, height > 0 else { return scr }
        if width < 8 || height < 3 {
            scr.put(0, 0, width >= 6 ? "renkei" : "…", theme.title)
            return scr
        }
        switch page {
        case .list: renderList(&scr)
        case .board: renderBoard(&scr)
        case .detail: renderDetail(&scr)
        case .dashboard: renderDashboard(&scr)
        case .joint: renderJoint(&scr)
        case .calendar: renderCalendar(&scr)
        case .municipality: renderMunicipality(&scr)
        case .partner: renderPartner(&scr)
        }
        renderStatus(&scr)
        if let modal { renderModal(modal, &scr) }
        renderToast(&scr)
        return scr
    }
}

extension Style {
    var withUnderline: Style { var s = self; s.underline = true; return s }
    func withBoldIf(_ b: Bool) -> Style { b ? withBold : self }
}
