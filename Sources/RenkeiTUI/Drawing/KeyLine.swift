import Foundation
import RenkeiCore

/// The key line at the foot of a dialog (「Tab 次へ · Ctrl-S 保存 · Esc 取消」), fitted to the
/// width it gets instead of being cut mid-word at 40 columns (issue 14): the whole line; then
/// the same items with narrower separators; then without its least important items, one at a
/// time — never a half item. Esc (the way out) goes last, Enter (the way on) next to last,
/// then the other items, later ones before earlier ones (a line lists the movement keys first).
public struct KeyLine: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var text: String
        /// Higher is kept longer.
        public var rank: Int
    }
    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// A line from the label table, items separated by ` · `, each starting with its key.
    public init(_ text: String) {
        let parts = text.components(separatedBy: " · ")
        items = parts.enumerated().map { i, t in Item(text: t, rank: KeyLine.rank(of: t, position: i)) }
    }

    /// A screen's hints from the keymap, most useful first; Esc (back) is kept longest.
    public init(hints: [(key: Key, action: Action)], lang: Lang) {
        let n = hints.count
        items = hints.enumerated().map { i, h in
            Item(text: "\(h.key.display) \(h.action.label(lang))", rank: h.key == .esc ? 2 * n + 2 : n - i)
        }
    }

    static func rank(of item: String, position: Int) -> Int {
        let key = item.split(separator: " ").first.map(String.init) ?? ""
        if key.split(separator: "/").contains("Esc") { return 1_000 }
        if key == "Enter" { return 999 }
        return position
    }

    static let separators = [" · ", "  "]

    /// The line as it fits in `width` columns (the items that fit, in their order).
    public func fitted(_ width: Int) -> String { lines(width, maxLines: 1)[0] }

    /// The items on at most `maxLines` lines of `width` columns, wrapped between items (a
    /// review dialog has room for two at 40 columns); items dropped only when even that fails.
    public func lines(_ width: Int, maxLines: Int) -> [String] {
        var kept = items
        while true {
            // Fewer lines first, then the nicer separator.
            for n in 1...max(1, maxLines) {
                for sep in KeyLine.separators {
                    let packed = KeyLine.pack(kept.map(\.text), separator: sep, width: width)
                    if packed.count <= n { return packed }
                }
            }
            guard kept.count > 1, let drop = kept.indices.min(by: { kept[$0].rank < kept[$1].rank }) else {
                return [kept.first?.text ?? ""]      // narrower than one item: the caller's limit cuts it
            }
            kept.remove(at: drop)
        }
    }

    /// Greedy: as many items on a line as fit; an item wider than the line still gets one.
    static func pack(_ texts: [String], separator: String, width: Int) -> [String] {
        var out: [String] = []
        var current = ""
        for t in texts {
            let joined = current.isEmpty ? t : current + separator + t
            if current.isEmpty || DisplayWidth.of(joined) <= width { current = joined; continue }
            out.append(current)
            current = t
        }
        if !current.isEmpty || out.isEmpty { out.append(current) }
        // A line that does not fit counts as one line too many (so the item is dropped instead).
        return out.contains { DisplayWidth.of($0) > width } ? out + [""] : out
    }
}

extension Screen {
    /// Puts a key line fitted to the columns from `x` to `limit`.
    mutating func putKeyLine(_ x: Int, _ y: Int, _ line: KeyLine, _ style: Style, limit: Int) {
        put(x, y, line.fitted(max(0, limit - x)), style, limit: limit)
    }
}
