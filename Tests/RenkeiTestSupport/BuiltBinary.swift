import Foundation

/// The built `renkei` executable the tests run as another process: `$RENKEI_BIN`, else the one
/// next to the test bundle (`.build/<config>/renkei`).
public enum BuiltBinary {
    public static var renkei: URL {
        if let p = ProcessInfo.processInfo.environment["RENKEI_BIN"], !p.isEmpty { return URL(fileURLWithPath: p) }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map(URL.init(fileURLWithPath:))
            ?? Bundle.main.bundleURL
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("renkei")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Repo.url(".build/debug/renkei")
    }
}
