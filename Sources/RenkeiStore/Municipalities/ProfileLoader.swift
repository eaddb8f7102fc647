import Foundation
import RenkeiCore

/// Reads `<workspace>/municipalities/*.json` (profiles, one per local government code). A broken
/// file is one problem line naming it, never a crash, and never hides the other profiles.
public enum ProfileLoader {
    public struct Result: Sendable {
        public var profiles: [String: MunicipalityProfile]
        public var problems: [RecordProblem]
    }

    public static func load(_ ws: Workspace) -> Result {
        let (found, decodeProblems) = RecordFiles.load(MunicipalityProfile.self, in: ws.municipalitiesDir, expected: expected)
        var profiles: [String: MunicipalityProfile] = [:]
        var problems = decodeProblems
        for (url, p) in found {
            let expected = url.deletingPathExtension().lastPathComponent
            if p.code != expected {
                problems.append(.profileFileName(file: url.path, code: p.code))
            }
            if let other = profiles[p.code] {
                problems.append(.profileTwice(file: url.path, code: p.code, name: other.name ?? ""))
                continue
            }
            profiles[p.code] = p
        }
        return Result(profiles: profiles, problems: problems)
    }

    /// The values a person may write where a profile had an unknown one.
    static func expected(_ e: DecodingError) -> [String]? {
        guard case .dataCorrupted(let ctx) = e, let last = ctx.codingPath.last?.stringValue else { return nil }
        switch last {
        case "status": return ReadinessStatus.allCases.map(\.rawValue)
        case "size": return SizeClass.allCases.map(\.rawValue)
        default: return nil
        }
    }
}
