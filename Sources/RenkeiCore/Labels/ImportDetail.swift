/// Why a whole import file, its workbook parts or its mapping could not be used — the part in
/// brackets of `ImportMessage`'s file-level lines, typed (issue 14: it was the reader's or the
/// error's English `description` — "not a zip archive", "DecodingError.dataCorrupted…" — inside
/// a Japanese line).
public enum ImportDetail: Equatable, Sendable {
    /// The .xlsx is not a zip archive (renamed from another format, cut short).
    case notZip
    case missingPart(String)
    /// A part the archive cannot unpack (a bad checksum, cut short).
    case partUnreadable(String)
    case partTooLarge(part: String, megabytes: Int)
    /// The workbook lists a sheet whose part is not in the archive.
    case sheetWithoutPart(String)
    case missingSharedString(cell: String)
    /// A workbook part whose XML does not parse; the line the parser stopped at.
    case xml(part: String, line: Int)
    /// A sheet's row number outside Excel's 1…1,048,576 (a damaged part).
    case rowNumberOutOfRange(part: String, found: String, max: Int)
    /// libxml2 could not be loaded (the reason is the loader's, a library name).
    case xmlLibraryMissing(String)
    /// The CSV reader gave up (bytes it cannot decode, a header it cannot read).
    case csvUnreadable
    /// A mapping file that is not JSON at all.
    case notJSON
    /// A mapping file whose JSON has the wrong shape at `path` (`columns.件名`).
    case mappingField(path: String)
    /// The workspace's own failure (a full disk, permissions), worded by the store's table.
    case store(StoreMessage)
    /// Anything else, in its own words (never a case's content).
    case other(String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .notZip: return ja ? "zip 形式ではありません" : "not a zip archive"
        case .missingPart(let p): return ja ? "\(p) がありません" : "missing part \(p)"
        case .partUnreadable(let p): return ja ? "\(p) を展開できません（壊れています）" : "\(p) cannot be unpacked (damaged)"
        case .partTooLarge(let p, let mb): return ja ? "\(p) が展開すると \(mb) MB を超えます" : "\(p) unpacks to more than \(mb) MB"
        case .sheetWithoutPart(let s): return ja ? "シート「\(s)」の中身がありません" : "sheet '\(s)' has no part"
        case .missingSharedString(let cell): return ja ? "セル \(cell) の文字列がありません" : "cell \(cell) points at a missing shared string"
        case .xml(let part, let line): return ja ? "\(part) の \(line) 行目で XML が壊れています" : "\(part): XML error at line \(line)"
        case .rowNumberOutOfRange(let part, let found, let max):
            return ja ? "\(part): 行番号 \(found) が 1…\(max) の範囲外です" : "\(part): row number \(found) is outside 1…\(max)"
        case .xmlLibraryMissing(let why):
            return ja ? ".xlsx を読むには libxml2 が必要です（\(why)） — libxml2 のパッケージを入れてください"
                      : "reading .xlsx needs libxml2 (\(why)): install the libxml2 package"
        case .csvUnreadable:
            return ja ? "CSV として読めません（文字コードか引用符の誤り）" : "the CSV cannot be read (its encoding or its quotes)"
        case .notJSON: return ja ? "JSON ではありません" : "not valid JSON"
        case .mappingField(let p):
            return p.isEmpty ? (ja ? "JSON の形が違います" : "the JSON has the wrong shape")
                             : (ja ? "項目「\(p)」の形が違います" : "'\(p)' has the wrong shape")
        case .store(let m): return m.text(lang)
        case .other(let s): return s
        }
    }
}
