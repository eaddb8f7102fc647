import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 15's "done when": press x, choose 共有用, and the file written can be sent unread —
/// through the real runtime on a temp workspace (the shipped samples plus a memo and a WHY
/// that name people, e-mail addresses and phone numbers, as coordinators write them).
@Suite struct ExportDialogTests {
    static let id = "saitama-lifeistech-programming"
    /// Everything personal in the case: its contacts (samples) and what the memo and WHY add.
    static let personal = ["山田 花子", "山田花子", "花子", "佐藤 一郎", "hanako.yamada@example.jp", "ichiro.sato@example.jp",
                           "048-000-0101", "03-0000-0102", "山本課長", "山本", "０４－２９９８－１１１１", "yamamoto@city.tokorozawa.example.jp",
                           "090-1234-5678"]

    static func workspace() throws -> TempWorkspace {
        let ws = try TempWorkspace()
        let now = Timestamp("2026-11-20T09:00:00+09:00")!
        _ = try ws.environment.store.apply(id, .addNote(text: "所沢市の山本課長から電話（０４－２９９８－１１１１）。資料は yamamoto@city.tokorozawa.example.jp へ。"),
                                           actor: "試験者", now: now)
        _ = try ws.environment.store.apply(id, .setField(path: "issue.why", value: .string("山田花子さん（090-1234-5678）の提案で、教員の負担を減らす。")),
                                           actor: "試験者", now: now)
        return ws
    }

    /// Opens the case in the workbench and presses x, then `keys` in the dialog, then Enter (the preview).
    static func preview(_ program: Program, _ keys: String) -> ExportPreview? {
        program.send([.key(.char("/"))] + id.map { .key(.char($0)) } + [.key(.enter), .key(.enter)])
        program.send(.key(.char("x")))
        program.send(keys.map { .key(.char($0)) } + [.key(.enter)])
        guard case .export(let d) = program.state.modal else { return nil }
        return d.preview
    }

    static func written(_ ws: TempWorkspace, _ name: String) throws -> String {
        try String(contentsOf: ws.root.appendingPathComponent("exports").appendingPathComponent(name), encoding: .utf8)
    }

    @Test func pressingXAndChoosingShareWritesASheetWithoutPersonalData() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        let p = try #require(Self.preview(program, ""))            // 共有用 is the default
        #expect(p.problem == nil)
        // The sheet has no memos: what it replaces is in WHY (山田花子さん, her mobile number).
        #expect(p.names >= 1 && p.phones >= 1, "\(p)")
        #expect(p.replacements.contains { $0.original == "山田花子" })
        #expect(p.replacements.contains { $0.original == "090-1234-5678" && $0.replacement == "［電話番号削除］" }, "\(p.replacements)")
        #expect(p.target == "exports/\(Self.id).share.html")
        // The preview is on screen before anything is written.
        #expect(program.screen.text.contains("置き換え: 氏名"))
        #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("exports").path))
        program.send(.key(.enter))
        #expect(program.state.modal == nil && program.state.pending == 0)
        #expect(program.state.toasts.last?.kind == .success)
        let sheet = try Self.written(ws, "\(Self.id).share.html")
        for s in Self.personal { #expect(!sheet.contains(s), "the share sheet still holds \(s)") }
        #expect(sheet.contains("担当者") && sheet.contains("教員の負担を減らす"))
        #expect(!sheet.contains("所沢市の"), "no memo in a share sheet")
    }

    @Test func internalReportKeepsEverythingAndSaysSo() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .en), width: 100, height: 30)
        program.settle()
        let p = try #require(Self.preview(program, "l"))          // → 内部用, not anonymised
        #expect(p.request.audience == .internal && !p.request.scrubs)
        #expect(program.screen.text.contains(TransferLabel.previewKeepsPersonal.text(.en)))
        program.send(.key(.enter))
        let report = try Self.written(ws, "\(Self.id).html")
        #expect(report.contains("hanako.yamada@example.jp") && report.contains("山本課長"))
    }

    @Test func internalAnonymisedReportReplacesWhatThePreviewListed() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        let p = try #require(Self.preview(program, "ljjl"))       // 内部用, 匿名化する
        #expect(p.request.anonymize && p.names > 0 && p.emails > 0)
        program.send(.key(.enter))
        let report = try Self.written(ws, "\(Self.id)-anonymized.html")
        for s in Self.personal { #expect(!report.contains(s), "the anonymised report still holds \(s)") }
        // Every contact name and address the preview listed is gone (context-bound ones such as a
        // one-character name before さん may stay elsewhere as an ordinary word).
        for r in p.replacements where r.original.count >= 3 { #expect(!report.contains(r.original), "\(r.original) was listed but is still there") }
        #expect(!p.replacements.contains { $0.original == "指導" }, "指導主事 is a post, not a person")
    }

    @Test func escapeFromThePreviewGoesBackAndWritesNothing() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        _ = try #require(Self.preview(program, ""))
        program.send([.key(.esc)])
        guard case .export(let d) = program.state.modal else { Issue.record("the dialog closed"); return }
        #expect(d.preview == nil)
        program.send([.key(.esc)])
        #expect(program.state.modal == nil)
        #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("exports").path))
    }
}
