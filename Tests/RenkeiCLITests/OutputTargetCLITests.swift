import Foundation
import RenkeiTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Found by the hostile sweep: `renkei ical -o /dev/null` (and `export -o`, `ical --feed`) run
/// as root renamed a regular file over the device node — /dev/null, /dev/zero and /dev/full of
/// the test machine became regular files — and replaced a FIFO or a symlink the person keeps.
/// An output path is now written *into* when it is a device or a pipe, through a symlink to a
/// file (the link stays), and refused in one line when it is a directory or a loop. The tests
/// make their own device nodes (mknod, as root in CI) and never touch the system's.
@Suite struct OutputTargetCLITests {
    static func kind(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    static func outputs(_ target: String) -> [[String]] {
        [["ical", "-o", target], ["export", "--all", "-f", "csv", "--encoding", "cp932", "-o", target, "--force"], ["ical", "--feed", target]]
    }

    @Test func aDeviceIsWrittenIntoNeverReplaced() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let null = ws.appendingPathComponent("null").path, full = ws.appendingPathComponent("full").path
        guard mknod(null, S_IFCHR | 0o666, 0x103 /* makedev(1, 3): a macro Swift cannot call */) == 0, mknod(full, S_IFCHR | 0o666, 0x107) == 0 else {
            print("skipped: mknod needs root"); return
        }
        for args in Self.outputs(null) {
            let r = try CLI.run(args, workspace: ws, timeout: 40)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(Self.kind(null) == S_IFCHR, "\(args) replaced the device node")
        }
        // /dev/full: the write fails (ENOSPC) — one line, exit 1, the node stays.
        for args in Self.outputs(full).prefix(2) {
            let r = try CLI.run(args, workspace: ws, timeout: 40)
            #expect(r.status == 1 && r.stderr.split(separator: "\n").filter { !$0.contains("CP932") && !$0.contains("〓") }.count == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("full") && r.stderr.contains("No space left"), "\(args): \(r.stderr)")
            #expect(Self.kind(full) == S_IFCHR, "\(args) replaced the device node")
        }
        _ = try CLI.run(["ical", "--no-feed"], workspace: ws)
    }

    @Test func aPipeWithoutAReaderIsRefusedAtOnceAndKept() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let fifo = ws.appendingPathComponent("予定.ics").path
        try #require(mkfifo(fifo, 0o600) == 0)
        for args in Self.outputs(fifo) {
            let r = try CLI.run(args, workspace: ws, timeout: 40)
            #expect(r.status == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("予定.ics") && r.stderr.contains("no program is reading"), "\(args): \(r.stderr)")
            #expect(Self.kind(fifo) == S_IFIFO, "\(args) replaced the FIFO")
        }
    }

    @Test func aSymlinkToAFileStaysALinkAndALoopIsOneLine() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let shared = ws.appendingPathComponent("共有")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        let real = shared.appendingPathComponent("renkei.ics"), link = ws.appendingPathComponent("予定.ics")
        try "old".write(to: real, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        for args in Self.outputs(link.path) {
            let r = try CLI.run(args, workspace: ws, timeout: 40)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(Self.kind(link.path) == S_IFLNK, "\(args) replaced the link")
            #expect(try Data(contentsOf: real) != Data("old".utf8), "\(args) did not write through the link")
        }
        _ = try CLI.run(["ical", "--no-feed"], workspace: ws)
        let a = ws.appendingPathComponent("a.ics").path, b = ws.appendingPathComponent("b.ics").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        for args in Self.outputs(a) {
            let r = try CLI.run(args, workspace: ws, timeout: 40)
            #expect(r.status == 1 && r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("a.ics"), "\(args): \(r.stderr)")
            #expect(Self.kind(a) == S_IFLNK, "\(args) replaced the loop")
        }
    }

    /// The same class for the merge driver's result (%A): it was written by a plain durable
    /// rename, so a person's symlink became a regular file. A device, a FIFO or a link to one as
    /// %A is refused when read — one line, exit 1, left as it was, no wait.
    @Test func theMergeDriversResultGoesThroughALinkAndNeverReplacesASpecialFile() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let cases = ws.appendingPathComponent("cases")
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: cases.path).sorted().first)
        let g = ws.appendingPathComponent("git-temp")
        try FileManager.default.createDirectory(at: g, withIntermediateDirectories: true)
        let base = g.appendingPathComponent("base"), theirs = g.appendingPathComponent("theirs")
        let original = try Data(contentsOf: cases.appendingPathComponent(id))
        try original.write(to: base); try original.write(to: theirs)
        func driver(_ ours: String) throws -> CLI.Result {
            try CLI.run(["merge-driver", base.path, ours, theirs.path, "cases/\(id)"], timeout: 40)
        }

        // A symlink to a file: the file gets the merge, the link stays a link.
        let real = g.appendingPathComponent("本物.json"), link = g.appendingPathComponent("ours")
        try original.write(to: real)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let r = try driver(link.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.kind(link.path) == S_IFLNK, "the merge driver replaced the link with a regular file")
        #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: real))) != nil, "the merge is in the file the link names")

        // Special files: refused in one line naming the case file, kept as they were.
        let fifo = g.appendingPathComponent("fifo").path, linkToFifo = g.appendingPathComponent("to-fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: linkToFifo, withDestinationPath: fifo)
        var specials = [(fifo, S_IFIFO), (linkToFifo, S_IFLNK), (g.path, S_IFDIR)]
        let null = g.appendingPathComponent("null").path
        if mknod(null, S_IFCHR | 0o666, 0x103) == 0 { specials.append((null, S_IFCHR)) } else { print("device case skipped: mknod needs root") }
        for (path, kind) in specials {
            let r = try driver(path)
            #expect(r.status == 1 && r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("cases/\(id)"), "\(path): \(r.stderr)")
            #expect(Self.kind(path) == kind, "\(path) was replaced")
        }
    }
}
