extension Workspace {
    /// One number that changes with any write to any case file — a rename into cases/ (every
    /// renkei save, `git pull`) or an in-place write (an editor, a script): the sum of a hash of
    /// each file's name, inode, size, mtime and ctime. nil when cases/ cannot be read.
    /// One readdir and one fstatat per file (≈14 ms at 10,000 cases on this machine).
    ///
    /// Why not the directory's stat alone: an in-place write does not touch the directory, so
    /// the workbench never noticed an outside edit of a case that was not open (issue 18, found
    /// by the model-based run). Limit: two in-place writes of the same size to one file within
    /// one file-system clock tick look the same.
    public func casesFingerprint() -> Int? { Workspace.fingerprint(ofJSONFilesIn: casesDir.path) }

    /// The same number for the partner records (`partners/*.json`): the workbench rebuilds its
    /// search readings when it changes (a record added by hand, by a sync, by loading the samples).
    public func partnersFingerprint() -> Int? { Workspace.fingerprint(ofJSONFilesIn: partnersDir.path) }

    static func fingerprint(ofJSONFilesIn dir: String) -> Int? {
        guard let items = try? DirectoryScan.caseFiles(in: dir) else { return nil }
        var sum = items.count
        for item in items {
            var h = Hasher()
            h.combine(item.name)
            if let st = item.stat {
                h.combine(st.inode); h.combine(st.size); h.combine(st.mtimeNs); h.combine(st.ctimeNs); h.combine(st.mode)
            }
            sum &+= h.finalize()          // order-independent, no sort; a hash, not user data
        }
        return sum
    }
}
