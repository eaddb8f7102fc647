import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore

/// The one label table (issue 14/17): every phrase and every value a person reads exists in both
/// languages, looks like words (not a code such as `gate-overridden` or `checklist.x`), Japanese
/// is Japanese, and no phrase sits unused in the table.
@Suite struct LabelWalkTests {
    /// `gate-overridden`, `co-creation`, `checklist.coord-pattern-2`, `fieldSet`, `snake_case`.
    static func looksLikeCode(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return true }
        if t.range(of: #"^[a-z0-9]+([-._][a-z0-9]+)+$"#, options: .regularExpression) != nil { return true }
        if t.range(of: #"^[a-z]+[A-Z][A-Za-z]*$"#, options: .regularExpression) != nil { return true }
        return false
    }
    static func hasJapanese(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }
    /// Words that read the same in Japanese UI text.
    static let sameInBothLanguages: Set<String> = ["ID", "KPI", "—", "/", "↑", "↓"]

    func check(_ ja: String, _ en: String, _ what: String) {
        #expect(!Self.looksLikeCode(ja), "\(what): ja '\(ja)' looks like a code")
        #expect(!Self.looksLikeCode(en), "\(what): en '\(en)' looks like a code")
        #expect(Self.hasJapanese(ja) || Self.sameInBothLanguages.contains(ja), "\(what): ja '\(ja)' is not Japanese")
    }

    @Test func everyLabelInBothLanguages() {
        for p in Label.allCases { check(p.text(.ja), p.text(.en), "Label.\(p)") }
        for a in ActionName.allCases { check(a.text(.ja), a.text(.en), "ActionName.\(a)") }
        for p in MunicipalityLabel.allCases { check(p.text(.ja), p.text(.en), "MunicipalityLabel.\(p)") }
        for v in ReadinessStatus.allCases { check(v.label(.ja), v.label(.en), "ReadinessStatus.\(v)") }
        for p in PartnerLabel.allCases { check(p.text(.ja), p.text(.en), "PartnerLabel.\(p)") }
        for p in GrantLabel.allCases { check(p.text(.ja), p.text(.en), "GrantLabel.\(p)") }
        for p in TransferLabel.allCases { check(p.text(.ja), p.text(.en), "TransferLabel.\(p)") }
        for p in SyncLabel.allCases { check(p.text(.ja), p.text(.en), "SyncLabel.\(p)") }
        for p in ArchiveLabel.allCases { check(p.text(.ja), p.text(.en), "ArchiveLabel.\(p)") }
        for v in BodyClass.allCases { check(v.label(.ja), v.label(.en), "BodyClass.\(v)") }
    }

    @Test func everyValueInBothLanguages() {
        for v in Stage.allCases { check(v.label(.ja), v.label(.en), "Stage.\(v)"); check(v.shortJa, v.shortEn, "Stage.\(v) short") }
        for v in Exit.allCases { check(v.label(.ja), v.label(.en), "Exit.\(v)"); check(v.shortJa, v.en, "Exit.\(v) short") }
        for v in SizeClass.allCases { check(v.label(.ja), v.label(.en), "SizeClass.\(v)") }
        for v in MunicipalityKind.allCases { check(v.label(.ja), v.label(.en), "MunicipalityKind.\(v)") }
        for v in BodyKind.allCases { check(v.label(.ja), v.label(.en), "BodyKind.\(v)") }
        for v in PartnerKind.allCases { check(v.label(.ja), v.label(.en), "PartnerKind.\(v)") }
        for v in FundingKind.allCases { check(v.label(.ja), v.label(.en), "FundingKind.\(v)") }
        for v in EventKind.allCases { check(v.label(.ja), v.label(.en), "EventKind.\(v)") }
        for v in ChoiceField.allCases { check(v.label(.ja), v.label(.en), "ChoiceField.\(v)") }
        for s in CaseFields.specs + [CaseFields.codeSpec] { check(s.ja, s.en, "field \(s.path)") }
        for id in ["stale", "follow-up", "next-action"] { check(DeadlineItemName.of(id, .ja), DeadlineItemName.of(id, .en), "deadline item \(id)") }
    }

    @Test func shippedCatalogValuesInBothLanguages() throws {
        let url = RepoRoot.url.appendingPathComponent("Data/catalog/guide.json")
        let catalog = try JSONDecoder().decode(Catalog.self, from: Data(contentsOf: url))
        for m in catalog.methods { check(m.ja, m.en, "method \(m.id)") }
        for d in catalog.domains { check(d.ja, d.en, "domain \(d.id)") }
        for i in catalog.allItems + catalog.referenceItems { check(i.ja, i.en, "item \(i.id)") }
    }

    /// Field paths, undo labels and stored values render without codes.
    @Test func historyNamesAreWords() throws {
        let url = RepoRoot.url.appendingPathComponent("Data/catalog/guide.json")
        let names = FieldNames(catalog: try JSONDecoder().decode(Catalog.self, from: Data(contentsOf: url)))
        for lang in Lang.allCases {
            for p in ["checklist.coord-pattern-2", "note.3", "snooze.stale", "reference.kpi", "stage", "exit", "method"] {
                #expect(!Self.looksLikeCode(names.name(p, lang)) && !names.name(p, lang).contains("coord-pattern"), "\(p) \(lang)")
            }
            #expect(names.value("exit", .string("co-creation"), lang) == Exit.coCreation.label(lang))
            #expect(names.value("method", .string("joint"), lang) != "joint")
            for label in ["tick coord-pattern-2", "set title, exit", "move to dropped", "note", "advance", "new case", "snooze stale"] {
                let text = CommandSummary(label: label).text(lang, names: names)
                #expect(!text.contains("coord-pattern") && !text.contains("dropped"), "\(label) \(lang): \(text)")
                if lang == .ja { #expect(!text.contains("stale") && !text.contains("note"), "\(label): \(text)") }
            }
        }
    }

    /// Every phrase is used somewhere in Sources/ outside its own table.
    @Test func noUnusedLabel() throws {
        let sources = RepoRoot.url.appendingPathComponent("Sources")
        var text = ""
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" && url.lastPathComponent != "Label.swift" {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        for p in Label.allCases {
            let name = String(describing: p)
            let used = text.range(of: #"(Label\.\#(name)\b|\.\#(name)\.(text|pair)\b|[\[,(]\s*\.\#(name)\s*[,\])]|return\s+\.\#(name)\b)"#, options: .regularExpression) != nil
            #expect(used, "Label.\(name) is unused")
        }
        // The municipality views name their words `ML.x` (typealias) or `MunicipalityLabel.x`.
        for p in MunicipalityLabel.allCases {
            let name = String(describing: p)
            #expect(text.range(of: #"\b(ML|MunicipalityLabel)\.\#(name)\b"#, options: .regularExpression) != nil, "MunicipalityLabel.\(name) is unused")
        }
        for p in PartnerLabel.allCases {
            #expect(text.contains("PartnerLabel.\(String(describing: p))"), "PartnerLabel.\(p) is unused")
        }
        for p in GrantLabel.allCases {
            #expect(text.contains("GrantLabel.\(String(describing: p))"), "GrantLabel.\(p) is unused")
        }
        // The export/import dialogs name theirs `TransferLabel.x` (or `.x` after `?`, `:` or `=` where the type is known).
        for p in TransferLabel.allCases {
            let name = String(describing: p)
            let used = text.range(of: #"(TransferLabel\.\#(name)\b|[?:=]\s*\.\#(name)\b)"#, options: .regularExpression) != nil
            #expect(used, "TransferLabel.\(name) is unused")
        }
        for p in SyncLabel.allCases {
            #expect(text.contains("SyncLabel.\(String(describing: p))"), "SyncLabel.\(p) is unused")
        }
        for p in ArchiveLabel.allCases {
            #expect(text.contains("ArchiveLabel.\(String(describing: p))"), "ArchiveLabel.\(p) is unused")
        }
    }

    /// The workbench, the CLI, the runtime, the store, sync and import speak only through the
    /// table: no inline `ja ? … : …` there (issue 14). (Core's insight renderers and the reports
    /// still have some: see the audit.)
    @Test(arguments: ["Sources/RenkeiTUI", "Sources/renkei", "Sources/RenkeiApp", "Sources/RenkeiStore", "Sources/RenkeiImport", "Sources/RenkeiSync"])
    func noInlineTranslation(_ dir: String) throws {
        let root = RepoRoot.url.appendingPathComponent(dir)
        var files = 0
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            files += 1
            for (n, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("ja ? ") || line.range(of: #"lang\s*==\s*\.ja\s*\?"#, options: .regularExpression) != nil {
                Issue.record("\(dir)/\(url.lastPathComponent):\(n + 1): inline translation — put the words in RenkeiCore/Labels/: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(files >= 10, "\(dir): no sources found")
    }

    /// The workbench's sentences with values (once inline in the TUI): each case worded in both
    /// languages, durations and due dates exactly as the goldens show them.
    @Test func workbenchMessagesInBothLanguages() {
        let all: [WorkbenchMessage] = [.span(days: 400), .ago(days: 3), .ahead(days: 20), .dueOver(days: 24), .dueIn(days: 5), .days(12),
                                       .fiscalYear(2027), .parenthetical("埼玉県"), .buildingIndex(done: "1,200", total: "10,000"),
                                       .needs("予算化"), .earliestRoute(ja: "6月補正", en: "June supplementary"), .noTargetFiscalYear(["c-0001"]),
                                       .damagedRow(file: "c-0002.json", reason: "line 3"), .list(["㈱ミライ", "髙橋"]), .inStageFor("3週"),
                                       .checklistDone(done: 2, total: 5), .unmetBeforeAdvancing(3), .fiscalYearSpan(2027), .notePreview("①"),
                                       .recordCount("連絡先", 2), .signedAs("髙橋"), .samplesLoaded(17), .unsnoozeHint(key: "z")]
        for m in all {
            #expect(!m.text(.ja).isEmpty && !m.text(.en).isEmpty, "\(m)")
            #expect(m.text(.ja) != m.text(.en), "\(m) is not translated")
        }
        #expect(WorkbenchMessage.span(days: -400).text(.ja) == "1年1か月")
        #expect(WorkbenchMessage.span(days: 400).text(.en) == "1y 1mo")
        #expect(WorkbenchMessage.ago(days: 21).text(.ja) == "3週前")
        #expect(WorkbenchMessage.ahead(days: 5).text(.en) == "in 5d")
        #expect(WorkbenchMessage.dueOver(days: 24).text(.ja) == "24日超過")
        #expect(WorkbenchMessage.list(["a", "b"]).text(.ja) == "a、b")
        #expect(WorkbenchMessage.fiscalYearSpan(2027).text(.ja) == "（2027-04-01〜2028-03-31）")
    }

    /// Archiving's sentences (issue 14) and its refusals, Japanese under a Japanese locale.
    @Test func archiveMessagesInBothLanguages() {
        let all: [ArchiveMessage] = [.archived(caseId: "c-0001"), .unarchived(caseId: "c-0001"),
                                     .archivedOn(when: "2026/12/04 09:30", by: "髙橋", note: "横展開の参考に"), .archivedOn(when: "2026/12/04 09:30", by: "髙橋", note: nil)]
        for m in all {
            #expect(Self.hasJapanese(m.text(.ja)), "\(m): \(m.text(.ja))")
            #expect(m.text(.ja) != m.text(.en), "\(m) is not translated")
        }
        for m in [CommandMessage.alreadyArchived(caseId: "c-0001"), .notArchived(caseId: "c-0001")] {
            #expect(Self.hasJapanese(m.text(.ja)) && m.text(.ja) != m.text(.en), "\(m)")
        }
        let names = FieldNames(catalog: Catalog())
        #expect(names.name(Case.archivedField, .ja) == "アーカイブ" && names.value(Case.archivedField, .bool(true), .ja) == "アーカイブ済み")
        #expect(CommandSummary(label: Command.archive(note: nil).label).text(.ja, names: names) == "アーカイブ")
        #expect(CommandSummary(label: Command.unarchive.label).text(.ja, names: names) == "アーカイブから戻す")
    }

    /// The export dialog's sentences: counts as the preview shows them, in both languages.
    @Test func transferMessagesInBothLanguages() {
        let counts = TransferMessage.replaces(names: 4, emails: 1, phones: 2, addresses: 0, partners: 0)
        #expect(counts.text(.ja) == "置き換え: 氏名 4件、メールアドレス 1件、電話番号 2件")
        #expect(counts.text(.en) == "Replaces 4 names, 1 e-mail address, 2 phone numbers")
        #expect(TransferMessage.replaces(names: 0, emails: 0, phones: 0, addresses: 0, partners: 0).text(.ja) == TransferLabel.previewNothing.text(.ja))
        for m in [TransferMessage.more(3), .target("exports/x.share.html")] {
            #expect(m.text(.ja) != m.text(.en), "\(m) is not translated")
        }
    }

    /// The CLI's status lines that were English under a Japanese locale (issue 14).
    @Test func statusMessagesInBothLanguages() {
        let all: [StatusMessage] = [.damagedCaseFile(path: "c.json", reason: "line 3", leftOut: true), .calendarFeedNotUpdated(file: "f.ics", reason: "EACCES"),
                                    .quarantined(path: "q/c.json"), .validated(cases: 17), .initialised(path: "/ws", samples: 17), .initialised(path: "/ws", samples: nil),
                                    .wrote(path: "a.md", cases: 3), .wrote(path: "a.md", cases: nil), .wroteEvents(path: "a.ics", events: 4, subscribed: true),
                                    .wroteEvents(path: "a.ics", events: 4, subscribed: false), .feedStopped, .catalogUnreadable(reason: "Data/catalog/guide.json: line 1"), .trashed(caseId: "c-0001"),
                                    .notAWorkspace(path: "/ws", problem: .missing), .configNotAnObject(path: "~/.config/renkei/config.json", actor: "髙橋"), .notAWorkspace(path: "/ws", problem: .isFile), .notAWorkspace(path: "/ws", problem: .noCases),
                                    .anonymized(names: 4, emails: 1, phones: 2, addresses: 0, organisations: 1),
                                    .anonymized(names: 0, emails: 0, phones: 0, addresses: 0, organisations: 0)]
        for m in all {
            #expect(Self.hasJapanese(m.text(.ja)), "\(m): \(m.text(.ja))")
            #expect(m.text(.ja) != m.text(.en), "\(m) is not translated")
        }
    }

    /// A status line in Sources/renkei starts from the table, never from an English literal
    /// (`Output.line("wrote …")`). The developer commands (`renkei dev`) are the known exception.
    @Test func noEnglishStatusLiteralsInTheCLI() throws {
        let root = RepoRoot.url.appendingPathComponent("Sources/renkei")
        let exempt: Set<String> = ["DevGenerateCommand.swift"]
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" && !exempt.contains(url.lastPathComponent) {
            for (n, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.replacingOccurrences(of: "(\"renkei: ", with: "(\"").range(of: #"Output\.(line|warn|error|errorRaw)\("[a-z]"#, options: .regularExpression) != nil {
                Issue.record("\(url.lastPathComponent):\(n + 1): English status line — word it in RenkeiCore/Labels/: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    /// An error line in Sources/renkei comes from the table too: no English sentence inside a
    /// `CLIError("…")` and no `ValidationError` (the parser would print it as it is) — issue 14:
    /// "--fiscal-year 1800: expected a year between 2000 and 2100" under a Japanese locale.
    @Test func noEnglishErrorLiteralsInTheCLI() throws {
        let root = RepoRoot.url.appendingPathComponent("Sources/renkei")
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            for (n, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.range(of: #"CLIError\("[^"]*[A-Za-z]{3,} [a-z]{2,}"#, options: .regularExpression) != nil || line.contains("ValidationError(") {
                Issue.record("\(url.lastPathComponent):\(n + 1): English error line — word it in RenkeiCore/Labels/: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }

    /// What `renkei import` and the import dialog say (issue 13): every case in both languages,
    /// Japanese in Japanese, and the one-line shape (row, column, value — expected).
    @Test func importMessagesInBothLanguages() {
        let all: [ImportMessage] = [
            .tooManyCells(width: 14, found: 15, firstExtra: 15), .tooFewCells(width: 14, found: 5), .formulaNotCalculated, .formulaValueUsed, .formulaText, .methodNotInCatalog("joint"),
            .stageValue, .exitValue, .methodValue(["proposal", "joint"]), .domainValue(["environment"]), .unknownField, .fiscalYear, .amount,
            .date, .field(.invalid(field: "exit", value: "x", expected: .oneOf(["a", "b"]))), .keyMissing,
            .duplicateKey(firstRow: 2, caseId: "kintone-1"), .recreatedFromTrash(caseId: "kintone-1"), .idTaken(caseId: "sayama-ntt-eco-action"), .titleMissing, .municipalityMissing,
            .problem(row: 5, column: "期限", value: "2026/13/1", expected: .date), .mappedColumnMissing("件名"), .keyColumnMissing("レコード番号"),
            .tooLarge(file: "a.csv", megabytes: 100, limitMegabytes: 32), .binary(file: "a.csv", offset: 2), .unknownEncoding(file: "a.csv", forced: nil),
            .unknownEncoding(file: "a.csv", forced: "UTF-8"), .unsupportedEncoding("euc-jp"), .unsupportedFormat(file: "a.xls"),
            .encryptedWorkbook(file: "a.xlsx"), .corruptWorkbook(file: "a.xlsx", detail: .notZip),
            .noSheet(file: "a.xlsx", name: "無い", available: ["表紙", "一覧"]), .empty(file: "a.csv"), .tooManyRows(file: "a.csv", limit: 200_000), .tooManyColumns(file: "a.csv", row: 1, limit: 16_384), .tableTooLarge(file: "a.xlsx", rows: 150_000, columns: 16_384),
            .notAMappingFile(file: "m.json", detail: .mappingField(path: "columns.件名")), .unknownTarget(file: "m.json", column: "件名", target: "titel"),
            .workbookNamedCSV(file: "a.csv"), .isDirectory(path: "/tmp"), .notRegularFile(path: "/tmp/p.csv"), .unreadable(path: "/x.csv"), .mappingUnreadable(path: "m.json", detail: .store(.io(path: "m.json", .io(op: "open", reason: .permission)))),
            .guessNotWritten(path: "import/a.mapping.json", detail: .store(.io(path: "import", .io(op: "create", reason: .readOnlyFileSystem)))), .guessTooLarge(path: "import/a.mapping.json", kilobytes: 2_048, limitKilobytes: 1_024), .source(encoding: "UTF-8", sheet: "一覧"),
            .encodingChoice(forced: true), .encodingChoice(forced: false), .sheetPosition(index: 2, count: 3),
            .header(file: "a.csv", source: "UTF-8", rows: 3, origin: .written(.preset("kintone"), path: "import/a.mapping.json")),
            .header(file: "a.csv", source: "UTF-8", rows: 3, origin: .guessed), .column(name: "件名", target: "title", key: true),
            .column(name: "備考", target: "note", key: false), .fileError("x"), .invalid("x"), .warning("x"),
            .create(row: 2, caseId: "kintone-1", title: "①"), .update(row: 2, caseId: "kintone-1", fields: ["budget.totalYen", "note"]),
            .unchanged(row: 2, caseId: "kintone-1"),
            .totals(create: 3, update: 0, unchanged: 0, invalid: 5, outcome: .dryRun(canApply: false)),
            .totals(create: 3, update: 0, unchanged: 0, invalid: 0, outcome: .dryRun(canApply: true)),
            .totals(create: 0, update: 0, unchanged: 3, invalid: 0, outcome: .nothingToWrite),
            .totals(create: 3, update: 0, unchanged: 0, invalid: 0, outcome: .imported(3)),
            .refused(file: "a.csv", invalid: 5, mappingProblems: true, applying: true), .refused(file: "a.csv", invalid: 5, mappingProblems: false, applying: false),
            .imported(created: 3, updated: 1), .mappingSaved(path: "import/a.mapping.json"), .cannotRead(file: "a.csv", detail: .store(.io(path: "a.csv", .io(op: "read", reason: .diskError)))),
            .writeFailed(file: "a.csv", detail: .store(.io(path: "cases", .io(op: "write", reason: .diskFull)))),
        ]
        for m in all {
            #expect(Self.hasJapanese(m.text(.ja)), "\(m): \(m.text(.ja))")
            #expect(m.text(.ja) != m.text(.en), "\(m) is not translated")
            #expect(EnglishLeak.runs(in: m.text(.ja)).isEmpty, "\(m): English in ja: \(m.text(.ja))")
        }
        // The part in brackets of a file-level line (issue 14: the reader's English before).
        let details: [ImportDetail] = [.notZip, .missingPart("xl/workbook.xml"), .partUnreadable("xl/worksheets/sheet1.xml"),
                                       .partTooLarge(part: "xl/sharedStrings.xml", megabytes: 256), .sheetWithoutPart("一覧"),
                                       .missingSharedString(cell: "B12"), .xml(part: "xl/styles.xml", line: 3), .rowNumberOutOfRange(part: "xl/worksheets/sheet1.xml", found: "0", max: 1_048_576), .xmlLibraryMissing("libxml2.so.2"), .csvUnreadable, .notJSON,
                                       .mappingField(path: "columns.件名"), .mappingField(path: ""), .store(.io(path: "/ws/import", .io(op: "write", reason: .diskFull)))]
        for d in details {
            #expect(Self.hasJapanese(d.text(.ja)) && d.text(.ja) != d.text(.en), "\(d): \(d.text(.ja))")
            #expect(EnglishLeak.runs(in: d.text(.ja)).isEmpty, "\(d): English in ja: \(d.text(.ja))")
        }
        #expect(ImportMessage.problem(row: 5, column: "期限", value: "2026/13/1", expected: .date).text(.ja)
                == "5行目、列「期限」: 「2026/13/1」 — 日付（2026/4/1、2026年4月1日、令和8年4月1日、R8.4.1 など）")
        #expect(ImportMessage.problem(row: 5, column: "期限", value: "2026/13/1", expected: .date).text(.en)
                == "row 5, column 期限: '2026/13/1' — a date such as 2026/4/1, 2026年4月1日, 令和8年4月1日 or R8.4.1")
    }

    /// The CLI's review lines once inline in Sources/renkei (issue 14): both languages, different.
    @Test func reviewMessagesInBothLanguages() {
        let all: [ReviewMessage] = [.overdueHeader(today: "2026-11-23", wareki: "令和8年11月23日", missed: 2, within: 30, dueSoon: 3, snoozed: 1),
                                    .movedEarlier(month: 5, day: 3, scheduled: "2027-05-03", reason: "憲法記念日"),
                                    .earliestRoute("6月補正", closed: "当初予算は締切済み"), .alternativeRoute("予備費"),
                                    .defaultCalendarUsed("狭山市.json"), .holidayCoverage(from: 2024, to: 2027), .holidayCoverage(from: nil, to: nil), .snoozedHeader(2), .snoozedUntil("2026-12-01"), .andMore(5),
                                    .noTargetFiscalYear("c-0001"), .calendarHeader(fiscalYear: 2027, name: "標準", municipality: "狭山市"),
                                    .similarHeader(id: "c-0001", title: "①", compared: 16),
                                    .timeWithEra(base: "2026/11/23 09:00", wareki: "令和8年", fiscalYear: "2026年度")]
        for m in all {
            #expect(!m.text(.ja).isEmpty && !m.text(.en).isEmpty, "\(m)")
            #expect(m.text(.ja) != m.text(.en), "\(m) is not translated")
        }
        #expect(ReviewMessage.movedEarlier(month: 5, day: 3, scheduled: "2027-05-03", reason: "憲法記念日").text(.ja) == "［5/3は憲法記念日→前営業日］")
    }

    /// Calendar, holiday and funding-window problems and the catalog's (issue 14: English
    /// under a Japanese locale): every kind in both languages, Japanese in Japanese, with the
    /// file and field kept in front of the line and something to do in it.
    @Test func calendarAndCatalogProblemsInBothLanguages() {
        let kinds: [CalendarProblemKind] = [
            .empty, .missing, .wrongType(.text), .null(.integer), .notADate, .unknownValue(accepted: ["grant", "subsidy"]),
            .unknownValue(accepted: []), .badValue(detail: "範囲外"), .damaged(.syntax(line: 3, column: 7, path: "", detail: "the file ends too early (truncated?)")),
            .notAnObject, .calendarId("札幌"), .milestoneTwice("request"), .yearMissing, .notAYear("N-2"), .milestoneMissing("vote"),
            .outOfOrder(year: "N-1", date: "10-15", before: 2, beforeId: "request", beforeYear: "N-1", beforeDate: "11-30"),
            .onOrAfterApril(year: "N", date: "04-05"), .submissionTooLate(year: "N", date: "03-13", days: 19, lead: 20),
            .submissionTooLate(year: "N", date: "03-03", days: 29, lead: 30), .windowTwice("june"),
            .voteNotAfterRequest(vote: "04-30", request: "05-10"), .windowsOutOfOrder, .notAPrefecture("北海県"),
            .unknownMunicipality("札幌氏", didYouMean: ["札幌市"]), .unknownMunicipality("髙山氏", didYouMean: []), .monthDayMissing,
            .notAMonthDay("March 25"), .february29, .noSuchDay("02-30", month: 2, day: 30), .defaultCalendarMissing, .noHolidayData,
            .holidayDaysMissing, .holidayNotADate("2026-02-30"), .rateNotPercent(150), .closesBeforeOpens(closes: "2027-01-10", opens: "2027-02-01"),
            .windowDefinedTwice(id: "dden-2027", otherFile: "funding/grants.json"),
        ]
        for k in kinds {
            let line = CalendarProblem(file: "calendars/札幌市.json", field: "milestones[2].date", k)
            #expect(line.text(.ja).hasPrefix("calendars/札幌市.json: milestones[2].date: ") && line.text(.en).hasPrefix("calendars/札幌市.json: milestones[2].date: "))
            #expect(Self.hasJapanese(k.text(.ja)) && k.text(.ja) != k.text(.en), "\(k): \(k.text(.ja))")
            // (A file that is not JSON says where: line and column.)
            if case .damaged = k { continue }
            #expect(k.text(.ja).contains("—") || k.text(.ja).contains("してください"), "\(k): no what-to-do in \(k.text(.ja))")
        }
        let catalog: [CatalogProblem] = [.unreadable(.damaged(path: "catalog/追加.json", .syntax(line: 1, column: 30, path: "", detail: "the file ends too early (truncated?)"))),
                                         .itemIdTwice(file: "g.json", id: "kpi", times: 2), .noGuidePage(file: "g.json", item: "kpi"),
                                         .itemId(file: "g.json", id: "Bad Item"), .stageNeedsUnknownField(file: "g.json", stage: "budgeting", field: "nosuch"),
                                         .methodNeedsUnknownField(file: "g.json", method: "joint", field: "nosuch"), .stageMissing(file: "g.json", stage: .budgeting),
                                         .exitUnknownMethod(file: "g.json", exit: "procurement", method: "ghost"),
                                         .roughQuoteItemMissing(file: "g.json", item: "rough-quote"), .referenceItems(file: "g.json", found: 5)]
        for p in catalog {
            #expect(Self.hasJapanese(p.text(.ja)) && p.text(.ja) != p.text(.en), "\(p)")
            #expect(p.text(.ja).contains(".json"), "\(p): no file in \(p.text(.ja))")
        }
        // A decode error's JSONDecoder English never reaches the Japanese line.
        #expect(!CalendarProblemKind.damaged(.syntax(line: 1, column: 2, path: "", detail: "the file ends too early (truncated?)")).text(.ja).contains("ends"))
        for m in [TransferMessage.cp932Row(row: 3, column: "件名", character: "🌸", codePoints: "U+1F338"), .cp932More(12)] {
            #expect(Self.hasJapanese(m.text(.ja)) && m.text(.ja) != m.text(.en), "\(m)")
        }
    }

    /// Settings-file problems (shown when the workbench starts) and a failed git step: both
    /// languages, and a git failure says what to do next by the kind of step.
    @Test func settingsProblemsAndGitFailuresSayWhatToDo() {
        let settings: [SettingsProblem] = [.unreadable(.io(path: "~/.config/renkei/keys.json", .notRegular(.fifo))),
                                           .damaged(path: "config.json", .wrongType(path: "wareki", expected: .bool)), .language("fr"), .theme("pink"),
                                           .unknownAction("frobnicate", known: ["advance", "quit"]), .unknownKey(action: "quit", key: "nope-key")]
        for p in settings {
            #expect(Self.hasJapanese(p.text(.ja)) && p.text(.ja) != p.text(.en), "\(p)")
            #expect(p.text(.ja).contains("—"), "\(p): no what-to-do in \(p.text(.ja))")
        }
        let fetch = SyncMessage.gitFailed(command: "fetch -q", detail: "fatal: unable to access")
        #expect(fetch.text(.ja).contains("ネットワーク") && fetch.text(.ja).contains("renkei sync"), "\(fetch.text(.ja))")
        #expect(fetch.text(.en).contains("check the network and the remote") && fetch.text(.en).contains("renkei sync again"))
        let clone = SyncMessage.gitFailed(command: "clone", detail: "x")
        #expect(clone.text(.ja).contains("renkei clone") && clone.text(.en).contains("renkei clone again"))
        for command in ["merge-tree", "commit-tree", "add -A", "update-ref", "sync"] {
            let m = SyncMessage.gitFailed(command: command, detail: "fatal: x")
            #expect(m.text(.ja).contains("git status") && m.text(.ja).contains("renkei sync"), "\(m.text(.ja))")
            #expect(m.text(.en).contains("run renkei sync again") && m.text(.en).contains("git status"), "\(m.text(.en))")
        }
    }

    @Test func choicesResolveJapaneseAndCodes() {
        func code(_ s: String, _ cs: [Choice]) -> String? { if case .found(let c) = Choice.resolve(s, among: cs) { return c.code }; return nil }
        #expect(code("予算化", Choice.stages) == "budgeting")
        #expect(code("課題特定企画", Choice.stages) == "issue-definition")
        #expect(code("課題特定 ・ 企画", Choice.stages) == "issue-definition")
        #expect(code("ＢＵＤＧＥＴＩＮＧ", Choice.stages) == "budgeting")
        #expect(code("調達", Choice.exits) == "procurement")
        #expect(code("自治体へ導入", Choice.exits) == "procurement")
        #expect(code("見送り", Choice.stages) == "dropped")
        #expect(code("金融機関", Choice.partnerKinds) == "financial-institution")
        if case .ambiguous(let cs) = Choice.resolve("連携", among: Choice.stages) { #expect(cs.count == 3) } else { Issue.record("連携 is ambiguous") }
        #expect(Choice.resolve("", among: Choice.stages) == .unknown)
        #expect(CaseIDPrefix.match("sayama-ntt", among: ["sayama-ntt-eco", "sayama-saitama"]) == .unique("sayama-ntt-eco"))
        #expect(CaseIDPrefix.match("sayama", among: ["sayama-ntt-eco", "sayama-saitama"]) == .ambiguous(["sayama-ntt-eco", "sayama-saitama"]))
        #expect(CaseIDPrefix.match("c-1", among: ["c-1", "c-10"]) == .exact("c-1"))
    }

    @Test func snoozingIsNotActivity() {
        let at = Timestamp("2026-10-01T09:00:00+09:00")!, later = Timestamp("2026-11-20T09:00:00+09:00")!
        var c = Case(id: "x", title: "t", municipality: Municipality(name: "狭山市"))
        c.events = [Event(seq: 1, at: at, actor: "a", kind: .created, command: "c1", changes: []),
                    Event(seq: 2, at: later, actor: "a", kind: .snoozed, command: "c2",
                          changes: [Change(field: "snooze.request", before: .null, after: .object([:]))])]
        #expect(c.lastEventDay == at.day)
    }
}

/// The repository root (RenkeiTestSupport's `Repo`, the one helper).
enum RepoRoot {
    static let url = Repo.root
}
