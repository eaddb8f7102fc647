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

    /// Each municipal partner of the samples (kind 自治体) resolves to a code — by its name
    /// (所沢市, 愛知県（Aichi CO-CREATION …）) or its partner record (福岡市 水道局 → 福岡市) — except
    /// the three that name a group of bodies, not one; `renkei validate` lists exactly those.
    @Test func everySampleMunicipalPartnerResolvesOrIsAGroup() throws {
        let resolver = MunicipalityResolver(table: try MunicipalityTableLoader.load(data: Self.data))
        let ws = try Workspace.create(at: Scratch.url("sample-partners"))
        _ = try ws.seedSamples(from: Self.data)
        let partners = PartnerLoader.load(ws)
        #expect(partners.problems.isEmpty, "\(partners.problems)")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.data.samples.path).filter { $0.hasSuffix(".json") }.sorted()
        var resolved: [String: String] = [:], unresolved: Set<String> = []
        for f in files {
            let c = try CaseCodec.decode(try Data(contentsOf: Self.data.samples.appendingPathComponent(f)), path: f).value
            for p in c.partners {
                switch MunicipalPartnerLink.status(of: p, records: partners.records, resolver) {
                case nil: break
                case .recorded(let e)?, .resolved(let e)?: resolved[p.name] = e.code
                case .unresolved?: unresolved.insert(p.name)
                case let other?: Issue.record("\(c.id): municipal partner 「\(p.name)」: \(other)")
                }
            }
        }
        #expect(resolved["所沢市"] == "112089" && resolved["埼玉県"] == "110001" && resolved["新城市"] == "232211", "\(resolved)")
        #expect(resolved["福岡市 水道局（原課・想定）"] == "401307", "by its record: \(resolved)")
        #expect(resolved["愛知県（Aichi CO-CREATION STARTUP PROGRAM）"] == "230006", "\(resolved)")
        #expect(unresolved == ["県内市町（参加予定：6市町・サンプル想定）", "離島を有する町（サンプル想定）", "ローカルベンチャー協議会の参加自治体"],
                "only groups of bodies stay free text: \(unresolved)")
    }
}
