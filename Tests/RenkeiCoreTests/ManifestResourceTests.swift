import Foundation
import RenkeiTestSupport
import Testing

/// Every file in a target's folder that SwiftPM does not compile must be declared in
/// Package.swift (`exclude:` or `resources:`), else every `swift build` warns "found N file(s)
/// which are unhandled" — noise that hides real warnings (it did for RenkeiAppTests' goldens).
/// Read from the manifest's text so the whole tree is checked, not one folder.
@Suite struct ManifestResourceTests {
    struct Target { var name: String; var dir: String; var declared: [String] }

    /// The targets of Package.swift with their folder and the paths they exclude or bundle.
    static func targets() throws -> [Target] {
        let text = try String(contentsOf: Repo.url("Package.swift"), encoding: .utf8)
        // Comments may hold parentheses; a `//` after a colon is a URL, not a comment.
        let code = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard let r = line.range(of: "//"), r.lowerBound == line.startIndex || line[line.index(before: r.lowerBound)] != ":" else { return line }
            return line[..<r.lowerBound]
        }.joined(separator: "\n")
        var out: [Target] = []
        for kind in [".target(", ".testTarget(", ".executableTarget("] {
            var rest = code[...]
            while let start = rest.range(of: kind) {
                var depth = 1, i = start.upperBound
                while depth > 0, i < rest.endIndex {
                    if rest[i] == "(" { depth += 1 } else if rest[i] == ")" { depth -= 1 }
                    i = rest.index(after: i)
                }
                let decl = String(rest[start.upperBound..<i])
                rest = rest[i...]
                guard let name = Self.string(after: "name:", in: decl) else { continue }
                let dir = Self.string(after: "path:", in: decl) ?? ((kind == ".testTarget(" ? "Tests/" : "Sources/") + name)
                out.append(Target(name: name, dir: dir, declared: Self.strings(after: "exclude:", in: decl) + Self.strings(after: "resources:", in: decl)))
            }
        }
        return out
    }

    static func string(after key: String, in decl: String) -> String? {
        guard let k = decl.range(of: key) else { return nil }
        let parts = decl[k.upperBound...].split(separator: "\"", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count >= 2 ? String(parts[1]) : nil
    }

    /// The quoted strings of the array after `key` (`exclude: ["Goldens", "Fixtures"]`).
    static func strings(after key: String, in decl: String) -> [String] {
        guard let k = decl.range(of: key), let open = decl[k.upperBound...].firstIndex(of: "["),
              let close = decl[open...].firstIndex(of: "]") else { return [] }
        return decl[open..<close].split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    @Test func theManifestParserSeesEveryTarget() throws {
        let names = Set(try Self.targets().map(\.name))
        #expect(names.isSuperset(of: ["RenkeiCore", "RenkeiAppTests", "RenkeiTUITests", "renkei", "RenkeiTestSupport"]), "\(names.sorted())")
        let app = try #require(try Self.targets().first { $0.name == "RenkeiTUITests" })
        #expect(app.declared == ["Goldens"] && app.dir == "Tests/RenkeiTUITests")
    }

    @Test func everyNonSourceFileIsExcludedOrAResource() throws {
        let compiled: Set<String> = ["swift", "c", "h", "modulemap"]
        var unhandled: [String] = []
        for t in try Self.targets() {
            let root = Repo.url(t.dir)
            guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                guard !compiled.contains(url.pathExtension) else { continue }
                let rel = String(url.path.dropFirst(root.path.count + 1))
                if !t.declared.contains(where: { rel == $0 || rel.hasPrefix($0 + "/") }) { unhandled.append("\(t.dir)/\(rel)") }
            }
        }
        #expect(unhandled.isEmpty, "not declared in Package.swift (add the folder to the target's exclude:): \(unhandled.prefix(10))")
    }
}
