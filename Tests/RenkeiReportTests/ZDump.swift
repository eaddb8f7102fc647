
import Foundation
import Testing
@testable import RenkeiReport
@Suite struct ZDump { @Test func dump() throws {
  try Fixtures.render(Fixtures.hostileCase, .html).write(to: URL(fileURLWithPath: "/tmp/renkei-hostile.html"))
  try Fixtures.render(Fixtures.educationCase, .html, anonymize: true).write(to: URL(fileURLWithPath: "/tmp/renkei-anon.html"))
} }
