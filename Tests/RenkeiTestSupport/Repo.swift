import Foundation

/// The checkout the tests run from: the one place the repository root is found. Everything
/// else (Data/, Scripts/, golden files, fixtures) is a path under it.
public enum Repo {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `relative` under the root, e.g. "Tests/RenkeiTUITests/Goldens".
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The shipped Data/ directory (tests never write to it).
    public static var data: URL { url("Data") }
    public static var scripts: URL { url("Scripts") }
}
