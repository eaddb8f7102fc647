import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
import RenkeiTestSupport

/// `<workspace>/municipalities/*.json`: a broken profile is one line naming its file, the
/// others still load; the shipped table loads through the Store.
@Suite struct ProfileLoaderTests {
    @Test func brokenProfileIsOneLineAndTheOthersLoad() throws {
        let ws = try Workspace.create(at: Scratch.url("profiles"))
        try FileManager.default.createDirectory(at: ws.municipalitiesDir, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: ws.municipalitiesDir.appendingPathComponent(name))
        }
        try write("112151.json", #"{"code": "112151", "name": "狭山市", "size": "urban", "readiness": {"rd-proposal-window": {"status": "partial", "note": "㈱①※ 髙"}}}"#)
        try write("132063.json", #"{"code": "132063", "readiness": {"rd-proposal-window": {"status": "maybe"}}}"#)
        try write("342084.json", #"{"code": "342085"}"#)
        let r = ProfileLoader.load(ws)
        #expect(r.profiles["112151"]?.size == .urban)
        #expect(r.profiles["112151"]?.readiness["rd-proposal-window"]?.note == "㈱①※ 髙")
        #expect(r.problems.count == 2, "\(r.problems)")
        #expect(r.problems.map(\.description).contains { $0.contains("132063.json") && $0.contains("readiness.rd-proposal-window.status") && $0.contains("yes, partial, no") })
        #expect(r.problems.map(\.description).contains { $0.contains("342084.json") && $0.contains("name the file 342085.json") })
    }

    @Test func profileProblemsNameFileAndField() throws {
        let table = try MunicipalityTableLoader.load(data: DataDirectory(url: Repo.url("Data")))
        let catalog = try CatalogLoader.load(data: DataDirectory(url: Repo.url("Data")), workspace: nil).catalog
        #expect(catalog.readinessItems.count == 7)
        #expect(catalog.readinessItems.allSatisfy { !$0.page.isEmpty })
        let p = MunicipalityProfile(code: "112152", readiness: ["rd-policy": .init(status: .yes)])
        let problems = p.problems(file: "m/112152.json", table: table, catalog: catalog).map(\.description)
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("m/112152.json: code '112152'"))
        #expect(problems[1].hasPrefix("m/112152.json: readiness.rd-policy is not a readiness item"))
        #expect(MunicipalityProfile(code: "112151").problems(file: "f", table: table, catalog: catalog).isEmpty)
    }
}
