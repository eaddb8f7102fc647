import Foundation
import RenkeiCore
/// A key press as the terminal adapter reports it.
public enum Key: Hashable, Sendable {
    case char(Character)      // printable text, including Japanese from an IME
    case ctrl(Character)      // Ctrl + a letter, lowercase ("ctrl-r")
    case enter, esc, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case f(Int)

    /// Parses a key name as written in the keymap and in config files:
    /// "j", "G", ">", "space", "enter", "esc", "tab", "shift-tab", "backspace", "del", "up",
    /// "down", "left", "right", "home", "end", "pgup", "pgdn", "f1", "ctrl-r", "C-r".
    public init?(name: String) {
        let n = name.trimmingCharacters(in: .whitespaces)
        if n.count == 1, let c = n.first { self = .char(c); return }
        let lower = n.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isLetter || c == " " || c == "[" { self = .ctrl(c); return }
            return nil
        }
        switch lower {
        case "space", "spc": self = .char(" ")
        case "enter", "return", "ret", "cr": self = .enter
        case "esc", "escape": self = .esc
        case "tab": self = .tab
        case "shift-tab", "backtab", "s-tab": self = .backTab
        case "backspace", "bs": self = .backspace
        case "del", "delete": self = .delete
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "home": self = .home
        case "end": self = .end
        case "pgup", "pageup", "page-up": self = .pageUp
        case "pgdn", "pagedown", "page-down", "pgdown": self = .pageDown
        default:
            if lower.hasPrefix("f"), let k = Int(lower.dropFirst()), (1...24).contains(k) { self = .f(k); return }
            return nil
        }
    }

    /// How the key is shown in help and hints.
    public var display: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .esc: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .f(let n): return "F\(n)"
        }
    }
}

/// Every action a key can trigger. Help, hints, the palette and dispatch all come from this.
public enum Action: String, CaseIterable, Sendable, Hashable {
    case down, up, top, bottom, pageDown, pageUp
    case open, back
    case filter, sort, sortReverse, nextView, saveView
    case advance, moveBack, moveTo, tick
    case newCase, edit, addNote
    case board, list, overdue, export
    case undo, redo
    case nextTab, prevTab, left, right
    case palette, help, reload, toggleLang
    case quit, forceQuit
    case tab1, tab2, tab3, tab4, tab5, tab6, tab7
    case dashboard, joint, calendar
    case filterMunicipality, filterExit, filterYear, clearFilters, prevYear, nextYear
    case snooze, setNextAction
    case sync, conflicts, keepWinner, takeOther
    case municipality, partner
    case editContacts, editPartners, editKPIs, editFunding, editBudgetLines, deleteCase, loadSamples
    case importFile, exportCSV
    case archiveCase, unarchiveCase, toggleArchived

    /// Actions shown in the command palette (navigation is left out).
    public var inPalette: Bool {
        switch self {
        case .down, .up, .top, .bottom, .pageDown, .pageUp, .back, .left, .right, .forceQuit,
             .tab1, .tab2, .tab3, .tab4, .tab5, .tab6, .tab7, .palette,
             .filterMunicipality, .filterExit, .filterYear, .clearFilters, .prevYear, .nextYear, .snooze, .setNextAction,
             .keepWinner, .takeOther: return false
        default: return true
        }
    }
}

/// Where a binding applies. `global` bindings apply on every screen unless a screen binds the
/// same key itself.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, list, board, detail, dashboard, joint, calendar, overdue, municipality, partner, conflicts
}

public struct Binding: Equatable, Sendable {
    public var key: Key
    public var action: Action
    public var context: KeyContext
    /// Shown in the status-bar hints for its context (in this order).
    public var hint: Bool
    public init(_ key: Key, _ action: Action, _ context: KeyContext = .global, hint: Bool = false) {
        self.key = key; self.action = action; self.context = context; self.hint = hint
    }
}

/// The keymap is data: one table drives dispatch, the `?` help overlay and the status-bar hints.
public struct Keymap: Equatable, Sendable {
    public var bindings: [Binding]

    public init(bindings: [Binding]) { self.bindings = bindings }

    public static let `default` = Keymap(bindings: [
        // global
        Binding(.char("j"), .down), Binding(.down, .down),
        Binding(.char("k"), .up), Binding(.up, .up),
        Binding(.char("g"), .top), Binding(.home, .top),
        Binding(.char("G"), .bottom), Binding(.end, .bottom),
        Binding(.pageDown, .pageDown), Binding(.ctrl("f"), .pageDown), Binding(.ctrl("d"), .pageDown),
        Binding(.pageUp, .pageUp), Binding(.ctrl("b"), .pageUp), Binding(.ctrl("u"), .pageUp),
        Binding(.enter, .open, hint: true),
        Binding(.esc, .back),
        Binding(.char(">"), .advance, hint: true),
        Binding(.char("<"), .moveBack, hint: true),
        Binding(.char("n"), .newCase, hint: true),
        Binding(.char("e"), .edit, hint: true),
        Binding(.char("a"), .addNote, hint: true),
        Binding(.char("o"), .overdue),
        Binding(.char("d"), .dashboard),
        Binding(.char("J"), .joint),
        Binding(.char("c"), .calendar),
        Binding(.char("x"), .export),
        Binding(.char("u"), .undo, hint: true),
        Binding(.ctrl("r"), .redo),
        Binding(.char(":"), .palette, hint: true),
        Binding(.char("?"), .help, hint: true),
        Binding(.ctrl("l"), .reload),
        Binding(.char("L"), .toggleLang),
        Binding(.char("M"), .municipality),
        Binding(.char("P"), .partner),
        Binding(.char("q"), .quit, hint: true),
        Binding(.ctrl("c"), .forceQuit),
        Binding(.char("Y"), .sync),
        Binding(.char("C"), .conflicts),
        // portfolio list
        Binding(.char("/"), .filter, .list, hint: true),
        Binding(.char("s"), .sort, .list, hint: true),
        Binding(.char("S"), .sortReverse, .list),
        Binding(.char("v"), .nextView, .list, hint: true),
        Binding(.char("V"), .saveView, .list),
        Binding(.char("b"), .board, .list, hint: true),
        Binding(.char("m"), .moveTo, .list),
        // stage board
        Binding(.char("h"), .left, .board), Binding(.left, .left, .board),
        Binding(.char("l"), .right, .board), Binding(.right, .right, .board),
        Binding(.char("b"), .list, .board, hint: true),
        Binding(.char("m"), .moveTo, .board),
        Binding(.char("/"), .filter, .board),
        // case detail
        Binding(.tab, .nextTab, .detail, hint: true), Binding(.char("l"), .nextTab, .detail), Binding(.right, .nextTab, .detail),
        Binding(.backTab, .prevTab, .detail), Binding(.char("h"), .prevTab, .detail), Binding(.left, .prevTab, .detail),
        Binding(.char(" "), .tick, .detail, hint: true), Binding(.enter, .tick, .detail),
        Binding(.char("m"), .moveTo, .detail),
        Binding(.char("b"), .board, .detail),
        Binding(.char("1"), .tab1, .detail), Binding(.char("2"), .tab2, .detail), Binding(.char("3"), .tab3, .detail),
        Binding(.char("4"), .tab4, .detail), Binding(.char("5"), .tab5, .detail), Binding(.char("6"), .tab6, .detail),
        Binding(.char("7"), .tab7, .detail),
        // dashboard (funnel)
        Binding(.char("m"), .filterMunicipality, .dashboard, hint: true),
        Binding(.char("e"), .filterExit, .dashboard, hint: true),
        Binding(.char("y"), .filterYear, .dashboard, hint: true),
        Binding(.char("0"), .clearFilters, .dashboard, hint: true),
        Binding(.char("J"), .joint, .dashboard, hint: true),
        Binding(.char("d"), .back, .dashboard),
        // joint procurement
        Binding(.enter, .open, .joint, hint: true),
        Binding(.char("d"), .dashboard, .joint, hint: true),
        // calendar timeline
        Binding(.char("h"), .prevYear, .calendar, hint: true), Binding(.left, .prevYear, .calendar),
        Binding(.char("l"), .nextYear, .calendar, hint: true), Binding(.right, .nextYear, .calendar),
        Binding(.char("m"), .filterMunicipality, .calendar, hint: true),
        // municipality and partner views (their cases open with Enter)
        Binding(.enter, .open, .municipality, hint: true), Binding(.char("P"), .partner, .municipality, hint: true),
        Binding(.enter, .open, .partner, hint: true), Binding(.char("M"), .municipality, .partner, hint: true),
        // overdue review (a dialog over any screen)
        Binding(.enter, .open, .overdue, hint: true),
        Binding(.char("z"), .snooze, .overdue, hint: true),
        Binding(.char("a"), .setNextAction, .overdue, hint: true),
        Binding(.char("c"), .calendar, .overdue, hint: true),
        Binding(.esc, .back, .overdue, hint: true),
        // concurrent edits from syncs (a dialog over any screen)
        Binding(.char("w"), .keepWinner, .conflicts, hint: true),
        Binding(.char("t"), .takeOther, .conflicts, hint: true),
        Binding(.enter, .open, .conflicts, hint: true),
        Binding(.esc, .back, .conflicts, hint: true),
    ])

    /// The action for `key` in `context` (screen bindings win over global ones).
    public func action(for key: Key, in context: KeyContext) -> Action? {
        if let b = bindings.first(where: { $0.context == context && $0.key == key }) { return b.action }
        return bindings.first(where: { $0.context == .global && $0.key == key })?.action
    }

    /// Keys bound to `action` in `context` (or globally), in table order.
    public func keys(for action: Action, in context: KeyContext) -> [Key] {
        bindings.filter { $0.action == action && ($0.context == context || $0.context == .global) }
            .filter { b in b.context == context || self.action(for: b.key, in: context) == action }
            .map(\.key)
    }

    /// Status-bar hints for a screen: screen hints first, then global ones it does not shadow.
    public func hints(in context: KeyContext) -> [(key: Key, action: Action)] {
        var out: [(Key, Action)] = []
        var seen = Set<Action>()
        for b in bindings where b.hint && b.context == context && !seen.contains(b.action) {
            out.append((b.key, b.action)); seen.insert(b.action)
        }
        // Screens without a case in focus show only their own keys (and ? help).
        let ownOnly: Set<KeyContext> = [.dashboard, .calendar, .overdue, .conflicts]
        for b in bindings where b.hint && b.context == .global && !seen.contains(b.action) && !ownOnly.contains(context)
            && action(for: b.key, in: context) == b.action {
            out.append((b.key, b.action)); seen.insert(b.action)
        }
        let order = Keymap.hintOrder
        return out.enumerated().sorted { x, y in
            let a = order.firstIndex(of: x.element.1) ?? order.count + x.offset
            let b = order.firstIndex(of: y.element.1) ?? order.count + y.offset
            return a < b
        }.map { (key: $0.element.0, action: $0.element.1) }
    }

    /// Most useful first: the status bar shows as many as fit.
    static let hintOrder: [Action] = [.keepWinner, .takeOther, .snooze, .setNextAction, .filterMunicipality, .filterExit, .filterYear, .prevYear, .nextYear, .clearFilters,
                                      .open, .partner, .municipality, .tick, .advance, .moveBack, .filter, .board, .list, .nextTab, .newCase, .addNote,
                                      .edit, .undo, .sort, .nextView, .palette, .quit, .help]

    /// Applies user overrides: action name → key names. The listed keys replace the action's
    /// default keys in every context it is bound in (or globally when it was unbound), and are
    /// taken away from any other action in those contexts. Returns problems for the runtime to report.
    public func applying(_ overrides: [String: [String]]) -> (Keymap, [SettingsProblem]) {
        var map = self
        var problems: [SettingsProblem] = []
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let action = Action(rawValue: name) else {
                problems.append(.unknownAction(name, known: Action.allCases.map(\.rawValue)))
                continue
            }
            var keys: [Key] = []
            for k in keyNames {
                if let key = Key(name: k) { keys.append(key) } else { problems.append(.unknownKey(action: name, key: k)) }
            }
            if action == .forceQuit && !keys.contains(.ctrl("c")) { keys.append(.ctrl("c")) }  // Ctrl-C always quits
            let contexts = Set(map.bindings.filter { $0.action == action }.map(\.context))
            let ctxs = contexts.isEmpty ? [KeyContext.global] : Array(contexts).sorted { $0.rawValue < $1.rawValue }
            let hint = map.bindings.contains { $0.action == action && $0.hint }
            map.bindings.removeAll { $0.action == action }
            for c in ctxs {
                map.bindings.removeAll { b in b.context == c && keys.contains(b.key) && !(b.action == .forceQuit && b.key == .ctrl("c")) }
                for (i, k) in keys.enumerated() { map.bindings.append(Binding(k, action, c, hint: hint && i == 0)) }
            }
        }
        return (map, problems)
    }
}
