import Foundation
import RenkeiCore

/// One step of a model-based run of the workbench (issue 18): what a person does at the keys,
/// or what happens to the workspace from outside (another person through the store, a damaged
/// file). Steps name intents; `ModelRun` turns them into keys and finishes any dialog they open.
/// Codable, so a shrunk failing sequence is kept as a JSON regression
/// (`Tests/Fixtures/model-regressions/`).
enum ModelStep: Codable, Equatable, CustomStringConvertible {
    case down(Int), up(Int)
    case open                       // Enter: open the case (on the detail page: tick)
    case back                       // Esc
    case newCase(title: String, municipality: String)
    case edit                       // e: the field picker, first field, a value, Ctrl-S
    case note(String)               // a, text, Ctrl-S
    case space                      // Space on the checklist tab
    case advance                    // > (a gate is overridden with a reason)
    case moveBack                   // < with a reason
    case moveTo(Int)                // m, the n-th stage, a reason
    case undo, redo
    case export                     // x, Markdown
    case snooze                     // o, z on the first overdue item, a date and a reason
    case filter(String), clearFilter
    case resize(Int, Int)
    case tab(Int)                   // 1…7 on the detail page
    case page(String)               // b board, d dashboard, J joint, c calendar, L language
    case time                       // four ticks (toasts expire)
    case reload                     // Ctrl-L
    // from outside
    case otherNote(Int, String)     // another person notes the n-th case in cases/
    case otherNew(String)
    case otherUndo
    case otherQuarantine(Int)
    case damage(Int)                // the n-th case file is overwritten with broken JSON
    case repair                     // the last damaged file gets its bytes back

    var description: String {
        switch self {
        case .down(let n): return "j×\(n)"
        case .up(let n): return "k×\(n)"
        case .open: return "Enter"
        case .back: return "Esc"
        case .newCase(let t, let m): return "n「\(t)」「\(m)」"
        case .edit: return "e"
        case .note(let t): return "a「\(t)」"
        case .space: return "Space"
        case .advance: return ">"
        case .moveBack: return "<"
        case .moveTo(let n): return "m\(n)"
        case .undo: return "u"
        case .redo: return "Ctrl-R"
        case .export: return "x"
        case .snooze: return "o z"
        case .filter(let t): return "/\(t)"
        case .clearFilter: return "/Esc"
        case .resize(let w, let h): return "resize \(w)×\(h)"
        case .tab(let n): return "tab \(n)"
        case .page(let p): return p
        case .time: return "tick×4"
        case .reload: return "Ctrl-L"
        case .otherNote(let i, let t): return "other: note #\(i)「\(t)」"
        case .otherNew(let t): return "other: new「\(t)」"
        case .otherUndo: return "other: undo"
        case .otherQuarantine(let i): return "other: quarantine #\(i)"
        case .damage(let i): return "damage #\(i)"
        case .repair: return "repair"
        }
    }

    /// A random step: mostly keys, some outside changes, a little damage.
    static func random(_ rng: inout SeededRandom, serial n: Int) -> ModelStep {
        let text = "メモ\(n)①㈱髙ｶﾅ🚀"
        switch rng.below(100) {
        case 0..<12: return .down(1 + rng.below(4))
        case 12..<16: return .up(1 + rng.below(3))
        case 16..<23: return .open
        case 23..<29: return .back
        case 29..<34: return .newCase(title: "案件\(n) ※防災ドローン", municipality: ["髙山市", "那覇市", "令和町"][rng.below(3)])
        case 34..<37: return .edit
        case 37..<45: return .note(text)
        case 45..<49: return .space
        case 49..<53: return .advance
        case 53..<55: return .moveBack
        case 55..<57: return .moveTo(rng.below(7))
        case 57..<64: return .undo
        case 64..<68: return .redo
        case 68..<69: return .export
        case 69..<71: return .snooze
        case 71..<74: return .filter(["市", "ドローン", "該当なし", "ｶﾅ"][rng.below(4)])
        case 74..<76: return .clearFilter
        case 76..<78: return .resize([40, 80, 120][rng.below(3)], [10, 24, 40][rng.below(3)])
        case 78..<81: return .tab(1 + rng.below(7))
        case 81..<84: return .page(["b", "d", "J", "c", "L"][rng.below(5)])
        case 84..<85: return .time
        case 85..<86: return .reload
        case 86..<91: return .otherNote(rng.below(40), "他者メモ\(n)")
        case 91..<93: return .otherNew("他者案件\(n)")
        case 93..<95: return .otherUndo
        case 95..<96: return .otherQuarantine(rng.below(40))
        case 96..<98: return .damage(rng.below(40))
        default: return .repair
        }
    }
}

/// Core's SplitMix64 (the one generator), so a run is reproduced from its seed; `below` keeps
/// the modulo draw the recorded seeds were found with.
struct SeededRandom {
    var core: SplitMix64
    init(seed: UInt64) { core = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 { core.next() }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
