import ArgumentParser
import Foundation
import RenkeiCore
import RenkeiReport
import RenkeiStore

/// `renkei ical` — budget deadlines, next actions and snooze ends as an iCalendar file for
/// Outlook and Google Calendar.
struct ICalCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "ical",
        abstract: CommandHelp.abstract("Write deadlines as an .ics calendar (all-day events for Outlook, Google Calendar).", Output.lang),
        discussion: """
        Each budget milestone that matters to a case (情報提供, 予算要求締切, the follow-up after the \
        vote), each next action, funding-window deadline and snooze end becomes an all-day event \
        (DTSTART;VALUE=DATE, DTEND the next day) titled like 【予算要求締切】狭山市 環境行動促進アプリ, \
        with the case id, stage, what is needed and the earliest funding route in the description \
        and the budget phase in CATEGORIES. UIDs are stable per case and item, so importing the \
        file again updates events instead of duplicating them; SEQUENCE goes up when a date moves \
        (remembered in <workspace>/ical/state.json).

        --feed FILE makes the workspace keep FILE up to date after every change (e.g. a file on \
        the shared drive that a calendar subscribes to); --no-feed stops it.

        Examples:
          renkei ical -o 予算カレンダー.ics
          renkei ical --municipality 狭山市 --within 90
          renkei ical --feed /mnt/share/renkei/予算.ics
        """) }

    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?
    @Option(help: "Only cases of this municipality (name, reading, romaji or 6-digit code; matched by code).") var municipality: String?
    @Option(name: .customLong("case"), help: "Only this case.") var caseId: String?
    @Option(help: "Only events up to DAYS days from today (missed ones stay).") var within: Int?
    @Option(help: "Keep FILE up to date after every change (a workspace setting).") var feed: String?
    @Flag(name: .customLong("no-feed"), help: "Stop updating the feed file.") var noFeed = false

    /// Checked first in `run` (not `validate`): the label table words the line.
    func checkUsage() throws {
        try OptionValue.check(within, "--within", 0...Int.max, command: "ical")
        try OptionValue.checkPath(output, "--output", command: "ical")
        try OptionValue.checkPath(feed, "--feed", command: "ical")
        if feed != nil && noFeed { throw CLIError.usage(.notBoth("--feed", "--no-feed"), "ical") }
        if let caseId, !CaseID.isValid(caseId) { throw CLIError(CaseID.validationMessage(caseId, Output.lang), code: .usage) }
    }

    func run() throws {
        try checkUsage()
        let ctx = try AppContext.make(global)
        if noFeed {
            try CalendarFeed.saveSetting(nil, ctx.workspace)
            Output.errorRaw("renkei: " + StatusMessage.feedStopped.text(Output.lang))
            return
        }
        let loaded = try Deadlines.load(ctx)
        var summaries = loaded.portfolio.summaries
        if let municipality { summaries = try MunicipalityWorld.filter(ctx, municipality, summaries) }
        if let caseId {
            summaries = summaries.filter { $0.id == caseId }
            if summaries.isEmpty { throw CLIError(StoreError.caseNotFound(caseId).text(Output.lang)) }
        }
        if let feed {
            let url = try OptionValue.path(feed, "--feed", command: "ical")
            let all = try CalendarFeed.render(ctx, summaries: loaded.portfolio.summaries, context: loaded.context, within: nil)
            try CalendarFeed.write(all.text, to: url)
            try CalendarFeed.saveSetting(.init(file: url.path), ctx.workspace)
            Output.errorRaw("renkei: " + StatusMessage.wroteEvents(path: url.path, events: all.count, subscribed: true).text(Output.lang))
            return
        }
        let (text, count) = try CalendarFeed.render(ctx, summaries: summaries, context: loaded.context, within: within)
        if let output, output != "-" {
            let url = try OptionValue.path(output, "--output", command: "ical")
            try CalendarFeed.write(text, to: url)
            Output.errorRaw("renkei: " + StatusMessage.wroteEvents(path: url.path, events: count, subscribed: false).text(Output.lang))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
