import Testing
@testable import RenkeiCore

@Suite struct MunicipalityResolverTests {
    let r = ShippedMunicipalities.resolver
    let table = ShippedMunicipalities.table

    func firstName(_ typed: String) -> String? { r.suggest(typed).first.map(table.displayName) }

    @Test func typedNameKanaHalfWidthAndRomajiOfferSayama() {
        for typed in ["狭山", "狭山市", "さやま", "サヤマ", "ｻﾔﾏ", "sayama", "Sayama", "ＳＡＹＡＭＡ", "sayama-shi", "さやまし"] {
            #expect(firstName(typed) == "狭山市（埼玉県）", "\(typed) → \(firstName(typed) ?? "nothing")")
        }
        // Partly typed: still offered, and 大阪狭山市 appears for 狭山 (contains).
        #expect(r.suggest("さや").map(\.code).contains("112151"))
        #expect(r.suggest("saya").map(\.code).contains("112151"))
        #expect(r.suggest("狭山").map(\.name).contains("大阪狭山市"))
    }

    @Test func romajiSpellingsFold() {
        #expect(firstName("toukyou") == "東京都")
        #expect(firstName("Tokyo") == "東京都")
        #expect(r.suggest("huchuu").map(\.name).contains("府中市"))
        #expect(r.suggest("koumi").map(\.name).contains("小海町"))   // derived Komi, written Koumi
        #expect(MunicipalityFolding.romajiKey("Shinjuku") == MunicipalityFolding.romajiKey("sinzyuku"))
        #expect(MunicipalityFolding.romajiKey("Namba") == MunicipalityFolding.romajiKey("nanba"))
    }

    @Test func ambiguousNamesReturnEveryCandidate() {
        guard case .ambiguous(let fuchu) = r.resolve("府中市") else { Issue.record("府中市 not ambiguous"); return }
        #expect(Set(fuchu.map(\.code)) == ["132063", "342084"])
        guard case .ambiguous(let date) = r.resolve("伊達市") else { Issue.record("伊達市 not ambiguous"); return }
        #expect(date.count == 2)
        guard case .ambiguous(let dateKana) = r.resolve("だてし") else { Issue.record("だてし not ambiguous"); return }
        #expect(dateKana.count == 2)
        // The prefecture decides, in any of the three places it can be written.
        #expect(r.resolve("府中市", prefecture: "東京都") == .resolved(table.entry(code: "132063")!))
        #expect(r.resolve("府中市（広島県）") == .resolved(table.entry(code: "342084")!))
        #expect(r.resolve("福島県伊達市") == .resolved(table.entry(code: "072133")!))
        #expect(r.resolve("伊達市", prefecture: "北海道") == .resolved(table.entry(code: "012335")!))
    }

    @Test func resolutionIsExactNeverAPrefixOrAGuess() {
        #expect(r.resolve("狭山") == .resolved(table.entry(code: "112151")!))
        #expect(r.resolve("ｻﾔﾏｼ") == .resolved(table.entry(code: "112151")!))
        #expect(r.resolve("狭") == .unresolved)
        #expect(r.resolve("ひかり市（架空）", prefecture: "静岡県") == .unresolved)
        #expect(r.resolve("Città di Torino") == .unresolved)
        #expect(r.resolve("") == .unresolved)
        // A prefecture that rules out every candidate leaves the name unresolved.
        #expect(r.resolve("狭山市", prefecture: "北海道") == .unresolved)
        // A remark in parentheses is not a prefecture.
        #expect(r.resolve("福岡市（水道局）") == .resolved(table.entry(code: "401307")!))
        // Wards: 北区 alone is many; with Tokyo it is the 特別区; with its city it is that ward.
        if case .ambiguous(let kita) = r.resolve("北区") { #expect(kita.count > 5) } else { Issue.record("北区") }
        #expect(r.resolve("北区", prefecture: "東京都") == .resolved(table.entry(code: "131172")!))
        #expect(r.resolve("札幌市中央区") == .resolved(table.entry(code: "011011")!))
        #expect(r.resolve("愛知県") == .resolved(table.entry(code: "230006")!))
    }

    @Test func foldingOfTypedText() {
        #expect(MunicipalityFolding.text("ｻﾔﾏ ｼ") == "さやまし")
        #expect(MunicipalityFolding.text("ガ・ギ") == "がぎ")
        #expect(MunicipalityFolding.text("ＳＡＹＡＭＡ") == "sayama")
        #expect(MunicipalityFolding.isRomaji("sayama-shi"))
        #expect(!MunicipalityFolding.isRomaji("さやま"))
    }
}
