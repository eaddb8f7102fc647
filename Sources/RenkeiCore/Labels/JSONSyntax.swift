/// The JSON parser's words for what it found (`JSONDocument`, in the store), in Japanese.
/// The parser keeps one English sentence per problem (it is stored with a damaged file's
/// reason); here each known sentence has its Japanese, the values in it carried over.
public enum JSONSyntax {
    public static func text(_ detail: String, _ lang: Lang) -> String {
        guard lang == .ja else { return detail }
        let exact: [String: String] = [
            "more text after the end of the JSON value": "JSON の値の後に余分な文字があります",
            "the file ends too early (truncated?)": "ファイルが途中で終わっています（切れていませんか？）",
            "expected ':' after a key": "キーの後に「:」がありません",
            "the key appears twice in one object": "一つのオブジェクトに同じキーが二つあります",
            "expected ',' or '}'": "「,」か「}」が必要です",
            "a comma before ']' (trailing comma)": "「]」の前に余分な「,」があります",
            "expected ',' or ']'": "「,」か「]」が必要です",
            "\\u needs four hex digits": "\\u の後には16進数4桁が必要です",
            "a string that never ends (truncated?)": "文字列が閉じていません（切れていませんか？）",
            "a number needs digits": "数値に数字がありません",
            "a number with a leading zero": "数値の先頭に 0 があります",
            "a number needs digits after '.'": "「.」の後に数字が必要です",
            "a number needs digits in its exponent": "指数部に数字が必要です",
            "a comma before '}' (trailing comma)": "「}」の前に余分な「,」があります",
            "expected a key in double quotes": "キーは \"…\"（二重引用符）で囲んでください",
            "expected a JSON object": "JSON のオブジェクト（{…}）が必要です",
        ]
        if let ja = exact[detail] { return ja }
        // Sentences with a value inside: the value (a character, a number, an escape) is carried
        // over whole and the English around it replaced, so no English tail is left.
        let patterns: [(prefix: String, suffix: String, ja: (String) -> String)] = [
            ("unexpected character ", "", { "予期しない文字 \($0)" }),
            ("nested more than ", " levels deep", { "入れ子が \($0) 段より深くなっています" }),
            ("a raw control character (", ") inside a string; write it as ", { "文字列の中に制御文字（\($0)）があります。次のように書いてください: " }),
            ("a lone low surrogate ", "", { "対になっていないサロゲート \($0)" }),
            ("a lone high surrogate ", "", { "対になっていないサロゲート \($0)" }),
            ("an unknown escape ", " (use \\\\ for a backslash)", { "不明なエスケープ \($0)（バックスラッシュは \\\\ と書きます）" }),
            ("the number ", " is out of range", { "数値 \($0) は範囲外です" }),
            ("the number ", " is too small to keep", { "数値 \($0) は小さすぎて保持できません" }),
        ]
        for p in patterns where detail.hasPrefix(p.prefix) {
            let rest = detail.dropFirst(p.prefix.count)
            if p.suffix.isEmpty { return p.ja(String(rest)) }
            // The control-character sentence ends with the escape to write: keep it after the Japanese.
            if let r = rest.range(of: p.suffix) { return p.ja(String(rest[..<r.lowerBound])) + rest[r.upperBound...] }
        }
        return detail
    }
}
