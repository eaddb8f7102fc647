import Foundation

/// Finds English prose in text meant to be Japanese (issue 14: warnings, sync and import
/// details, parser tails stayed English under LANG=ja_JP.UTF-8 though every test of their
/// message type passed — the English was built outside the label table). A leak is a run of
/// three or more plain words (`written, but the disk`, `expected one of`); ids, paths, options
/// and codes (`c-0001`, `undo.json`, `--apply`) are not plain words, and a run starting with a
/// program's name (`renkei sync init`, `git merge`) is a command to type, not prose.
public enum EnglishLeak {
    static let commandStarts: Set<String> = ["renkei", "git", "ulimit", "chmod", "mv", "rm", "rmdir", "bash", "apt", "sudo", "cp"]

    /// The English runs found in `text` (empty when it reads as Japanese with codes in it).
    public static func runs(in text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n") {
            var run: [String] = []
            func endRun() {
                if run.count >= 3, !commandStarts.contains(run[0].lowercased()) { found.append(run.joined(separator: " ")) }
                run = []
            }
            func take(_ token: Substring) {
                let core = token.trimmingCharacters(in: CharacterSet(charactersIn: "('\"`"))
                let word = core.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.)'\"`!?"))
                guard !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "'") }) else { endRun(); return }
                run.append(word)
                // Punctuation after a word ends its clause: "failed: No space" is two runs.
                if word.count != core.count { endRun() }
            }
            for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                // Japanese glued to English (`（not a zip archive）。Excel`): the Japanese ends a
                // run, the English pieces on either side still count.
                let pieces = token.split(omittingEmptySubsequences: false, whereSeparator: { !$0.isASCII })
                for (i, piece) in pieces.enumerated() {
                    if i > 0 { endRun() }
                    if !piece.isEmpty { take(piece) }
                }
            }
            endRun()
        }
        return found
    }
}
