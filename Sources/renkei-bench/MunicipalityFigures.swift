import Foundation
import RenkeiCore
import RenkeiStore

/// `renkei-bench municipality [--runs N]` — issue 16's budgets: loading the table (only the
/// commands that need it pay this) and resolving a typed name per keystroke (≤ 2 ms).
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
    print("municipality.entries \(table.entries.count)")
    print("municipality.adjacency_bodies \(pairs)")
}
