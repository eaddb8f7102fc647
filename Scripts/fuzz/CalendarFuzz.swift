// libFuzzer target: the budget-calendar and funding-window parsers (CalendarLoader) and the
// deadline engine fed with what they accept — schedules, next deadlines, the overdue review and
// the fiscal timeline for every sample case. Built by Scripts/fuzz/build.sh.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) let calData = DataDirectory(url: URL(fileURLWithPath: ProcessInfo.processInfo.environment["RENKEI_DATA"] ?? "Data"))
nonisolated(unsafe) let calHolidays: HolidaySet = CalendarLoader.loadHolidays(calData.holidays.appendingPathComponent("jp.json")).0
nonisolated(unsafe) let calSummaries: [CaseSummary] = {
    let dir = calData.samples
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return files.sorted().compactMap { f in
        (try? Data(contentsOf: dir.appendingPathComponent(f))).flatMap { try? CaseCodec.decode($0, path: f) }.map { CaseSummary($0.value) }
    }
}()
nonisolated(unsafe) let calScratch: URL = {
    let u = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("renkei-fuzz-cal-\(getpid())")
    try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func renkeiFuzzCalendar(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    let file = calScratch.appendingPathComponent("input.json")
    guard (try? data.write(to: file)) != nil else { return 0 }
    var calendars: [BudgetCalendar] = []
    if case .success(let cal) = CalendarLoader.loadCalendar(file, known: nil) { calendars.append(cal) }
    let (windows, _) = CalendarLoader.loadFunding(calScratch)
    guard !calendars.isEmpty || !windows.isEmpty else { return 0 }
    let set = CalendarSet(defaultCalendar: calendars.first ?? .builtInDefault, calendars: calendars)
    for today in [Day(year: 2026, month: 11, day: 23)!, Day(year: 2027, month: 3, day: 31)!] {
        let ctx = DeadlineContext(calendars: set, holidays: calHolidays, today: today, fundingWindows: windows)
        for s in calSummaries {
            _ = DeadlineEngine.items(for: s, context: ctx)
            _ = DeadlineEngine.nextDeadline(for: s, context: ctx)
            _ = DeadlineEngine.schedule(for: s, context: ctx)
        }
        _ = OverdueReview.build(summaries: calSummaries, context: ctx)
        for cal in calendars {
            for fy in [2025, 2026, 2027] { _ = FiscalTimeline.build(calendar: cal, holidays: calHolidays, fiscalYear: fy, today: today) }
        }
    }
    return 0
}
