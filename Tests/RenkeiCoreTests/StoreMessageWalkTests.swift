import Foundation
import Testing
import RenkeiTestSupport
@testable import RenkeiCore

/// Issue 14: every failure of the workspace (the store's errors, damaged files, undo's refusals)
/// and every usage error renders in Japanese under ja — from the one label table — and names
/// its file or case. The switches below are exhaustive: a new case without a sample here does
/// not compile, so it cannot stay English by being forgotten.
@Suite struct StoreMessageWalkTests {
    static let damage: [DamageReason] = [
        .notUTF8(offset: 12), .notUTF8(offset: nil), .syntax(line: 3, column: 5, path: "budget.items[2]", detail: "expected ',' or '}'"),
        .syntax(line: 1, column: 1, path: "", detail: "the file ends too early (truncated?)"), .shape, .fieldMissing(path: "title"),
        .wrongType(path: "budget.totalYen", expected: .integer), .nullField(path: "stage", expected: .text), .notADate(path: "nextAction.due"),
        .notATime(path: "events[0].at"), .unknownValue(path: "stage", accepted: ["budgeting"]), .unknownValue(path: "kind", accepted: []),
        .badValue(path: "id", detail: "①"), .wholeNumber(field: "revision", line: 2, column: 15, tooLarge: true, found: "99999999999999999999"),
        .invalidId("髙橋/㈱"), .idNameMismatch(id: "c-0001", fileName: "c-0002.json"), .counterTooLarge(field: "revision", value: 1 << 60),
        .notAnObject, .notWritable(path: "kpis[0].actual"), .unreadable(.io(op: "open", reason: .permission)),
        .unreadable(.notRegular(.fifo)), .unreadable(.tooLarge(size: 20_000_000, limit: 16 * 1_048_576)), .indexUnreadable,
        .regenerate(detail: "line 3", script: "gen-municipalities.py"), .failure(.casesDirectoryGone(path: "/ws/cases")),
    ]

    static let store: [StoreMessage] = [
        .io(path: "/ws/cases/c.json", .io(op: "rename", reason: .diskFull)), .damaged(path: "/ws/cases/c.json", .shape),
        .damagedCase(path: "/ws/cases/c.json", .notUTF8(offset: 4), caseId: "c"), .caseTooLarge(path: "/ws/cases/c.json", caseId: "c", size: 17_000_000, limit: 16 * 1_048_576),
        .caseNotFound("sayama"), .duplicateId("c-0001", files: ["a.json", "b.json"]), .invalidId("a/b"),
        .newerSchema(path: "/ws/cases/c.json", version: 9, supported: 2), .caseReadOnly(caseId: "c", version: 9, nothingImported: true),
        .caseReadOnly(caseId: "c", version: nil, nothingImported: false), .changedByOthers(caseId: "c", field: "title"),
        .casesDirectoryGone(path: "/ws/cases"), .idUsedInTrash("c-0001"), .caseExists(caseId: "c", path: "/ws/cases/c.json"),
        .targetExists(path: "/ws/trash/c.json", retry: "renkei delete c"), .targetExists(path: "/ws/trash/c.json", retry: nil),
        .lockHeld(path: "/ws/.lock", seconds: 10), .lockNotAFile(path: "/ws/.lock", .directory, remove: "rmdir /ws/.lock"),
        .indexDirectoryInTheWay(path: "/ws/.index/summaries.v1", move: "mv a b"), .indexNotWritten(path: "/ws/.index", detail: "EROFS"),
        .cannotCreateDirectory(path: "/ws/trash", detail: "EACCES"), .fileDescriptors(free: 3, limit: "8", required: 32),
        .dataDirectoryMissing(env: "/opt/x"), .dataDirectoryMissing(env: nil), .notARecord(file: "municipalities/狭山市.json"),
        .recordFieldGone(file: "partners/㈱ミライ.json", path: "contacts[0]"),
        .batchStopped(label: "import", written: 3, total: 10, cause: .io(path: "/ws/cases/c.json", .io(op: "fsync", reason: .diskError)), journal: nil),
        .batchStopped(label: "import", written: 3, total: 10, cause: .caseNotFound("c"),
                      journal: .journalNotUpdated(caseId: "c-0001", .io(path: "/ws/undo.json", .io(op: "write", reason: .diskFull)))),
        .undoUnreadable(path: "/ws/undo.json", .shape), .undoNewer(path: "/ws/undo.json", version: 9, supported: 2),
        .notConfirmed(.notConfirmed(target: "/ws/cases/c-0001.json", files: nil, directory: "/ws/cases", reason: .diskError)),
    ] + skips.map { .undoSkipped(redo: false, what: "tick coord-pattern-2", caseId: "c-0001", $0) }
      + [.undoSkipped(redo: true, what: "note", caseId: "c-0001", .existsAgain)]

    static let warnings: [StoreWarning] = {
        let full = StoreMessage.io(path: "/ws/undo.json", .io(op: "write", reason: .diskFull))
        let one: [StoreWarning] = [
            .notConfirmed(target: "/ws/cases/c-0001.json", files: nil, directory: "/ws/cases", reason: .diskError),
            .notConfirmed(target: "/ws/cases", files: 120, directory: "/ws/cases", reason: .other("Remote I/O error")),
            .notJournaledNewer(caseId: "c-0001", .undoNewer(path: "/ws/undo.json", version: 9, supported: 2)),
            .notJournaledUnreadable(caseId: "c-0001", .undoUnreadable(path: "/ws/undo.json", .notUTF8(offset: 3))),
            .journalRestarted(path: "/ws/undo.json", .syntax(line: 1, column: 2, path: "", detail: "expected ',' or '}'"), keptAs: "undo.json.damaged"),
            .journalNotUpdated(caseId: "c-0001", full), .historyNotUpdated(what: "c-0001", redo: false, full),
            .historyNotUpdated(what: "c-0001", redo: true, full), .readableByOthers(path: "/ws", mode: "755"),
            .indexRebuilt(path: "/ws/.index/summaries.v1", detail: "checksum mismatch in section names", notRebuilt: nil),
            .indexRebuilt(path: "/ws/.index/summaries.v1", detail: "bad magic", notRebuilt: .io(path: "/ws/.index", .io(op: "rename", reason: .readOnlyFileSystem))),
            .indexNotWritten(path: "/ws/.index/summaries.v1", .io(path: "/ws/.index", .io(op: "write", reason: .diskFull))),
        ]
        return one + [.several([one[0], one[5]])]
    }()

    static let skips: [UndoSkip] = [
        .caseGone, .caseGoneOrTrashed, .historyGone, .otherActor(by: "髙橋", me: "試験者"), .changedSince(field: "title"),
        .notInTrash, .notInCases, .existsAgain, .pathExists("/ws/cases/c.json"), .editedSince(by: "髙橋", stays: "c-0001"),
        .editedSince(by: "髙橋", stays: nil), .importMoved(caseId: "c-0001"), .importInterruptedEmpty, .recordUnreadable, .recordChanged(path: "contacts[0]"),
        .commandGone(caseId: "c-0001", command: "cmd-1"),
    ]

    static let usage: [UsageMessage] = [
        .missingArgument("<id>"), .missingOneOf(["<id>", "--all"]), .unexpectedArguments(["x"]), .unexpectedArguments(["x", "y"]),
        .unknownOption("--bogus", suggestion: "--stage"), .unknownOption("--bogus", suggestion: nil), .missingValue(option: "--to <to>"),
        .invalidValue(value: "abc", for: "--fiscal-year <fiscal-year>"), .invalidValue(value: "abc", for: nil), .missingSubcommand,
        .repeated("--json"), .other("Something new"), .notBoth("--keep", "--take-other"), .notADate(option: "--today", value: "令和8年"),
        .outOfRange(option: "--limit", value: "0", range: "1–50"), .needs(option: "--stage", other: "--all"),
        .oneOf(option: "--encoding", values: ["utf-8", "cp932"]), .exportNeedsTarget, .pdfToTerminal, .anonymizeIsPerCase,
        .snoozeNeedsReason(item: "stale"), .generateNeedsWorkspace, .unknownDeadlineItem("x", known: ["stale"]), .forceNeedsReason,
        .emptyPath(option: "--output"), .flagWithValue("--json"),
    ]

    static let commands: [CommandMessage] = [
        .invalidCaseId("a b"), .changedSince(caseId: "c", redo: false, kind: .fieldSet, field: "title"),
        .changedSince(caseId: "c", redo: true, kind: .ticked, field: "checklist.x"), .noCommandInHistory(caseId: "c", command: "cmd"),
        .readOnly(caseId: "c", version: 9, nothingImported: false), .noConcurrentEdit(file: "c", id: "e1"),
        .noCommandSets(caseId: "c", unit: "tags"), .severalBudgetLines(caseId: "c"), .importRowEmpty(row: 4),
    ]

    func japanese(_ ja: String, _ en: String, _ what: String) {
        #expect(LabelWalkTests.hasJapanese(ja), "\(what): ja is not Japanese: \(ja)")
        #expect(ja != en, "\(what) is not translated")
        #expect(!en.isEmpty)
    }

    @Test func everyStoreMessageIsJapaneseUnderJa() {
        for m in Self.store { japanese(m.text(.ja), m.text(.en), "\(m)") }
        #expect(Set(Self.store.map(Self.caseIndex)) == Set(0..<Self.storeCases), "a StoreMessage case has no sample")
    }

    @Test func everyDamageReasonIsJapaneseUnderJa() throws {
        for r in Self.damage where r != .text("x") { japanese(r.text(.ja), r.text(.en), "\(r)") }
        #expect(Set(Self.damage.map(Self.caseIndex)) == Set(0..<Self.damageCases - 1), "a DamageReason case has no sample")
        // The index keeps reasons between runs: each survives JSON both ways.
        for r in Self.damage {
            let back = try JSONDecoder().decode(DamageReason.self, from: JSONEncoder().encode(r))
            #expect(back == r)
        }
        for reason in [IOReason.diskFull, .permission, .readOnlyFileSystem, .missing, .isDirectory, .tooManyFiles, .diskError, .outOfMemory] {
            japanese(reason.text(.ja), reason.text(.en), "\(reason)")
        }
        for k in [FileKind.fifo, .directory, .socket, .characterDevice, .blockDevice, .symbolicLink, .special] { japanese(k.label(.ja), k.label(.en), "\(k)") }
        for op in [FileOp.open, .read, .stat, .create, .write, .close, .rename, .remove, .fsync, .openDirectory, .readDirectory,
                   .createDirectory, .createTemp, .moveToQuarantine, .openWorkspace, .lock, .openLock, .openLockForWriting] {
            japanese(op.label(.ja), op.label(.en), "\(op)")
        }
        // The JSON parser's own words: every sentence it can say has its Japanese.
        for s in ["more text after the end of the JSON value", "the file ends too early (truncated?)", "expected ':' after a key",
                  "the key appears twice in one object", "expected ',' or '}'", "a comma before ']' (trailing comma)", "expected ',' or ']'",
                  "\\u needs four hex digits", "a string that never ends (truncated?)", "a number needs digits", "a number with a leading zero",
                  "a number needs digits after '.'", "a number needs digits in its exponent", "unexpected character 'x'",
                  "nested more than 64 levels deep", "an unknown escape '\\q' (use \\\\ for a backslash)", "the number 1e999 is out of range"] {
            #expect(LabelWalkTests.hasJapanese(JSONSyntax.text(s, .ja)), "\(s)")
        }
    }

    /// What the store says beside a success (a disk that did not confirm, an undo history that
    /// could not record): Japanese, no English prose left in it, the file or case named.
    @Test func everyStoreWarningIsJapaneseUnderJa() {
        for w in Self.warnings {
            let ja = w.text(.ja), en = w.text(.en)
            japanese(ja, en, "\(w)")
            #expect(EnglishLeak.runs(in: ja).isEmpty, "\(w): English left in ja: \(EnglishLeak.runs(in: ja)) — \(ja)")
            for name in ["/ws", "c-0001"] where en.contains(name) { #expect(ja.contains(name), "\(w): ja drops '\(name)': \(ja)") }
        }
        #expect(Set(Self.warnings.map(Self.caseIndex)) == Set(0..<Self.warningCases), "a StoreWarning case has no sample")
    }

    /// The lines of `validate`, `grant`, `partner` and `municipality show` about programme,
    /// partner and profile files (issue 14: English under ja), every case.
    @Test func everyRecordProblemIsJapaneseUnderJa() {
        let all: [RecordProblem] = [
            .damaged(file: "/ws/programmes/x.json", .syntax(line: 2, column: 3, path: "tracks", detail: "nested more than 64 levels deep")),
            .damaged(file: "/ws/partners/㈱ミライ.json", .unknownValue(path: "kind", accepted: ["startup", "intermediary"])),
            .unreadable(.io(path: "/ws/partners/p.json", .io(op: "open", reason: .permission))),
            .rateNotPercent(file: "/ws/programmes/x.json", rate: 150), .yearsOverMax(file: "/ws/programmes/x.json", track: 0, years: 5, maxYears: 3),
            .unknownBodyClass(file: "/ws/programmes/x.json", track: 1, key: "village", known: ["prefecture", "municipality"]),
            .partnerNameEmpty(file: "/ws/partners/p.json"), .corporateNumber(file: "/ws/partners/p.json", number: "123"),
            .partnerMunicipalityCode(file: "/ws/partners/p.json", code: "112150"),
            .partnerTwice(file: "/ws/partners/p.json", name: "㈱ミライ", other: "ミライ株式会社"),
            .profileCodeUnknown(file: "/ws/municipalities/999999.json", code: "999999"),
            .readinessUnknown(file: "/ws/municipalities/112151.json", id: "rd-x", known: ["rd-policy", "rd-budget"]),
            .profileFileName(file: "/ws/municipalities/112150.json", code: "112151"),
            .profileTwice(file: "/ws/municipalities/a.json", code: "112151", name: "狭山市"),
            .endStateWithoutReason(caseId: "c-0001", stage: .dropped), .unknownMethod(caseId: "c-0001", method: "x-method"),
            .unknownDomain(caseId: "c-0001", domain: "x-domain"),
        ]
        for p in all {
            let ja = p.text(.ja), en = p.text(.en)
            japanese(ja, en, "\(p)")
            #expect(EnglishLeak.runs(in: ja).isEmpty, "\(p): English in ja: \(ja)")
            for name in ["/ws/", "c-0001"] where en.contains(name) { #expect(ja.contains(name), "\(p): ja drops '\(name)': \(ja)") }
        }
        func index(_ p: RecordProblem) -> Int {
            switch p {
            case .damaged: 0; case .unreadable: 1; case .rateNotPercent: 2; case .yearsOverMax: 3; case .unknownBodyClass: 4
            case .partnerNameEmpty: 5; case .corporateNumber: 6; case .partnerMunicipalityCode: 7; case .partnerTwice: 8
            case .profileCodeUnknown: 9; case .readinessUnknown: 10; case .profileFileName: 11; case .profileTwice: 12
            case .endStateWithoutReason: 13; case .unknownMethod: 14; case .unknownDomain: 15
            }
        }
        #expect(Set(all.map(index)) == Set(0..<16), "a RecordProblem case has no sample")
    }

    /// The detector the class checks rely on finds English prose, also glued to Japanese, and
    /// leaves ids, paths, options and commands alone.
    @Test func englishLeakFindsProseOnly() {
        for leak in ["bad.xlsx: .xlsx のブックとして読めません（not a zip archive）。Excel で開いて",
                     "/ws/cases: written, but the disk did not confirm it", "対応表のファイルではありません（Data was corrupted. Debug）",
                     "cases/x.json: /nonexistent: open failed: No such file or directory"] {
            #expect(!EnglishLeak.runs(in: leak).isEmpty, "\(leak)")
        }
        for fine in ["取り消しました: c-0001 — note", "先に renkei sync init を実行してください", "chmod -R go-rwx /ws を実行してください",
                     "undo.json.damaged として残し", "--apply では取り込まれません", "KPI「CO2 削減量」", "git merge driver を登録しました"] {
            #expect(EnglishLeak.runs(in: fine).isEmpty, "\(fine): \(EnglishLeak.runs(in: fine))")
        }
    }

    /// The class check over every typed message here: no run of English words under ja (the
    /// walks above only asked for some Japanese, so an English tail passed).
    @Test func noEnglishProseUnderJa() {
        var texts: [(String, String)] = Self.store.map { ("\($0)", $0.text(.ja)) } + Self.damage.filter { $0 != .text("x") }.map { ("\($0)", $0.text(.ja)) }
        texts += Self.exports.map { ("\($0)", $0.text(.ja)) } + Self.skips.map { ("\($0)", $0.text(.ja)) }
        texts += Self.usage.map { ("\($0)", $0.text(.ja)) } + Self.commands.map { ("\($0)", $0.text(.ja)) }
        for (what, ja) in texts {
            #expect(EnglishLeak.runs(in: ja).isEmpty, "\(what): English left in ja: \(EnglishLeak.runs(in: ja)) — \(ja)")
        }
    }

    static let exports: [ExportMessage] = [.unknownFormat("xyz", allowed: ["md", "pdf"]), .unknownLanguage("fr"), .invalidTemplateName("../x"),
                                    .templateNotFound(name: "case", searched: ["/ws/templates"]), .templateNotFound(name: "case", searched: []),
                                    .template(path: "/ws/templates/case.mustache", reason: .syntax(line: 2, column: 5, detail: "unfinishedName", near: "{{#件名")),
                                    .template(path: "/ws/templates/case.md.mustache", reason: .partialLoop(["case.md", "case-part", "case.md"])),
                                    .template(path: "/ws/templates/case.md.mustache", reason: .setDelimiter),
                                    .template(path: "/ws/templates/report-style.css", reason: .notUTF8),
                                    .template(path: "/ws/templates/case.md.mustache", reason: .partialName("../x", .invalidTemplateName("../x"))),
                                    .template(path: "/ws/templates/case.md.mustache", reason: .unreadable(.unreadable(.notRegular(.fifo)))), .outputExists("事例.md"),
                                    .outputNotWritable(path: "/ro/事例.md", problem: .io(.io(op: "write", reason: .readOnlyFileSystem))),
                                    .outputNotWritable(path: "/x/予定.ics", problem: .directory), .outputNotWritable(path: "/x/予定.ics", problem: .symlinkLoop),
                                    .outputNotWritable(path: "/x/予定.ics", problem: .special), .outputNotWritable(path: "/x/予定.ics", problem: .pipeWithoutReader),
                                    .outputNotWritable(path: "/x/予定.ics", problem: .folderMissing("/x")), .outputNotWritable(path: "/x", problem: .notAFolder), .quarantined(id: "c-0001", path: "/ws/quarantine/c-0001.json"),
                                    .invalidCaseId("../etc/passwd"), .unknownAudience("x"), .noPDFEngine, .pdfFailed(.timedOut(browser: "chromium", seconds: 60)), .pdfFailed(.noTemporaryFolder),
                                    .pdfFailed(.cannotStart("/usr/bin/chromium")), .pdfFailed(.noPDF(browser: "chromium", status: 1)), .shareOnlyOption("--contact-person")]

    @Test func everyExportMessageIsJapaneseUnderJa() {
        let all = Self.exports
        // `ReportError` is this type: one definition of the export failures.
        let thrown: Error = ExportMessage.noPDFEngine
        #expect((thrown as? WordedError)?.text(.ja) == ExportMessage.noPDFEngine.text(.ja))
        for m in all { japanese(m.text(.ja), m.text(.en), "\(m)") }
    }

    @Test func everyUndoSkipUsageAndCommandMessageIsJapaneseUnderJa() {
        for s in Self.skips { japanese(s.text(.ja), s.text(.en), "\(s)") }
        for u in Self.usage { japanese(u.text(.ja), u.text(.en), "\(u)"); #expect(u.line(.ja, command: "export").contains("renkei export --help")) }
        for c in Self.commands { japanese(c.text(.ja), c.text(.en), "\(c)") }
    }

    /// The file, case or field is named in both languages.
    @Test func messagesNameWhatTheyAreAbout() {
        for m in Self.store {
            let en = m.text(.en), ja = m.text(.ja)
            for name in ["/ws/", "c-0001", "sayama", "a/b", "狭山市", "㈱ミライ"] where en.contains(name) {
                #expect(ja.contains(name), "\(m): ja drops '\(name)': \(ja)")
            }
        }
    }

    static let storeCases = 28, damageCases = 21, warningCases = 10
    static func caseIndex(_ w: StoreWarning) -> Int {
        switch w {
        case .notConfirmed: 0; case .notJournaledNewer: 1; case .notJournaledUnreadable: 2; case .journalRestarted: 3
        case .journalNotUpdated: 4; case .historyNotUpdated: 5; case .readableByOthers: 6; case .indexRebuilt: 7
        case .indexNotWritten: 8; case .several: 9
        }
    }
    static func caseIndex(_ m: StoreMessage) -> Int {
        switch m {
        case .io: 0; case .damaged: 1; case .damagedCase: 2; case .caseTooLarge: 3; case .caseNotFound: 4; case .duplicateId: 5
        case .invalidId: 6; case .newerSchema: 7; case .caseReadOnly: 8; case .changedByOthers: 9; case .casesDirectoryGone: 10
        case .idUsedInTrash: 11; case .caseExists: 12; case .targetExists: 13; case .lockHeld: 14; case .lockNotAFile: 15
        case .indexDirectoryInTheWay: 16; case .indexNotWritten: 17; case .cannotCreateDirectory: 18; case .fileDescriptors: 19
        case .dataDirectoryMissing: 20; case .notARecord: 21; case .recordFieldGone: 22; case .batchStopped: 23; case .undoUnreadable: 24
        case .undoNewer: 25; case .undoSkipped: 26; case .notConfirmed: 27
        }
    }
    static func caseIndex(_ r: DamageReason) -> Int {
        switch r {
        case .notUTF8: 0; case .syntax: 1; case .shape: 2; case .fieldMissing: 3; case .wrongType: 4; case .nullField: 5; case .notADate: 6
        case .notATime: 7; case .unknownValue: 8; case .badValue: 9; case .wholeNumber: 10; case .invalidId: 11; case .idNameMismatch: 12
        case .counterTooLarge: 13; case .notAnObject: 14; case .notWritable: 15; case .unreadable: 16; case .indexUnreadable: 17
        case .regenerate: 18; case .failure: 19; case .text: 20
        }
    }
}
