import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// Golden screens that also check styles (issue 14): the text golden says what is written, the
/// style golden how — one letter per cell, with a legend of the styles in order of first use.
/// One scenario in colour, the same one under NO_COLOR (no colour anywhere, emphasis kept).
@Suite struct StyleGoldenTests {
    static func describe(_ s: Style) -> String {
        var parts: [String] = []
        if let fg = s.fg { parts.append("fg=\(fg)") }
        if let bg = s.bg { parts.append("bg=\(bg)") }
        for (on, name) in [(s.bold, "bold"), (s.reverse, "reverse"), (s.underline, "underline"), (s.dim, "dim")] where on { parts.append(name) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }

    /// The screen's styles as text: a legend, then one letter per cell.
    static func styleMap(_ screen: Screen) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var order: [Style] = []
        var grid: [String] = []
        for y in 0..<screen.height {
            var row = ""
            for x in 0..<screen.width {
                let st = screen[x, y].style
                if !order.contains(st) { order.append(st) }
                let i = order.firstIndex(of: st)!
                row.append(i < letters.count ? letters[i] : "?")
            }
            grid.append(row)
        }
        let legend = order.enumerated().map { "\($0.offset < letters.count ? letters[$0.offset] : "?")  \(describe($0.element))" }
        return (["styles:"] + legend + ["grid:"] + grid).joined(separator: "\n")
    }

    static func checkStyles(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = Golden.dir.appendingPathComponent(name + ".styles.txt")
        let text = styleMap(screen) + "\n"
        if Golden.recording || !FileManager.default.fileExists(atPath: url.path) {
            try! text.write(to: url, atomically: true, encoding: .utf8)
            if !Golden.recording { Issue.record("\(name): style golden was missing; recorded it — review and re-run", sourceLocation: sourceLocation) }
            return
        }
        let expected = try! String(contentsOf: url, encoding: .utf8)
        if expected != text {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false), a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("\(name): styles differ from golden at line \(first + 1)\nexpected: \(first < e.count ? String(e[first]) : "")\nactual:   \(first < a.count ? String(a[first]) : "")\n--- actual ---\n\(text)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The checklist of a case with a gate dialog over it: stage colour, ticks, the required
    /// mark, the selection, dim page numbers, the dialog's border and key hint.
    static func screen(colors: Bool) -> Screen {
        var state = TUIFixtures.state(.ja, width: 80, height: 24)
        state.settings.colors = colors
        var h = Harness(state)
        h.send([.key(.char("/"))] + TUIFixtures.keys("aichi-station") + [.key(.enter), .key(.enter)] + TUIFixtures.keys("2jj"))
        return h.screen()
    }

    @Test func colourScenario() {
        let s = Self.screen(colors: true)
        Golden.check(s, "styles-checklist-colour-80x24")
        Self.checkStyles(s, "styles-checklist-colour-80x24")
        // What the golden pins, said in words: colours are used, the selection is reversed.
        #expect(s.cells.contains { $0.style.fg != nil })
        #expect(s.cells.contains { $0.style.reverse })
    }

    @Test func noColorScenario() {
        let s = Self.screen(colors: false)
        Golden.check(s, "styles-checklist-nocolor-80x24")
        Self.checkStyles(s, "styles-checklist-nocolor-80x24")
        // NO_COLOR: not one coloured cell, but emphasis (bold, reverse) still shows.
        #expect(!s.cells.contains { $0.style.fg != nil || $0.style.bg != nil })
        #expect(s.cells.contains { $0.style.reverse } && s.cells.contains { $0.style.bold })
        // The same words as in colour.
        #expect(s.text == Self.screen(colors: true).text)
    }
}
