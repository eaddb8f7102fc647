import Foundation
import RenkeiCore

/// The one JSON grammar renkei accepts for a case file (RFC 8259, strictly), parsed to a
/// `JSONValue` tree.
///
/// Why its own parser: the case was judged by three (the index's `StrictCaseParser`,
/// `JSONDecoder`, `JSONSerialization` for unknown keys), and they disagree on what sits in
/// an unknown key — `"\q"`, a raw 0x01 or NUL, `01`, `1.`, `-`, a lone surrogate, deep
/// nesting, duplicate keys, a trailing comma. `validate` and `list` said ok while `show`,
/// `note` and `export` refused the file (issue 18, finding 5). Now every path that is not
/// the strict subset asks this parser first, and the unknown keys a save carries come from
/// its tree, so one decision is made per file. Errors give line, column and the key path —
/// never a value (case files hold contacts' e-mails and phones).
public enum JSONDocument {
    /// Deep enough for any real case (y-nesting-400 in the corpus) and below what
    /// `JSONEncoder` can write back: a file that loads must also save.
    public static let maxDepth = 450

    /// The byte a one-letter escape stands for (`\n` → 0x0A), nil for `\u` and unknown ones.
    static func simpleEscape(_ e: UInt8) -> UInt8? {
        switch e {
        case 0x22, 0x5C, 0x2F: return e
        case 0x62: return 0x08
        case 0x66: return 0x0C
        case 0x6E: return 0x0A
        case 0x72: return 0x0D
        case 0x74: return 0x09
        default: return nil
        }
    }

    public struct SyntaxError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
        /// Where in the document ("budget.items[2].yen"), empty at the top.
        public var path: String
        public var description: String { reason.text(.en) }
        /// The label table's words for it (`DamageReason.syntax`).
        public var reason: DamageReason { .syntax(line: line, column: column, path: path, detail: message) }
    }

    /// Parses `data` (UTF-8, an optional leading byte-order mark) or throws the first problem.
    public static func parse(_ data: Data, maxDepth: Int = JSONDocument.maxDepth) throws(SyntaxError) -> JSONValue {
        let bytes = [UInt8](data)
        var p = Parser(b: bytes, maxDepth: maxDepth)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
        let v = try p.value(depth: 0)
        p.ws()
        guard p.i == bytes.count else { throw p.fail("more text after the end of the JSON value") }
        return v
    }

    struct Parser {
        let b: [UInt8]
        let maxDepth: Int
        var i = 0
        var path: [String] = []

        func fail(_ message: String, at offset: Int? = nil) -> SyntaxError {
            let (line, col) = CaseCodec.lineColumn(Data(b), offset: min(offset ?? i, b.count))
            var where_ = path.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
            // One line: a path 450 levels deep is shown by its start and its depth.
            if where_.count > 80 { where_ = String(where_.prefix(60)) + "…(\(path.count) levels)" }
            return SyntaxError(line: line, column: col, message: message, path: where_)
        }

        mutating func ws() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            ws()
            guard i < b.count else { throw fail("the file ends too early (truncated?)") }
            switch b[i] {
            case 0x7B: return try object(depth: depth + 1)
            case 0x5B: return try array(depth: depth + 1)
            case 0x22: return .string(try string())
            case 0x74: try literal("true"); return .bool(true)
            case 0x66: try literal("false"); return .bool(false)
            case 0x6E: try literal("null"); return .null
            case 0x2D, 0x30...0x39: return try number()
            default: throw fail("unexpected character '\(Self.show(b[i]))'")
            }
        }

        static func show(_ byte: UInt8) -> String {
            byte >= 0x21 && byte < 0x7F ? String(UnicodeScalar(byte)) : String(format: "0x%02X", byte)
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let w = Array(word.utf8)
            guard i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w else { throw fail("unexpected character '\(Self.show(b[i]))'") }
            i += w.count
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth <= maxDepth else { throw fail("nested more than \(maxDepth) levels deep") }
            i += 1
            var out: [String: JSONValue] = [:]
            ws()
            if i < b.count, b[i] == 0x7D { i += 1; return .object(out) }
            while true {
                ws()
                guard i < b.count else { throw fail("the file ends too early (truncated?)") }
                guard b[i] == 0x22 else { throw fail(b[i] == 0x7D ? "a comma before '}' (trailing comma)" : "expected a key in double quotes") }
                let keyAt = i
                let key = try string()
                ws()
                guard i < b.count, b[i] == 0x3A else { throw fail("expected ':' after a key") }
                i += 1
                path.append("." + Self.shown(key))
                if out[key] != nil { throw fail("the key appears twice in one object", at: keyAt) }
                out[key] = try value(depth: depth)
                path.removeLast()
                ws()
                guard i < b.count else { throw fail("the file ends too early (truncated?)") }
                if b[i] == 0x7D { i += 1; return .object(out) }
                guard b[i] == 0x2C else { throw fail("expected ',' or '}'") }
                i += 1
            }
        }

        /// A key as shown in a path: keys are structure, but cut long ones (never a whole text).
        static func shown(_ key: String) -> String {
            let k = TerminalText.inline(key)
            return k.count > 40 ? String(k.prefix(40)) + "…" : k
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth <= maxDepth else { throw fail("nested more than \(maxDepth) levels deep") }
            i += 1
            var out: [JSONValue] = []
            ws()
            if i < b.count, b[i] == 0x5D { i += 1; return .array(out) }
            while true {
                path.append("[\(out.count)]")
                ws()
                if i < b.count, b[i] == 0x5D { throw fail("a comma before ']' (trailing comma)") }
                out.append(try value(depth: depth))
                path.removeLast()
                ws()
                guard i < b.count else { throw fail("the file ends too early (truncated?)") }
                if b[i] == 0x5D { i += 1; return .array(out) }
                guard b[i] == 0x2C else { throw fail("expected ',' or ']'") }
                i += 1
            }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard i + 4 <= b.count else { throw fail("the file ends too early (truncated?)") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let h = b[i], d: UInt32
                switch h {
                case 0x30...0x39: d = UInt32(h - 0x30)
                case 0x41...0x46: d = UInt32(h - 0x41 + 10)
                case 0x61...0x66: d = UInt32(h - 0x61 + 10)
                default: throw fail("\\u needs four hex digits")
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }

        mutating func string() throws(SyntaxError) -> String {
            i += 1
            // Nearly every string has no escape: then it is the bytes up to the quote, made into a
            // String at once instead of grown byte by byte (half of a catalog parse, issue 19).
            let start = i
            while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
            if i < b.count, b[i] == 0x22 {
                i += 1
                return String(decoding: b[start..<(i - 1)], as: UTF8.self)
            }
            var out = Array(b[start..<i])
            while i < b.count {
                let c = b[i]
                if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                if c < 0x20 { throw fail("a raw control character (\(Self.show(c))) inside a string; write it as \\u00\(String(format: "%02X", c))") }
                if c != 0x5C { out.append(c); i += 1; continue }
                let at = i
                guard i + 1 < b.count else { throw fail("the file ends too early (truncated?)") }
                let e = b[i + 1]
                i += 2
                if let plain = JSONDocument.simpleEscape(e) { out.append(plain); continue }
                switch e {
                case 0x75:
                    var v = try hex4()
                    if (0xDC00...0xDFFF).contains(v) { throw fail("a lone low surrogate \\u\(String(format: "%04X", v))", at: at) }
                    if (0xD800...0xDBFF).contains(v) {
                        guard i + 6 <= b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { throw fail("a lone high surrogate \\u\(String(format: "%04X", v))", at: at) }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone high surrogate \\u\(String(format: "%04X", v))", at: at) }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(v)!)).utf8))
                default: throw fail("an unknown escape '\\\(Self.show(e))' (use \\\\ for a backslash)", at: at)
                }
            }
            throw fail("a string that never ends (truncated?)")
        }

        mutating func number() throws(SyntaxError) -> JSONValue {
            let start = i
            if b[i] == 0x2D { i += 1 }
            func digits() -> Int { let s = i; while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }; return i - s }
            let intStart = i
            let n = digits()
            guard n > 0 else { throw fail("a number needs digits", at: start) }
            guard !(n > 1 && b[intStart] == 0x30) else { throw fail("a number with a leading zero", at: start) }
            var integral = true
            if i < b.count, b[i] == 0x2E {
                i += 1; integral = false
                guard digits() > 0 else { throw fail("a number needs digits after '.'", at: start) }
            }
            if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
                i += 1; integral = false
                if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
                guard digits() > 0 else { throw fail("a number needs digits in its exponent", at: start) }
            }
            let text = String(decoding: b[start..<i], as: UTF8.self)
            if integral, let v = Int(text) { return .int(v) }
            // Beyond Double (1e400) or so small it would be written back as 0 (1e-400): the
            // file would not survive a save unchanged, so it is refused here, not rewritten.
            guard let d = Double(text), d.isFinite else { throw fail("the number \(text.prefix(30)) is out of range", at: start) }
            if d == 0, text.lowercased().split(separator: "e")[0].contains(where: { $0 >= "1" && $0 <= "9" }) {
                throw fail("the number \(text.prefix(30)) is too small to keep", at: start)
            }
            return .double(d)
        }
    }
}
