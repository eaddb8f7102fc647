import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Mustache
import RenkeiCore
import RenkeiStore

/// Finds and parses report templates (Mustache, https://mustache.github.io/mustache.5.html).
///
/// Shipped templates live in `Data/templates/<name>.mustache`. A municipality copies one into
/// `<workspace>/templates/` and edits it; the workspace copy wins.
///
/// Template names are validated before they become paths: lowercase letters, digits, '-', '_'
/// and dots between them (`case.html`, `case-short.md`), at most 64 characters — no '/', no
/// '..', no hidden files. Symlinks are not followed and files over 1 MiB are refused.
/// Partials (`{{> report-style}}`) are looked up the same way, workspace first.
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

    /// The parsed template `name`, with the partials it uses (`{{> other}}`, recursively)
    /// resolved the same way (workspace first). Unused templates are not read.
    public func load(_ name: String) throws -> (template: MustacheTemplate, library: MustacheLibrary, url: URL) {
        TemplateStore.registerContentType
        let url = try locate(name)
        let main = try parse(url, name: name)
        // The main template is not registered under its own name: only partials found by the
        // scan are in the library, so nothing the scan missed can lead back to it.
        var library = MustacheLibrary()
        var graph: [String: [String]] = [name: main.partials]
        var pending = main.partials, done: Set<String> = [name]
        while let p = pending.popLast() {
            guard done.insert(p).inserted else { continue }
            guard TemplateStore.isValidName(p) else { throw ReportError.template(path: url.path, reason: .partialName(TerminalText.inline(p), .invalidTemplateName(p))) }
            let partial = try parse(try locate(p), name: p)
            library.register(partial.template, named: p)
            graph[p] = partial.partials
            pending += partial.partials
        }
        if let loop = TemplateStore.partialLoop(from: name, graph) {
            throw ReportError.template(path: url.path, reason: .partialLoop(loop))
        }
        return (main.template, library, url)
    }

    /// The stylesheet of the HTML reports (`report-style.css`, workspace copy first), given to
    /// templates as `{{style}}`. Plain CSS, not parsed as a template; "</style" is defused so the
    /// file cannot close the style element.
    public func stylesheet(_ name: String = "report-style.css") throws -> String {
        guard TemplateStore.isValidName(name) else { throw ReportError.invalidTemplateName(name) }
        for dir in [workspaceDir, shippedDir].compactMap({ $0 }) {
            let u = dir.appendingPathComponent(name)
            var st = stat()
            guard lstat(u.path, &st) == 0 else { continue }
            let data: Data
            do { data = try RegularFile.read(u, limit: TemplateStore.maxTemplateSize) } catch {
                throw ReportError.template(path: u.path, reason: .unreadable((error as? StoreError)?.damageReason ?? .text("\(error)")))
            }
            guard let css = String(data: data, encoding: .utf8) else { throw ReportError.template(path: u.path, reason: .notUTF8) }
            var out = css.replacingOccurrences(of: "</style", with: "<\\/style", options: .caseInsensitive)
            while out.last?.isNewline == true { out.removeLast() }
            return out
        }
        return ""
    }

    /// Names used as `{{> name}}` (a partial) or `{{< name}}` (a parent) in a template's text.
    /// Set-delimiter tags are refused: with other delimiters a partial could hide from this
    /// scan, and an unseen partial is what made `x{{> case.html}}` recurse until SIGSEGV.
    static func partialNames(_ text: String) throws(PartialScanError) -> [String] {
        var out: [String] = []
        var rest = text[...]
        while let r = rest.range(of: "{{") {
            rest = rest[r.upperBound...]
            let tag = rest.drop { $0 == "{" || $0 == " " || $0 == "\t" }
            guard let kind = tag.first else { break }
            if kind == "=" { throw PartialScanError() }
            guard kind == ">" || kind == "<" else { continue }
            guard let close = tag.range(of: "}}") else { break }
            out.append(tag[tag.index(after: tag.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = tag[close.upperBound...]
        }
        return out
    }

    /// A set-delimiter tag (`TemplateProblem.setDelimiter`).
    struct PartialScanError: Error {}

    /// The first loop in the partial graph from `start` ("case.html → note → case.html"), if any.
    /// renkei's report data is not recursive, so a template that includes itself, directly or
    /// through others, can only recurse until the stack overflows (issue 18, finding 8).
    static func partialLoop(from start: String, _ partials: [String: [String]]) -> [String]? {
        var path: [String] = []
        var done: Set<String> = []
        func visit(_ n: String) -> [String]? {
            if let i = path.firstIndex(of: n) { return Array(path[i...]) + [n] }
            if done.contains(n) { return nil }
            path.append(n)
            for p in partials[n] ?? [] { if let loop = visit(p) { return loop } }
            path.removeLast()
            done.insert(n)
            return nil
        }
        return visit(start)
    }

    /// Parsed templates by path, reused while the file's size and modification time are unchanged
    /// (the TUI exports many times in one session).
    final class Cache: @unchecked Sendable {
        struct Entry { var size: Int; var mtime: Int; var nsec: Int; var template: MustacheTemplate; var partials: [String] }
        let lock = NSLock()
        var entries: [String: Entry] = [:]
    }
    static let cache = Cache()

    func parse(_ url: URL, name: String) throws -> (template: MustacheTemplate, partials: [String]) {
        var st = stat()
        if lstat(url.path, &st) == 0 {
            let key = url.path
            TemplateStore.cache.lock.lock()
            let hit = TemplateStore.cache.entries[key]
            TemplateStore.cache.lock.unlock()
            if let hit, hit.size == Int(st.st_size), hit.mtime == Int(st.st_mtim.tv_sec), hit.nsec == Int(st.st_mtim.tv_nsec) {
                return (hit.template, hit.partials)
            }
        }
        let data: Data
        do { data = try RegularFile.read(url, limit: TemplateStore.maxTemplateSize) } catch {
            throw ReportError.template(path: url.path, reason: .unreadable((error as? StoreError)?.damageReason ?? .text("\(error)")))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError.template(path: url.path, reason: .notUTF8)
        }
        let template: MustacheTemplate
        do {
            // Values arrive already escaped for the format (TemplateContext); the template must not escape again.
            template = try MustacheTemplate(string: TemplateStore.prefix + text)
        } catch let e as MustacheTemplate.ParserError {
            let ctx = e.context
            // The prefix takes one line: report the line number of the user's file.
            throw ReportError.template(path: url.path, reason: .syntax(line: max(1, ctx.lineNumber - 1), column: max(1, ctx.columnNumber), detail: "\(e.error)",
                                                                      near: TerminalText.inline(String(ctx.line.trimmingCharacters(in: .whitespaces).prefix(60)))))
        }
        let partials: [String]
        do { partials = try TemplateStore.partialNames(text) } catch { throw ReportError.template(path: url.path, reason: .setDelimiter) }
        TemplateStore.cache.lock.lock()
        TemplateStore.cache.entries[url.path] = .init(size: Int(st.st_size), mtime: Int(st.st_mtim.tv_sec), nsec: Int(st.st_mtim.tv_nsec),
                                                     template: template, partials: partials)
        TemplateStore.cache.lock.unlock()
        return (template, partials)
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
