import Foundation
import RenkeiCore

/// The new-case form warns while it is filled in (issue 14) when the target fiscal year's budget
/// request deadline has already passed, and names the earliest route left — the same check as
/// `renkei new` (`TargetYearCheck`), against the municipality's own budget calendar.
extension AppState {
    mutating func warnIfTargetYearLate(_ f: inout Form) {
        guard let i = f.fields.firstIndex(where: { $0.key == "fiscalYear" }) else { return }
        f.fields[i].warning = targetYearWarning(f)
    }

    func targetYearWarning(_ f: Form) -> String? {
        func val(_ k: String) -> String { f.fields.first { $0.key == k }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        // The calendars arrive with the background insight load; before that there is nothing to check against.
        guard let data = insight, let n = (try? CaseFields.parse("budget.fiscalYear", val("fiscalYear")))?.intValue else { return nil }
        let pref = val("prefecture")
        let calendar = data.calendars.resolve(municipality: val("municipality"), prefecture: pref.isEmpty ? nil : pref, kind: nil).calendar
        return TargetYearCheck.check(fiscalYear: n, calendar: calendar, holidays: data.holidays, today: today)?.text(lang)
    }

    /// Issue 16: while the municipality is typed, the line under it says which body the case
    /// will be linked to, that the name fits several (add the prefecture), or that it is free
    /// text with the nearest bodies offered. Without the table (not loaded yet) it says nothing.
    mutating func hintMunicipality(_ f: inout Form) {
        guard let i = f.fields.firstIndex(where: { $0.key == "municipality" }) else { return }
        guard let r = readings?.resolver else { f.fields[i].warning = nil; return }
        func val(_ k: String) -> String { f.fields.first { $0.key == k }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        let typed = val("municipality"), pref = val("prefecture")
        guard !typed.isEmpty else { f.fields[i].warning = nil; return }
        let o = MunicipalityOnEntry.outcome(typed, prefecture: pref.isEmpty ? nil : pref, r)
        f.fields[i].warning = MunicipalityOnEntry.hint(o, typed: typed, table: r.table).text(lang)
    }

    /// The warning under a field, wrapped to the form's width (at most three lines).
    func warningLines(_ f: FormField, width: Int) -> [String] {
        guard let w = f.warning else { return [] }
        // The whole warning (the route and the alternative) at 80 columns; on a narrow terminal
        // at most six lines, the last marked as cut.
        let lines = wrapText("※ " + w, width: max(1, width))
        guard lines.count > 6 else { return lines }
        return Array(lines.prefix(5)) + [DisplayWidth.clip(lines[5] + "…", to: max(1, width))]
    }
}
