import ArgumentParser
import RenkeiCore

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Workspace directory (default: $RENKEI_WORKSPACE or ~/.local/share/renkei).")
    var workspace: String?

    @Option(name: .long, help: "Pin today's date, YYYY-MM-DD (also $RENKEI_TODAY); for reviews and tests.")
    var today: String?
}
