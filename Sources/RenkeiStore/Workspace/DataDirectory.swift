import Foundation

/// Where the files that ship with renkei live (guide catalog, calendars, holidays, samples,
/// templates). Never written to: using the app must not modify the repo's own `Data/`.
public struct DataDirectory: Sendable {
    public let url: URL
    public init(url: URL) { self.url = url }

    public var catalog: URL { url.appendingPathComponent("catalog/guide.json") }
    public var samples: URL { url.appendingPathComponent("samples/cases") }
    public var calendars: URL { url.appendingPathComponent("calendars") }
    public var holidays: URL { url.appendingPathComponent("holidays") }
    public var templates: URL { url.appendingPathComponent("templates") }
    /// 全国地方公共団体コード table (Scripts/gen-municipalities.py).
    public var municipalities: URL { url.appendingPathComponent("municipalities/jp.tsv") }
    /// Which bodies share a boundary (Scripts/gen-municipality-adjacency.py).
    public var municipalityAdjacency: URL { url.appendingPathComponent("municipalities/adjacency.tsv") }

    /// $RENKEI_DATA, else the nearest `Data/` above the executable (works for `.build/debug/renkei`
    /// and an installed `share/renkei`), else `./Data`.
    public static func locate(environment: [String: String] = ProcessEnvironment.current) throws -> DataDirectory {
        let fm = FileManager.default
        func ok(_ u: URL) -> Bool { fm.fileExists(atPath: u.appendingPathComponent("catalog/guide.json").path) }
        if let env = environment["RENKEI_DATA"], !env.isEmpty {
            let u = URL(fileURLWithPath: env)
            guard ok(u) else { throw StoreError.workspace(.dataDirectoryMissing(env: env)) }
            return DataDirectory(url: u)
        }
        var candidates: [URL] = []
        if let exe = executableURL() {
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<6 {
                candidates.append(dir.appendingPathComponent("Data"))
                candidates.append(dir.appendingPathComponent("share/renkei"))
                dir = dir.deletingLastPathComponent()
            }
        }
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Data"))
        if let found = candidates.first(where: ok) { return DataDirectory(url: found.standardizedFileURL) }
        throw StoreError.workspace(.dataDirectoryMissing(env: nil))
    }

    static func executableURL() -> URL? {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return URL(fileURLWithPath: p) }
        return Bundle.main.executableURL
    }
}
