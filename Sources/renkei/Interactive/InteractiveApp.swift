import Foundation
import RenkeiCore
import RenkeiStore
import RenkeiTUI
import RenkeiTerminal
import RenkeiApp

/// `renkei open`: the terminal main loop around the shared runtime (`Program` + `StoreEffects`,
/// in RenkeiApp): read keys → `send` → draw `screen`; background answers are delivered between
/// keys; the workspace is checked for outside changes about once a second.
enum InteractiveApp {
    static func run(context: AppContext, search: String?) throws {
        if let why = Terminal.unusableReason() { throw CLIError(why) }
        let (settings, problems) = Config.load()
        let configViews = settings.views.count
        let effects = StoreEffects(RuntimeEnvironment(
            store: context.store, data: context.data, today: context.today, actor: context.actor,
            now: { [today = context.today, started = context.now] in
                // RENKEI_NOW pins the time for reproducible tests; otherwise the clock, read per save.
                (try? AppContext.clock(today.description, nowOverride: ProcessEnvironment.current["RENKEI_NOW"]).1) ?? started
            },
            saveViews: { try Config.saveViews($0, configViews: configViews) },
            saveActor: { try Config.saveActor($0) }, renkeiBinary: SyncSupport.binaryPath))

        StartupTrace.mark("config")
        let term = try Terminal(.init(colors: settings.colors, mouse: settings.mouse, crashGuard: CrashSetup.settings(lang: settings.lang)))
        Terminal.installSignalHandlers()
        StartupTrace.mark("terminal")
        defer { term.stop() }
        let first = loadWithProgress(effects, term: term, lang: settings.lang)
        let (w, h) = term.size
        let program = Program(state: AppState(settings: settings, catalog: context.catalog, today: context.today, width: w, height: h, search: search),
                              performer: effects)
        // Draw 「保存中…」 while a durable save runs.
        program.willWrite = { state in term.draw(view(state)) }
        program.send(first)
        for p in problems.map({ $0.text(settings.lang) }) + context.catalogProblems(settings.lang) { program.send(.failed(p)) }
        // Someone new: ask who signs the changes; a just-created workspace: offer the samples.
        if !context.actorConfigured || context.createdWorkspace {
            program.send(.firstRun(suggestedName: context.actorConfigured ? nil : (context.actor == "unknown" ? "" : context.actor),
                                   offerSamples: context.createdWorkspace))
        }

        var lastDrawn: Screen?
        var look = ExternalLookSchedule(now: ProcessInfo.processInfo.systemUptime)
        while !program.state.quitting {
            let screen = program.screen
            if screen != lastDrawn { term.draw(screen); lastDrawn = screen; StartupTrace.firstFrameDrawn() }
            // Background work waits until the screen is drawn: on two cores it would otherwise
            // compete with the frame the user is waiting for.
            program.startBackgroundWork()
            if program.deliverFinished() { continue }
            let msgs = term.read(timeoutMs: program.hasBackgroundWork ? 40 : 250)
            // By the clock, also while keys arrive (ExternalLookSchedule says why).
            if look.due(now: ProcessInfo.processInfo.systemUptime) { program.checkForExternalChanges() }
            if msgs.isEmpty {
                program.send(.tick)
                if let r = term.pollResize() { lastDrawn = nil; program.send(r) }
                continue
            }
            for m in msgs {
                CrashSetup.crashIfAsked(by: m)
                if case .key(.ctrl("l")) = m { term.invalidate() }
                if case .resize = m { lastDrawn = nil }
                program.send(m)
                if program.state.quitting { break }
            }
        }
    }

    /// The first load on a worker while this thread draws `loadingView`: quiet for the first
    /// 150 ms (a warm start is done by then), then a progress frame every 50 ms.
    static func loadWithProgress(_ effects: StoreEffects, term: Terminal, lang: Lang) -> Msg {
        let load = FirstLoad(effects)
        var timeout = 150
        while true {
            if let msg = load.wait(milliseconds: timeout) { return msg }
            let (w, h) = term.size
            let (d, t) = load.progress
            term.draw(loadingView(done: d, total: t, width: w, height: h, lang: lang))
            timeout = 50
        }
    }
}
