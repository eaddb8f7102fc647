import Foundation
import RenkeiCore

/// Removes personal data for a shared or anonymised report: people's names, e-mail addresses,
/// phone numbers and street addresses — in the contact list *and* inside every free text
/// (notes, WHY/HOW/WHAT, reasons, KPI names, history values).
///
/// People become stable pseudonyms 担当者A, 担当者B, … (Person A, B in English): first the
/// people of the event log in order of appearance, then contacts not linked to one of them,
/// then names found only by their shape (「山本課長」「ヤマモトさん」「Mr. Yamamoto」). The same
/// person keeps one letter throughout the report: a contact whose e-mail address contains a
/// login name (takuya.shimizu@… ↔ shimizu) is that login's person.
///
/// What is found in free text:
/// - every contact's full name, with and without the space between family and given name,
///   each name part of two or more characters, and one-character parts before an honorific;
/// - every actor id of the case (login names) as a whole word, case-insensitively;
/// - names before titles and honorifics, in kanji, katakana and English (`PersonalTextPatterns`);
/// - e-mail addresses, Japanese phone numbers and 〒/street addresses, half- or full-width.
/// Organisation names (municipality, partners) are kept unless `partners` is true: they are
/// what the sheet is about. The anonymiser counts what it replaced (`summary`) and remembers
/// each replacement (`replacements`) so the TUI can show them before writing.
public final class Anonymizer {
    public let lang: Lang
    public let partners: Bool
    private var literalTerms: [(term: String, person: String)] = []   // CJK / exact terms, longest first
    private var wordTerms: [(term: String, person: String)] = []      // Latin terms matched as whole words
    private var honorificParts: [(part: String, person: String)] = [] // parts replaced only before an honorific
    private var partnerTerms: [(term: String, label: String)] = []
    private var organisations: [String] = []
    private var actorNames: [String: String] = [:]
    private var foundNames: [String: String] = [:]
    private var nextPerson = 0

    /// How many of each kind were replaced so far.
    public private(set) var counts = Counts()
    /// What was replaced, in order of first replacement (original → replacement); for the TUI's preview.
    public private(set) var replacements: [(original: String, replacement: String)] = []

    public struct Counts: Equatable, Sendable {
        public var names = 0, emails = 0, phones = 0, addresses = 0, organisations = 0
        public var total: Int { names + emails + phones + addresses + organisations }
    }

    public var emailMark: String { lang == .ja ? "［メール削除］" : "[e-mail removed]" }
    public var phoneMark: String { lang == .ja ? "［電話番号削除］" : "[phone removed]" }
    public var addressMark: String { lang == .ja ? "［住所削除］" : "[address removed]" }

    public init(case c: Case, lang: Lang, partners: Bool = false) {
        self.lang = lang
        self.partners = partners
        let actors = Anonymizer.actors(of: c)
        for a in actors { actorNames[a] = newPerson() }
        var literal: [String: String] = [:], word: [String: String] = [:], honor: [String: String] = [:]
        func addTerm(_ t: String, _ person: String) {
            let t = t.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty else { return }
            if t.unicodeScalars.allSatisfy({ $0.isASCII }) {
                if t.count >= 2 { word[t] = word[t] ?? person }
            } else {
                literal[t] = literal[t] ?? person
            }
        }
        for contact in c.contacts {
            let name = contact.name.trimmingCharacters(in: .whitespacesAndNewlines)
            let person = Anonymizer.linkedActor(contact, actors).flatMap { actorNames[$0] } ?? newPerson()
            foundNames[name] = person
            guard !name.isEmpty else { continue }
            addTerm(name, person)
            let parts = name.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "・" || $0 == "," }).map(String.init)
            if parts.count > 1 {
                addTerm(parts.joined(), person)
                addTerm(parts.joined(separator: " "), person)
                addTerm(parts.joined(separator: "\u{3000}"), person)
                addTerm(parts.reversed().joined(separator: " "), person)
                for p in parts {
                    if p.count >= 2 { addTerm(p, person) } else { honor[p] = person }
                }
            } else if !name.unicodeScalars.allSatisfy({ $0.isASCII }), (3...5).contains(name.count) {
                // 「清水拓也」 written without a space: its usual two-character family name before an honorific.
                honor[String(name.prefix(2))] = person
            }
            if let e = contact.email, !e.isEmpty {
                literal[e] = literal[e] ?? "\u{0}email"
                // takuya.shimizu@… spells the name in Latin letters: "Takuya Shimizu" in an English memo.
                let local = e.split(separator: "@").first.map(String.init) ?? ""
                for w in local.split(whereSeparator: { ".-_+".contains($0) }) where w.count >= 3 && w.allSatisfy(\.isLetter) {
                    addTerm(String(w), person)
                }
            }
            if let p = contact.phone, !p.isEmpty { literal[p] = literal[p] ?? "\u{0}phone" }
        }
        for actor in actors where actor.count >= 3 { addTerm(actor, actorNames[actor]!) }
        literalTerms = literal.map { ($0.key, $0.value) }.sorted { ($0.term.count, $0.term) > ($1.term.count, $1.term) }
        wordTerms = word.map { ($0.key, $0.value) }.sorted { ($0.term.count, $0.term) > ($1.term.count, $1.term) }
        honorificParts = honor.map { ($0.key, $0.value) }.sorted { $0.part < $1.part }
        var orgs = [c.municipality.name] + c.partners.map(\.name) + c.contacts.compactMap(\.organization)
        if let p = c.municipality.prefecture { orgs.append(p) }
        organisations = orgs.filter { !$0.isEmpty }
        if partners {
            partnerTerms = c.partners.enumerated().map { (i, p) in (p.name, Anonymizer.partnerLabel(i, lang)) }
                .filter { !$0.term.isEmpty }.sorted { $0.term.count > $1.term.count }
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

    /// The login of a contact, when the contact's e-mail address has it as a word (takuya.shimizu ↔ shimizu).
    static func linkedActor(_ contact: Contact, _ actors: [String]) -> String? {
        guard let local = contact.email?.split(separator: "@").first?.lowercased() else { return nil }
        let words = Set(local.split(whereSeparator: { ".-_+".contains($0) }).map(String.init))
        return actors.first { $0.count >= 3 && (words.contains($0.lowercased()) || local == $0.lowercased()) }
    }

    static func pseudonym(_ i: Int, _ lang: Lang) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let tag = i < letters.count ? String(letters[i]) : String(i + 1)
        return lang == .ja ? "担当者" + tag : "Person " + tag
    }

    static func partnerLabel(_ i: Int, _ lang: Lang) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let tag = i < letters.count ? String(letters[i]) : String(i + 1)
        return lang == .ja ? "連携先" + tag : "Partner " + tag
    }

    private func newPerson() -> String {
        defer { nextPerson += 1 }
        return Anonymizer.pseudonym(nextPerson, lang)
    }

    /// The pseudonym for an actor id (unknown ids get a generic label, never the id).
    public func person(_ actor: String) -> String {
        actorNames[actor] ?? (lang == .ja ? "担当者" : "Person")
    }

    /// The pseudonym of a contact (the same letter the contact's name gets inside text).
    public func contactName(_ contact: Contact) -> String {
        foundNames[contact.name.trimmingCharacters(in: .whitespacesAndNewlines)] ?? person("")
    }

    /// A contact row taken out of a report: counts its name, e-mail and phone as replaced and
    /// returns the pseudonym that stands in the row.
    public func removedContact(_ contact: Contact) -> String {
        counts.names += 1
        if !(contact.email ?? "").isEmpty { counts.emails += 1 }
        if !(contact.phone ?? "").isEmpty { counts.phones += 1 }
        return contactName(contact)
    }

    /// A partner's name, replaced only with `partners`.
    public func partner(_ name: String) -> String {
        guard partners else { return name }
        return partnerTerms.first { $0.term == name }?.label ?? name
    }

    private func note(_ original: String, _ replacement: String) {
        if !replacements.contains(where: { $0.original == original }) { replacements.append((original, replacement)) }
    }

    /// Free text with personal data replaced.
    public func scrub(_ text: String) -> String {
        if text.isEmpty { return text }
        var s = text
        for (t, label) in partnerTerms where s.contains(t) {
            let n = s.components(separatedBy: t).count - 1
            counts.organisations += n; note(t, label)
            s = s.replacingOccurrences(of: t, with: label)
        }
        for (t, person) in literalTerms where s.contains(t) {
            let n = s.components(separatedBy: t).count - 1
            let mark: String
            switch person {
            case "\u{0}email": mark = emailMark; counts.emails += n
            case "\u{0}phone": mark = phoneMark; counts.phones += n
            default: mark = person; counts.names += n
            }
            note(t, mark)
            s = s.replacingOccurrences(of: t, with: mark)
        }
        s = PersonalTextPatterns.replaceEmails(s) { counts.emails += 1; note($0, emailMark); return emailMark }
        s = PersonalTextPatterns.replacePhones(s) { counts.phones += 1; note($0, phoneMark); return phoneMark }
        s = PersonalTextPatterns.replaceAddresses(s) { counts.addresses += 1; note($0, addressMark); return addressMark }
        for (t, person) in wordTerms { s = replaceWord(t, in: s, with: person) }
        for (p, person) in honorificParts where s.contains(p) {
            for h in PersonalTextPatterns.personalHonorifics + PersonalTextPatterns.officeTitles where s.contains(p + h) {
                counts.names += s.components(separatedBy: p + h).count - 1
                note(p, person)
                s = s.replacingOccurrences(of: p + h, with: person + h)
            }
        }
        s = replaceTitledNames(s)
        return s
    }

    /// Names known only by the title after them get a pseudonym of their own, the same one each time.
    private func replaceTitledNames(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        let hits = PersonalTextPatterns.namesBeforeTitles(scalars) { name in
            self.organisations.contains { $0.contains(name) } || self.partnerTerms.contains { $0.label.contains(name) }
        }
        var out = hits.isEmpty ? s : PersonalTextPatterns.splice(scalars, hits.map { ($0.0, self.found($0.1)) })
        let english = PersonalTextPatterns.englishTitledNames(out)
        for (range, name) in english.reversed() {
            let pseudonym = found(name)
            out.replaceSubrange(range, with: pseudonym)
        }
        return out
    }

    private func found(_ name: String) -> String {
        counts.names += 1
        if let p = foundNames[name] { note(name, p); return p }
        let p = newPerson()
        foundNames[name] = p
        note(name, p)
        return p
    }

    /// Case-insensitive whole-word replacement of an ASCII term.
    private func replaceWord(_ term: String, in s: String, with mark: String) -> String {
        guard s.range(of: term, options: .caseInsensitive) != nil else { return s }
        var out = ""
        var rest = s[...]
        while let r = rest.range(of: term, options: .caseInsensitive) {
            let before = r.lowerBound > rest.startIndex ? rest[rest.index(before: r.lowerBound)] : nil
            let after = r.upperBound < rest.endIndex ? rest[r.upperBound] : nil
            func wordChar(_ c: Character?) -> Bool { c.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } ?? false }
            out += rest[rest.startIndex..<r.lowerBound]
            if wordChar(before) || wordChar(after) {
                out += rest[r]
            } else {
                out += mark; counts.names += 1; note(String(rest[r]), mark)
            }
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }

    /// "replaced 4 names, 2 phone numbers" (or "nothing personal found").
    public var summary: String { summary(.en) }

    /// The same in the reader's language (氏名 4 件、電話番号 2 件を置き換えました).
    public func summary(_ lang: Lang) -> String {
        StatusMessage.anonymized(names: counts.names, emails: counts.emails, phones: counts.phones,
                                 addresses: counts.addresses, organisations: counts.organisations).text(lang)
    }
}
