import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiSync

/// The git plumbing the sync's speed rests on (issue 12): blobs written in one `fast-import`
/// are git's own objects (same ids as `hash-object`, same bytes read back), and the commit
/// identity read in one `config` call follows the rules the three calls did.
struct RepositoryPlumbingTests {
    static func repo() throws -> Repository {
        let dir = try Scratch.directory("plumbing")
        let r = try Proc.run(["git", "init", "-q", dir.path])
        #expect(r.status == 0)
        return Repository(git: try Git(root: dir))
    }

    @Test func blobsFromOneFastImportAreGitsOwnObjects() throws {
        let repo = try Self.repo()
        let blobs = [Data("廃校跡地の実証 ※① ㈱髙橋 ﾊﾝｶｸ 🎌\n".utf8), Data(), Data("no newline at the end".utf8),
                     Data([0x00, 0x0A, 0xFF, 0x0A]), Data(String(repeating: "令和９年度\n", count: 20_000).utf8),
                     Data("data 3\nblob\nmark :1\n".utf8)]
        let ids = try repo.write(blobs: blobs)
        #expect(ids.count == blobs.count)
        for (data, id) in zip(blobs, ids) {
            let expected = try repo.git.must(["hash-object", "--stdin"], input: data).text
            #expect(id == expected)
        }
        let back = try repo.read(blobs: ids)
        for (data, id) in zip(blobs, ids) { #expect(back[id] == data) }
        #expect(try repo.write(blobs: []).isEmpty)
    }

    @Test func identityIsGitsUserElseTheActor() throws {
        let repo = try Self.repo()
        let isolated = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]
        var git = repo.git
        git.environment = isolated
        let r = Repository(git: git)
        #expect(try r.identity(actor: "職員a") == ["GIT_AUTHOR_NAME": "職員a", "GIT_AUTHOR_EMAIL": "renkei@localhost",
                                                   "GIT_COMMITTER_NAME": "職員a", "GIT_COMMITTER_EMAIL": "renkei@localhost"])
        try git.must(["config", "user.name", "髙橋 一郎"])
        #expect(try r.identity(actor: "職員a")["GIT_AUTHOR_NAME"] == "髙橋 一郎")
        #expect(try r.identity(actor: "職員a")["GIT_AUTHOR_EMAIL"] == "renkei@localhost")
        try git.must(["config", "user.email", "takahashi@example.lg.jp"])
        #expect(try r.identity(actor: "職員a") == [:])   // git's own settings apply as they are
    }
}
