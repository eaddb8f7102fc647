import Foundation
import RenkeiCore

/// Reads `<workspace>/municipalities/*.json` (profiles, one per local government code). A broken
/// file is one problem line naming it, never a crash, and never hides the other profiles.
public enum ProfileLoader {
    public struct Result: Sendable {
        public var profiles: [String: MunicipalityProfile]
        public var problems: [String]
    }

    public static func load(_ ws: Workspace) -> Result {
        let (found, decodeProblems) = RecordFiles.load(MunicipalityProfile.self, in: ws.municipalitiesDir, expected: expected)
        var profiles: [String: MunicipalityProfile] = [:]
        var problems = decodeProblems
        for (url, p) in found {
            let expected = url.deletingPathExtension().lastPathComponent
            if p.code != expected {
                problems.append("\(url.path): code '\(p.code)' differs from the file name; name the file \(p.code).json")
            }
            if let other = profiles[p.code] {
                problems.append("\(url.path): a second profile for \(p.code) (\(other.name ?? "")); keep one file per code")
                continue
            }
            profiles[p.code] = p
        }
        return Result(profiles: profiles, problems: problems)
    }

    /// The values a person may write where a profile had an unknown one.
    static func expected(_ e: DecodingError) -> String {
        guard case .dataCorrupted(let ctx) = e, let last = ctx.codingPath.last?.stringValue else { return "" }
        switch last {
        case "status": return " (expected one of " + ReadinessStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        case "size": return " (expected one of " + SizeClass.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        default: return ""
        }
    }
}
