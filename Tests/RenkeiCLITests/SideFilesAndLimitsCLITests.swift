import Foundation
import RenkeiTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Issue 18, finding 9, run with the built binary: what sits beside the cases (`.lock`,
/// `undo.json`, `.index/summaries.v1`) and the process's descriptor limit must never stop
/// reading, never make a good case "damaged", and never fail silently — each gets correct
/// behaviour or one clear line naming the file and what to do.
@Suite struct SideFilesAndLimitsCLITests {
    static func firstId(_ ws: URL) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("cases").path).sorted()
        return String(try #require(names.first { $0.hasSuffix(".json") }).dropLast(5))
    }

    static func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    /// The lines of a run's stderr that are not the workspace-permission warning some temp dirs get.
    static func errorLines(_ r: CLI.Result) -> [String] {
        lines(r.stderr).filter { !$0.contains("readable by other users") }
    }

    // MARK: .lock

    /// A `.lock` that is a symlink, a directory or a FIFO: reading works, writing says one line
    /// naming `.lock` and what to do, and nothing is written.
    @Test(arguments: ["symlink", "directory", "fifo"])
    func aLockThatIsNotAFileStopsOnlyWriters(kind: String) throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let id = try Self.firstId(ws)
        let lock = ws.appendingPathComponent(".lock")
        try? FileManager.default.removeItem(at: lock)
        switch kind {
        case "symlink": try FileManager.default.createSymbolicLink(atPath: lock.path, withDestinationPath: "/nonexistent/どこにもない")
        case "directory": try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: false)
        default: #expect(mkfifo(lock.path, 0o600) == 0)
        }
        for args in [["list"], ["list", "--json"], ["show", id], ["overdue"], ["overdue", "--count"], ["history", id]] {
            let r = try CLI.run(args, workspace: ws, timeout: 40)
            #expect(r.status == 0, "\(kind): \(args) failed: \(r.stderr)")
        }
        let before = try Data(contentsOf: ws.appendingPathComponent("cases/\(id).json"))
        let note = try CLI.run(["note", id, "①鍵が変"], workspace: ws, timeout: 40)
        #expect(note.status == 1, "\(kind): \(note.stdout)")
        let err = Self.errorLines(note)
        #expect(err.count == 1 && err[0].contains(lock.path) && err[0].contains("remove it"), "\(kind): \(note.stderr)")
        #expect(try Data(contentsOf: ws.appendingPathComponent("cases/\(id).json")) == before)
        // Doing what the line says makes writing work again.
        try FileManager.default.removeItem(at: lock)
        #expect(try CLI.run(["note", id, "①鍵を直した"], workspace: ws).status == 0)
    }

    // MARK: descriptor limits

    /// A workspace big enough that cases decode on several threads (`parallelThreshold`).
    static func biggerWorkspace() throws -> URL {
        let ws = Scratch.url("fd")
        let r = try CLI.run(["dev", "generate", "--cases", "80", "--workspace", ws.path, "--quiet"])
        guard r.status == 0 else { throw HarnessError("generate: \(r.stderr)") }
        return ws
    }

    /// After whatever a limited run did, an ordinary run lists every case and none as damaged:
    /// the index never remembers a case the machine could not open as a damaged one.
    static func expectAllGood(_ ws: URL, _ what: String) throws {
        let r = try CLI.run(["list", "--count"], workspace: ws)
        #expect(r.status == 0 && r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "80", "\(what): \(r.stdout) \(r.stderr)")
        #expect(!r.stderr.contains("damaged"), "\(what): \(r.stderr)")
        let quarantined = (try? FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent("quarantine").path)) ?? []
        #expect(quarantined.isEmpty, "\(what): \(quarantined)")
    }

    /// `ulimit -n 6` crashed `list` with SIGILL (libdispatch could not create its event loop)
    /// and `ulimit -n 8` listed good cases as damaged. Now: one line naming `ulimit -n`.
    @Test(arguments: [6, 8])
    func aTinyDescriptorLimitIsOneClearLine(limit: Int) throws {
        let ws = try Self.biggerWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        for args in ["list", "list --count", "overdue", "note c-01 メモ"] {
            try? FileManager.default.removeItem(at: ws.appendingPathComponent(".index"))
            let r = try Sh.run(["sh", "-c", "ulimit -n \(limit); exec \"$RENKEI_BIN\" \(args) --workspace '\(ws.path)'"], timeout: 60)
            #expect(!r.signalled, "ulimit -n \(limit) \(args) crashed: \(r.stderr)")
            #expect(r.status == 1, "ulimit -n \(limit) \(args): \(r.status) \(r.stderr)")
            let err = r.stderr.split(separator: "\n")
            #expect(err.count == 1 && err[0].contains("ulimit -n") && !r.stderr.contains("damaged"), "\(args): \(r.stderr)")
        }
        try Self.expectAllGood(ws, "after ulimit -n \(limit)")
    }

    /// A low soft limit under a higher hard one is simply raised: the command works.
    @Test func aLowSoftLimitIsRaised() throws {
        let ws = try Self.biggerWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let r = try Sh.run(["sh", "-c", "ulimit -Hn 4096 2>/dev/null; ulimit -Sn 8; exec \"$RENKEI_BIN\" list --count --workspace '\(ws.path)'"], timeout: 60)
        #expect(r.status == 0 && r.stdout.contains("80"), "\(r.stdout) \(r.stderr)")
        #expect(!r.stderr.contains("damaged"), "\(r.stderr)")
    }

    /// The class, not two numbers: a parent leaves 2…40 descriptors free under a hard limit of
    /// 64 (with none free the dynamic loader itself cannot start the program). Every run either works completely or stops with the one line — never a crash, never
    /// a damaged verdict, never an index that remembers one.
    @Test func everyNumberOfFreeDescriptorsWorksOrSaysSo() throws {
        let ws = try Self.biggerWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        for free in [2, 4, 6, 8, 12, 16, 20, 22, 23, 24, 25, 26, 28, 32, 40] {
            try? FileManager.default.removeItem(at: ws.appendingPathComponent(".index"))
            // bash keeps descriptors 3…(63-free) open (no close-on-exec) for the exec'd renkei.
            let script = "ulimit -n 64; for i in $(seq 3 \(63 - free)); do eval \"exec $i</dev/null\"; done; exec \"$RENKEI_BIN\" list --count --workspace '\(ws.path)'"
            let r = try Sh.run(["bash", "-c", script], timeout: 60)
            #expect(!r.signalled, "\(free) free: crashed: \(r.stderr)")
            #expect(!r.stderr.contains("damaged"), "\(free) free: \(r.stderr)")
            if r.status == 0 {
                #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "80", "\(free) free: \(r.stdout)")
            } else {
                #expect(r.status == 1 && r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("ulimit -n"), "\(free) free: \(r.stderr)")
            }
            try Self.expectAllGood(ws, "after \(free) free")
        }
    }

    // MARK: undo.json

    /// A corrupt `undo.json` is kept aside and the person is told, once, by the command that
    /// starts the new history; `undo` then works on it and names the kept file when empty.
    @Test func aCorruptUndoHistoryIsKeptAsideAndSaidOnce() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let id = try Self.firstId(ws)
        #expect(try CLI.run(["note", id, "①最初のメモ"], workspace: ws).status == 0)
        let journal = ws.appendingPathComponent("undo.json")
        let garbage = Data("{\"version\":2,\"undo\":[{\"caseId\":\"髙".utf8)
        try garbage.write(to: journal)
        let note = try CLI.run(["note", id, "②壊れた履歴のあと"], workspace: ws)
        #expect(note.status == 0)
        let err = Self.errorLines(note)
        #expect(err.count == 1 && err[0].contains(journal.path) && err[0].contains("undo.json.damaged"), "\(note.stderr)")
        #expect(try Data(contentsOf: ws.appendingPathComponent("undo.json.damaged")) == garbage, "the old history must be kept byte for byte")
        // The next command is quiet: the new history is fine.
        let third = try CLI.run(["note", id, "③静か"], workspace: ws)
        #expect(Self.errorLines(third).isEmpty, "\(third.stderr)")
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        #expect(try CLI.run(["undo"], workspace: ws).status == 0)
        let empty = try CLI.run(["undo"], workspace: ws)
        #expect(empty.status != 0 && empty.stderr.contains("undo.json.damaged"), "\(empty.stderr)")
    }

    // MARK: .index/summaries.v1

    /// An empty directory where the index belongs is removed and the index rebuilt, with one
    /// notice; the next run is warm and quiet.
    @Test func anEmptyDirectoryInPlaceOfTheIndexIsReplacedWithANotice() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let index = ws.appendingPathComponent(".index/summaries.v1")
        try? FileManager.default.removeItem(at: ws.appendingPathComponent(".index"))
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
        let first = try CLI.run(["list"], workspace: ws)
        #expect(first.status == 0)
        let err = Self.errorLines(first)
        #expect(err.count == 1 && err[0].contains(index.path) && err[0].contains("rebuilt"), "\(first.stderr)")
        var st = stat()
        #expect(lstat(index.path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG, "the index was not rebuilt")
        let second = try CLI.run(["list"], workspace: ws)
        #expect(second.status == 0 && Self.errorLines(second).isEmpty, "\(second.stderr)")
        #expect(second.stdout == first.stdout)
    }

    /// A directory with something in it is not removed (it is not renkei's to delete): every
    /// run still works and says, in one line, what to move away.
    @Test func aFullDirectoryInPlaceOfTheIndexIsNamedOnEveryRun() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let index = ws.appendingPathComponent(".index/summaries.v1")
        try? FileManager.default.removeItem(at: ws.appendingPathComponent(".index"))
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
        try Data("誰かのファイル".utf8).write(to: index.appendingPathComponent("keep.txt"))
        for round in 1...2 {
            let r = try CLI.run(["list", "--count"], workspace: ws)
            #expect(r.status == 0 && r.stdout.contains("17"), "\(round): \(r.stdout) \(r.stderr)")
            let err = Self.errorLines(r)
            #expect(err.count == 1 && err[0].contains(index.path) && err[0].contains("move it away"), "\(round): \(r.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: index.appendingPathComponent("keep.txt").path))
    }

    /// A damaged index file (garbage, a truncated copy) is discarded and rebuilt with a notice.
    @Test func aDamagedIndexIsRebuiltWithANotice() throws {
        let ws = try CLI.tempWorkspace(sample: true)
        defer { try? FileManager.default.removeItem(at: ws) }
        let index = ws.appendingPathComponent(".index/summaries.v1")
        #expect(try CLI.run(["list"], workspace: ws).status == 0)
        let good = try Data(contentsOf: index)
        try good.prefix(good.count / 2).write(to: index)
        let r = try CLI.run(["list", "--count"], workspace: ws)
        #expect(r.status == 0 && r.stdout.contains("17"))
        let err = Self.errorLines(r)
        #expect(err.count == 1 && err[0].contains(index.path) && err[0].contains("rebuilt"), "\(r.stderr)")
        #expect(Self.errorLines(try CLI.run(["list", "--count"], workspace: ws)).isEmpty)
    }
}
