import Foundation
import Testing
import RenkeiTestSupport
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 14: the JSON parser's words reach the user inside a damaged file's line (`renkei show`,
/// `validate`, the list's 破損 row). Every refusal the parser makes is driven here through the
/// real parser, and its Japanese must be whole — no English tail after a Japanese start
/// (before: 「入れ子が深すぎます: 64 levels deep」, 「数値が範囲外です: 1e999 is out of range」).
@Suite struct JSONSyntaxWordsTests {
    static let broken: [String] = [
        #"{"a":1} x"#, #"{"a":"#, #"{"a" 1}"#, #"{"a":1,"a":2}"#, #"{"a":1 "b":2}"#, "[1,]", "[1 2]", #""\u12""#, #""abc"#,
        "-", "01", "1.", "1e", "x", String(repeating: "[", count: 300), "\"a\u{01}\"", #""\uDC00""#, #""\uD800x""#,
        #""\q""#, "1e999", "1e-999", #"{"a":1,}"#, "{1:2}", "tru", "",
    ]

    @Test func everyRefusalIsWholeJapanese() {
        var seen = Set<String>()
        for text in Self.broken {
            do {
                _ = try JSONDocument.parse(Data(text.utf8))
                Issue.record("parsed: \(text)")
            } catch {
                seen.insert(error.message)
                let ja = error.reason.text(.ja)
                #expect(EnglishLeak.hasJapanese(JSONSyntax.text(error.message, .ja)), "\(error.message)")
                #expect(EnglishLeak.runs(in: ja).isEmpty, "\(text): English in ja: \(ja)")
            }
        }
        // The inputs above reach every sentence the parser has (count them in JSONDocument.swift).
        #expect(seen.count >= 22, "\(seen.sorted())")
    }
}
