import Foundation
import RenkeiCore

/// What `CaseStore.portfolio(_:)` should load. The defaults give every summary, as
/// `portfolio()` always did.
public struct PortfolioQuery: Sendable {
    /// Only cases whose summary matches this search (exactly `CaseSummary.matches(search:)`,
    /// i.e. `FoldedSearch`; the index matches on its stored bytes, so non-matching records are
    /// never decoded).
    public var search: String?
    /// Readings for the search (kana/romaji → names, issue 14); nil: the terms as typed.
    public var readings: SearchReadings?
    /// false: summaries come with an empty `searchText` (saves building 10,000 strings when the
    /// caller only counts or computes deadlines). Never call `matches(search:)` on those.
    public var includeSearchText: Bool
    /// Called with (files decoded so far, files to decode) while case files are being decoded
    /// — i.e. on a cold or partly stale index; not called at all on a warm one. Called from
    /// worker threads, at most every 64 files and once at the end: hop to your own queue.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(search: String? = nil, includeSearchText: Bool = true, readings: SearchReadings? = nil,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.search = search; self.includeSearchText = includeSearchText; self.readings = readings; self.progress = progress
    }
}
