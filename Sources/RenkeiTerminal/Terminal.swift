import CNcursesw
import Foundation
import RenkeiTUI
#if canImport(Glibc)
import Glibc
#endif

/// The thin ncursesw adapter — the only code that imports the C module. It turns key codes
/// into `Msg`s and draws the row-by-row diff of two `Screen`s.
public final class Terminal {
    public struct Options: Sendable {
        public var colors: Bool
        public var mouse: Bool
        /// The fatal-signal guard (nil: none — the crash then leaves the terminal in raw mode).
        public var crashGuard: CrashGuard.Settings?
        public init(colors: Bool, mouse: Bool, crashGuard: CrashGuard.Settings? = nil) {
            self.colors = colors; self.mouse = mouse; self.crashGuard = crashGuard
        }
    }

    /// Why the workbench cannot run here, or nil when it can.
    public static func unusableReason() -> String? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            return "the interactive workbench needs a terminal (stdin and stdout must be a tty); use the subcommands in scripts, e.g. 'renkei list --json'"
        }
        if term.isEmpty || term == "dumb" {
            return "TERM=\(term.isEmpty ? "(unset)" : term) cannot run the full-screen workbench; set TERM (e.g. xterm-256color) or use the subcommands, e.g. 'renkei list'"
        }
        return nil
    }

    private var previous: Screen?
    private var useColor = false
    private var pairs: [Int: Int16] = [:]
    private var colorCount = 8
    private var started = false
    private var guarded = false

    public init(_ options: Options) throws {
        // Wide characters need a UTF-8 locale. When the user's (e.g. ja_JP.UTF-8) is not
        // installed, setlocale fails and ncurses would print "?" for every kanji: fall back to
        // C.UTF-8, which every glibc system has, rather than show garbage.
        let chosen = setlocale(LC_ALL, "").map { String(cString: $0) } ?? ""
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if chosen.isEmpty || codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_ALL, "C.UTF-8") == nil { _ = setlocale(LC_ALL, "C.utf8") }
        }
        // A parent that ignores or blocks SIGWINCH (some test runners and job controllers do)
        // would hide resizes from ncurses: restore the default before initscr installs its handler.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGWINCH)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        signal(SIGWINCH, SIG_DFL)
        // ncursesw is loaded now, not at process start (CNcursesw.h says why).
        var reason = [CChar](repeating: 0, count: 512)
        guard renkei_curses_load(&reason, reason.count) == 0 else {
            throw TerminalError("the workbench needs the ncursesw library (\(String(cString: reason))); install libncursesw6, or use the subcommands, e.g. 'renkei list'")
        }
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { renkei_set_escdelay(25) }
        // Before initscr: the guard saves the terminal modes the shell had.
        if let g = options.crashGuard { CrashGuard.install(g); guarded = true }
        guard renkei_initscr() != nil else {
            if guarded { CrashGuard.uninstall(); guarded = false }
            throw TerminalError("could not initialise the terminal (initscr failed); check TERM")
        }
        started = true
        renkei_raw_keys()           // Ctrl-C, Ctrl-S, Ctrl-Q arrive as keys; Enter is CR, Ctrl-J 10
        if options.colors && renkei_has_colors() != 0 {
            renkei_start_default_colors()
            useColor = true
            colorCount = Int(renkei_colors())
        }
        if options.mouse {
            renkei_enable_mouse()
        }
        renkei_curs_set(0)
    }

    deinit { stop() }

    public func stop() {
        guard started else { return }
        started = false
        renkei_curs_set(1)
        renkei_endwin()
        if guarded { CrashGuard.uninstall(); guarded = false }
    }

    public var size: (width: Int, height: Int) { (Int(renkei_cols()), Int(renkei_lines())) }

    /// Fallback for lost SIGWINCHs: asks the tty for its size and, when it differs from what
    /// curses believes, resizes curses and reports it.
    public func pollResize() -> Msg? {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        let (w, h) = size
        guard Int(ws.ws_col) != w || Int(ws.ws_row) != h else { return nil }
        renkei_resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
        previous = nil
        return .resize(width: Int(ws.ws_col), height: Int(ws.ws_row))
    }

    // MARK: input

    /// Waits up to `timeoutMs` for input; returns the messages it produced (empty on timeout).
    public func read(timeoutMs: Int32) -> [Msg] {
        renkei_timeout(timeoutMs)
        var out: [Msg] = []
        var text = String.UnicodeScalarView()
        func flushText() {
            if !text.isEmpty { for ch in String(text) { out.append(.key(.char(ch))) }; text = String.UnicodeScalarView() }
        }
        while true {
            var wch: wint_t = 0
            let r = renkei_get_wch(&wch)
            if r == ERR { break }
            if r == KEY_CODE_YES {
                flushText()
                if let m = functionKey(Int32(bitPattern: wch)) { out.append(m) }
                break
            }
            let v = UInt32(wch)
            if v >= 0x20 && v != 0x7F, let u = Unicode.Scalar(v) {
                text.append(u)          // gather an IME commit (and combining marks) into graphemes
                renkei_timeout(0)
                continue
            }
            flushText()
            if let k = controlKey(v) { out.append(.key(k)) }
            break
        }
        flushText()
        return out
    }

    private func controlKey(_ v: UInt32) -> Key? {
        switch v {
        case 13: return .enter
        case 10: return .ctrl("j")
        case 9: return .tab
        case 27: return .esc
        case 127, 8: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        default: return nil
        }
    }

    private func functionKey(_ k: Int32) -> Msg? {
        switch k {
        case KEY_RESIZE:
            previous = nil
            let (w, h) = size
            return .resize(width: w, height: h)
        case KEY_MOUSE:
            var ev = MEVENT()
            guard renkei_getmouse(&ev) == OK else { return nil }
            switch renkei_mouse_kind(ev.bstate) {
            case 1: return .mouse(MouseEvent(x: Int(ev.x), y: Int(ev.y), kind: .click))
            case 2: return .mouse(MouseEvent(x: Int(ev.x), y: Int(ev.y), kind: .wheelUp))
            case 3: return .mouse(MouseEvent(x: Int(ev.x), y: Int(ev.y), kind: .wheelDown))
            default: return nil
            }
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        default:
            for n in 1...12 where k == renkei_key_f(Int32(n)) { return .key(.f(n)) }
            return nil
        }
    }

    // MARK: output

    /// Draws `screen`, touching only rows that changed since the last frame.
    public func draw(_ screen: Screen) {
        let (w, h) = size
        let fresh = previous == nil || previous!.width != screen.width || previous!.height != screen.height
        if fresh { renkei_erase() }
        for y in 0..<min(h, screen.height) {
            if !fresh, let p = previous, screen.rowEquals(p, y) { continue }
            var x = 0
            while x < min(w, screen.width) {
                let c = screen[x, y]
                if c.width == 0 { x += 1; continue }
                put(c, x: x, y: y, last: y == h - 1 && x + Int(c.width) >= w)
                x += Int(max(1, c.width))
            }
        }
        previous = screen
        if let cx = screen.cursorX, let cy = screen.cursorY, cx < w, cy < h {
            renkei_curs_set(1)
            renkei_move(Int32(cy), Int32(cx))
        } else {
            renkei_curs_set(0)
        }
        renkei_refresh()
    }

    /// Forces the next draw to repaint everything (after Ctrl-L or a resize).
    public func invalidate() { previous = nil; renkei_clear_on_next_refresh() }

    private func pair(_ fg: Color?, _ bg: Color?) -> Int16 {
        guard useColor, fg != nil || bg != nil else { return 0 }
        func idx(_ c: Color?) -> Int16 {
            guard let c else { return -1 }
            return Int16(colorCount >= 16 ? c.rawValue : c.rawValue % 8)
        }
        let key = Int(idx(fg) + 1) * 64 + Int(idx(bg) + 1)
        if let p = pairs[key] { return p }
        let n = Int16(pairs.count + 1)
        guard Int32(n) < renkei_color_pairs() else { return 0 }
        renkei_init_pair(n, idx(fg), idx(bg))
        pairs[key] = n
        return n
    }

    private func put(_ c: Cell, x: Int, y: Int, last: Bool) {
        let st = c.style
        // bright colours on an 8-colour terminal: approximate with bold
        let brightOn8 = colorCount < 16 && (st.fg?.rawValue ?? 0) >= 8
        let attrs = renkei_attrs(st.bold || brightOn8 ? 1 : 0, st.reverse ? 1 : 0, st.underline ? 1 : 0, st.dim ? 1 : 0)
        let p = pair(st.fg, st.bg)
        let scalars = Array(c.grapheme.unicodeScalars)
        // A cluster the terminal draws as several spacing glyphs (ｶﾞ: ｶ + ﾞ): one cell each.
        if scalars.count > 1 {
            let ws = scalars.map { Int(renkei_wcwidth(wchar_t(bitPattern: $0.value))) }
            if ws.allSatisfy({ $0 >= 1 }) && ws.reduce(0, +) == Int(c.width) {
                var cx = x
                for (u, w) in zip(scalars, ws) {
                    var one = cchar_t()
                    _ = renkei_setcchar(&one, [wchar_t(bitPattern: u.value), 0], attrs, p)
                    if last && cx + w >= Int(renkei_cols()) { renkei_put(Int32(y), Int32(cx), &one, 1) }
                    else { renkei_put(Int32(y), Int32(cx), &one, 0) }
                    cx += w
                }
                return
            }
        }
        var wchars: [wchar_t] = []
        let base = scalars.first.map { wchar_t(bitPattern: $0.value) } ?? 32
        let baseWidth = Int(renkei_wcwidth(base))
        wchars.append(base)
        // Combining marks ride along; anything else (ZWJ sequences, flags) degrades to the base glyph.
        let rest = scalars.dropFirst()
        if !rest.isEmpty, rest.count < 5, rest.allSatisfy({ renkei_wcwidth(wchar_t(bitPattern: $0.value)) == 0 }) {
            wchars += rest.map { wchar_t(bitPattern: $0.value) }
        }
        var draw = wchars
        var pad = 0
        if baseWidth < 0 || baseWidth > Int(c.width) { draw = [wchar_t(UInt8(ascii: "?"))]; pad = Int(c.width) - 1 }
        else if baseWidth < Int(c.width) { pad = Int(c.width) - max(baseWidth, 1); if baseWidth == 0 { draw = [32] } }
        draw.append(0)
        var cc = cchar_t()
        _ = renkei_setcchar(&cc, draw, attrs, p)
        if last && pad == 0 { renkei_put(Int32(y), Int32(x), &cc, 1) }
        else { renkei_put(Int32(y), Int32(x), &cc, 0) }
        if pad > 0 {
            var sp = cchar_t()
            _ = renkei_setcchar(&sp, [32, 0], attrs, p)
            for i in 0..<pad { renkei_put(Int32(y), Int32(x + 1 + i), &sp, 0) }
        }
    }
}

public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}

extension Terminal {
    /// SIGTERM/SIGHUP restore the terminal before exiting (a killed workbench must not leave
    /// the shell in raw mode) — from an async-signal-safe handler (before: `endwin()`, which
    /// allocates, inside the handler).
    public static func installSignalHandlers() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGTERM, SIGHUP, SIGINT] { sigaddset(&set, sig) }
        sigprocmask(SIG_UNBLOCK, &set, nil)       // an inherited mask must not make us unkillable
        CrashGuard.handleTerminateSignals()
    }
}
