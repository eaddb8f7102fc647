import Foundation
import RenkeiStore
#if canImport(Glibc)
import Glibc
#endif

/// Prints a self-contained HTML report to PDF with headless Chromium, when it is installed.
/// Chromium is not part of the build: `Scripts/install-deps.sh` installs it (with fonts-noto-cjk
/// for the Japanese glyphs) and without it `--format pdf` says so in one line.
///
/// `RENKEI_PDF_ENGINE` names the browser binary to use; `RENKEI_PDF_ENGINE=none` behaves as if
/// none were installed (tests of the message use it).
public enum PDFPrinter {
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// Generous: a cold Chromium start on a loaded 2-core machine takes a few seconds.
    static let timeoutSeconds = 120.0

    public static func engine(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let forced = environment["RENKEI_PDF_ENGINE"], !forced.isEmpty {
            if forced == "none" { return nil }
            if forced.contains("/") { return FileManager.default.isExecutableFile(atPath: forced) ? URL(fileURLWithPath: forced) : nil }
            return which(forced, environment)
        }
        for name in candidates { if let u = which(name, environment) { return u } }
        return nil
    }

    static func which(_ name: String, _ environment: [String: String]) -> URL? {
        for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return URL(fileURLWithPath: p) }
        }
        return nil
    }

    /// The PDF bytes of `html` (A4, the page size and margins come from the stylesheet's @page).
    public static func print(html: Data) throws -> Data {
        guard let browser = engine() else { throw ReportError.noPDFEngine }
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("renkei-pdf-XXXXXX").path.utf8CString)
        guard let made = mkdtemp(&template) else { throw ReportError.pdfFailed(.noTemporaryFolder) }
        let dir = URL(fileURLWithPath: String(cString: made))
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("sheet.html"), out = dir.appendingPathComponent("sheet.pdf")
        try html.write(to: page)
        let p = Process()
        p.executableURL = browser
        // --no-sandbox: Chromium refuses to start as root otherwise (CI containers run as root).
        // Its own profile folder keeps it from touching the user's browser profile.
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                       "--no-default-browser-check", "--disable-extensions", "--no-pdf-header-footer",
                       "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                       "--print-to-pdf=\(out.path)", page.absoluteString]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { throw ReportError.pdfFailed(.cannotStart(browser.path)) }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            throw ReportError.pdfFailed(.timedOut(browser: browser.lastPathComponent, seconds: Int(timeoutSeconds)))
        }
        // Our own temp folder, but read like any other file: never block, never follow a link.
        guard let data = try? RegularFile.read(out, limit: 1 << 30), data.starts(with: Array("%PDF".utf8)) else {
            throw ReportError.pdfFailed(.noPDF(browser: browser.lastPathComponent, status: p.terminationStatus))
        }
        return data
    }
}
