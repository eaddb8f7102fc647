import Foundation
import RenkeiCore

/// Colours by role. Stage colours are the same on every screen.
public struct Theme: Sendable {
    public var kind: ThemeKind
    public var colors: Bool

    func c(_ fg: Color?, bold: Bool = false) -> Style { colors ? Style(fg: fg, bold: bold) : Style(bold: bold) }

    public var text: Style { .plain }
    public var dim: Style { colors ? Style(fg: .brightBlack) : .plain }
    public var title: Style { Style(reverse: true) }
    public var titleAccent: Style { Style(bold: true, reverse: true) }
    public var header: Style { c(nil, bold: true) }
    public var selected: Style { Style(reverse: true) }
    public var key: Style { c(kind == .dark ? .cyan : .blue, bold: true) }
    public var error: Style { c(.red, bold: true) }
    public var success: Style { c(.green, bold: true) }
    public var warning: Style { c(kind == .dark ? .yellow : .magenta, bold: true) }
    public var accent: Style { c(kind == .dark ? .cyan : .blue, bold: true) }
    public var border: Style { colors ? Style(fg: kind == .dark ? .brightBlack : .black) : .plain }
    public var toast: Style { Style(bold: true, reverse: true) }
    public var toastError: Style { colors ? Style(fg: .red, bold: true, reverse: true) : Style(bold: true, reverse: true) }
    public var input: Style { Style(underline: true) }

    public func stage(_ s: Stage) -> Style {
        guard colors else { return s.isEndState ? .plain : Style() }
        switch s {
        case .issueDefinition: return Style(fg: .magenta)
        case .partnerSearch: return Style(fg: .blue)
        case .coordination: return Style(fg: .cyan)
        case .method: return Style(fg: kind == .dark ? .yellow : .red)
        case .budgeting: return Style(fg: .green)
        case .realized: return Style(fg: .green, bold: true)
        case .dropped: return Style(fg: .red)
        case .paused: return Style(fg: .brightBlack)
        }
    }
}
