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
        ]
        if let ja = exact[detail] { return ja }
        let prefixed: [(String, String)] = [
            ("unexpected character ", "予期しない文字 "),
            ("nested more than ", "入れ子が深すぎます: "),
            ("a raw control character ", "文字列の中に制御文字があります: "),
            ("a lone low surrogate ", "対になっていないサロゲート: "),
            ("a lone high surrogate ", "対になっていないサロゲート: "),
            ("an unknown escape ", "不明なエスケープ: "),
            ("the number ", "数値が範囲外です: "),
        ]
        for (en, ja) in prefixed where detail.hasPrefix(en) { return ja + detail.dropFirst(en.count) }
        return detail
    }
}
