import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiTUI

/// 100,000 random keys and resizes into update/view at random sizes: no crash, and every
/// screen is exactly its size with no torn wide glyphs.
@Suite struct FuzzTests {
    static let keys: [Key] = {
        var k: [Key] = [.enter, .esc, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .f(1)]
        k += "jkgGbnea><:?/sSvVmuxo 1234567qhlyYdJcz0".map { Key.char($0) }
        k += "狭山市ｶﾀ👨‍👩‍👧※①\u{1B}".map { Key.char($0) }
        k += "rsawkuefbdjlph".map { Key.ctrl($0) }
        return k
    }()

    @Test func randomKeysAndResizes() {
        var rng = SplitMix64(seed: 0x5EED_2026_1123)
        var h = Harness(TUIFixtures.state())
        var drawn = 0
        let render = ProcessInfo.processInfo.environment["FUZZ_NORENDER"] == nil
        for i in 0..<100_000 {
            let r = Int.random(in: 0..<100, using: &rng)
            var msg: Msg
            if r < 3 {
                msg = .resize(width: Int.random(in: 0...130, using: &rng), height: Int.random(in: 0...45, using: &rng))
            } else if r < 4 {
                msg = .tick
            } else if r < 5 {
                msg = .mouse(MouseEvent(x: Int.random(in: -2...130, using: &rng), y: Int.random(in: -2...45, using: &rng),
                                        kind: [.click, .wheelUp, .wheelDown].randomElement(using: &rng)!))
            } else {
                var key = Self.keys.randomElement(using: &rng)!
                if key == .ctrl("c") { key = .esc }
                msg = .key(key)
            }
            if case .key(.char("q")) = msg, h.state.page == .list, h.state.modal == nil, !h.state.filterEditing { msg = .key(.char("j")) }
            h.send(msg)
            h.state.quitting = false
            // Rendering every step is the expensive part; render often, and always after resizes.
            if render && (r < 3 || i % 25 == 0) {
                let s = h.screen()
                drawn += 1
                #expect(s.width == h.state.width && s.height == h.state.height)
                if !s.isWellFormed { Issue.record("malformed screen at step \(i) (\(s.width)x\(s.height)):\n\(s.text)"); return }
            }
        }
        #expect(drawn > 5_000 || !render)
    }
}
