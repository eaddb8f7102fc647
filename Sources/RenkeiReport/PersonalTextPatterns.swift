import Foundation

/// Shapes of personal data in free text that no contact list knows about: e-mail addresses,
/// Japanese phone numbers, postal codes and street addresses, and names written before a
/// title or honorific (「山本課長」「ヤマモトさん」「Mr. Yamamoto」「Yamamoto-san」).
/// Half- and full-width digits and letters are both recognised, because case text is typed
/// on Japanese keyboards. Each scanner returns the text with every hit passed to `replace`,
/// which decides the replacement (and counts it).
enum PersonalTextPatterns {
    // MARK: characters

    static func digit(_ u: Unicode.Scalar) -> Int? {
        let v = u.value
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }
    static func isKanji(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || v == 0x3005 || (0x20000...0x2FFFF).contains(v)   // 々 and the supplementary ideographs (𠮷)
    }
    static func isKatakana(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (0x30A1...0x30FA).contains(v) || v == 0x30FC || (0xFF66...0xFF9F).contains(v)
    }
    static func isWordish(_ u: Unicode.Scalar) -> Bool {
        digit(u) != nil || (u.value < 0x80 && u.properties.isAlphabetic)
    }
    static func isHyphen(_ u: Unicode.Scalar) -> Bool {
        [0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF0D].contains(u.value)
    }

    /// Rebuilds `scalars` with the half-open ranges in `hits` (sorted, not overlapping) replaced.
    static func splice(_ scalars: [Unicode.Scalar], _ hits: [(Range<Int>, String)]) -> String {
        var out = String.UnicodeScalarView()
        var at = 0
        for (r, text) in hits {
            out.append(contentsOf: scalars[at..<r.lowerBound])
            out.append(contentsOf: text.unicodeScalars)
            at = r.upperBound
        }
        out.append(contentsOf: scalars[at...])
        return String(out)
    }

    // MARK: e-mail

    static func isEmailLocal(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            || "._%+-'".unicodeScalars.contains(u)
            || (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) || v == 0xFF0E
    }
    static func isDomainChar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x2D || v == 0x2E
            || (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) || v == 0xFF0E || v == 0xFF0D
    }

    /// `local@domain.tld`, ASCII or full-width, with @ or ＠.
    /// The text of a found range (the anonymiser lists it in the TUI's preview).
    static func text(_ scalars: [Unicode.Scalar], _ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[r])
        return String(v)
    }

    static func replaceEmails(_ s: String, _ replace: (String) -> String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.contains(where: { $0 == "@" || $0 == "＠" }) else { return s }
        var hits: [(Range<Int>, String)] = []
        var i = 0, floor = 0
        while i < scalars.count {
            if scalars[i] == "@" || scalars[i] == "＠" {
                var a = i
                while a > floor && isEmailLocal(scalars[a - 1]) { a -= 1 }
                var b = i + 1
                while b < scalars.count && isDomainChar(scalars[b]) { b += 1 }
                while b > i + 1 && (scalars[b - 1] == "." || scalars[b - 1] == "-" || scalars[b - 1] == "．") { b -= 1 }
                if a < i && scalars[(i + 1)..<b].contains(where: { $0 == "." || $0 == "．" }) {
                    hits.append((a..<b, replace(text(scalars, a..<b))))
                    floor = b; i = b
                    continue
                }
            }
            i += 1
        }
        return hits.isEmpty ? s : splice(scalars, hits)
    }

    // MARK: phone

    static let phoneSeparators: Set<UInt32> = [0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF0D,
                                               0x20, 0x3000, 0x28, 0x29, 0xFF08, 0xFF09, 0x2E]

    /// Japanese phone numbers: 10–11 digits starting with 0 (03-1234-5678, 090 1234 5678,
    /// (03)1234-5678, ０９２－０００－０８０１) or +81 followed by 9–10 digits.
    static func replacePhones(_ s: String, _ replace: (String) -> String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.contains(where: { digit($0) != nil }) else { return s }
        var hits: [(Range<Int>, String)] = []
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            let startsPlus = (u == "+" || u == "＋") && i + 2 < scalars.count && digit(scalars[i + 1]) == 8 && digit(scalars[i + 2]) == 1
            let startsParen = (u == "(" || u == "（") && i + 1 < scalars.count && digit(scalars[i + 1]) == 0
            guard (startsPlus || startsParen || digit(u) == 0) && (i == 0 || !isWordish(scalars[i - 1])) else { i += 1; continue }
            var j = i + (startsPlus ? 1 : 0)
            var digits = 0, end = i, seps = 0
            while j < scalars.count {
                if digit(scalars[j]) != nil { digits += 1; seps = 0; j += 1; end = j }
                else if phoneSeparators.contains(scalars[j].value), seps < 2 { seps += 1; j += 1 }
                else { break }
            }
            let followedByWord = end < scalars.count && isWordish(scalars[end])
            if (startsPlus ? (11...12).contains(digits) : (10...11).contains(digits)) && !followedByWord {
                // An opening paren belongs to the number only around an area code, (03)1234-5678;
                // in 「山田さん（090-1234-5678）」 it is the sentence's and stays, or the output loses its pair.
                var start = i
                if startsParen {
                    var k = i + 1
                    while k < scalars.count && digit(scalars[k]) != nil { k += 1 }
                    if !(k < scalars.count && (scalars[k] == ")" || scalars[k] == "）")) { start = i + 1 }
                }
                hits.append((start..<end, replace(text(scalars, start..<end))))
            }
            i = max(i + 1, end)   // never re-test the middle of a digit run
        }
        return hits.isEmpty ? s : splice(scalars, hits)
    }

    // MARK: postal address

    /// Characters that end the municipal part of an address; the street part after them is removed.
    static let addressAreaEnds: Set<Unicode.Scalar> = ["都", "道", "府", "県", "市", "区", "町", "村", "郡"]
    static let streetMarks: Set<Unicode.Scalar> = ["丁", "目", "番", "地", "号"]

    /// 〒 postal codes (〒100-0001, 〒１００－０００１) and street parts of addresses: a town name
    /// followed by 1丁目2番3号 / 1-2-3 / 1番地 (「中央区天神1-8-1」 → 「中央区［住所削除］」). The
    /// municipality before the town stays: it is what the sheet is about.
    static func replaceAddresses(_ s: String, _ replace: (String) -> String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.contains(where: { digit($0) != nil }) else { return s }
        var hits: [(Range<Int>, String)] = []
        var i = 0
        while i < scalars.count {
            if scalars[i] == "〒" {
                var j = i + 1
                while j < scalars.count && (scalars[j] == " " || scalars[j] == "\u{3000}") { j += 1 }
                var k = j, digits = 0
                while k < scalars.count && (digit(scalars[k]) != nil || isHyphen(scalars[k])) {
                    if digit(scalars[k]) != nil { digits += 1 }
                    k += 1
                }
                if digits == 7 { hits.append((i..<k, replace(text(scalars, i..<k)))); i = k; continue }
            }
            if digit(scalars[i]) != nil, i > 0, isKanji(scalars[i - 1]), let street = streetEnd(scalars, from: i) {
                // Walk back over the town name, stopping after the last area character (市, 区, 町 …).
                var a = i
                while a > 0 && isKanji(scalars[a - 1]) && i - a < 10 && !addressAreaEnds.contains(scalars[a - 1]) { a -= 1 }
                let afterArea = a > 0 && addressAreaEnds.contains(scalars[a - 1])
                // 「天神1-8-1」「並木１丁目２番３号」 alone; 「千代田1-1」 only right after 区/市/町 (「第1-2回」 is no address).
                if (a < i || addressAreaEnds.contains(scalars[i - 1])) && (street.strong || afterArea) {
                    hits.append((a..<street.end, replace(text(scalars, a..<street.end))))
                    i = street.end
                    continue
                }
            }
            i += 1
        }
        return hits.isEmpty ? s : splice(scalars, hits)
    }

    /// The end of a street number at `i`: 1-2-3, 1丁目2番3号, 1番地, 1-2号 (`strong`: shaped like
    /// nothing else) or 1-2 (an address only after a town). nil when it is not shaped like one.
    static func streetEnd(_ s: [Unicode.Scalar], from i: Int) -> (end: Int, strong: Bool)? {
        var j = i, groups = 0, marks = 0, groupLen = 0
        while j < s.count {
            if digit(s[j]) != nil {
                groupLen += 1
                if groupLen > 4 { return nil }
                if groupLen == 1 { groups += 1 }
                j += 1
            } else if groupLen > 0, isHyphen(s[j]) || s[j] == "の", j + 1 < s.count, digit(s[j + 1]) != nil {
                groupLen = 0; j += 1
            } else if streetMarks.contains(s[j]) {
                marks += 1; groupLen = 0; j += 1
            } else {
                break
            }
        }
        if j < s.count, isWordish(s[j]) { return nil }
        let strong = (groups >= 2 && marks >= 1) || (marks >= 1 && groups >= 1 && (s[j - 1] == "地" || s[j - 1] == "目"))
            || (groups >= 3 && marks == 0)
        if strong { return (j, true) }
        return groups == 2 && marks == 0 ? (j, false) : nil
    }

    // MARK: names before titles

    /// Titles and honorifics that follow a person's name. Office titles need a name of two or
    /// more characters (「原課長」 is usually 原課 + 長); personal honorifics take one (「林さん」).
    static let officeTitles = ["課長補佐", "課長", "係長", "部長", "室長", "局長", "次長", "主任", "主査", "主事", "参事", "社長", "理事長"]
    static let personalHonorifics = ["さん", "さま", "様", "氏", "先生", "くん", "君", "ちゃん", "殿"]
    /// Words that come before a title but are not names (「推進課長」「皆さん」「仕様」).
    static let notNames: Set<String> = ["推進", "企画", "政策", "総務", "財政", "担当", "情報", "管理", "事業", "地域", "福祉", "教育",
        "環境", "観光", "経済", "産業", "商工", "市民", "健康", "戦略", "連携", "調整", "広報", "会計", "税務", "農林", "建設", "都市",
        "各位", "交通", "水道", "防災", "危機", "行政", "改革", "創業", "立地", "文化", "人事", "契約", "原課", "所管", "関係", "担当者",
        "皆", "客", "お客", "父", "母", "兄", "姉", "仕", "同", "多", "模", "異", "各", "今", "一", "王", "神", "貴", "奥", "有", "態", "外",
        "ユーザー", "ベンダー", "スタートアップ", "メーカー", "パートナー", "エンジニア", "デザイナー",
        // Grades and kinds of post written before 主事/主査/主任 (「指導主事（ICT教育担当）」 was
        // read as a person called 指導 in a sample's contact role).
        "指導", "社会教育", "技術", "事務", "研究", "統括", "総括", "専門", "監理", "保健", "栄養", "学芸", "司書"]

    /// Every name written before a title: (range of the name, the name). `keep` says which
    /// candidate words are not names after all (organisations, pseudonyms already written).
    static func namesBeforeTitles(_ scalars: [Unicode.Scalar], keep: (String) -> Bool) -> [(Range<Int>, String)] {
        var hits: [(Range<Int>, String)] = []
        let text = String(String.UnicodeScalarView(scalars))
        guard officeTitles.contains(where: text.contains) || personalHonorifics.contains(where: text.contains) else { return [] }
        var i = 0
        while i < scalars.count {
            var matched: (title: String, personal: Bool)? = nil
            for t in officeTitles where hasPrefix(scalars, at: i, t) { matched = (t, false); break }
            if matched == nil { for t in personalHonorifics where hasPrefix(scalars, at: i, t) { matched = (t, true); break } }
            guard let m = matched, i > 0 else { i += 1; continue }
            var a = i
            let katakana = isKatakana(scalars[i - 1]) && m.personal
            while a > 0 && i - a < 8 && (katakana ? isKatakana(scalars[a - 1]) : isKanji(scalars[a - 1])) {
                if !katakana && addressAreaEnds.union(["課", "部", "局", "室", "係", "所", "庁", "社", "会", "校", "協"]).contains(scalars[a - 1]) { break }
                a -= 1
            }
            let name = String(String.UnicodeScalarView(scalars[a..<i]))
            let minLength = m.personal ? 1 : 2
            let last = scalars[i - 1]
            let stop = notNames.contains(name) || notNames.contains(String(last)) && name.unicodeScalars.count <= 2
                || (m.title == "様" && ["仕", "同", "多", "模", "異", "態"].contains(String(last)))
            if name.unicodeScalars.count >= minLength, name.unicodeScalars.count <= 6, !stop, !keep(name),
               hits.last.map({ $0.0.upperBound <= a }) ?? true {
                hits.append((a..<i, name))
            }
            i += m.title.unicodeScalars.count
        }
        return hits
    }

    static func hasPrefix(_ s: [Unicode.Scalar], at i: Int, _ p: String) -> Bool {
        var k = i
        for u in p.unicodeScalars {
            guard k < s.count, s[k] == u else { return false }
            k += 1
        }
        return true
    }

    /// English: "Mr. Yamamoto", "Ms Lee", "Dr. Ann Lee", "Prof. Sato" and "Yamamoto-san" / "Yamamoto san".
    static func englishTitledNames(_ s: String) -> [(Range<String.Index>, String)] {
        var out: [(Range<String.Index>, String)] = []
        let patterns = [#"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+((?:[A-Z][A-Za-z'\-]+)(?:\s+[A-Z][A-Za-z'\-]+)?)"#,
                        #"\b([A-Z][a-z'\-]+)[\- ](?:san|sama|sensei|kun)\b"#]
        for p in patterns {
            guard let re = try? NSRegularExpression(pattern: p) else { continue }
            let ns = NSRange(s.startIndex..., in: s)
            for m in re.matches(in: s, range: ns) {
                guard let whole = Range(m.range, in: s), let name = Range(m.range(at: 1), in: s) else { continue }
                if !out.contains(where: { $0.0.overlaps(whole) }) { out.append((whole, String(s[name]))) }
            }
        }
        return out.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }
}
