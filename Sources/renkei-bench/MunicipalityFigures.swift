import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei-bench municipality [--runs N]` — issue 16's budgets: loading the table (only the
/// commands that need it pay this), resolving a typed name per keystroke (≤ 2 ms), and the exact
/// lookup `show`/`overdue`/`validate` use instead of the whole resolver, and the typing lookup
/// `municipality find` and search by reading use instead of it.
func municipalityFigures(runs: Int) {
    let data: DataDirectory
    do { data = try DataDirectory.locate() } catch { die("\(error)") }
    var table = MunicipalityTable(entries: [])
    report("municipality.table_load_ms", sample(runs) {
        do { table = try MunicipalityTableLoader.load(data: data) } catch { die("\(error)") }
    })
    // The adjacency: read by 類似事例/共同調達 (the workbench's insight worker, `similar`, `joint`).
    var pairs = 0
    report("municipality.adjacency_load_ms", sample(runs) {
        do { let a = try MunicipalityTableLoader.adjacency(data: data); pairs = a.codes.count } catch { die("\(error)") }
    })
    var resolver = MunicipalityResolver(table: table)
    report("municipality.resolver_build_ms", sample(runs) { resolver = MunicipalityResolver(table: table) })
    // Every prefix of what people type, one suggest per keystroke.
    let typed = ["狭山市", "さやまし", "ｻﾔﾏｼ", "sayama", "府中市", "toukyou", "北区", "伊達", "にしあわくら", "hamamatsu"]
    var perKey: [Double] = []
    for _ in 0..<runs {
        for word in typed {
            var prefix = ""
            for ch in word {
                prefix.append(ch)
                perKey += sample(1) { _ = resolver.suggest(prefix) }
            }
        }
    }
    report("municipality.suggest_per_key_ms", perKey)
    report("municipality.resolve_exact_ms", sample(runs * 10) { _ = resolver.resolve("府中市", prefecture: "東京都") })
    // What `renkei show` pays instead of load + resolver build: read the file, split it into rows,
    // decode only the rows one case can need (issue 16's show regression).
    var kept = 0
    report("municipality.exact_lookup_one_name_ms", sample(runs) {
        do { kept = try MunicipalityTableLoader.exactLookup(data: data, names: [("加賀市", "石川県")], codes: []).table.entries.count } catch { die("\(error)") }
    })
    report("municipality.exact_lookup_one_code_ms", sample(runs) {
        do { _ = try MunicipalityTableLoader.exactLookup(data: data, names: [], codes: ["011011"]) } catch { die("\(error)") }
    })
    // What `municipality find` and search by reading pay instead of load + resolver build: read
    // and split the file, keep the rows the text can offer, suggest over those (issue 16).
    for (label, text) in [("kanji", "狭山"), ("kana", "さやま"), ("kana_one", "さ"), ("romaji", "sayama"), ("romaji_one", "s"), ("inner", "山")] {
        var keptRows = 0
        report("municipality.typing_lookup_\(label)_ms", sample(runs) {
            do {
                let lookup = try MunicipalityTableLoader.rows(data: data).typingLookup(for: [text])
                _ = lookup.suggest(text, limit: 10)
                keptRows = lookup.table.entries.count
            } catch { die("\(error)") }
        })
        print("municipality.typing_lookup_\(label)_rows \(keptRows)")
    }
    print("municipality.exact_lookup_rows \(kept)")
    print("municipality.entries \(table.entries.count)")
    print("municipality.adjacency_bodies \(pairs)")
}
