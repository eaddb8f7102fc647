import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 18, finding 5: one file, one judgement. `validate` and `list` (the index's decoder,
/// cold and warm), `show`/`export` (`loadFile`) and `note` (`apply`) must reach the same
/// verdict on the same bytes; a file that loads must also save; no error line carries case
/// content. The corpus is a sample case with a contact, mutated by hand (the issue's inputs)
/// and by a seeded generator (bytes replaced, inserted, deleted; JSON fragments spliced in).
@Suite struct CaseDecodeAgreementTests {
    static let email = "takahashi.ichiro@example.lg.jp"
    static let phone = "03-1234-5678"

    /// A sample case with a contact whose e-mail and phone must never appear in an error.
    static func base(id: String) throws -> String {
        let url = StoreFixtures.dataDir.url.appendingPathComponent("samples/cases/aichi-station-ai-drone.json")
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        obj["id"] = id
        obj["contacts"] = [["name": "髙橋 一郎", "organization": "㈱連携", "role": "課長", "email": email, "phone": phone]]
        let data = try JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// The issue's inputs, each in an unknown key (and a few in known ones).
    static func handMade(_ id: String) throws -> [(String, Data)] {
        let b = try base(id: id)
        func unknown(_ raw: String) -> Data { Data(b.replacingOccurrences(of: "{\n", with: "{\n  \"extra\": \(raw),\n", options: [], range: b.range(of: "{\n")).utf8) }
        func deep(_ n: Int) -> String { String(repeating: "[", count: n) + String(repeating: "]", count: n) }
        var out: [(String, Data)] = [
            ("bad-escape", unknown(#""\q""#)), ("raw-01", unknown("\"a\u{01}b\"")), ("raw-nul", unknown("\"a\u{0}b\"")),
            ("leading-zero", unknown("01")), ("dot-no-digits", unknown("1.")), ("lone-minus", unknown("-")),
            ("lone-high-surrogate", unknown(#""\ud800""#)), ("lone-low-surrogate", unknown(#""\udc00x""#)),
            ("pair", unknown(#""\ud83d\ude00""#)), ("escaped-nul", unknown(#""\u0000""#)),
            ("deep-100", unknown(deep(100))), ("deep-at-limit", unknown(deep(JSONDocument.maxDepth - 1))),
            ("deep-over-limit", unknown(deep(JSONDocument.maxDepth))), ("deep-511", unknown(deep(510))),
            ("deep-objects", unknown(String(repeating: #"{"k":"#, count: 300) + "1" + String(repeating: "}", count: 300))),
            ("huge-number", unknown("1e400")), ("tiny-number", unknown("1e-400")), ("minus-zero", unknown("-0")),
            ("exponent", unknown("1E2")), ("big-integer", unknown("99999999999999999999")),
            ("trailing-comma-array", unknown("[1,]")), ("trailing-comma-object", unknown(#"{"a":1,}"#)),
            ("duplicate-unknown", unknown(#"{"a":1,"a":2}"#)), ("truncated-literal", unknown("tru")),
            ("control-in-key", unknown("{\"a\u{1}\":1}")), ("fine-unknown", unknown(#"{"①":["令和８年",1.5,null,true]}"#)),
        ]
        out.append(("bom", Data([0xEF, 0xBB, 0xBF]) + Data(b.utf8)))
        out.append(("duplicate-title", Data(b.replacingOccurrences(of: "{\n", with: "{\n  \"title\": \"二重\",\n", range: b.range(of: "{\n")).utf8)))
        out.append(("trailing-comma-top", Data((String(b.dropLast(2)) + ",\n}\n").utf8)))
        out.append(("email-in-date", Data(b.replacingOccurrences(of: "\"schemaVersion\"", with: "\"nextAction\": {\"text\": \"x\", \"due\": \"\(email)\"},\n  \"schemaVersion\"").utf8)))
        out.append(("phone-as-number", Data(b.replacingOccurrences(of: "\"\(phone)\"", with: "0312345678").utf8)))
        return out
    }

    /// Seeded mutations: deterministic, so a failure names an input that can be replayed.
    static func generated(_ id: String, count: Int, seed: UInt64) throws -> [(String, Data)] {
        var rng = SplitMix64(seed: seed)   // Core's, the one generator
        let base = Array(try base(id: id).utf8)
        let fragments: [[UInt8]] = ["\\q", "\u{1}", "\u{0}", "01", "1.", "-", "\\ud800", "[[[[", "]", "}", ",", "\"", "1e999", "\\u00", "null", "{\"x\":", "\u{FEFF}", "\r\n"].map { Array($0.utf8) }
        return (0..<count).map { k in
            var b = base
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let at = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 4 {
                case 0: b[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: b.insert(UInt8(truncatingIfNeeded: rng.next() % 128), at: at)
                case 2: b.remove(at: at)
                default: b.insert(contentsOf: fragments[Int(rng.next() % UInt64(fragments.count))], at: at)
                }
            }
            return ("gen-\(k)", Data(b))
        }
    }



    @Test func everyPathReachesTheSameVerdict() throws {
        let store = try StoreFixtures.store()
        // Every entry is a new file name, so the index never mistakes one for another (same
        // inode, size and coarse mtime); racy-clean entries are then reused when warm.
        store.index?.racySlackNs = 0
        let placeholder = "agree-xxxxx"
        let corpus = try Self.handMade(placeholder) + Self.generated(placeholder, count: 400, seed: 0x5EED_0018)
        var disagreements: [String] = []
        var leaks: [String] = []
        var loaded = 0
        for (k, (name, raw)) in corpus.enumerated() {
            let id = "agree-" + String(format: "%05d", k)
            let bytes = Data(Self.replace(Array(raw), Array(placeholder.utf8), Array(id.utf8)))
            let url = store.workspace.casesDir.appendingPathComponent(id + ".json")
            try bytes.write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let full = store.loadFile(id + ".json")                  // show, export, note's read
            let fast = store.loadFileForIndex(id + ".json")          // list, validate (cold index)
            let listed = try store.portfolio()                      // list through the index file
            let warm = try store.portfolio()                        // the same, warm
            let inList = listed.summaries.contains { $0.id == id }, inWarm = warm.summaries.contains { $0.id == id }
            let verdicts = [full.ok, fast.ok, inList, inWarm]
            if Set(verdicts).count != 1 { disagreements.append("\(name): loadFile \(full.ok) index-decoder \(fast.ok) list \(inList) warm \(inWarm) — \(full.reason ?? fast.reason ?? "")") }
            if case .failure(let a) = full, case .failure(let b) = fast, a.reason != b.reason {
                disagreements.append("\(name): two reasons: \(a.reason) | \(b.reason)")
            }
            // A file that loads must also save (unless a newer renkei wrote it).
            var saveError: String?
            if case .success(let doc) = full, !doc.readOnly {
                loaded += 1
                do {
                    try store.apply(id, .addNote(text: "保存できる"), actor: "tester", now: StoreFixtures.now)
                    if !store.loadFile(id + ".json").ok { disagreements.append("\(name): saved but then unreadable") }
                } catch { saveError = "\(error)"; disagreements.append("\(name): loads but does not save: \(error)") }
            } else if case .failure = full {
                do { try store.apply(id, .addNote(text: "x"), actor: "tester", now: StoreFixtures.now); disagreements.append("\(name): refused by show but note saved") } catch { saveError = "\(error)" }
            }
            for line in [full.reason, fast.reason, saveError].compactMap({ $0 }) + listed.damaged.map { $0.reason.text(.en) }
            where line.contains(Self.email) || line.contains(Self.phone) || line.contains("takahashi") {
                leaks.append("\(name): \(line.prefix(300))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(20).joined(separator: "\n"))")
        #expect(leaks.isEmpty, "error lines with case content:\n\(leaks.prefix(10).joined(separator: "\n"))")
        #expect(loaded > 20 && loaded < corpus.count - 20, "the corpus has both verdicts (\(loaded) of \(corpus.count) loaded)")
    }

    /// Byte-level replace (a mutated file may not be valid UTF-8).
    static func replace(_ b: [UInt8], _ what: [UInt8], _ with: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [], i = 0
        while i < b.count {
            if i + what.count <= b.count, Array(b[i..<(i + what.count)]) == what { out += with; i += what.count } else { out.append(b[i]); i += 1 }
        }
        return out
    }

    @Test func theIssuesInputsGetTheExpectedVerdict() throws {
        let store = try StoreFixtures.store()
        let id = "agree-2"
        let rejected: Set<String> = ["bad-escape", "raw-01", "raw-nul", "leading-zero", "dot-no-digits", "lone-minus",
                                     "lone-high-surrogate", "lone-low-surrogate", "deep-over-limit", "deep-511", "huge-number",
                                     "tiny-number", "trailing-comma-array", "trailing-comma-object", "duplicate-unknown",
                                     "truncated-literal", "control-in-key", "duplicate-title", "trailing-comma-top",
                                     "email-in-date", "phone-as-number"]
        for (name, bytes) in try Self.handMade(id) {
            try bytes.write(to: store.workspace.casesDir.appendingPathComponent(id + ".json"))
            let r = store.loadFile(id + ".json")
            #expect(r.ok == !rejected.contains(name), "\(name): \(r.reason ?? "loaded")")
            if let reason = r.reason, !name.hasPrefix("email"), !name.hasPrefix("phone"), !name.hasPrefix("duplicate-title") {
                #expect(reason.contains("line "), "\(name): a location: \(reason)")
            }
        }
    }
}

extension Swift.Result where Success == CaseDocument, Failure == DamagedFile {
    var ok: Bool { if case .success = self { true } else { false } }
    var reason: String? { if case .failure(let d) = self { d.reason.text(.en) } else { nil } }
}
