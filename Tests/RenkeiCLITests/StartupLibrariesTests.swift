import Foundation
import Testing
import RenkeiTestSupport

/// Issue 19's fixed cost: libncursesw (the workbench) and libxml2 with ICU (the .xlsx reader)
/// are loaded when those start, never at process start — linked, they cost every command
/// ~1.2 M instructions and ~120 page faults. The dynamic loader's own trace (LD_DEBUG=libs)
/// shows what a command loads; the .xlsx import proves the trace sees libxml2 when it is used.
@Suite struct StartupLibrariesTests {
    static let lazyLibraries = ["libncursesw", "libtinfo", "libxml2", "libicu"]

    static func loaded(_ r: CLI.Result) -> [String] {
        lazyLibraries.filter { r.stderr.contains("find library=\($0)") || r.stderr.contains("/\($0)") }
    }

    @Test(arguments: [["--version"], ["list", "--count"], ["overdue", "--count"], ["list"]])
    func aReadCommandLoadsNeitherCursesNorXML(_ args: [String]) throws {
        let ws = try CLI.tempWorkspace(sample: true)
        let r = try CLI.run(args, workspace: args == ["--version"] ? nil : ws, env: ["LD_DEBUG": "libs"])
        #expect(r.status == 0, "\(args): \(r.stderr.suffix(300))")
        #expect(r.stderr.contains("find library="), "LD_DEBUG=libs printed nothing: the check would be blind")
        #expect(Self.loaded(r).isEmpty, "\(args) loaded \(Self.loaded(r)) at start")
    }

    @Test func anXLSXImportLoadsLibxml2WhenItReadsTheWorkbook() throws {
        let ws = try CLI.tempWorkspace()
        let book = Repo.root.appendingPathComponent("Tests/RenkeiImportTests/Fixtures/cases.xlsx")
        let r = try CLI.run(["import", book.path], workspace: ws, env: ["LD_DEBUG": "libs"])
        // The fixture's row 5 is invalid on purpose (exit 1); the rows before it were read.
        #expect(r.stdout.contains("create SY-001"), "\(r.stdout.suffix(300)) \(r.stderr.suffix(300))")
        #expect(Self.loaded(r).contains("libxml2"), "the .xlsx was read without libxml2? \(r.stderr.suffix(300))")
        #expect(!Self.loaded(r).contains("libncursesw"))
    }
}
