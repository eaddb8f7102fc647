import RenkeiCore

/// The screen shown while the first portfolio load runs (a cold start builds the summary
/// index from every case file, about a second per 10,000 cases): what is happening and how far.
/// Pure, like `view`: the runtime redraws it from the loader's progress counter.
public func loadingView(done: Int, total: Int, width: Int, height: Int, lang: Lang) -> Screen {
    var screen = Screen(width: width, height: height)
    guard width > 0, height > 0 else { return screen }
    let title = Label.appName.text(lang)
    let what = total > 0
        ? WorkbenchMessage.buildingIndex(done: Yen.grouped(done), total: Yen.grouped(total)).text(lang)
        : Label.loadingCases.text(lang)
    let y = max(0, height / 2 - 1)
    _ = screen.put(1, 0, title, Style.plain.withBold, limit: width)
    _ = screen.put(max(0, (width - DisplayWidth.of(what)) / 2), y, what, .plain, limit: width)
    if total > 0, y + 1 < height {
        let barWidth = max(0, min(width - 4, 50))
        let filled = barWidth * min(done, total) / max(1, total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        _ = screen.put(max(0, (width - barWidth) / 2), y + 1, bar, .plain, limit: width)
    }
    return screen
}
