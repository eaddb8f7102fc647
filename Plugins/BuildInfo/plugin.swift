import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` (version from the VERSION file, the git commit it was built from)
/// before every build, so `renkei --version` names the exact commit. A prebuild command runs a
/// system shell, not a tool built from this package; the script rewrites the file only when its
/// content changes, so an unchanged commit recompiles nothing.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo")
        let root = context.package.directoryURL
        return [.prebuildCommand(
            displayName: "renkei build info (VERSION + git commit)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [root.appending(path: "Scripts/build-info.sh").path, root.path, output.path],
            outputFilesDirectory: output)]
    }
}
