import Foundation
import RenkeiCore

/// The encodings Japanese offices save CSV in. CP932 is Microsoft's Shift_JIS (Excel's "CSV" in
/// Japan, kintone's Shift_JIS export): strict Shift_JIS decoders reject ①, ㈱ and 髙, but
/// Foundation's `.shiftJIS` on Linux decodes them (checked, see DESIGN.md).
public enum SourceEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8BOM = "utf-8-bom"
    case utf8 = "utf-8"
    case cp932

    /// What the preview shows ("detected encoding: CP932 (Shift_JIS)").
    public var display: String {
        switch self {
        case .utf8BOM: return "UTF-8 (BOM)"
        case .utf8: return "UTF-8"
        case .cp932: return "CP932 (Shift_JIS)"
        }
    }

    /// `--encoding` values: the names people type for these.
    public static func parse(_ text: String) throws -> SourceEncoding {
        switch text.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": return .utf8
        case "utf-8-bom", "utf8-bom", "utf-8-sig": return .utf8BOM
        case "cp932", "shift-jis", "sjis", "shiftjis", "windows-31j", "ms932": return .cp932
        default: throw ImportError(.unsupportedEncoding(TerminalText.inline(text)))
        }
    }
}

/// Bytes of a text file → a Swift string, with the encoding that was used.
public enum SourceText {
    /// Detects in the order the issue fixes: a UTF-8 BOM, then valid UTF-8, then CP932.
    /// A NUL byte means a binary file (a renamed .xls or .zip), not text in any of these.
    public static func decode(_ data: Data, file: String, forced: SourceEncoding? = nil) throws -> (text: String, encoding: SourceEncoding) {
        if let nul = data.firstIndex(of: 0) { throw ImportError(.binary(file: file, offset: nul - data.startIndex)) }
        let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
        var text: String? = nil
        let encoding: SourceEncoding
        if let forced { encoding = forced } else if hasBOM { encoding = .utf8BOM } else if let utf8 = String(validating: data, as: UTF8.self) {
            if isISO2022JP(data) { throw ImportError(.unknownEncoding(file: file, forced: nil)) }
            encoding = .utf8; text = utf8
        } else { encoding = .cp932 }
        if text == nil {
            switch encoding {
            case .utf8BOM, .utf8: text = String(validating: hasBOM ? data.dropFirst(3) : data, as: UTF8.self)
            case .cp932: text = String(data: data, encoding: .shiftJIS)
            }
        }
        guard let text else {
            throw ImportError(.unknownEncoding(file: file, forced: forced?.display))
        }
        return (normalizeWaveDash(text), encoding)
    }

    /// ISO-2022-JP (JIS: old mail and host systems) is 7-bit, so it passes as UTF-8; its escape
    /// shift into JIS X 0208 (ESC $ B, or ESC $ @ for the 1978 set) gives it away.
    /// Read as UTF-8 it would show 「␛$B7oL>␛(B」 for 件名 and import nothing useful.
    static func isISO2022JP(_ data: Data) -> Bool {
        data.contains(0x1B) && (data.range(of: Data([0x1B, 0x24, 0x42])) != nil || data.range(of: Data([0x1B, 0x24, 0x40])) != nil)
    }

    /// 〜 (U+301C WAVE DASH, from Macs and UTF-8 editors) and ～ (U+FF5E, what CP932 decodes 0x8160
    /// to) are the same mark in an office file; one form keeps search and a later CP932 export
    /// consistent. U+FF5E is kept because CP932 can encode it and cannot encode U+301C.
    public static func normalizeWaveDash(_ s: String) -> String {
        guard s.unicodeScalars.contains("\u{301C}") else { return s }
        return s.replacingOccurrences(of: "\u{301C}", with: "\u{FF5E}")
    }
}
