import ArgumentParser
import RenkeiCore

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Workspace directory (default: $RENKEI_WORKSPACE or ~/.local/share/renkei).")
    var workspace: String?

    @Option(name: .long, help: "Pin today's date, YYYY-MM-DD (also $RENKEI_TODAY); for reviews and tests.")
    var today: String?

    var values: GlobalValues { GlobalValues(workspace: workspace, today: today) }
}

/// The global options as plain values: what commands run with, whether ArgumentParser or the
/// start-up shortcut (`QuickCommand`) read the command line.
struct GlobalValues {
    var workspace: String?
    var today: String?
}
