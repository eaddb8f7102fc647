import Foundation
import RenkeiCore

/// National grant programmes as data: the shipped `Data/funding/*.json` and the workspace's
/// `<workspace>/programmes/*.json` (a workspace programme with the same id replaces the shipped one).
public enum ProgrammeLoader {
    public static func load(data: DataDirectory, workspace: Workspace?) -> (programmes: [FundingProgramme], problems: [RecordProblem]) {
        var byId: [String: FundingProgramme] = [:]
        var order: [String] = []
        var problems: [RecordProblem] = []
        let dirs = [data.url.appendingPathComponent("funding")] + (workspace.map { [$0.root.appendingPathComponent("programmes")] } ?? [])
        for dir in dirs {
            let (found, p) = RecordFiles.load(FundingProgramme.self, in: dir)
            problems += p
            for (url, prog) in found {
                problems += prog.problems(file: url.path)
                if byId[prog.id] == nil { order.append(prog.id) }
                byId[prog.id] = prog
            }
        }
        return (order.compactMap { byId[$0] }, problems)
    }
}
