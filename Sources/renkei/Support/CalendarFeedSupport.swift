import Foundation
import RenkeiCore
import RenkeiReport
import RenkeiStore

/// The .ics output and the workspace setting that keeps a subscribed feed file current.
///
/// `<workspace>/ical/feed.json` (`{"file": "/mnt/share/renkei.ics"}`, set with
/// `renkei ical --feed FILE`) names the feed; every command that changes a case rewrites it.
/// `<workspace>/ical/state.json` remembers each event's date and SEQUENCE, so a calendar that
/// re-reads the file sees a moved date as an update.
enum CalendarFeed {
    struct Setting: Codable { var file: String }

    static func settingURL(_ ws: Workspace) -> URL { ws.root.appendingPathComponent("ical/feed.json") }
    static func stateURL(_ ws: Workspace) -> URL { ws.root.appendingPathComponent("ical/state.json") }

    static func setting(_ ws: Workspace) -> Setting? {
        guard let data = try? RegularFile.read(settingURL(ws), limit: 65_536) else { return nil }
        return try? JSONDecoder().decode(Setting.self, from: data)
    }

    static func saveSetting(_ setting: Setting?, _ ws: Workspace) throws {
        let url = settingURL(ws)
        guard let setting else { try? FileManager.default.removeItem(at: url); return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try DurableFile.write(try e.encode(setting), to: url)
    }

    /// Renders the events and advances the SEQUENCE state (under the workspace lock, so two
    /// runs never both count one move).
    static func render(_ ctx: AppContext, summaries: [CaseSummary], context: DeadlineContext, within: Int?) throws -> (text: String, count: Int) {
        let events = DeadlineFeed.events(summaries, context: context, within: within)
        return try ctx.workspace.lock.withLock {
            let url = stateURL(ctx.workspace)
            let previous = (try? RegularFile.read(url, limit: 64 * 1_048_576)).flatMap { try? JSONDecoder().decode(DeadlineFeed.State.self, from: $0) }
                ?? DeadlineFeed.State()
            let (text, state) = DeadlineFeed.render(events, previous: previous, stamp: ctx.now)
            if state != previous {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let e = JSONEncoder()
                e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                try DurableFile.write(try e.encode(state), to: url)
            }
            return (text, events.count)
        }
    }

    static func write(_ text: String, to url: URL) throws {
        // Readable by the calendar program that subscribes to it (no contacts are in the feed).
        // A device, pipe or symlink the person names is written into, never replaced (`OutputFile`).
        try OutputFile.write(Data(text.utf8), to: url, mode: 0o644)
    }

    /// After a command changed cases: rewrite the configured feed. A failure is a warning — the
    /// change itself is saved.
    static func refreshIfConfigured(_ ctx: AppContext) {
        guard let setting = setting(ctx.workspace) else { return }
        do {
            let loaded = try Deadlines.load(ctx)
            let (text, _) = try render(ctx, summaries: loaded.portfolio.summaries, context: loaded.context, within: nil)
            try write(text, to: URL(fileURLWithPath: setting.file))
        } catch {
            Output.warn(StatusMessage.calendarFeedNotUpdated(file: setting.file, reason: "\(error)").text(Output.lang))
        }
    }
}
