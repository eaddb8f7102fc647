import Foundation
import Testing

/// Issue 18, finding 3 at the real 16 MiB limit, through the built binary: a `note` that would
/// push a case past what renkei reads is refused with the case named and the file untouched,
/// and a note on a large compact file keeps it readable (no pretty-printing past the limit).
@Suite struct CaseSizeLimitCLITests {
    static let limit = 16 * 1_048_576

    /// A sample case rewritten compact with `notes` small notes of `noteText`.
    static func bigCase(_ ws: URL, notes: Int, noteText: (Int) -> String) throws -> (id: String, url: URL) {
        let cases = ws.appendingPathComponent("cases")
        let name = try FileManager.default.contentsOfDirectory(atPath: cases.path).sorted()[0]
        let url = cases.appendingPathComponent(name)
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let first = ((obj["notes"] as? [[String: Any]]) ?? []).count
        obj["notes"] = (1...notes).map { ["id": first + $0, "at": "2026-11-01T09:00:00+09:00", "author": "髙橋", "text": noteText($0)] as [String: Any] }
        try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes]).write(to: url)
        return (String(name.dropLast(5)), url)
    }

    @Test func aNoteThatWouldPassTheReadLimitIsRefusedAndTheCaseStaysReadable() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        // ~16 MiB − 60 KB of three-byte characters in 100 notes.
        let text = String(repeating: "議", count: (Self.limit - 60_000) / 100 / 3 - 40)
        let (id, url) = try Self.bigCase(ws, notes: 100, noteText: { "\($0)" + text })
        let before = try Data(contentsOf: url)
        #expect(before.count < Self.limit && before.count > Self.limit - 100_000, "\(before.count)")
        let note = try Sh.renkei(["note", id, String(repeating: "長文の議事録①", count: 6_000)], ws: ws, timeout: 120)
        #expect(note.status == 1, "\(note.stderr)")
        #expect(note.stderr.contains(id) && note.stderr.contains("nothing was saved") && note.stderr.contains("16 MiB"), "\(note.stderr)")
        #expect(note.stderr.count < 600, "one line, no case content")
        #expect(try Data(contentsOf: url) == before)
        for args in [["show", id], ["list"]] {
            let r = try Sh.renkei(args, ws: ws, timeout: 120)
            #expect(r.status == 0 && r.stdout.contains(id), "\(args): \(r.stderr)")
        }
        #expect(try Sh.renkei(["note", id, "短い追記"], ws: ws, timeout: 120).status == 0)
        #expect(try Sh.renkei(["undo"], ws: ws, timeout: 120).status == 0)
    }

    @Test func aNoteOnALargeCompactFileKeepsItUnderTheLimit() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        // ~12 MiB compact in 150,000 small notes: pretty-printed it would be well over 16 MiB.
        let (id, url) = try Self.bigCase(ws, notes: 150_000, noteText: { "メモ\($0)：確認済み" })
        #expect(try Data(contentsOf: url).count < Self.limit)
        let note = try Sh.renkei(["note", id, "追記"], ws: ws, timeout: 180)
        #expect(note.status == 0, "\(note.stderr)")
        let after = try Data(contentsOf: url)
        #expect(after.count <= Self.limit, "\(after.count) bytes")
        #expect(try Sh.renkei(["show", id], ws: ws, timeout: 180).status == 0)
    }
}
