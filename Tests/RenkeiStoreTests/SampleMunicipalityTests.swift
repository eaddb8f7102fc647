import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
import RenkeiTestSupport

/// Issue 16's "done when": every shipped sample case names a real body (it resolves to exactly
/// one code without a person choosing), and the sample workspace has a valid profile for each
/// of those bodies. A new sample with a fictional or ambiguous municipality, or without its
/// profile, fails here with the case and what to add.
@Suite struct SampleMunicipalityTests {
    static let data = DataDirectory(url: Repo.url("Data"))

    @Test func everySampleCaseResolvesAndHasAProfile() throws {
        let table = try MunicipalityTableLoader.load(data: Self.data)
        let resolver = MunicipalityResolver(table: table)
        let catalog = try CatalogLoader.load(data: Self.data, workspace: nil).catalog
        let ws = try Workspace.create(at: Scratch.url("sample-profiles"))
        #expect(try ws.seedSamples(from: Self.data) >= 17)
        let profiles = ProfileLoader.load(ws)
        #expect(profiles.problems.isEmpty, "\(profiles.problems)")

        let files = try FileManager.default.contentsOfDirectory(atPath: Self.data.samples.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 17)
        var codes = Set<String>()
        for f in files {
            let c = try CaseCodec.decode(try Data(contentsOf: Self.data.samples.appendingPathComponent(f)), path: f).value
            let code: String?
            switch MunicipalityLink.status(of: c.municipality, resolver) {
            case .linked(let e), .resolvable(let e, _): code = e.code
            case let other: code = nil; Issue.record("\(c.id): 「\(c.municipality.name)」 does not resolve to one body (\(other)); use a real municipality")
            }
            guard let code else { continue }
            codes.insert(code)
            #expect(profiles.profiles[code] != nil, "\(c.id): no profile Data/samples/municipalities/\(code).json")
        }
        for code in codes.sorted() {
            guard let p = profiles.profiles[code] else { continue }
            #expect(p.problems(file: "\(code).json", table: table, catalog: catalog).isEmpty)
            // Every readiness entry says where it is known from (the seeds), so it can be checked.
            for (id, r) in p.readiness { #expect(r.source?.isEmpty == false, "\(code).json: readiness.\(id) has no source") }
        }
        #expect(codes.count == 15)
    }
}
