/// An error that words itself from the label table in the reader's language (the store's,
/// a command's, an export's): `ErrorText.line(error, lang)` renders any of them, so the CLI's
/// error line and the workbench's toast never fall back to an English `description`.
public protocol WordedError: Error {
    func text(_ lang: Lang) -> String
}

/// Why an export could not be made, typed (issue 14: unknown formats, audiences and templates
/// were refused in English under a Japanese locale). The one definition: `RenkeiReport` throws
/// it as `ReportError` (an alias), so a new failure is added here once, with its words.
/// Values a person typed are made inert for the terminal when worded (`TerminalText.inline`).
public enum ExportMessage: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownFormat(String, allowed: [String])
    case unknownLanguage(String)
    case invalidTemplateName(String)
    case templateNotFound(name: String, searched: [String])
    indirect case template(path: String, reason: TemplateProblem)
    case outputExists(String)
    case outputNotWritable(path: String, problem: OutputProblem)
    case quarantined(id: String, path: String)
    /// An id that cannot name a case file (`../etc/passwd`).
    case invalidCaseId(String)
    case unknownAudience(String)
    case noPDFEngine
    case pdfFailed(PDFFailure)
    case shareOnlyOption(String)

    public var description: String { text(.en) }

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .unknownFormat(let typed, let allowed):
            let f = TerminalText.inline(typed)
            return ja ? "形式「\(f)」はありません。次のいずれかを指定してください: \(allowed.joined(separator: "、"))"
                      : "unknown format '\(f)'; use one of \(allowed.joined(separator: ", "))"
        case .unknownLanguage(let typed):
            let l = TerminalText.inline(typed)
            return ja ? "言語「\(l)」はありません — ja か en を指定してください" : "unknown language '\(l)'; use ja or en"
        case .invalidTemplateName(let typed):
            let n = TerminalText.inline(typed)
            return ja ? "テンプレート名「\(n)」は使えません: 半角小文字・数字・「-」「_」「.」だけ（例: case.html）、「/」「..」は不可"
                      : "invalid template name '\(n)': use lowercase letters, digits, '-', '_' and dots (e.g. case.html), no '/' or '..'"
        case .templateNotFound(let n, let dirs):
            let where_ = dirs.isEmpty ? (ja ? "（テンプレートのフォルダがありません）" : "(no template folder)") : dirs.joined(separator: ja ? " と " : " or ")
            return ja ? "テンプレート「\(n).mustache」が \(where_) にありません" : "no template '\(n).mustache' in \(where_)"
        case .template(let path, let reason):
            return ja ? "テンプレート \(path): \(reason.text(lang))" : "template \(path): \(reason.text(lang))"
        case .outputExists(let p):
            return ja ? "\(p) はすでにあります — 上書きするには --force を付けてください" : "\(p) already exists; use --force to overwrite it"
        case .outputNotWritable(let p, let problem):
            return ja ? "\(p) に書き込めません: \(problem.text(lang))" : "cannot write \(p): \(problem.text(lang))"
        case .quarantined(let id, let path):
            return ja ? "案件「\(id)」は隔離されています（\(path)） — ファイルを直して cases/ に戻してから書き出してください"
                      : "case '\(id)' is quarantined (\(path)); fix the file and move it back to cases/ before exporting it"
        case .invalidCaseId(let id):
            return CaseID.validationMessage(id, lang)
        case .unknownAudience(let typed):
            let a = TerminalText.inline(typed)
            return ja ? "出力先「\(a)」はありません — --for share（事例シート）か --for internal（内部用の報告）を指定してください"
                      : "unknown audience '\(a)'; use --for share (the 事例シート) or --for internal (the full report)"
        case .noPDFEngine:
            return ja ? "PDF を作るプログラムが見つかりません: chromium と fonts-noto-cjk を入れる（bash Scripts/install-deps.sh）か、--format html で書き出してブラウザから印刷してください"
                      : "no PDF engine found: install chromium and fonts-noto-cjk (bash Scripts/install-deps.sh), or export --format html and print it from a browser"
        case .pdfFailed(let reason):
            return ja ? "PDF の作成に失敗しました: \(reason.text(lang)) — --format html で書き出してブラウザから印刷してください"
                      : "PDF printing failed: \(reason.text(lang)); export --format html and print it from a browser instead"
        case .shareOnlyOption(let option):
            return ja ? "\(option) は事例シート用です — 外すか --for share を付けてください" : "\(option) applies to the share sheet; drop it or use --for share"
        }
    }
}

extension ExportMessage: WordedError {}

/// Why a file a person named for output (`export -o`, `ical -o`, `ical --feed`, the merge
/// driver's result) could not take it — typed, so the Japanese line says it in Japanese.
public enum OutputProblem: Equatable, Sendable {
    case directory
    case symlinkLoop
    /// A block device or another kind of file renkei does not write into.
    case special
    /// A FIFO no program has open for reading (writing would wait forever).
    case pipeWithoutReader
    /// The folder the file goes in does not exist (`-o 無い/予定.ics`).
    case folderMissing(String)
    /// A folder to export into (the workbench's export dialog) is a file, or cannot be made.
    case notAFolder
    case io(FileProblem)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .directory:
            return ja ? "ディレクトリです — ファイル名を指定してください" : "it is a directory; give a file name"
        case .symlinkLoop:
            return ja ? "シンボリックリンクが循環しています — リンクを直すか、別のファイル名を指定してください"
                      : "the symbolic links loop (Too many levels of symbolic links); fix the link or give another file name"
        case .special:
            return ja ? "ブロックデバイスか特殊なファイルです — ファイル名を指定してください" : "a block device or another special file; give a file name"
        case .pipeWithoutReader:
            return ja ? "どのプログラムも読んでいない名前付きパイプです — 先に読み取る側を起動してください"
                      : "a named pipe that no program is reading; start the reader first"
        case .folderMissing(let dir):
            return ja ? "フォルダ \(dir) がありません — 先に作るか、別の場所を指定してください" : "the folder \(dir) does not exist; create it or give another place"
        case .notAFolder:
            return ja ? "フォルダではありません — フォルダを指定してください" : "not a folder; give a folder"
        case .io(let problem):
            return problem.text(lang)
        }
    }
}
