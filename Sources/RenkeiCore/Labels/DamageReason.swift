/// Why a file renkei reads (a case, the catalog, the undo history) could not be used — typed,
/// so the list's 破損 row, `renkei validate` and the store's error line say it in the reader's
/// language (issue 14: damaged files were explained in English under a Japanese locale).
/// Codable: the summary index remembers a damaged file's reason between runs.
public enum DamageReason: Equatable, Sendable, Codable {
    /// Not UTF-8; the offset of the first bad byte when known.
    case notUTF8(offset: Int?)
    /// Not JSON: where, and the parser's own words for what it found (`JSONSyntax`).
    case syntax(line: Int, column: Int, path: String, detail: String)
    /// JSON, but not shaped like the file it should be.
    case shape
    case fieldMissing(path: String)
    case wrongType(path: String, expected: ValueKind)
    case nullField(path: String, expected: ValueKind)
    case notADate(path: String)
    case notATime(path: String)
    /// A value the field does not know, with the accepted ones when they are few.
    case unknownValue(path: String, accepted: [String])
    /// A field's own check failed; `detail` is that check's sentence.
    case badValue(path: String, detail: String)
    /// A whole-number field holding a fraction or a number too large to keep.
    case wholeNumber(field: String, line: Int, column: Int, tooLarge: Bool, found: String)
    case invalidId(String)
    /// The file's `id` and its name disagree.
    case idNameMismatch(id: String, fileName: String)
    /// A counter (revision, event seq, note id) too large to increment safely.
    case counterTooLarge(field: String, value: Int)
    /// A file's top level is not a JSON object.
    case notAnObject
    /// A value JSON cannot hold, found while writing the case back.
    case notWritable(path: String)
    /// The file could not be read (permissions, not a regular file, too large).
    case unreadable(FileProblem)
    /// The summary index that remembered the reason is unreadable itself.
    case indexUnreadable
    /// A shipped data table (municipalities, their adjacency): regenerate it with the script.
    case regenerate(detail: String, script: String)
    /// The workspace itself failed while reading (the cases directory vanished, the lock).
    indirect case failure(StoreMessage)
    /// A reason written by an older renkei (an index from before the reasons were typed).
    case text(String)

    /// The kind of value a field expected.
    public enum ValueKind: String, Equatable, Sendable, Codable {
        case text, number, integer, bool, list, object, date, value
        func label(_ lang: Lang) -> String {
            let ja = lang == .ja
            switch self {
            case .text: return ja ? "文字列" : "text"
            case .number: return ja ? "数値" : "a number"
            case .integer: return ja ? "整数" : "a whole number"
            case .bool: return ja ? "true か false" : "true/false"
            case .list: return ja ? "配列" : "a list"
            case .object: return ja ? "オブジェクト" : "an object"
            case .date: return ja ? "日付" : "a date"
            case .value: return ja ? "値" : "a value"
            }
        }
    }

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        func field(_ p: String) -> String { ja ? "項目「\(p)」" : "field '\(p)'" }
        switch self {
        case .notUTF8(let offset):
            let at = offset.map { ja ? "（最初の不正なバイトは \($0) バイト目）" : " (first bad byte at offset \($0))" } ?? ""
            return ja ? "UTF-8 のテキストではありません\(at) — UTF-8 で保存し直してください" : "not valid UTF-8 text\(at); save the file as UTF-8"
        case .syntax(let line, let column, let path, let detail):
            let inPath = path.isEmpty ? "" : (ja ? "、「\(path)」の中" : " (in '\(path)')")
            return ja ? "JSON の書き方に誤りがあります（\(line)行 \(column)文字目\(inPath)）: \(JSONSyntax.text(detail, lang))"
                      : "invalid JSON at line \(line), column \(column)\(inPath): \(detail)"
        case .shape:
            return ja ? "JSON の形が案件ファイルの形と違います" : "the JSON does not have the expected shape"
        case .fieldMissing(let p):
            return ja ? "\(field(p))がありません" : "\(field(p)) is missing"
        case .wrongType(let p, let k):
            return ja ? "\(field(p))の型が違います（\(k.label(lang))のはずです）" : "\(field(p)) has the wrong type (expected \(k.label(lang)))"
        case .nullField(let p, let k):
            return ja ? "\(field(p))が null です（\(k.label(lang))のはずです）" : "\(field(p)) is null (expected \(k.label(lang)))"
        case .notADate(let p):
            return ja ? "\(field(p))が日付（YYYY-MM-DD）ではありません" : "\(field(p)): not a date YYYY-MM-DD"
        case .notATime(let p):
            return ja ? "\(field(p))が日時（ISO 8601）ではありません" : "\(field(p)): not an ISO 8601 time"
        case .unknownValue(let p, let accepted):
            let list = accepted.isEmpty ? "" : (ja ? "（\(accepted.joined(separator: "、")) のいずれか）" : " (expected one of \(accepted.joined(separator: ", ")))")
            return ja ? "\(field(p))の値が不明です\(list)" : "\(field(p)): unknown value\(list)"
        case .badValue(let p, let detail):
            return p.isEmpty ? detail : (ja ? "\(field(p)): \(detail)" : "\(field(p)): \(detail)")
        case .wholeNumber(let f, let line, let column, let tooLarge, let found):
            return ja ? "\(line)行 \(column)文字目の\(field(f))\(tooLarge ? "の数値が大きすぎます" : "は整数でなければなりません")（\(found)）"
                      : "\(field(f)) at line \(line), column \(column) \(tooLarge ? "is too large" : "must be a whole number") (found \(found))"
        case .invalidId(let id):
            return (ja ? "項目「id」: " : "field 'id': ") + Message.invalidCaseId(id, maxLength: 64).text(lang)
        case .idNameMismatch(let id, let name):
            return ja ? "項目「id」は「\(id)」ですが、ファイル名は \(name) です — ファイル名か id を直してください（一つの id を二つのファイルが名乗ることはできません）"
                      : "field 'id' is '\(id)' but the file is named \(name); rename the file or fix the id (two files may not claim one id)"
        case .counterTooLarge(let f, let v):
            return ja ? "\(field(f))が \(v) で大きすぎます（2^53 未満にしてください）" : "\(field(f)) is \(v); it must be between 0 and 2^53"
        case .notAnObject:
            return ja ? "JSON のオブジェクトではありません" : "a case file must contain a JSON object"
        case .notWritable(let p):
            return ja ? "JSON に書き戻せない値があります（\(p.isEmpty ? "値" : "「\(p)」")） — 何も保存していません"
                      : "cannot be written back as JSON (a value JSON cannot hold\(p.isEmpty ? "" : " at '\(p)'")); nothing was saved"
        case .unreadable(let problem):
            return problem.text(lang)
        case .indexUnreadable:
            return ja ? "破損（索引を読めません。もう一度コマンドを実行してください）" : "damaged (summary index unreadable; run any command again)"
        case .regenerate(let detail, let script):
            return ja ? "\(detail) — Scripts/\(script) で作り直してください" : "\(detail); regenerate it with Scripts/\(script)"
        case .failure(let m):
            return m.text(lang)
        case .text(let s):
            return s
        }
    }
}

/// Why a file could not be opened or read — the system's reason typed by its errno, so the
/// Japanese line says what happened and what to do (the C library's strerror is English).
public enum FileProblem: Equatable, Sendable, Codable {
    /// `op` is what renkei was doing ("rename", "open lock file": `FileOp`'s raw values).
    case io(op: String, reason: IOReason)
    case notRegular(FileKind)
    case tooLarge(size: Int, limit: Int)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .io(let op, let reason):
            let what = FileOp(rawValue: op)?.label(lang) ?? op
            return ja ? "\(what)に失敗しました: \(reason.text(lang))" : "\(what) failed: \(reason.text(lang))"
        case .notRegular(let kind):
            return ja ? "\(kind.label(lang))です。renkei はワークスペース内の通常のファイルだけを読みます"
                      : "\(kind.label(lang))\(kind == .symbolicLink ? "" : ", not a regular file"); renkei only reads regular files inside the workspace"
        case .tooLarge(let size, let limit):
            return ja ? "\(size) バイトあり、この種類のファイルの上限 \(ByteSize.text(limit)) を超えるため読みませんでした"
                      : "\(size) bytes is larger than the \(ByteSize.text(limit)) limit for this kind of file; it was not read"
        }
    }
}

/// What renkei was doing to a file when the system refused.
public enum FileOp: String, Equatable, Sendable, Codable {
    case open, read, stat, create, write, close, rename, remove, fsync
    case openDirectory = "open directory", readDirectory = "read directory", createDirectory = "create directory"
    case createTemp = "create temp file", moveToQuarantine = "move to quarantine", openWorkspace = "open workspace"
    case lock, openLock = "open lock file", openLockForWriting = "open lock file for writing"

    public func label(_ lang: Lang) -> String {
        guard lang == .ja else { return rawValue }
        switch self {
        case .open: return "開く処理"
        case .read: return "読み込み"
        case .stat: return "情報の取得"
        case .create: return "作成"
        case .write: return "書き込み"
        case .close: return "書き込みの完了"
        case .rename: return "名前の変更"
        case .remove: return "削除"
        case .fsync: return "ディスクへの書き込み（fsync）"
        case .openDirectory: return "ディレクトリを開く処理"
        case .readDirectory: return "ディレクトリの読み込み"
        case .createDirectory: return "ディレクトリの作成"
        case .createTemp: return "一時ファイルの作成"
        case .moveToQuarantine: return "隔離への移動"
        case .openWorkspace: return "ワークスペースを開く処理"
        case .lock: return "ロックの取得"
        case .openLock: return "ロックファイルを開く処理"
        case .openLockForWriting: return "ロックファイルを書き込み用に開く処理"
        }
    }
}

/// The system's reason, by errno, with what to do; `other` keeps the C library's words.
public enum IOReason: Equatable, Sendable, Codable {
    case diskFull, permission, readOnlyFileSystem, missing, isDirectory, tooManyFiles, diskError, outOfMemory
    case other(String)

    public func text(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .diskFull:
            return ja ? "ディスクがいっぱいです。ディスク上は何も変わっていません — 空きを作ってからもう一度実行してください"
                      : "No space left on device — the disk is full; nothing was changed on disk: free space and try again"
        case .permission:
            return ja ? "権限がありません — ワークスペースの権限を確認してください" : "Permission denied — check the permissions of the workspace"
        case .readOnlyFileSystem:
            return ja ? "読み取り専用のファイルシステムです" : "Read-only file system — the file system is read-only"
        case .missing:
            return ja ? "ありません（ワークスペースを移動または削除しましたか？）" : "No such file or directory — it does not exist (was the workspace moved or deleted?)"
        case .isDirectory:
            return ja ? "同じ名前のディレクトリがあります" : "Is a directory — a directory is in the way"
        case .tooManyFiles:
            return ja ? "開いているファイルが多すぎます — 上限を上げて（ulimit -n 1024）もう一度実行してください"
                      : "Too many open files — raise the limit (ulimit -n 1024) and try again"
        case .diskError:
            return ja ? "ディスクがエラーを返しました — ディスク（dmesg、ケーブル、ネットワーク共有）を確認してからもう一度実行してください"
                      : "Input/output error — the disk reported an error: check it (dmesg, the cable, the network share) and try again"
        case .outOfMemory:
            return ja ? "メモリが足りません" : "Cannot allocate memory"
        case .other(let s):
            return s
        }
    }
}

/// What stands where a regular file was expected.
public enum FileKind: String, Equatable, Sendable, Codable {
    case fifo, directory, socket, characterDevice, blockDevice, symbolicLink, special

    public func label(_ lang: Lang) -> String {
        let ja = lang == .ja
        switch self {
        case .fifo: return ja ? "名前付きパイプ（FIFO）" : "a named pipe (FIFO)"
        case .directory: return ja ? "ディレクトリ" : "a directory"
        case .socket: return ja ? "ソケット" : "a socket"
        case .characterDevice: return ja ? "キャラクタデバイス" : "a character device"
        case .blockDevice: return ja ? "ブロックデバイス" : "a block device"
        case .symbolicLink: return ja ? "シンボリックリンク（たどりません）" : "a symbolic link (not followed)"
        case .special: return ja ? "特殊なファイル" : "a special file"
        }
    }
}

/// "16 MiB", "64 KiB", "512 bytes" — the same in both languages.
public enum ByteSize {
    public static func text(_ n: Int) -> String {
        n >= 1_048_576 && n % 1_048_576 == 0 ? "\(n / 1_048_576) MiB" : n >= 1024 && n % 1024 == 0 ? "\(n / 1024) KiB" : "\(n) bytes"
    }
}
