import Foundation
import RenkeiStore
import RenkeiCore

/// All terminal output goes through here: user text is sanitised (control characters never
/// reach the terminal raw), errors are one line on stderr prefixed with "renkei:".
enum Output {
    static func line(_ s: String = "") {
        print(TerminalText.sanitize(s))
    }

    static func error(_ s: String) {
        errorRaw("renkei: " + TerminalText.inline(s))
    }

    static func warn(_ s: String) {
        errorRaw("renkei: \(Label.warningPrefix.text(lang)): " + TerminalText.inline(s))
    }

    static func errorRaw(_ s: String) {
        FileHandle.standardError.write((s + "\n").data(using: .utf8)!)
    }

    /// JSON for scripts: pretty, sorted keys, UTF-8 (JSONEncoder escapes control characters).
    static func json<T: Encodable>(_ value: T) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(terminalSafeJSON(try e.encode(value) + Data([0x0A])))
    }

    /// JSONEncoder escapes C0 controls but leaves DEL, C1 controls (U+0080–U+009F, e.g. the
    /// one-byte CSI U+009B) and bidi overrides raw, and `--json` often lands on a terminal. In a JSON
    /// document they can only occur inside strings, so `\uXXXX` is the same data, made inert.
    static func terminalSafeJSON(_ data: Data) -> Data {
        func risky(_ v: UInt32) -> Bool { v == 0x7F || (0x80...0x9F).contains(v) || TerminalText.needsEscape(Unicode.Scalar(v)!) && v >= 0x2000 }
        // Fast path: DEL is 7F, C1 is C2 80–9F in UTF-8, the bidi/separator controls E2 80 A8–AE / E2 81 A6–A9.
        let hasLead = data.withUnsafeBytes { raw in
            raw.contains(0x7F) || raw.indices.dropLast().contains { i in raw[i] == 0xC2 && (0x80...0x9F).contains(raw[i + 1]) || raw[i] == 0xE2 && (raw[i + 1] == 0x80 || raw[i + 1] == 0x81) }
        }
        guard hasLead, let text = String(data: data, encoding: .utf8) else { return data }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if risky(u.value) {
                let hex = String(u.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else { out.append(u) }
        }
        return Data(String(out).utf8)
    }

    /// Writes a rendered document to standard output (JSON made terminal-safe as above).
    static func document(_ data: Data, json: Bool) {
        FileHandle.standardOutput.write(json ? terminalSafeJSON(data) : data)
    }

    /// Display language for human output: ja when the locale says so.
    static var lang: Lang { Lang(environment: ProcessEnvironment.current) }

    /// The terminal's width when output goes to one ($COLUMNS, else ioctl); nil for pipes and
    /// files, where nothing needs cutting.
    static var columns: Int? {
        if let c = ProcessEnvironment.current["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// A table with display-width-aware columns. `widths` are maxima; the last column takes the rest.
    static func table(header: [String], rows: [[String]], maxWidths: [Int]) {
        let cols = header.count
        var widths = (0..<cols).map { i in DisplayWidth.of(header[i]) }
        for r in rows { for i in 0..<cols { widths[i] = max(widths[i], DisplayWidth.of(TerminalText.inline(r[i]))) } }
        // A cap narrows long cells, never the column's head: a cut header (「地方…」) names nothing.
        for i in 0..<cols where i < maxWidths.count { widths[i] = min(widths[i], max(maxWidths[i], DisplayWidth.of(header[i]))) }
        func render(_ r: [String]) -> String {
            (0..<cols).map { i in
                let cell = TerminalText.inline(r[i])
                return i == cols - 1 ? DisplayWidth.clip(cell, to: widths[i]) : DisplayWidth.pad(cell, to: widths[i])
            }.joined(separator: "  ")
        }
        print(render(header))
        for r in rows { print(render(r)) }
    }
}
