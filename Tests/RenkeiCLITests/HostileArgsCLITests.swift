import Foundation
import RenkeiTestSupport
import Testing

/// Arguments from the hostile sweep: numbers at the ends of Int. `ical --within
/// 9223372036854775807` trapped in Day arithmetic (exit 132, a backtrace on the terminal).
@Suite struct HostileArgsCLITests {
    @Test func extremeDayCountsNeverTrap() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        for args in [["ical", "--within", "9223372036854775807"], ["ical", "--within=0"], ["overdue", "--within", "9223372036854775807"],
                     ["overdue", "--within=-9223372036854775808"], ["overdue", "--within", "0"]] {
            let r = try CLI.run(args, workspace: ws)
            #expect(r.status == 0 || (r.status == 2 && r.stderr.split(separator: "\n").count == 1), "\(args): \(r.status) \(r.stderr)")
            #expect(!r.stderr.contains("overflow") && !r.stderr.contains("Fatal error"), "\(args): \(r.stderr)")
        }
        let all = try CLI.run(["ical", "--within", "9223372036854775807"], workspace: ws)
        #expect(all.status == 0 && all.stdout.contains("BEGIN:VEVENT"), "\(all.stderr)")
    }
}
