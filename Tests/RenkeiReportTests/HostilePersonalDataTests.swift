import Foundation
import Testing
import RenkeiCore
@testable import RenkeiReport

/// Personal data hidden in every free-text field, in every spelling a Japanese office uses —
/// known contacts, names only recognisable by their title, e-mails and phones in half- and
/// full-width, English — must be gone from the share sheet and from an anonymised report.
@Suite struct HostilePersonalDataTests {
    static let secrets = ["山本", "ヤマモト", "佐々木", "髙橋", "Tanaka", "Yamamoto", "Johnson", "清水", "拓也", "shimizu",
                          "yamamoto@example.jp", "ｓａｓａｋｉ＠ｃｉｔｙ．ｅｘａｍｐｌｅ．ｊｐ", "j.johnson@startup.example.com",
                          "04-2998-1111", "０４２－９９８－１１１２", "090 1234 5678", "+81 3 1234 5678", "(03)5555-0000",
                          "359-0042", "３５９－００４２", "並木1-2-3", "並木１丁目２番３号", "Takuya", "takuya.shimizu"]

    /// The case with a secret in every free-text field the reports show.
    static var hostileCase: Case {
        var c = Fixtures.educationCase
        c.contacts.append(Contact(name: "清水 拓也", organization: "さいたま市 指導1課", role: "係長",
                                  email: "takuya.shimizu@city.example.jp", phone: "048-000-9999"))
        let memo = "所沢市の山本課長から電話（04-2998-1111）。ヤマモトさん・佐々木様（ｓａｓａｋｉ＠ｃｉｔｙ．ｅｘａｍｐｌｅ．ｊｐ、"
            + "０４２－９９８－１１１２）、髙橋主査にも共有。〒359-0042 所沢市並木1-2-3、〒３５９－００４２ 所沢市並木１丁目２番３号。"
            + "Mr. Tanaka (yamamoto@example.jp, +81 3 1234 5678) and Dr. Emily Johnson <j.johnson@startup.example.com>, "
            + "Yamamoto-san, (03)5555-0000, 090 1234 5678. 清水さんと拓也さん、shimizu、Takuya Shimizu。"
        c.title += "（" + memo + "）"
        c.issue = IssueFrame(why: memo, how: memo, what: memo)
        c.stageReason = memo
        c.department += " " + memo
        c.tags.append(memo)
        for id in ["budget-scale", "evaluation", "request-difficulties", "execution-difficulties", "outcomes", "kpi", "lessons"] {
            c.budget.reference[id] = memo
        }
        c.budget.items.append(BudgetItem(label: memo, yen: 1))
        c.budget.expenditureItem = memo
        c.budget.funding.append(FundingSource(name: memo, kind: .other, ratePercent: 1))
        c.kpis.append(KPI(name: memo, unit: memo, baseline: 1, target: 2))
        c.partners[0].role = memo
        c.nextAction = NextAction(text: memo, due: nil)
        c.notes.append(Note(id: 3, at: Timestamp("2026-10-01T09:00:00+09:00")!, author: "shimizu", text: memo))
        let n = c.events.count
        c.events.append(Event(seq: n + 1, at: Timestamp("2026-10-02T09:00:00+09:00")!, actor: "shimizu", kind: .movedBack,
                              command: "c-x", changes: [Change(field: "stage", before: .string("budgeting"), after: .string("method"))],
                              reason: memo))
        c.events.append(Event(seq: n + 2, at: Timestamp("2026-10-03T09:00:00+09:00")!, actor: "shimizu", kind: .gateOverridden,
                              command: "c-y", changes: [Change(field: "stage", before: .string("method"), after: .string("budgeting"))],
                              reason: memo))
        return c
    }

    func survivors(_ s: String) -> [String] { Self.secrets.filter { s.localizedCaseInsensitiveContains($0) } }

    @Test(arguments: [CaseFormat.md, .html, .json], [Lang.ja, .en])
    func shareSheetHidesEverySecret(_ f: CaseFormat, _ lang: Lang) throws {
        let built = Fixtures.share(Self.hostileCase, lang: lang)
        let s = String(decoding: try ReportRenderer(templates: Fixtures.shippedTemplates).render(built.sheet, format: f), as: UTF8.self)
        #expect(survivors(s).isEmpty, "\(f.rawValue)/\(lang.rawValue) still holds \(survivors(s))")
        // The places and the organisations stay; the substance stays.
        #expect(s.contains("所沢市") && s.contains("ライフイズテック株式会社") && s.contains("さいたま市"))
        #expect(s.contains("から電話"))
        #expect(built.anonymizer.counts.names > 0 && built.anonymizer.counts.emails > 0 && built.anonymizer.counts.phones > 0
                && built.anonymizer.counts.addresses > 0)
    }

    @Test(arguments: [CaseFormat.md, .html, .json], [Lang.ja, .en])
    func anonymisedInternalReportHidesEverySecret(_ f: CaseFormat, _ lang: Lang) throws {
        let s = String(decoding: try Fixtures.render(Self.hostileCase, f, lang: lang, anonymize: true), as: UTF8.self)
        #expect(survivors(s).isEmpty, "\(f.rawValue)/\(lang.rawValue) still holds \(survivors(s))")
    }

    @Test func namesAreReplacedConsistently() {
        let a = Anonymizer(case: Self.hostileCase, lang: .ja)
        let first = a.scrub("所沢市の山本課長と清水係長、山本課長とshimizu")
        // A 山田 (yamada), B kSuzuki, C shimizu = 清水 拓也, D Ken Suzuki; 山本 is new: E.
        // 清水 拓也 is the contact whose e-mail holds the login 'shimizu': one person, one letter.
        #expect(first == "所沢市の担当者E課長と担当者C係長、担当者E課長と担当者C", "\(first)")
        #expect(a.scrub("山本さん") == "担当者Eさん")
        #expect(a.summary.hasPrefix("replaced 5 names"))
    }

    @Test(arguments: [
        ("仕様書を同様に確認。皆さんと各位様、要求仕様", "仕様書を同様に確認。皆さんと各位様、要求仕様"),
        ("スタートアップ推進課長と財政課長に説明", "スタートアップ推進課長と財政課長に説明"),
        ("2026-03-19に第1-2回", "2026-03-19に第1-2回"),
        ("Mr. Sato と Sato-san", "担当者A と 担当者A"),
        ("〒100-0001 千代田区千代田1-1", "［住所削除］ 千代田区［住所削除］"),
        // A sentence's parentheses stay paired; an area code's belong to the number.
        ("山田さん（090-1234-5678）と(03)5555-0000", "担当者Aさん（［電話番号削除］）と［電話番号削除］"),
        // Posts, not people: the sample's contact role 「指導主事（ICT教育担当）」 and its kin.
        ("指導主事（ICT教育担当）、社会教育主事と技術主任、統括主査", "指導主事（ICT教育担当）、社会教育主事と技術主任、統括主査"),
    ])
    func patterns(_ input: String, _ expected: String) {
        let a = Anonymizer(case: Case(id: "x", title: "t", municipality: Municipality(name: "m")), lang: .ja)
        let out = a.scrub(input)
        #expect(out == expected, "\(out)")
    }
}
