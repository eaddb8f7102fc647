import Foundation
import RenkeiCore

/// Removes personal data for an anonymised case sheet (`--anonymize`): contacts' names,
/// e-mail addresses and phone numbers — in the contact list *and* inside free text (notes,
/// WHY/HOW/WHAT, reasons, history values) — and replaces the people in the event log (login
/// names such as "shimizu") by stable pseudonyms 担当者A, 担当者B, … in order of appearance.
///
/// What is scrubbed from free text:
/// - every contact's full name, with and without the space between family and given name,
///   each name part of two or more characters, and any part followed by an honorific or job
///   title (「林さん」「林係長」);
/// - every actor id of the case (login names) as a whole word, case-insensitively;
/// - every contact's e-mail and phone as written, and anything shaped like an e-mail address
///   or a Japanese phone number (10–11 digits starting with 0, or +81), half- or full-width.
/// Organisation names (municipality, partners) are kept: they are what the sheet is about.
public struct Anonymizer: Sendable {
    public let lang: Lang
    private let literalTerms: [String]            // CJK / exact terms, longest first
    private let wordTerms: [String]               // Latin terms matched as whole words
    private let honorificParts: [String]          // parts scrubbed only before an honorific
    private var pseudonyms: [String: String] = [:]

    static let honorifics = ["さん", "様", "さま", "氏", "殿", "君", "くん", "ちゃん", "先生", "係長", "課長", "部長", "室長",
                             "主任", "主事", "主査", "参事", "局長", "次長", "課長補佐", "補佐", "市長", "町長", "村長", "知事", "担当", "代表"]

    public var nameMark: String { lang == .ja ? "［氏名削除］" : "[name removed]" }
    public var emailMark: String { lang == .ja ? "［メール削除］" : "[e-mail removed]" }
    public var phoneMark: String { lang == .ja ? "［電話番号削除］" : "[phone removed]" }

    public init(case c: Case, lang: Lang) {
        self.lang = lang
        var literal = Set<String>(), word = Set<String>(), honor = Set<String>()
        func addTerm(_ t: String) {
            let t = t.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty else { return }
            if t.unicodeScalars.allSatisfy({ $0.isASCII }) {
                if t.count >= 2 { word.insert(t) }
            } else {
                literal.insert(t)
            }
        }
        for contact in c.contacts {
            let name = contact.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            addTerm(name)
            let parts = name.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "・" || $0 == "," }).map(String.init)
            if parts.count > 1 {
                addTerm(parts.joined())
                addTerm(parts.joined(separator: " "))
                addTerm(parts.joined(separator: "\u{3000}"))
                addTerm(parts.reversed().joined(separator: " "))
                for p in parts {
                    if p.count >= 2 { addTerm(p) } else { honor.insert(p) }
                }
            } else if !name.unicodeScalars.allSatisfy({ $0.isASCII }), (3...5).contains(name.count) {
                // 「清水拓也」 written without a space: its usual two-character family name before an honorific.
                honor.insert(String(name.prefix(2)))
            }
            if let e = contact.email, !e.isEmpty { literal.insert(e) }
            if let p = contact.phone, !p.isEmpty { literal.insert(p) }
        }
        for actor in Anonymizer.actors(of: c) where actor.count >= 3 { addTerm(actor) }
        literalTerms = literal.sorted { ($0.count, $0) > ($1.count, $1) }
        wordTerms = word.sorted { ($0.count, $0) > ($1.count, $1) }
        honorificParts = honor.sorted()
        for (i, actor) in Anonymizer.actors(of: c).enumerated() {
            pseudonyms[actor] = Anonymizer.pseudonym(i, lang)
        }
    }

    /// Everyone who appears in the case's log, checklist, notes and snoozes, in order of first appearance.
    static func actors(of c: Case) -> [String] {
        var seen = Set<String>(), out: [String] = []
        func add(_ a: String) { if !a.isEmpty, seen.insert(a).inserted { out.append(a) } }
        for e in c.events { add(e.actor) }
        for n in c.notes { add(n.author) }
        for key in c.checklist.keys.sorted() { add(c.checklist[key]!.by) }
        for z in c.snoozes { add(z.by) }
        return out
    }

    static func pseudonym(_ i: Int, _ lang: Lang) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let tag = i < letters.count ? String(letters[i]) : String(i + 1)
        return lang == .ja ? "担当者" + tag : "Person " + tag
    }

    /// The pseudonym for an actor id (unknown ids get a generic label, never the id).
    public func person(_ actor: String) -> String {
        pseudonyms[actor] ?? (lang == .ja ? "担当者" : "Person")
    }

    /// Free text with personal data replaced by marks.
    public func scrub(_ text: String) -> String {
        if text.isEmpty { return text }
        var s = text
        for t in literalTerms where s.contains(t) {
            s = s.replacingOccurrences(of: t, with: t.contains("@") ? emailMark : isPhoneLike(t) ? phoneMark : nameMark)
        }
        s = Anonymizer.replaceEmails(s, with: emailMark)
        s = Anonymizer.replacePhones(s, with: phoneMark)
        for t in wordTerms { s = Anonymizer.replaceWord(t, in: s, with: nameMark) }
        for p in honorificParts where s.contains(p) {
            for h in Anonymizer.honorifics where s.contains(p + h) {
                s = s.replacingOccurrences(of: p + h, with: nameMark + h)
            }
        }
        return s
    }

    private func isPhoneLike(_ t: String) -> Bool {
        t.unicodeScalars.filter { Anonymizer.digit($0) != nil }.count >= 6
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

    /// Replaces `local@domain.tld` (ASCII or full-width, with @ or ＠).
    static func replaceEmails(_ s: String, with mark: String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.contains(where: { $0 == "@" || $0 == "＠" }) else { return s }
        var out = String.UnicodeScalarView()
        var i = 0
        var copiedUpTo = 0
        while i < scalars.count {
            if scalars[i] == "@" || scalars[i] == "＠" {
                var a = i
                while a > copiedUpTo && isEmailLocal(scalars[a - 1]) { a -= 1 }
                var b = i + 1
                while b < scalars.count && isDomainChar(scalars[b]) { b += 1 }
                // trim trailing dots/hyphens of the domain
                while b > i + 1 && (scalars[b - 1] == "." || scalars[b - 1] == "-" || scalars[b - 1] == "．") { b -= 1 }
                let domain = scalars[(i + 1)..<b]
                let hasDot = domain.contains(where: { $0 == "." || $0 == "．" })
                if a < i && hasDot {
                    out.append(contentsOf: scalars[copiedUpTo..<a])
                    out.append(contentsOf: mark.unicodeScalars)
                    copiedUpTo = b
                    i = b
                    continue
                }
            }
            i += 1
        }
        out.append(contentsOf: scalars[copiedUpTo...])
        return String(out)
    }

    // MARK: phone

    static func digit(_ u: Unicode.Scalar) -> Int? {
        let v = u.value
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }
    static let phoneSeparators: Set<UInt32> = [0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF0D,
                                               0x20, 0x3000, 0x28, 0x29, 0xFF08, 0xFF09, 0x2E]
    static func isWordish(_ u: Unicode.Scalar) -> Bool {
        digit(u) != nil || (u.value < 0x80 && (u.properties.isAlphabetic))
    }

    /// Replaces Japanese phone numbers: 10–11 digits starting with 0 (03-1234-5678, 090 1234 5678,
    /// (03)1234-5678, ０９２－０００－０８０１) or +81 followed by 9–10 digits.
    static func replacePhones(_ s: String, with mark: String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.contains(where: { digit($0) != nil }) else { return s }
        var out = String.UnicodeScalarView()
        var copiedUpTo = 0
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            let startsPlus = (u == "+" || u == "＋") && i + 2 < scalars.count && digit(scalars[i + 1]) == 8 && digit(scalars[i + 2]) == 1
            let startsParen = (u == "(" || u == "（") && i + 1 < scalars.count && digit(scalars[i + 1]) == 0
            let startsZero = digit(u) == 0
            if (startsPlus || startsParen || startsZero) && (i == 0 || !isWordish(scalars[i - 1])) {
                var j = i + (startsPlus ? 1 : 0)
                var digits = 0
                var lastDigitEnd = i
                var seps = 0
                while j < scalars.count {
                    if digit(scalars[j]) != nil { digits += 1; seps = 0; j += 1; lastDigitEnd = j }
                    else if phoneSeparators.contains(scalars[j].value), seps < 2 { seps += 1; j += 1 }
                    else { break }
                }
                let followedByWord = lastDigitEnd < scalars.count && isWordish(scalars[lastDigitEnd])
                let ok = startsPlus ? (11...12).contains(digits) : (10...11).contains(digits)
                if ok && !followedByWord {
                    out.append(contentsOf: scalars[copiedUpTo..<i])
                    out.append(contentsOf: mark.unicodeScalars)
                    copiedUpTo = lastDigitEnd
                    i = lastDigitEnd
                    continue
                }
                // skip past this digit run so we do not re-test its middle
                i = max(i + 1, lastDigitEnd)
                continue
            }
            i += 1
        }
        out.append(contentsOf: scalars[copiedUpTo...])
        return String(out)
    }

    /// Case-insensitive whole-word replacement of an ASCII term.
    static func replaceWord(_ term: String, in s: String, with mark: String) -> String {
        guard s.range(of: term, options: .caseInsensitive) != nil else { return s }
        var out = ""
        var rest = s[...]
        while let r = rest.range(of: term, options: .caseInsensitive) {
            let before = r.lowerBound > rest.startIndex ? rest[rest.index(before: r.lowerBound)] : nil
            let after = r.upperBound < rest.endIndex ? rest[r.upperBound] : nil
            func wordChar(_ c: Character?) -> Bool { c.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } ?? false }
            out += rest[rest.startIndex..<r.lowerBound]
            out += (wordChar(before) || wordChar(after)) ? String(rest[r]) : mark
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
