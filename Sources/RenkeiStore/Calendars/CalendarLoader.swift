import Foundation
import RenkeiCore

/// Loads what the deadline engine needs from disk: budget calendars (`Data/calendars/*.json`,
/// overridden by `<workspace>/calendars/*.json`), the holiday file (`Data/holidays/jp.json`) and
/// external funding windows (`<workspace>/funding/*.json`).
///
/// Never throws for bad content: every bad file becomes `CalendarProblem`s naming the file and
/// field, a rejected calendar is recorded in `CalendarSet.rejected` (so the cases it was meant
/// for use the default calendar and the review says so), and a missing or broken shipped
/// default is replaced by `BudgetCalendar.builtInDefault`.
public enum CalendarLoader {
    public struct Result: Sendable {
        public var calendars: CalendarSet
        public var holidays: HolidaySet
        public var fundingWindows: [FundingWindow]
        /// Every problem found, calendars, holidays and funding windows alike.
        public var problems: [CalendarProblem]

        /// The engine context for `today` (stale limits from the catalog when given).
        public func context(today: Day, catalog: Catalog? = nil, fundingLinks: [String: [String]] = [:]) -> DeadlineContext {
            DeadlineContext(calendars: calendars, holidays: holidays, today: today,
                            staleDays: catalog.map(DeadlineContext.staleDays(from:)) ?? DeadlineContext.defaultStaleDays,
                            fundingWindows: fundingWindows, fundingLinks: fundingLinks)
        }
    }

    public static let maxFileSize = 4 * 1_048_576

    /// - Parameter knownMunicipalities: municipality names a workspace calendar may reference
    ///   (the portfolio's); empty or nil skips that check.
    public static func load(data: DataDirectory, workspace: Workspace?, knownMunicipalities: Set<String>? = nil) -> Result {
        var problems: [CalendarProblem] = []
        let (holidays, hp) = loadHolidays(data.holidays.appendingPathComponent("jp.json"))
        problems += hp

        var defaultCalendar = BudgetCalendar.builtInDefault
        var shipped: [BudgetCalendar] = []
        var workspaceCalendars: [BudgetCalendar] = []
        var rejected: [CalendarSet.RejectedCalendar] = []
        var sawDefault = false

        for url in jsonFiles(in: data.calendars) {
            switch loadCalendar(url, known: nil) {
            case .success(let cal):
                if cal.id == "default" { defaultCalendar = cal; sawDefault = true } else { shipped.append(cal) }
            case .failure(let r):
                problems += r.problems
                if r.id == "default" || url.lastPathComponent == "default.json" { sawDefault = true } else { rejected.append(r) }
            }
        }
        if !sawDefault {
            problems.append(CalendarProblem(file: data.calendars.appendingPathComponent("default.json").path, field: "", .defaultCalendarMissing))
        }
        if let ws = workspace {
            let known = (knownMunicipalities?.isEmpty ?? true) ? nil : knownMunicipalities
            for url in jsonFiles(in: ws.calendarsDir) {
                switch loadCalendar(url, known: known) {
                case .success(let cal):
                    if cal.id == "default" && cal.appliesTo.isEmpty { defaultCalendar = cal } else { workspaceCalendars.append(cal) }
                case .failure(let r):
                    problems += r.problems
                    rejected.append(r)
                }
            }
        }
        // Workspace calendars win: drop shipped ones with the same id.
        let overridden = Set(workspaceCalendars.map(\.id))
        let calendars = workspaceCalendars + shipped.filter { !overridden.contains($0.id) }

        var windows: [FundingWindow] = []
        if let ws = workspace {
            let (w, fp) = loadFunding(ws.fundingDir)
            windows = w
            problems += fp
        }
        return Result(calendars: CalendarSet(defaultCalendar: defaultCalendar, calendars: calendars, rejected: rejected),
                      holidays: holidays, fundingWindows: windows, problems: problems)
    }

    static func jsonFiles(in dir: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            .map { dir.appendingPathComponent($0) }
    }

    /// Decodes and validates one calendar file.
    public static func loadCalendar(_ url: URL, known: Set<String>?) -> Swift.Result<BudgetCalendar, CalendarSet.RejectedCalendar> {
        let file = url.path
        let bytes: Data
        do { bytes = try RegularFile.read(url, limit: maxFileSize) } catch {
            return .failure(.init(file: file, appliesTo: guessAppliesTo(nil, url), problems: [readProblem(error, file: file)]))
        }
        let cal: BudgetCalendar
        do {
            // The strict parser's tree first (start-up, issue 19); JSONDecoder names the field
            // of anything the tree path declines.
            if let tree = try? JSONDocument.parse(bytes), let fast = BudgetCalendar(tree: tree) { cal = fast }
            else { cal = try JSONDecoder().decode(BudgetCalendar.self, from: bytes) }
        } catch let e as DecodingError {
            return .failure(.init(file: file, id: lenientId(bytes), appliesTo: guessAppliesTo(bytes, url), problems: [decodeProblem(e, bytes: bytes, file: file)]))
        } catch {
            return .failure(.init(file: file, appliesTo: guessAppliesTo(bytes, url), problems: [CalendarProblem(file: file, field: "", .damaged(CaseCodec.syntaxReason(bytes)))]))
        }
        let problems = CalendarValidator.validate(cal, file: file, knownMunicipalities: known)
        if !problems.isEmpty { return .failure(.init(file: file, id: cal.id, appliesTo: cal.appliesTo, problems: problems)) }
        return .success(cal)
    }

    /// A decode error as a problem at its field (the field is named once, in `field`); JSON
    /// that does not parse is described from the bytes (line, column), never JSONDecoder's English.
    static func decodeProblem(_ e: DecodingError, bytes: Data, file: String) -> CalendarProblem {
        switch CaseCodec.reason(e, bytes: bytes) {
        case .fieldMissing(let p): return CalendarProblem(file: file, field: p, .missing)
        case .wrongType(let p, let k): return CalendarProblem(file: file, field: p, .wrongType(k))
        case .nullField(let p, let k): return CalendarProblem(file: file, field: p, .null(k))
        case .notADate(let p): return CalendarProblem(file: file, field: p, .notADate)
        case .unknownValue(let p, let accepted):
            // A funding window's kind is the one closed set these files have.
            let known = accepted.isEmpty && p.hasSuffix("kind") ? FundingKind.allCases.map(\.rawValue) : accepted
            return CalendarProblem(file: file, field: p, .unknownValue(accepted: known))
        case .badValue(let p, let detail): return CalendarProblem(file: file, field: p, .badValue(detail: detail))
        case let other: return CalendarProblem(file: file, field: "", .damaged(other))
        }
    }

    /// A file that could not be read (permissions, a FIFO, too large), worded by the store.
    static func readProblem(_ error: Error, file: String) -> CalendarProblem {
        CalendarProblem(file: file, field: "", .damaged((error as? StoreError)?.damageReason ?? .failure(CaseStore.message(error, path: file))))
    }

    static func lenientId(_ bytes: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: bytes) as? [String: Any])?["id"] as? String
    }

    /// Whom a calendar that failed to decode was meant for: its `appliesTo` if readable, else
    /// the file name (a file named 札幌市.json is taken to be Sapporo's).
    static func guessAppliesTo(_ bytes: Data?, _ url: URL) -> BudgetCalendar.AppliesTo {
        if let bytes, let o = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any], let a = o["appliesTo"] as? [String: Any] {
            let kinds = (a["kinds"] as? [String] ?? []).compactMap(MunicipalityKind.init(rawValue:))
            let r = BudgetCalendar.AppliesTo(municipalities: a["municipalities"] as? [String] ?? [],
                                             prefectures: a["prefectures"] as? [String] ?? [], kinds: kinds)
            if !r.isEmpty { return r }
        }
        let stem = url.deletingPathExtension().lastPathComponent
        if Prefectures.all.contains(stem) { return .init(prefectures: [stem]) }
        return .init(municipalities: [stem])
    }

    /// Reads `{"source", "from", "to", "days": {"YYYY-MM-DD": name}}`.
    public static func loadHolidays(_ url: URL) -> (HolidaySet, [CalendarProblem]) {
        let file = url.path
        guard FileManager.default.fileExists(atPath: file) else {
            return (.none, [CalendarProblem(file: file, field: "", .noHolidayData)])
        }
        // Read once, outside the decode's do/catch, so a syntax error is described from these
        // bytes (reading the path again could meet a different file — or a FIFO).
        let bytes: Data
        do { bytes = try RegularFile.read(url, limit: maxFileSize) } catch {
            return (.none, [readProblem(error, file: file)])
        }
        // The strict parser first (issue 19: JSONSerialization cost ~1.7 M instructions per run);
        // JSONSerialization only for what it declines, so its leniency is kept.
        let tree: JSONValue
        if let strict = try? JSONDocument.parse(bytes) { tree = strict }
        else if let lenient = (try? JSONSerialization.jsonObject(with: bytes)).flatMap(JSONValue.init(jsonObject:)) { tree = lenient }
        else { return (.none, [CalendarProblem(file: file, field: "", .damaged(CaseCodec.syntaxReason(bytes)))]) }
        guard case .object = tree else { return (.none, [CalendarProblem(file: file, field: "", .notAnObject)]) }
        guard let read = holidays(tree: tree, file: file) else {
            return (.none, [CalendarProblem(file: file, field: "days", .holidayDaysMissing)])
        }
        return read
    }

    /// The holiday file's tree read; nil when it is not an object with a "days" object.
    static func holidays(tree: JSONValue, file: String) -> (HolidaySet, [CalendarProblem])? {
        guard case .object(let o) = tree, case .object(let days)? = o["days"] else { return nil }
        var names: [Day: String] = [:]
        names.reserveCapacity(days.count)
        var problems: [CalendarProblem] = []
        for (k, v) in days {
            guard let d = Day(k) else { problems.append(CalendarProblem(file: file, field: "days.\(k)", .holidayNotADate(k))); continue }
            if case .string(let name) = v { names[d] = name } else { names[d] = "祝日" }
        }
        func year(_ key: String) -> Int? {
            switch o[key] {
            case .int(let i)?: return i
            case .double(let x)? where x == x.rounded() && abs(x) < 1e9: return Int(x)
            default: return nil
            }
        }
        var years: ClosedRange<Int>?
        if let from = year("from"), let to = year("to"), from <= to { years = from...to }
        else if let lo = names.keys.map(\.year).min(), let hi = names.keys.map(\.year).max() { years = lo...hi }
        var source = ""
        if case .string(let s)? = o["source"] { source = s }
        return (HolidaySet(names: names, years: years, source: source), problems.sorted { $0.field < $1.field })
    }

    /// Reads every `*.json` under `<workspace>/funding/`: one window object or an array of them.
    public static func loadFunding(_ dir: URL) -> ([FundingWindow], [CalendarProblem]) {
        var windows: [FundingWindow] = []
        var problems: [CalendarProblem] = []
        var seen: [String: String] = [:]
        for url in jsonFiles(in: dir) {
            let file = url.path
            let bytes: Data
            do { bytes = try RegularFile.read(url, limit: maxFileSize) } catch {
                problems.append(readProblem(error, file: file))
                continue
            }
            do {
                let isArray = bytes.first(where: { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "[")
                let list = isArray ? try JSONDecoder().decode([FundingWindow].self, from: bytes)
                                   : [try JSONDecoder().decode(FundingWindow.self, from: bytes)]
                for (i, w) in list.enumerated() {
                    let p = w.problems(file: file, index: isArray ? i : nil)
                    if let other = seen[w.id] {
                        problems.append(CalendarProblem(file: file, field: isArray ? "[\(i)].id" : "id", .windowDefinedTwice(id: w.id, otherFile: other)))
                        continue
                    }
                    problems += p
                    if p.isEmpty { windows.append(w); seen[w.id] = file }
                }
            } catch let e as DecodingError {
                problems.append(decodeProblem(e, bytes: bytes, file: file))
            } catch {
                problems.append(CalendarProblem(file: file, field: "", .damaged(CaseCodec.syntaxReason(bytes))))
            }
        }
        return (windows.sorted { ($0.closes, $0.id) < ($1.closes, $1.id) }, problems)
    }
}
