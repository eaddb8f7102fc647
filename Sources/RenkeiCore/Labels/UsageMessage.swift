/// A command line that cannot run as typed (exit 2), worded here rather than by the argument
/// parser: under a Japanese locale its "Error: Missing expected argument '<id>'" and three
/// lines of usage were English (issue 14). One line: what is wrong, then where the help is.
public enum UsageMessage: Equatable, Sendable {
    /// A required argument is missing (`<id>`, `<directory>`).
    case missingArgument(String)
    /// One of several is required.
    case missingOneOf([String])
    /// Words the command does not take.
    case unexpectedArguments([String])
    /// An option the command does not have, with the nearest one it does.
    case unknownOption(String, suggestion: String?)
    /// An option given without its value (`--to`).
    case missingValue(option: String)
    /// A value the option or argument cannot take (`--fiscal-year abc`).
    case invalidValue(value: String, for: String?)
    /// A flag given a value (`--json=1`): flags are on by being there.
    case flagWithValue(String)
    /// The command needs one of its subcommands.
    case missingSubcommand
    /// A flag given twice, or two that exclude each other.
    case repeated(String)
    /// The parser's own sentence for a case not worded here (kept so nothing is hidden).
    case other(String)
    // the commands' own checks
    /// Two options that cannot be given together (`--keep` and `--take-other`).
    case notBoth(String, String)
    /// An option or environment value that must be a date (`--today`, `--until`, `RENKEI_NOW`).
    case notADate(option: String, value: String)
    /// A number outside its range (`--limit 0`, `--fiscal-year 1800`).
    case outOfRange(option: String, value: String, range: String)
    /// An empty word where a file or directory is named (`-o ''`): it would mean the current directory.
    case emptyPath(option: String)
    /// An option that only makes sense with another one (`--stage` needs `--all`).
    case needs(option: String, other: String)
    /// One of a fixed set (`--preset kintone|renkei`, `--encoding utf-8|cp932`).
    case oneOf(option: String, values: [String])
    /// `export` needs a case id or `--all`.
    case exportNeedsTarget
    /// A PDF would be written to the terminal.
    case pdfToTerminal
    /// `--anonymize` given with `--all`.
    case anonymizeIsPerCase
    /// `snooze ITEM` without `--reason`.
    case snoozeNeedsReason(item: String)
    /// `advance --force` without `--reason` (the override is logged).
    case forceNeedsReason
    /// `dev generate` without `--workspace`.
    case generateNeedsWorkspace
    /// `snooze ID ITEM` with an item the case's deadlines do not have.
    case unknownDeadlineItem(String, known: [String])

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        func quoted(_ xs: [String]) -> String { xs.map { ja ? "「\($0)」" : "'\($0)'" }.joined(separator: ja ? "" : ", ") }
        switch self {
        case .missingArgument(let a):
            return ja ? "\(a) を指定してください" : "missing \(a)"
        case .missingOneOf(let xs):
            return ja ? "次のどれかを指定してください: \(xs.joined(separator: "、"))" : "give one of: \(xs.joined(separator: ", "))"
        case .unexpectedArguments(let xs):
            return ja ? "余分な引数があります: \(quoted(xs))" : "unexpected argument\(xs.count == 1 ? "" : "s") \(quoted(xs))"
        case .unknownOption(let o, let s):
            if let s { return ja ? "オプション \(o) はありません — \(s) のことですか？" : "unknown option \(o) — did you mean \(s)?" }
            return ja ? "オプション \(o) はありません" : "unknown option \(o)"
        case .missingValue(let o):
            return ja ? "\(o) の値を指定してください" : "\(o) needs a value"
        case .invalidValue(let v, let f):
            if let f { return ja ? "\(f) に「\(v)」は指定できません" : "'\(v)' is not a valid \(f)" }
            return ja ? "「\(v)」は指定できません" : "'\(v)' is not valid here"
        case .flagWithValue(let f):
            return ja ? "\(f) は値をとりません — \(f) だけを指定してください" : "\(f) takes no value; give \(f) alone"
        case .missingSubcommand:
            return ja ? "サブコマンドを指定してください" : "give a subcommand"
        case .repeated(let what):
            return ja ? "\(what) は一度だけ指定してください" : "give \(what) only once"
        case .other(let sentence):
            return ja ? "コマンドの指定に誤りがあります（\(sentence)）" : sentence
        case .notBoth(let a, let b):
            return ja ? "\(a) と \(b) は同時に指定できません" : "give \(a) or \(b), not both"
        case .notADate(let o, let v):
            return ja ? "\(o) 「\(v)」は日付（YYYY-MM-DD）ではありません" : "\(o) '\(v)' is not a date YYYY-MM-DD"
        case .outOfRange(let o, let v, let range):
            return ja ? "\(o) 「\(v)」は範囲外です（\(range)）" : "\(o) '\(v)' is out of range (\(range))"
        case .emptyPath(let o):
            return ja ? "\(o) が空です — ファイル名かディレクトリ名を指定してください（今のディレクトリなら .）"
                      : "\(o) is empty: give a file or directory name (. for the current directory)"
        case .needs(let o, let other):
            return ja ? "\(o) は \(other) と一緒に指定してください" : "\(o) works only with \(other)"
        case .oneOf(let o, let values):
            return ja ? "\(o) には次のいずれかを指定してください: \(values.joined(separator: "、"))" : "\(o) is one of: \(values.joined(separator: ", "))"
        case .exportNeedsTarget:
            return ja ? "書き出す案件の ID か、一覧なら --all を指定してください" : "give a case id to export, or --all for the portfolio"
        case .pdfToTerminal:
            return ja ? "PDF は端末に出力できません: -o ファイル名.pdf を指定するか、出力をリダイレクトしてください"
                      : "a PDF is not for the terminal: give -o FILE.pdf (or redirect standard output)"
        case .anonymizeIsPerCase:
            return ja ? "--anonymize は案件ごとの書き出し用です（一覧には連絡先がありません）"
                      : "--anonymize applies to a case report; the portfolio has no contact data"
        case .snoozeNeedsReason(let item):
            return ja ? "「\(item)」をスヌーズするには理由が必要です: --reason 理由 を付けてください"
                      : "snoozing \(item) needs a reason: add --reason TEXT"
        case .unknownDeadlineItem(let item, let known):
            return ja ? "締切の項目「\(item)」はありません。次のいずれかを指定してください: \(known.joined(separator: "、"))"
                      : "unknown item '\(item)'; use one of \(known.joined(separator: ", "))"
        case .forceNeedsReason:
            return ja ? "--force には理由が必要です: --reason 理由（上書きは履歴に残ります）" : "--force needs --reason TEXT (the override is logged)"
        case .generateNeedsWorkspace:
            return ja ? "生成先を --workspace ディレクトリ で指定してください（なければ作ります）"
                      : "give the workspace to fill with --workspace DIR (created if missing)"
        }
    }

    /// The one line a usage error prints: the problem, then where the command's help is.
    public func line(_ lang: Lang, command: String) -> String {
        let help = command.isEmpty ? "renkei --help" : "renkei \(command) --help"
        return lang == .ja ? "\(text(lang)) — 使い方は \(help)" : "\(text(lang)) — see '\(help)'"
    }
}
