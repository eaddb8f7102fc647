import Foundation
import RenkeiCore

/// The human-edited record files of a workspace directory (municipality profiles, partners):
/// each `.json` decoded on its own, a broken one reported as one line naming it and the field,
/// never hiding the others.
enum RecordFiles {
    static let maxFileSize = 1_048_576

    /// `expected`: the values a field accepts, for a decoding error on it (nil: no list).
    static func load<T: Decodable>(_ type: T.Type, in dir: URL, expected: (DecodingError) -> [String]? = { _ in nil })
        -> (records: [(url: URL, value: T)], problems: [RecordProblem]) {
        var records: [(url: URL, value: T)] = []
        var problems: [RecordProblem] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for name in names.filter({ $0.hasSuffix(".json") && !$0.hasPrefix(".") }).sorted() {
            let url = dir.appendingPathComponent(name)
            var bytes = Data()
            do {
                bytes = try RegularFile.read(url, limit: maxFileSize)
                records.append((url, try JSONDecoder().decode(T.self, from: bytes)))
            } catch let e as DecodingError {
                // Foundation says only "The given data was not valid JSON." for a file cut off
                // mid-edit: say where (line and column), as case files do.
                if case .dataCorrupted = e, (try? JSONDocument.parse(bytes)) == nil {
                    problems.append(.damaged(file: url.path, CaseCodec.syntaxReason(bytes)))
                } else if let accepted = expected(e), case .dataCorrupted(let ctx) = e {
                    problems.append(.damaged(file: url.path, .unknownValue(path: CaseCodec.path(ctx.codingPath), accepted: accepted)))
                } else {
                    problems.append(.damaged(file: url.path, CaseCodec.reason(e)))
                }
            } catch {
                problems.append(.unreadable(CaseStore.message(error, path: url.path)))
            }
        }
        return (records, problems)
    }
}

/// Reads `<workspace>/partners/*.json`.
public enum PartnerLoader {
    public struct Result: Sendable {
        public var records: [PartnerRecord]
        public var problems: [RecordProblem]
        /// The record a case's partner name denotes, if any.
        public func record(named name: String) -> PartnerRecord? { records.first { $0.matches(name) } }
    }

    public static func load(_ ws: Workspace) -> Result {
        let (found, decodeProblems) = RecordFiles.load(PartnerRecord.self, in: ws.partnersDir) { e in
            guard case .dataCorrupted(let ctx) = e, ctx.codingPath.last?.stringValue == "kind" else { return nil }
            return PartnerKind.allCases.map(\.rawValue)
        }
        var problems = decodeProblems
        var records: [PartnerRecord] = []
        for (url, r) in found {
            problems += r.problems(file: url.path)
            if let other = records.first(where: { o in ([r.name] + r.aliases).contains { o.matches($0) } }) {
                problems.append(.partnerTwice(file: url.path, name: r.name, other: other.name))
                continue
            }
            records.append(r)
        }
        return Result(records: records, problems: problems)
    }
}
