import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 13's bad files, picked in the workbench as a new user would: each ends in one clear
/// line in Japanese naming the file and what to do — under the file picker, the dialog still
/// open, nothing written — never a crash or a hang. (The bad rows of a readable file — a bad
/// date, ragged rows, formulas, duplicate keys, an unknown status — are in
/// ImportValueMapRuntimeTests: each is its own preview line naming row and column.)
@Suite struct ImportBadInputRuntimeTests {
    typealias R = ImportDialogRuntimeTests

    struct Bad: CustomTestStringConvertible, Sendable {
        var name: String
        var write: @Sendable (URL) throws -> Void
        /// The start of the line the dialog shows (after the file name).
        var says: String
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "バイナリ①.csv", write: { try Data([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]).write(to: $0) },
            says: "テキストファイルではありません（3 バイト目に NUL）。Excel で CSV（UTF-8 か Shift_JIS）か .xlsx として保存してください"),
        Bad(name: "ブック.csv", write: { try FileManager.default.copyItem(at: Repo.url("Tests/RenkeiImportTests/Fixtures/cases.xlsx"), to: $0) },
            says: "名前が .csv の .xlsx ブックです。拡張子を .xlsx に変えてください"),
        Bad(name: "壊れた㈱.xlsx", write: { try Data("PK\u{03}\u{04}途中で切れたブック".utf8).write(to: $0) },
            says: ".xlsx のブックとして読めません"),
        Bad(name: "パスワード付き.xlsx", write: { try (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 504)).write(to: $0) },
            says: "パスワード付き（暗号化）のブックです。Excel で開き、パスワードを外して"),
        Bad(name: "大きすぎる.csv", write: { url in
            // 100 MB without writing 100 MB: a sparse file; the size is refused before a byte is read.
            FileManager.default.createFile(atPath: url.path, contents: Data("件名,自治体\n".utf8))
            let h = try FileHandle(forWritingTo: url)
            try h.truncate(atOffset: 100 * 1_048_576)
            try h.close()
        }, says: "100 MB は取り込みの上限 32 MB を超えています。ファイルを（年度ごとなどに）分けて取り込んでください"),
        Bad(name: "文字化け.csv", write: { try Data([0x8C, 0x8F, 0xFD, 0xFE, 0x2C, 0x41, 0x0A, 0xFF, 0x80, 0x2C, 0x42, 0x0A]).write(to: $0) },
            says: "文字コードが UTF-8 でも Shift_JIS/CP932 でもありません。Excel で「CSV UTF-8」として保存し直してください"),
        Bad(name: "空.csv", write: { try Data("\u{FEFF}\r\n\r\n".utf8).write(to: $0) },
            says: "見出しの行がありません（ファイルかシートが空です）"),
        // A FIFO would block a reader for ever: refused from its metadata, never opened for a read that waits.
        Bad(name: "パイプ.csv", write: { url in #expect(mkfifo(url.path, 0o644) == 0) }, says: "普通のファイルではありません（パイプや装置）。.csv か .xlsx のファイルを指定してください"),
        Bad(name: "名簿.xls", write: { try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: $0) },
            says: "取り込めるのは .csv、.txt（カンマ区切り）、.xlsx です。.xls は .xlsx で保存し直してください"),
    ]

    @Test(arguments: bad)
    func aBadFileIsOneJapaneseLineAndNothingWritten(_ b: Bad) throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let dir = ws.root.appendingPathComponent("import")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try b.write(dir.appendingPathComponent(b.name))
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 120, height: 36)
        program.settle()
        let before = try FileManager.default.contentsOfDirectory(atPath: ws.root.appendingPathComponent("cases").path).sorted()
        // Typed as a path (an .xls is not offered in the list, but can be typed).
        program.send(R.keys(":取り込み") + [.key(.enter)] + R.keys("import/\(b.name)") + [.key(.enter)])
        program.settle()
        let d = try #require(R.dialog(program), "the dialog closed")
        let line = try #require(d.problem?.text(.ja), "no problem shown")
        // The file named (some lines give its whole path), then what is wrong and what to do.
        #expect(line.contains("\(b.name): \(b.says)"), "\(line)")
        #expect(!line.contains("\n") && !d.busy && d.step == .pick && d.info == nil)
        // On screen (wrapped in the dialog, so compare without the line breaks and borders).
        let flat = program.screen.text.replacingOccurrences(of: "│", with: "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(flat.contains(String(line.prefix(30))), "not on screen: \(line)")
        // The dialog still works: Esc closes it; nothing was written.
        program.send([.key(.esc)])
        #expect(program.state.modal == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.root.appendingPathComponent("cases").path).sorted() == before)
    }
}
