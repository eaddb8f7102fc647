import Foundation
import Mustache
import RenkeiCore
import RenkeiStore

/// Finds and parses report templates (Mustache, https://mustache.github.io/mustache.5.html).
///
/// Shipped templates live in `Data/templates/<name>.mustache`. A municipality copies one into
/// `<workspace>/templates/` and edits it; the workspace copy wins. Every `*.mustache` file of
/// both folders is also available as a partial (`{{> name}}`), workspace first.
///
/// Template names are validated before they become paths: lowercase letters, digits, '-', '_'
/// and dots between them (`case.html`, `case-short.md`), at most 64 characters — no '/', no
/// '..', no hidden files. Symlinks are not followed and files over 1 MiB are refused.
public struct TemplateStore: Sendable {
    public let shippedDir: URL?
    public let workspaceDir: URL?
    public static let maxTemplateSize = 1_048_576

    public init(shippedDir: URL?, workspaceDir: URL?) {
        self.shippedDir = shippedDir
        self.workspaceDir = workspaceDir
    }

    public init(data: DataDirectory?, workspace: Workspace?) {
        self.init(shippedDir: data?.templates, workspaceDir: workspace?.templatesDir)
    }

    public static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 64 else { return false }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { p in
            !p.isEmpty && p.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
                && p.first != "-"
        }
    }

    /// Where the template `name` comes from: the workspace copy if there is one, else the shipped one.
    public func locate(_ name: String) throws -> URL {
        guard TemplateStore.isValidName(name) else { throw ReportError.invalidTemplateName(name) }
        for dir in [workspaceDir, shippedDir].compactMap({ $0 }) {
            let u = dir.appendingPathComponent(name + ".mustache")
            var st = stat()
            if lstat(u.path, &st) == 0 { return u }
        }
        throw ReportError.templateNotFound(name: name, searched: [workspaceDir, shippedDir].compactMap { $0?.path })
    }

    /// The parsed template `name`, with every other template as a partial.
    public func load(_ name: String) throws -> (template: MustacheTemplate, library: MustacheLibrary, url: URL) {
        TemplateStore.registerContentType
        let url = try locate(name)
        let main = try parse(url, name: name)
        var library = MustacheLibrary()
        for dir in [shippedDir, workspaceDir].compactMap({ $0 }) {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
            for f in files {
                let partial = String(f.dropLast(".mustache".count))
                guard TemplateStore.isValidName(partial), partial != name else { continue }
                // A broken partial only matters if it is used; skip it here, the main template names it.
                if let t = try? parse(dir.appendingPathComponent(f), name: partial) { library.register(t, named: partial) }
            }
        }
        library.register(main, named: name)
        return (main, library, url)
    }

    func parse(_ url: URL, name: String) throws -> MustacheTemplate {
        let data: Data
        do { data = try DurableFile.read(url, limit: TemplateStore.maxTemplateSize) } catch {
            throw ReportError.template(path: url.path, reason: "\(error)".replacingOccurrences(of: url.path + ": ", with: ""))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError.template(path: url.path, reason: "not valid UTF-8 text")
        }
        do {
            // Values arrive already escaped for the format (TemplateContext); the template must not escape again.
            return try MustacheTemplate(string: TemplateStore.prefix + text)
        } catch let e as MustacheTemplate.ParserError {
            let ctx = e.context
            // The prefix takes one line: report the line number of the user's file.
            throw ReportError.template(path: url.path, reason: "line \(max(1, ctx.lineNumber - 1)), column \(max(1, ctx.columnNumber)): \(e.error) near \"\(TerminalText.inline(String(ctx.line.trimmingCharacters(in: .whitespaces).prefix(60))))\"")
        }
    }

    static let prefix = "{{% CONTENT_TYPE: RENKEI_PRE_ESCAPED}}\n"

    /// The identity content type: escaping was done by `Escaper` before rendering.
    struct PreEscaped: MustacheContentType {
        func escapeText(_ text: String) -> String { text }
    }
    static let registerContentType: Void = {
        MustacheContentTypes.register(PreEscaped(), named: "RENKEI_PRE_ESCAPED")
    }()

    /// Renders `name` for a value tree made by `TemplateContext`.
    public func render(_ name: String, context: [String: Any]) throws -> String {
        let (template, library, _) = try load(name)
        return template.render(context, library: library)
    }
}
