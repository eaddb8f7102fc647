import Foundation
import RenkeiCore

public struct SavedView: Codable, Equatable, Sendable {
    public var name: String
    public var filter: String
    /// Stage ids to include (empty: all).
    public var stages: [String]
    /// A sort column id (see `SortColumn`), optional.
    public var sort: String?
    public var descending: Bool
    public init(name: String, filter: String = "", stages: [String] = [], sort: String? = nil, descending: Bool = false) {
        self.name = name; self.filter = filter; self.stages = stages; self.sort = sort; self.descending = descending
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        filter = try c.decodeIfPresent(String.self, forKey: .filter) ?? ""
        stages = try c.decodeIfPresent([String].self, forKey: .stages) ?? []
        sort = try c.decodeIfPresent(String.self, forKey: .sort)
        descending = try c.decodeIfPresent(Bool.self, forKey: .descending) ?? false
    }
    enum CodingKeys: String, CodingKey { case name, filter, stages, sort, descending }

    public static func builtIn(_ lang: Lang) -> [SavedView] {
        [SavedView(name: Label.viewAll.text(lang)),
         SavedView(name: Label.viewActive.text(lang), stages: Stage.pipeline.map(\.rawValue)),
         SavedView(name: Label.viewMethodBudgeting.text(lang), stages: [Stage.method.rawValue, Stage.budgeting.rawValue], sort: "deadline"),
         SavedView(name: Label.viewEnded.text(lang), stages: Stage.endStates.map(\.rawValue))]
    }
}

public enum ThemeKind: String, Sendable, Codable { case dark, light }

/// User settings, parsed by the runtime from the config file; applied here purely.
public struct Settings: Equatable, Sendable {
    public var lang: Lang
    public var theme: ThemeKind
    public var colors: Bool
    public var wareki: Bool
    public var mouse: Bool
    public var keymap: Keymap
    public var views: [SavedView]
    public init(lang: Lang = .ja, theme: ThemeKind = .dark, colors: Bool = true, wareki: Bool = false, mouse: Bool = false,
                keymap: Keymap = .default, views: [SavedView] = []) {
        self.lang = lang; self.theme = theme; self.colors = colors; self.wareki = wareki; self.mouse = mouse
        self.keymap = keymap; self.views = views
    }
}
