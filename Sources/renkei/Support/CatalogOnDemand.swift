import Foundation
import RenkeiCore
import RenkeiStore

/// The guide catalog (shipped + the workspace's extensions), loaded the first time a command
/// reads it. `list --count`, `list` and `overdue` on an empty workspace never do, and the
/// catalog's `JSONDecoder` pass was about half of their start-up (BENCHMARKS.md, "Start-up").
///
/// A catalog that cannot be read ends the command with one line naming the file and exit 1,
/// as it did when it was loaded eagerly. Nothing has been written at that point: every write
/// path reads the catalog (gates, the command context) before it writes.
final class CatalogOnDemand: @unchecked Sendable {
    private let slot: LoadOnce<CatalogLoader.Result>

    init(data: DataDirectory, workspace: Workspace) {
        slot = LoadOnce {
            do { return try CatalogLoader.load(data: data, workspace: workspace) } catch {
                Output.error(StatusMessage.catalogUnreadable(reason: ErrorText.line(error, Output.lang)).text(Output.lang))
                Foundation.exit(ExitStatus.error.rawValue)
            }
        }
    }

    var catalog: Catalog { slot.value.catalog }
    func problems(_ lang: Lang) -> [String] { slot.value.problems.map { $0.text(lang) } }
}
