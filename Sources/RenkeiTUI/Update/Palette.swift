import Foundation
import RenkeiCore

/// The command palette: fuzzy matching of actions by either language's label.
extension AppState {
    // MARK: palette

    /// Palette entries matching `query` (fuzzy, over both languages' labels and the action id).
    static let paletteActions = Action.allCases.filter(\.inPalette)
    /// Folded names per action: [ja label, en label, id] — folded once.
    static let paletteNames: [[String]] = paletteActions.map { a in
        ([a.label(.ja), a.label(.en), a.rawValue] + a.paletteAliases).map(TextNormalizer.fold)
    }

    public func paletteMatches(_ query: String) -> [Action] {
        let actions = AppState.paletteActions
        let q = TextNormalizer.fold(query).filter { $0 != " " }
        if q.isEmpty { return actions }
        var scored: [(Action, Int)] = []
        for (i, a) in actions.enumerated() {
            let names = AppState.paletteNames[i]
            // Japanese searches every name and alias; English its label, the Japanese one and the id.
            let searched: [String]
            switch lang {
            case .ja: searched = names
            case .en: searched = [names[1], names[0], names[2]] + names.dropFirst(3)   // aliases too (archive, print)
            }
            // A query that is an action's own name (連携先, partner) puts that action before
            // others that only list it among their aliases.
            let exact = names[0] == q || names[1] == q ? 100 : 0
            let best = searched
                .compactMap { Fuzzy.score(q, in: $0) }.max()
            if let best { scored.append((a, best + exact)) }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue < $1.0.rawValue }.map(\.0)
    }
}

/// Subsequence fuzzy matching: every query character in order; contiguous runs and matches at
/// the start score higher. Nil when it does not match.
public enum Fuzzy {
    public static func score(_ query: String, in text: String) -> Int? {
        if query.isEmpty { return 0 }
        let t = Array(text), q = Array(query)
        var qi = 0, score = 0, run = 0, last = -2
        for (i, ch) in t.enumerated() where qi < q.count {
            if ch == q[qi] {
                run = (i == last + 1) ? run + 1 : 1
                score += 1 + run * 2 + (i == 0 ? 5 : 0)
                last = i; qi += 1
            }
        }
        guard qi == q.count else { return nil }
        if text.contains(query) { score += 20 }
        return score - t.count / 10
    }
}
