import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

@Suite struct ScreenTests {
    @Test func widths() {
        #expect(DisplayWidth.of("狭山市") == 6)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)          // half-width kana are narrow
        #expect(DisplayWidth.of("※①─") == 3)           // East Asian Ambiguous: narrow, like glibc wcwidth
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)             // one ZWJ cluster, one wide glyph
        #expect(DisplayWidth.of("ガ") == 2)
        #expect(DisplayWidth.of("か\u{3099}") == 2)      // combining dakuten adds nothing
    }

    @Test func putClipsByColumnsNeverSplittingAGlyph() {
        var s = Screen(width: 5, height: 1)
        let end = s.put(0, 0, "狭山市")
        #expect(end == 5)
        #expect(s.row(0) == "狭山 ")                     // 市 does not fit in the last column: blank
        #expect(s.isWellFormed)
        var t = Screen(width: 6, height: 1)
        t.put(1, 0, "ab狭山", limit: 4)
        #expect(t.row(0) == " ab   ")                   // 狭 would straddle the limit
        #expect(t.isWellFormed)
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var s = Screen(width: 6, height: 1)
        s.put(0, 0, "狭山市")
        s.put(1, 0, "x")                                // right half of 狭
        #expect(s.row(0) == " x山市")
        #expect(s.isWellFormed)
        s.put(2, 0, "y")                                // left half of 山
        #expect(s.row(0) == " xy 市")
        #expect(s.isWellFormed)
        s.put(3, 0, "漢")                                // wide glyph over a narrow one and 市's left half
        #expect(s.row(0) == " xy漢 ")
        #expect(s.isWellFormed)
    }

    @Test func overlayBlanksGlyphsStraddlingItsEdges() {
        var s = Screen(width: 10, height: 3)
        for y in 0..<3 { s.put(0, y, "日本語日本") }     // wide glyphs at even columns
        s.box(Rect(x: 3, y: 0, width: 4, height: 3))    // edges at odd columns 3 and 6
        #expect(s.isWellFormed)
        #expect(s.row(1) == "日 │  │ 本")
        var f = Screen(width: 6, height: 1)
        f.put(0, 0, "日本語")
        f.fill(Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(f.row(0) == "    語")
        #expect(f.isWellFormed)
    }

    @Test func controlCharactersBecomeVisiblePlaceholders() {
        var s = Screen(width: 20, height: 1)
        s.put(0, 0, "a\u{1B}[31mb\u{07}")
        #expect(s.row(0).hasPrefix("a␛[31mb␇"))
        #expect(!s.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func tinyAndNegativePositionsAreSafe() {
        var s = Screen(width: 1, height: 1)
        s.put(0, 0, "日本")
        #expect(s.row(0) == " ")
        s.put(-1, 0, "日x")                             // straddles column 0 from the left
        #expect(s.isWellFormed)
        s.put(5, 5, "x"); s.fill(Rect(x: -3, y: -3, width: 100, height: 100)); s.box(Rect(x: 0, y: 0, width: 1, height: 1))
        #expect(s.isWellFormed)
        var z = Screen(width: 0, height: 0)
        z.put(0, 0, "x")
        #expect(z.text == "")
    }

    @Test func wrapIsWidthAwareWithKinsoku() {
        let lines = wrapText("課題を整理した。次に連携先を探す。", width: 16)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 })
        #expect(!lines.contains { $0.hasPrefix("。") })
        #expect(wrapText("hello world foo", width: 11) == ["hello world", "foo"])
        #expect(wrapText("a\nb", width: 5) == ["a", "b"])
    }
}

@Suite struct TextInputTests {
    @Test func editsByGrapheme() {
        var t = TextInput("狭山ｶﾞ👨‍👩‍👧")
        #expect(t.cursor == 4)                          // 狭 山 ｶﾞ (the half-width dakuten extends ｶ) 👨‍👩‍👧
        t.backspace()                                   // the whole family emoji goes at once
        #expect(t.text == "狭山ｶﾞ")
        t.left()
        t.insert("市")
        #expect(t.text == "狭山市ｶﾞ")
        t.home(); t.deleteForward()
        #expect(t.text == "山市ｶﾞ")
        t.end(); t.insert("か"); t.insert("\u{3099}")  // a combining mark joins the previous character
        #expect(t.text.last == "が" || t.text.hasSuffix("か\u{3099}"))
        #expect(t.cursor == t.chars.count)
    }

    @Test func emacsKeys() {
        var t = TextInput("官民連携の窓口 renkei tool")
        _ = t.handle(.ctrl("w"))
        #expect(t.text == "官民連携の窓口 renkei ")
        _ = t.handle(.ctrl("w"))
        #expect(t.text == "官民連携の窓口 ")
        _ = t.handle(.ctrl("w"))                         // 窓口 (kanji run)
        #expect(t.text == "官民連携の")
        _ = t.handle(.ctrl("w"))                         // の (hiragana run)
        #expect(t.text == "官民連携")
        _ = t.handle(.ctrl("a"))
        #expect(t.cursor == 0)
        _ = t.handle(.right)
        _ = t.handle(.ctrl("k"))
        #expect(t.text == "官")
        _ = t.handle(.ctrl("e")); _ = t.handle(.char("民"))
        _ = t.handle(.ctrl("u"))
        #expect(t.text == "")
    }

    @Test func multilineWrapAndCaret() {
        var t = TextInput("", multiline: true)
        for ch in "一二三四五六七八九十" { _ = t.handle(.char(ch)) }
        let lines = t.lines(width: 9)                   // 4 wide glyphs per line (+ caret column)
        #expect(lines.count == 3)
        #expect(t.caret(width: 9) == (2, 4))
        t.moveVertical(-1, width: 9)
        #expect(t.cursor == 6)
        _ = t.handle(.enter, wrapWidth: 9)
        #expect(t.text.contains("\n"))
        var single = TextInput("a")
        #expect(single.handle(.enter) == false)
        single.insert("b\nc")
        #expect(single.text == "ab c")
    }

    @Test func drawParksCursorOnCaret() {
        var s = Screen(width: 10, height: 2)
        let t = TextInput("狭山")
        t.draw(into: &s, Rect(x: 1, y: 1, width: 8, height: 1), style: .plain, focused: true)
        #expect(s.cursorX == 5 && s.cursorY == 1)
    }
}

@Suite struct KeymapTests {
    @Test func parsesKeyNames() {
        #expect(Key(name: "ctrl-r") == .ctrl("r"))
        #expect(Key(name: "C-s") == .ctrl("s"))
        #expect(Key(name: "space") == .char(" "))
        #expect(Key(name: "G") == .char("G"))
        #expect(Key(name: "pgdn") == .pageDown)
        #expect(Key(name: "f5") == .f(5))
        #expect(Key(name: "bogus") == nil)
    }

    @Test func screenBindingsWinOverGlobal() {
        let km = Keymap.default
        #expect(km.action(for: .char("b"), in: .list) == .board)
        #expect(km.action(for: .char("b"), in: .board) == .list)
        #expect(km.action(for: .char("j"), in: .detail) == .down)
        #expect(km.action(for: .char("Z"), in: .list) == nil)
    }

    @Test func overridesReplaceKeysAndReportProblems() {
        let (km, problems) = Keymap.default.applying(["advance": ["ctrl-f"], "frobnicate": ["x"], "quit": ["Q", "nope-key"]])
        #expect(km.action(for: .ctrl("f"), in: .list) == .advance)
        #expect(km.action(for: .char(">"), in: .list) == nil)
        #expect(km.action(for: .char("Q"), in: .list) == .quit)
        #expect(problems.count == 2)
        // Help and hints follow the table.
        var s = TUIFixtures.state()
        s.settings.keymap = km
        let help = view(update(s, .key(.char("?"))).0).text
        #expect(help.contains("Ctrl-F"))
        let (forced, _) = Keymap.default.applying(["forceQuit": ["F10"]])
        #expect(forced.action(for: .ctrl("c"), in: .list) == .forceQuit)
    }

    @Test func everyActionIsReachableByKeyOrPalette() {
        let km = Keymap.default
        for a in Action.allCases {
            let bound = km.bindings.contains { $0.action == a }
            #expect(bound || a.inPalette, "\(a) has neither a key nor a palette entry")
        }
    }
}

@Suite struct UpdateTests {
    @Test func unknownKeySaysHelpAndDoesNothing() {
        let s = TUIFixtures.state()
        let (n, e) = update(s, .key(.char("Z")))
        #expect(e.isEmpty)
        #expect(n.status?.contains("?") == true)
        #expect(n.selection == s.selection && n.page == s.page)
    }

    @Test func ctrlCQuitsFromAnywhere() {
        var h = Harness(TUIFixtures.state())
        h.send(TUIFixtures.keys("n") + TUIFixtures.keys("abc"))
        let (_, e) = update(h.state, .key(.ctrl("c")))
        #expect(e == [.quit])
        let (_, e2) = update(TUIFixtures.state(), .key(.char("q")))
        #expect(e2 == [.quit])
    }

    @Test func savedOnlyAfterTheEffectReports() {
        var s = TUIFixtures.state()
        s = update(s, .key(.char("/"))).0
        for m in TUIFixtures.keys("x-symbols") { s = update(s, m).0 }
        s = update(s, .key(.enter)).0
        let (n, e) = update(s, .key(.char(">")))
        #expect(e == [.save(caseId: "x-symbols", command: .advance(note: nil, override: nil), expect: ["stage": .string("partner-search")])])
        #expect(!view(n).text.contains("保存しました"))
        #expect(view(n).text.contains("保存中"))
        var c = TUIFixtures.extra[0]; c.stage = .coordination
        let saved = update(n, .saved(c, label: "advance")).0
        #expect(view(saved).text.contains("保存しました"))
        #expect(saved.summary("x-symbols")?.stage == .coordination)
        // toasts expire with ticks
        var t = saved
        for _ in 0..<20 { t = update(t, .tick).0 }
        #expect(!view(t).text.contains("保存しました"))
    }

    @Test func gateOverrideNeedsAReason() {
        var h = Harness(TUIFixtures.state())
        h.send(GoldenScreenTests.open("aichi-station") + TUIFixtures.keys(">"))
        guard case .gate = h.state.modal else { Issue.record("no gate dialog"); return }
        h.send(TUIFixtures.keys("y"))
        h.send(.key(.enter))                              // empty reason: refused inline
        guard case .prompt(let p) = h.state.modal else { Issue.record("no prompt"); return }
        #expect(p.error != nil)
        h.send(TUIFixtures.keys("課長了承") + [.key(.enter)])
        #expect(h.state.modal == nil)
        #expect(h.cases["aichi-station-ai-drone"]?.stage == .method)
        #expect(h.cases["aichi-station-ai-drone"]?.events.last?.kind == .gateOverridden)
        h.send(TUIFixtures.keys("<"))
        h.send(.key(.esc))                                // n/Esc cancels
        #expect(h.state.modal == nil)
        #expect(h.cases["aichi-station-ai-drone"]?.stage == .method)
    }

    @Test func spaceTicksTheSelectedItem() {
        var h = Harness(TUIFixtures.state())
        h.send(GoldenScreenTests.open("aichi-station") + TUIFixtures.keys("2") + [.key(.char(" "))])
        let c = h.cases["aichi-station-ai-drone"]!
        let first = TUIFixtures.catalog.items(for: c.stage, exit: c.exit, method: c.method)[0]
        #expect(c.checklist[first.id] != nil)
        h.send(.key(.char(" ")))
        #expect(h.cases["aichi-station-ai-drone"]!.checklist[first.id] == nil)
    }

    @Test func filterIsNFKCAndEscClears() {
        var s = TUIFixtures.state()
        s = update(s, .key(.char("/"))).0
        for m in TUIFixtures.keys("サンプル町") { s = update(s, m).0 }   // full-width finds the half-width ｻﾝﾌﾟﾙ町 (NFKC)
        #expect(s.rows.count == 1)
        s = update(s, .key(.esc)).0
        #expect(s.filter.isEmpty && !s.filterEditing)
        #expect(s.rows.count == TUIFixtures.cases.count + TUIFixtures.damaged.count)
    }

    @Test func damagedFilesAreMarkedRows() {
        let s = TUIFixtures.state(width: 120, height: 40)
        let text = view(s).text
        #expect(text.contains("破損 broken.json"))
        #expect(text.contains("破損 1"))
    }

    @Test func newCaseFormValidatesInline() {
        var h = Harness(TUIFixtures.state())
        h.send(TUIFixtures.keys("n") + [.key(.ctrl("s"))])
        guard case .form(let f) = h.state.modal else { Issue.record("no form"); return }
        #expect(f.fields[0].error != nil && f.fields[1].error != nil)
        h.send(TUIFixtures.keys("実証") + [.key(.tab)] + TUIFixtures.keys("狭山市") + [.key(.ctrl("s"))])
        #expect(h.effects.last == .create(NewCaseInput(id: "", title: "実証", municipality: "狭山市", prefecture: nil, partners: [], fiscalYear: nil, exit: nil)))
    }

    @Test func paletteRunsActionsByFuzzyName() {
        let s = TUIFixtures.state()
        #expect(s.paletteMatches("adv").first == .advance)
        #expect(s.paletteMatches("ボード").first == .board)
        #expect(s.paletteMatches("undo").first == .undo)
        var h = Harness(s)
        h.send(TUIFixtures.keys(":brd") + [.key(.enter)])
        #expect(h.state.page == .board)
    }

    /// Issue 14: the palette finds actions by the words coordinators use (印刷, 担当, print).
    @Test func paletteFindsActionsByEverydayWords() {
        let s = TUIFixtures.state()
        #expect(s.paletteMatches("印刷").first == .export)
        #expect(s.paletteMatches("print").first == .export)
        #expect(s.paletteMatches("担当").first == .edit)
        #expect(s.paletteMatches("見送り").first == .moveTo)
    }

    /// Issue 14: the edit menu reads values by name (規模: 小・中規模), never the stored code,
    /// and the six reference items can be told apart.
    @Test func editMenuShowsValuesByName() {
        for lang in Lang.allCases {
            var st = TUIFixtures.state(lang)
            for c in TUIFixtures.cases where c.exit != nil && c.municipality.size != nil && c.method != nil {
                st.detail = DetailState(id: c.id, doc: c, readOnly: false)
                st.openFieldPicker()
                guard case .picker(let p) = st.modal else { Issue.record("no picker"); return }
                let text = p.labels.joined(separator: "\n")
                for code in ["small-medium", "urban", "procurement", "co-creation", "promotion", c.method!] {
                    #expect(!text.contains(": " + code), "\(lang) \(c.id): \(code) shown as a code")
                }
                let refs = p.labels.filter { $0.hasPrefix(lang == .ja ? "参考項目「" : "Reference: ") }
                #expect(refs.count == TUIFixtures.catalog.referenceItems.count)
                #expect(Set(refs.map { DisplayWidth.clip($0, to: 30) }).count == refs.count, "distinguishable within 30 columns: \(refs)")
                break
            }
        }
    }

    /// The six reference items as drawn in the edit picker, at every width from 40 to 200 in
    /// both languages: all six on screen, each showing more than the shared 参考項目「 prefix,
    /// no two rows alike (the audit's gap: only the labels were checked, clipped to 30).
    @Test func referenceItemsStayDistinguishableInThePickerAtEveryWidth() {
        for lang in Lang.allCases {
            var h = Harness(TUIFixtures.state(lang, width: 200, height: 60))
            h.send(GoldenScreenTests.open("x-symbols") + TUIFixtures.keys("e"))
            let prefix = lang == .ja ? "参考項目「" : "Reference: "
            let names = TUIFixtures.catalog.referenceItems.map { $0.label(lang) }
            for width in 40...200 {
                h.send(.resize(width: width, height: 60))
                // Each row from the prefix to the dialog's right border.
                let rows = h.screen().text.split(separator: "\n").compactMap { line -> String? in
                    guard let at = line.range(of: prefix) else { return nil }
                    return String(line[at.lowerBound...].prefix { $0 != "│" }).trimmingCharacters(in: .whitespaces)
                }
                #expect(rows.count == names.count, "\(lang) \(width): \(rows)")
                #expect(Set(rows).count == rows.count, "\(lang) \(width): two reference items look alike: \(rows)")
                for (row, name) in zip(rows, names) {
                    let shown = row.dropFirst(prefix.count)
                    #expect(shown.count >= 3 && name.hasPrefix(shown.prefix(3)), "\(lang) \(width): '\(row)' does not show '\(name)'")
                    if width >= 100 { #expect(row.contains(name), "\(lang) \(width): '\(name)' is cut: \(row)") }
                }
            }
        }
    }

    @Test func overdueAndExportAskTheRuntime() {
        let s = TUIFixtures.state()
        #expect(update(s, .key(.char("o"))).1 == [.overdue])
        var h = Harness(s)
        let id = s.selectedSummary!.id
        h.send(TUIFixtures.keys("x"))                       // the dialog: share sheet, HTML by default
        guard case .export = h.state.modal else { Issue.record("no export dialog"); return }
        h.send([.key(.char("j")), .key(.right), .key(.enter)])   // format: PDF; Enter asks for the preview only
        let wanted = ExportRequest(caseId: id, audience: .share, output: .pdf)
        #expect(h.effects.last == .transfer(.previewExport(wanted)))
        // A preview for other choices (an older answer) is ignored; Enter then still writes nothing.
        h.send(.transfer(.exportPreview(ExportPreview(request: ExportRequest(caseId: id), target: "exports/x.share.html"))))
        h.send(.key(.enter))
        #expect(!h.effects.contains { if case .transfer(.export) = $0 { return true }; return false })
        // The matching preview, then Enter writes exactly what was previewed.
        h.send(.key(.enter))
        h.send(.transfer(.exportPreview(ExportPreview(request: wanted, target: "exports/\(id).share.pdf"))))
        h.send(.key(.enter))
        #expect(h.effects.last == .transfer(.export(wanted)))
        #expect(h.state.modal == nil)
        h.send(.exported("/tmp/ws/exports/a.html"))
        #expect(view(h.state).text.contains("/tmp/ws/exports/a.html"))
    }

    @Test func boardMovesCards() {
        var h = Harness(TUIFixtures.state())
        h.send(TUIFixtures.keys("b"))
        #expect(h.state.page == .board)
        h.send(TUIFixtures.keys("l"))                      // partner-search column
        let id = h.state.focusedCaseId
        h.send(TUIFixtures.keys(">"))
        if case .gate = h.state.modal { h.send(TUIFixtures.keys("y理由") + [.key(.enter)]) }
        #expect(h.cases[id!]?.stage == .coordination)
        #expect(h.state.boardColumn == 2)                  // selection follows the card
        #expect(h.state.focusedCaseId == id)
    }

    @Test func externalReloadShowsAToastAndReloadsTheOpenCase() {
        var s = TUIFixtures.state()
        s = update(s, .key(.enter)).0
        let (n, e) = update(s, .loaded(TUIFixtures.data(), external: true))
        #expect(e == [.loadInsight, .loadSyncStatus, .loadCase(s.detail!.id)])   // insight over the new data, in the background
        #expect(view(n).text.contains("外部で変更"))
    }
}

@Suite struct LoadingViewTests {
    @Test func showsProgressAndFitsEverySize() {
        let s = loadingView(done: 3200, total: 10000, width: 80, height: 24, lang: .ja)
        #expect(s.text.contains("索引を作成しています… 3,200 / 10,000件"))
        #expect(s.text.contains("███████████████░"))
        let en = loadingView(done: 0, total: 0, width: 40, height: 12, lang: .en)
        #expect(en.text.contains("Loading cases…"))
        for (w, h) in [(1, 1), (0, 0), (10, 2), (40, 12)] {
            let tiny = loadingView(done: 5, total: 7, width: w, height: h, lang: .ja)
            #expect(tiny.text.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { DisplayWidth.of(String($0)) <= max(0, w) })
        }
    }
}
