import Foundation
import Testing
@testable import RenkeiStore

/// The start-up environment snapshot (issue 19) must say what Foundation says: same names, same
/// values — Japanese values and values holding "=" included (the CLI tests run the binary with
/// RENKEI_ACTOR=髙橋 and LANG settings through it).
@Suite struct ProcessEnvironmentTests {
    @Test func theSnapshotEqualsFoundationsEnvironment() {
        #expect(ProcessEnvironment.current == ProcessInfo.processInfo.environment)
        #expect(ProcessEnvironment.current["PATH"] != nil)
    }
}
