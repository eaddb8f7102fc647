/// Horizontal bar charts drawn with block characters (▏▎▍▌▋▊▉█, eighths of a cell), width-aware:
/// every line is exactly `width` terminal columns (Japanese labels count 2 per glyph), so the
/// TUI can blit the lines into a pane and the Markdown export can put them in a code block.
public enum BlockBars {
    public struct Row: Equatable, Sendable {
        public var label: String
        public var value: Double
        /// Shown right-aligned after the bar, e.g. "12" or "67%".
        public var valueText: String
        public init(label: String, value: Double, valueText: String) {
            self.label = label; self.value = value; self.valueText = valueText
        }
    }

    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// A bar of `value / maxValue` of `cells` columns, in eighths ("" for 0, NaN or a zero max).
    public static func bar(_ value: Double, max maxValue: Double, cells: Int) -> String {
        guard cells > 0, maxValue > 0, value.isFinite, maxValue.isFinite, value > 0 else { return "" }
        let units = Int((min(value, maxValue) / maxValue * Double(cells * 8)).rounded())
        // A positive value always shows at least a sliver.
        let u = max(units, 1)
        let full = u / 8, rest = u % 8
        return String(repeating: "█", count: full) + (rest > 0 ? String(eighths[rest - 1]) : "")
    }

    /// One line per row: label (padded to the widest, at most a third of the width), the bar,
    /// the value text right-aligned. With `maxValue` nil the largest row value is the full bar.
    /// Narrow widths drop the bar first, then clip the label; width ≤ 0 gives no lines.
    public static func lines(_ rows: [Row], width: Int, maxValue: Double? = nil) -> [String] {
        guard width > 0 else { return [] }
        let maxV = maxValue ?? rows.map(\.value).filter(\.isFinite).max() ?? 0
        let valueW = rows.map { DisplayWidth.of($0.valueText) }.max() ?? 0
        let labelW = min(rows.map { DisplayWidth.of($0.label) }.max() ?? 0, max(width / 3, 1))
        let barCells = width - labelW - valueW - 2
        return rows.map { r in
            let label = DisplayWidth.pad(r.label, to: labelW)
            let value = DisplayWidth.pad(r.valueText, to: valueW, alignRight: true)
            if barCells >= 1 {
                let b = DisplayWidth.pad(bar(r.value, max: maxV, cells: barCells), to: barCells)
                return label + " " + b + " " + value
            }
            // No room for a bar: label and value only, clipped to the width.
            return DisplayWidth.pad(label + " " + value, to: width)
        }
    }
}
