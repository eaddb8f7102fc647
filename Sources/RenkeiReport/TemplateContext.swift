import Foundation
import RenkeiCore

/// Turns a report model into the value tree a Mustache template reads, with every string
/// already escaped for the output format. Because escaping happens here (not in the template),
/// `{{x}}` and `{{{x}}}` print the same safe text: editing a template can change the layout,
/// never let case text through raw.
///
/// Besides the model's own keys the tree has:
/// - `L` — the labels for the report language (`{{L.why}}`);
/// - `has_<key>` — true when the array `<key>` is non-empty (`{{#has_kpis}}…{{/has_kpis}}`);
/// - `<key>_first` / `<key>_rest` are not provided; use sections.
/// Empty strings and nulls are left out, so `{{^x}}—{{/x}}` prints a dash for "not set".
enum TemplateContext {
    /// Keys whose text is a paragraph (keeps line breaks); everything else is one line.
    static let blockKeys: Set<String> = ["why", "how", "what", "text"]

    static func make<T: Encodable>(_ model: T, escaper: Escaper, lang: Lang, extra: [String: Any] = [:]) throws -> [String: Any] {
        let encoder = TreeEncoder { s, key in s.isEmpty ? nil : escaper.escape(s, block: blockKeys.contains(key)) }
        var out = (try encoder.encode(model) as? [String: Any]) ?? [:]
        out["L"] = ReportLabels.table(lang).mapValues { escaper.escape($0, block: false) }
        out["lang"] = lang.rawValue
        out["ja"] = lang == .ja
        out["en"] = lang == .en
        for (k, v) in extra { out[k] = v }
        return out
    }

    static func convertObject(_ o: [String: JSONValue], escaper: Escaper) -> [String: Any] {
        var out: [String: Any] = [:]
        out.reserveCapacity(o.count + 2)
        for (k, v) in o {
            if let c = convert(v, key: k, escaper: escaper) { out[k] = c }
            if case .array(let a) = v { out["has_" + k] = !a.isEmpty }
        }
        return out
    }

    static func convert(_ v: JSONValue, key: String, escaper: Escaper) -> Any? {
        switch v {
        case .null: return nil
        case .bool(let b): return b
        case .int(let i): return String(i)
        case .double(let d): return ReportFormat.number(d)
        case .string(let s): return s.isEmpty ? nil : escaper.escape(s, block: blockKeys.contains(key))
        case .array(let a): return a.compactMap { convert($0, key: key, escaper: escaper) }
        case .object(let o): return convertObject(o, escaper: escaper)
        }
    }
}
