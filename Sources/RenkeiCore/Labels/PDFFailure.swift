/// Why printing a PDF failed (`ExportMessage.pdfFailed`), in the reader's language.
public enum PDFFailure: Equatable, Sendable {
    case noTemporaryFolder
    case cannotStart(String)
    case timedOut(browser: String, seconds: Int)
    case noPDF(browser: String, status: Int32)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .noTemporaryFolder: return ja ? "一時フォルダを作れません" : "cannot create a temporary folder"
        case .cannotStart(let path): return ja ? "\(path) を起動できません" : "cannot start \(path)"
        case .timedOut(let b, let s): return ja ? "\(b) が \(s) 秒以内に終わりませんでした" : "\(b) did not finish within \(s) s"
        case .noPDF(let b, let status): return ja ? "\(b) が終了コード \(status) で終わり、PDF を書きませんでした" : "\(b) exited with status \(status) and wrote no PDF"
        }
    }
}
