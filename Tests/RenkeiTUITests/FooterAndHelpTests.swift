import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// Issue 14's last gaps in the workbench: a dialog's key line is never cut mid-item (at 40 it
/// was 「Tab 次の項目 · Ctrl-S 保存 · Esc」), and `?` help lists the commands that have no key
/// by their palette names and reads whole at 40 columns.
@Suite struct FooterAndHelpTests {
    static let k = TUIFixtures.keys

    // MARK: key lines

    @Test func aKeyLineDropsWholeItemsAndKeepsEscLongest() {
        let line = KeyLine("↑↓ 項目 · ←→ 変更 · Enter 確認へ · Esc やめる")
        #expect(line.fitted(200) == "↑↓ 項目 · ←→ 変更 · Enter 確認へ · Esc やめる")
        #expect(line.fitted(42) == "↑↓ 項目  ←→ 変更  Enter 確認へ  Esc やめる", "narrower separators before dropping")
        #expect(line.fitted(34) == "←→ 変更  Enter 確認へ  Esc やめる", "the movement keys go first")
        #expect(line.fitted(24) == "Enter 確認へ  Esc やめる")
        #expect(line.fitted(12) == "Esc やめる", "Esc is the last to go")
        for w in 0...60 {
            let f = line.fitted(w)
            let items = f.components(separatedBy: " · ").flatMap { $0.components(separatedBy: "  ") }
            #expect(items.allSatisfy { line.items.map(\.text).contains($0) }, "width \(w): '\(f)' has a part of an item")
            if w >= 10 { #expect(DisplayWidth.of(f) <= w, "width \(w): '\(f)'") }
        }
    }

    @Test func hintLinesKeepTheMostUsefulFirstAndEscLast() {
        let hints = Keymap.default.hints(in: .overdue)
        let line = KeyLine(hints: hints, lang: .ja)
        let narrow = line.fitted(30)
        #expect(narrow.hasSuffix("Esc " + Action.back.label(.ja)), "\(narrow)")
        #expect(narrow.hasPrefix(hints[0].key.display), "the first hint (スヌーズ) stays: \(narrow)")
    }

    /// The items that end a dialog's key line: each dialog's way out, in both languages.
    static let escItems: [String] = Lang.allCases.flatMap { lang in
        [Label.confirmFooter, .chooseFooter, .formFooter, .recordsFooter, .gateConfirm].map { $0.text(lang) }
            + [TransferLabel.exportFooter, .previewFooter].map { $0.text(lang) }
            + ["Esc " + Action.back.label(lang)]
    }.compactMap { $0.components(separatedBy: " · ").last }

    /// Every dialog with a key line, at 40, 80 and 200 columns in both languages: the dialog's
    /// last row ends with its whole Esc item (a cut line ends mid-item or before it).
    @Test(arguments: Lang.allCases)
    func everyDialogKeyLineFits(_ lang: Lang) {
        for sc in GoldenScreenTests.scenarios {
            for (w, h) in [(40, 12), (40, 24), (80, 24), (200, 50)] {
                var harness = Harness(TUIFixtures.state(lang, width: w, height: h, search: sc.search))
                harness.send(sc.msgs())
                if !harness.state.toasts.isEmpty { harness.send(Array(repeating: .tick, count: 50)) }   // a toast covers the corner a while
                guard let modal = harness.state.modal, Self.hasKeyLine(modal) else { continue }
                let screen = harness.screen()
                guard let box = Issue14AuditTests.dialogRect(screen) else { Issue.record("\(sc.name) \(w)×\(h): no dialog box"); continue }
                let text = (box.x + 1..<box.maxX - 1).filter { screen[$0, box.maxY - 2].width != 0 }.map { String(screen[$0, box.maxY - 2].grapheme) }.joined()
                    .trimmingCharacters(in: .whitespaces)   // inside │ … │
                #expect(Self.escItems.contains { text.hasSuffix($0) }, "\(sc.name) [\(lang)] \(w)×\(h): key line '\(text)'")
            }
        }
    }

    /// The dialogs whose English key line was cut at 40 columns, as goldens (the ja ones are
    /// the 40×12 sizes of `GoldenScreenTests`).
    @Test func englishKeyLineGoldensAt40() {
        for name in ["gate-dialog", "note-form", "records-contacts", "move-back-prompt", "overdue-snooze-form"] {
            let sc = GoldenScreenTests.scenarios.first { $0.name == name }!
            var h = Harness(TUIFixtures.state(.en, width: 40, height: 12, search: sc.search))
            h.send(sc.msgs())
            Golden.check(h.screen(), "\(name)-keyline-en-40x12")
        }
    }

    static func hasKeyLine(_ m: Modal) -> Bool {
        switch m {
        case .help, .palette: return false
        case .form(let f): return f.error == nil
        default: return true
        }
    }

    // MARK: help

    static func helpText(_ s: AppState, width: Int) -> String {
        s.helpLines(width: width).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
    }

    @Test(arguments: Lang.allCases)
    func helpListsTheCommandsWithoutAKey(_ lang: Lang) {
        let keyless = Action.allCases.filter { a in a.inPalette && !Keymap.default.bindings.contains { $0.action == a } }
        #expect(keyless.contains(.editContacts) && keyless.contains(.deleteCase), "\(keyless)")
        let s = TUIFixtures.state(lang)
        let text = Self.helpText(s, width: 200)
        #expect(text.contains(Label.helpPaletteOnly.text(lang)))
        for a in keyless { #expect(text.contains(": " + a.label(lang)), "\(a) missing from help [\(lang)]") }
        // An alias of the language on screen helps the search: 連絡 under ja, contact under en.
        #expect(text.contains(lang == .ja ? "連絡" : "contact"))
        if lang == .en { #expect(!text.contains("連絡先")) }
    }

    /// At 40 and 80 columns every help line fits the box (none is cut), and scrolling to the
    /// end (G) shows the last line; k after many j moves up at once (the scroll is clamped).
    @Test(arguments: [(40, 12), (40, 24), (80, 24), (200, 50)])
    func helpFitsAndScrolls(_ size: (Int, Int)) {
        for lang in Lang.allCases {
            var h = Harness(TUIFixtures.state(lang, width: size.0, height: size.1))
            h.send(Self.k("?"))
            let box = h.state.helpBox
            for l in h.state.helpLines(width: box.text) {
                let w = l.indent + l.spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
                #expect(w <= box.text, "[\(lang)] \(size): '\(l.spans.map(\.text).joined())' is \(w) wide in \(box.text)")
            }
            h.send(Self.k("G"))
            let last = h.state.helpLines(width: box.text).last!.spans.map(\.text).joined()
            #expect(h.screen().text.contains(last.trimmingCharacters(in: .whitespaces)), "[\(lang)] \(size): the end of help is reachable")
            h.send(Array(repeating: .key(.char("j")), count: 50) + Self.k("k"))
            if case .help(let s)? = h.state.modal { #expect(s == max(0, h.state.helpMaxScroll - 1)) }
        }
    }

    @Test func helpGoldens() {
        for (lang, size) in [(Lang.ja, (40, 24)), (.en, (40, 24)), (.ja, (80, 24))] {
            var h = Harness(TUIFixtures.state(lang, width: size.0, height: size.1))
            h.send(Self.k("?G"))
            Golden.check(h.screen(), "help-end-\(lang)-\(size.0)x\(size.1)")
        }
    }
}
