import Foundation
import Testing
import RenkeiCore
import RenkeiStore
@testable import RenkeiReport

extension Fixtures {
    static func share(_ c: Case = educationCase, lang: Lang = .ja, partners: Bool = false,
                      contactPerson: Bool = false) -> (sheet: ShareSheet, anonymizer: Anonymizer) {
        ShareSheetBuilder.build(c, catalog: catalog, options: ShareOptions(lang: lang, today: today, anonymizePartners: partners,
                                                                           contactPerson: contactPerson))
    }

    static func renderShare(_ c: Case = educationCase, _ f: CaseFormat, lang: Lang = .ja, partners: Bool = false) throws -> String {
        let data = try ReportRenderer(templates: shippedTemplates).render(share(c, lang: lang, partners: partners).sheet, format: f)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The 事例シート (issue 15): what it holds, what it never holds, byte-for-byte goldens.
@Suite struct ShareSheetTests {
    @Test(arguments: [CaseFormat.md, .html, .json], [Lang.ja, .en])
    func golden(_ f: CaseFormat, _ lang: Lang) throws {
        let text = try Fixtures.renderShare(Fixtures.educationCase, f, lang: lang)
        try Golden.check(Data(text.utf8), "education.share.\(lang.rawValue).\(f.fileExtension)")
        if f == .html {
            let check = try Python.checkHTML(Data(text.utf8), name: "share")
            #expect(check.status == 0, "\(check.output)")
        }
    }

    @Test(arguments: [CaseFormat.md, .html, .json])
    func holdsNothingInternal(_ f: CaseFormat) throws {
        let s = try Fixtures.renderShare(Fixtures.educationCase, f)
        // memos, the change log, checklists, the next action and the people in the log
        for secret in ["次回は6月", "下見積もり受領", "財政課ヒアリング資料の提出", "関与した担当者数", "最近の変更", "市の課題を明確化",
                         "yamada", "kSuzuki", "ksuzuki", "山田", "Suzuki", "048-000-1234", "090-0000-5678", "example.com", "city.example.jp"] {
            #expect(!s.contains(secret), "'\(secret)' in the \(f.rawValue) share sheet")
        }
        // what another municipality wants: WHY/HOW/WHAT, path, decisions with reasons, budget, funding, the six items, KPIs
        for wanted in ["プログラミングを教えられる教員が不足", "企画競争", "57校", "関係課の合意が取れず", "予算要求の締切が近いため",
                       "委託料", "デジタル田園都市国家構想交付金", "50%", "¥6,000,000", "予算要求で苦労したこと", "生徒満足度",
                       "ライフイズテック株式会社", "さいたま市", "教育委員会 学校教育部 指導1課"] {
            #expect(s.contains(wanted), "'\(wanted)' missing from the \(f.rawValue) share sheet")
        }
    }

    @Test func pathHasEveryVisitWithDurationsAndOnlyDecisionsThatMattered() {
        let sheet = Fixtures.share().sheet
        #expect(sheet.path.map(\.stage) == ["issue-definition", "partner-search", "coordination", "partner-search", "coordination",
                                            "method", "budgeting"])
        #expect(sheet.path.first?.daysText == "14日")
        #expect(sheet.path.last?.state == "current" && sheet.path.last?.to == nil)
        // moved back, exit/method chosen, gate overridden — not the plain advances without a reason
        #expect(sheet.decisions.map(\.date.description) == ["2026-06-10", "2026-08-01", "2026-08-20"])
        #expect(sheet.decisions.last?.reason == "予算要求の締切が近いため、評価項目は予算化と並行して詰める")
    }

    @Test func contactIsTheDeskUnlessAskedFor() {
        let desk = Fixtures.share().sheet.contact
        #expect(desk == ShareSheet.Contact(desk: "さいたま市 教育委員会 学校教育部 指導1課"))
        let named = Fixtures.share(contactPerson: true).sheet.contact
        #expect(named.person == "山田 花子" && named.email == "hanako.yamada@city.example.jp" && named.role == "指導主事")
    }

    @Test func missingBudgetIsUndecidedNeverZero() throws {
        var c = Fixtures.educationCase
        c.budget.items = []
        let s = try Fixtures.renderShare(c, .md)
        #expect(s.contains("**未定**"))
        #expect(!s.contains("¥0"))
    }

    @Test func partnersAreReplacedOnlyWhenAsked() throws {
        let kept = try Fixtures.renderShare(Fixtures.educationCase, .md)
        #expect(kept.contains("ライフイズテック株式会社"))
        let gone = try Fixtures.renderShare(Fixtures.educationCase, .md, partners: true)
        #expect(!gone.contains("ライフイズテック"))
        #expect(gone.contains("連携先A") && gone.contains("さいたま市"))
    }
}
