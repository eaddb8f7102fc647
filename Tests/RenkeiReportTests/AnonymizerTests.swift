import Foundation
import Testing
import RenkeiCore
@testable import RenkeiReport

@Suite struct AnonymizerTests {
    /// Everything personal in the education fixture, in every spelling it appears.
    static let personal = ["山田", "花子", "Ken", "Suzuki", "ken.suzuki", "hanako.yamada", "example.com", "city.example.jp",
                           "048-000-1234", "090-0000-5678", "+81 90 0000 5678", "0000-5678", "yamada", "kSuzuki", "ksuzuki"]

    @Test(arguments: CaseFormat.allCases, [Lang.ja, .en])
    func noPersonalDataSurvives(_ f: CaseFormat, _ lang: Lang) throws {
        var c = Fixtures.educationCase
        // Personal data hidden in every free-text field the report shows.
        c.title += "（担当: 山田 花子）"
        c.stageReason = "鈴木さん不在のため Ken Suzuki <ken.suzuki@example.com> に確認"
        c.budget.reference["outcomes"] = "問合せ: ０４８－０００－１２３４ / hanako.yamada＠city.example.jp / 山田花子"
        c.nextAction = NextAction(text: "yamada から Suzuki さんへ 090 0000 5678 で連絡", due: Day("2026-12-01"))
        c.kpis.append(KPI(name: "山田さん集計の指標", unit: "件", baseline: 1, target: 2))
        let data = try Fixtures.render(c, f, lang: lang, anonymize: true)
        let s = String(decoding: data, as: UTF8.self)
        for p in Self.personal {
            #expect(!s.localizedCaseInsensitiveContains(p), "'\(p)' survived in \(f.rawValue)/\(lang.rawValue)")
        }
        // The organisations and the substance stay.
        #expect(s.contains("ライフイズテック株式会社"))
        #expect(s.contains("さいたま市"))
        #expect(s.contains("で連絡"))
        if f == .html {
            let check = try Python.checkHTML(data, name: "anon")
            #expect(check.status == 0, "\(check.output)")
        }
    }

    @Test func pseudonymsAreStableAndInOrderOfAppearance() {
        let a = Anonymizer(case: Fixtures.educationCase, lang: .ja)
        #expect(a.person("yamada") == "担当者A")
        #expect(a.person("kSuzuki") == "担当者B")
        #expect(a.person("someone-else") == "担当者")
        #expect(Anonymizer(case: Fixtures.educationCase, lang: .en).person("kSuzuki") == "Person B")
    }

    @Test(arguments: [
        ("電話 03-1234-5678 まで", "電話 ［電話番号削除］ まで"),
        ("携帯090-1234-5678です", "携帯［電話番号削除］です"),
        ("(03)1234-5678", "［電話番号削除］"),
        ("０３－１２３４－５６７８", "［電話番号削除］"),
        ("+81-3-1234-5678", "［電話番号削除］"),
        ("0312345678", "［電話番号削除］"),
        ("mail a.b-c@example.co.jp now", "mail ［メール削除］ now"),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "［メール削除］"),
    ])
    func scrubsPhonesAndEmails(_ input: String, _ expected: String) {
        let a = Anonymizer(case: Case(id: "x", title: "t", municipality: Municipality(name: "m")), lang: .ja)
        #expect(a.scrub(input) == expected)
    }

    @Test(arguments: ["2026-10-30", "¥4,800,000", "57校で年4回", "R8.11.23", "予算 6000000 円", "第167条の2第1項第4号", "@mention のみ"])
    func leavesOrdinaryNumbersAlone(_ input: String) {
        let a = Anonymizer(case: Case(id: "x", title: "t", municipality: Municipality(name: "m")), lang: .ja)
        #expect(a.scrub(input) == input)
    }

    @Test func singleCharacterNamePartsOnlyBeforeHonorifics() {
        let c = Case(id: "x", title: "t", municipality: Municipality(name: "m"), contacts: [Contact(name: "林 優子")])
        let a = Anonymizer(case: c, lang: .ja)
        #expect(a.scrub("林さんに連絡。森林の保全。優子さん") == "担当者Aさんに連絡。森林の保全。担当者Aさん")
        #expect(a.scrub("林優子") == "担当者A")
    }

    @Test func latinNamesAsWholeWordsOnly() {
        let c = Case(id: "x", title: "t", municipality: Municipality(name: "m"), contacts: [Contact(name: "Ann Lee")])
        let a = Anonymizer(case: c, lang: .en)
        #expect(a.scrub("Meet ANN and lee; planned annually, leeway") == "Meet Person A and Person A; planned annually, leeway")
    }
}
