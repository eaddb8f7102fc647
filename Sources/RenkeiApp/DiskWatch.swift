import Foundation
import RenkeiStore
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes made to the workspace by anyone else (another renkei, the CLI, `git pull`,
/// an editor): the cases directory's stat and a fingerprint of every case file's stat
/// (`Workspace.casesFingerprint` — an in-place write to any case, not only the open one), and
/// the open case's file.
struct DiskWatch {
    let workspace: Workspace
    private var signature: [Int]
    private var openSignature: (String, [Int])?

    init(workspace: Workspace) {
        self.workspace = workspace
        signature = DiskWatch.casesSignature(workspace)
    }

    static func casesSignature(_ workspace: Workspace) -> [Int] {
        stamp(workspace.casesDir.path) + [workspace.casesFingerprint() ?? 0]
    }

    static func stamp(_ path: String) -> [Int] {
        var st = stat()
        guard stat(path, &st) == 0 else { return [] }
        return [Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec), Int(st.st_size), Int(st.st_ino), Int(st.st_ctim.tv_nsec)]
    }

    /// Whether anything changed since we last looked (and remembers what it saw).
    mutating func changed(openCase: String?) -> Bool {
        let s = DiskWatch.casesSignature(workspace)
        var changed = s != signature
        signature = s
        if let id = openCase, let url = try? workspace.caseURL(id) {
            let o = DiskWatch.stamp(url.path)
            if let prev = openSignature, prev.0 == id, prev.1 != o { changed = true }
            openSignature = (id, o)
        }
        return changed
    }

    /// After our own writes: the new stamps are not external changes.
    mutating func resync(openCase: String?) {
        signature = DiskWatch.casesSignature(workspace)
        if let id = openCase, let url = try? workspace.caseURL(id) { openSignature = (id, DiskWatch.stamp(url.path)) }
    }
}
