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
            problems.append(CalendarProblem(file: data.calendars.appendingPathComponent("default.json").path, field: "",
                                            message: "the default budget calendar is missing; using renkei's built-in default"))
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
            return .failure(.init(file: file, appliesTo: guessAppliesTo(nil, url), problems: [CalendarProblem(file: file, field: "", message: "\(error)".replacingOccurrences(of: file + ": ", with: ""))]))
        }
        let cal: BudgetCalendar
        do {
            // The strict parser's tree first (start-up, issue 19); JSONDecoder names the field
            // of anything the tree path declines.
            if let tree = try? JSONDocument.parse(bytes), let fast = BudgetCalendar(tree: tree) { cal = fast }
            else { cal = try JSONDecoder().decode(BudgetCalendar.self, from: bytes) }
        } catch let e as DecodingError {
            let (field, message) = split(CaseCodec.describe(e))
            return .failure(.init(file: file, id: lenientId(bytes), appliesTo: guessAppliesTo(bytes, url), problems: [CalendarProblem(file: file, field: field, message: message)]))
        } catch {
            return .failure(.init(file: file, appliesTo: guessAppliesTo(bytes, url), problems: [CalendarProblem(file: file, field: "", message: CaseCodec.syntaxError(bytes))]))
        }
        let problems = CalendarValidator.validate(cal, file: file, knownMunicipalities: known)
        if !problems.isEmpty { return .failure(.init(file: file, id: cal.id, appliesTo: cal.appliesTo, problems: problems)) }
        return .success(cal)
    }

    /// "field 'a.b' is missing" → ("a.b", "is missing").
    static func split(_ described: String) -> (String, String) {
        guard described.hasPrefix("field '"), let end = described.dropFirst(7).firstIndex(of: "'") else { return ("", described) }
        let field = String(described[described.index(described.startIndex, offsetBy: 7)..<end])
        var rest = String(described[described.index(after: end)...]).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix(":") { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
        return (field, rest)
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
            return (.none, [CalendarProblem(file: file, field: "", message: "no holiday data; only weekends and 年末年始 are treated as closed (run Scripts/gen-holidays.py)")])
        }
        // Read once, outside the decode's do/catch, so a syntax error is described from these
        // bytes (reading the path again could meet a different file — or a FIFO).
        let bytes: Data
        do { bytes = try RegularFile.read(url, limit: maxFileSize) } catch {
            return (.none, [CalendarProblem(file: file, field: "", message: "\(error)".replacingOccurrences(of: file + ": ", with: ""))])
        }
        // The strict parser first (issue 19: JSONSerialization cost ~1.7 M instructions per run);
        // JSONSerialization only for what it declines, so its leniency is kept.
        let tree: JSONValue
        if let strict = try? JSONDocument.parse(bytes) { tree = strict }
        else if let lenient = (try? JSONSerialization.jsonObject(with: bytes)).flatMap(JSONValue.init(jsonObject:)) { tree = lenient }
        else { return (.none, [CalendarProblem(file: file, field: "", message: CaseCodec.syntaxError(bytes))]) }
        guard case .object = tree else { return (.none, [CalendarProblem(file: file, field: "", message: "expected a JSON object")]) }
        guard let read = holidays(tree: tree, file: file) else {
            return (.none, [CalendarProblem(file: file, field: "days", message: "is missing or not an object of \"YYYY-MM-DD\": name")])
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
            guard let d = Day(k) else { problems.append(CalendarProblem(file: file, field: "days.\(k)", message: "'\(k)' is not a date YYYY-MM-DD")); continue }
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
                problems.append(CalendarProblem(file: file, field: "", message: "\(error)".replacingOccurrences(of: file + ": ", with: "")))
                continue
            }
            do {
                let isArray = bytes.first(where: { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }) == UInt8(ascii: "[")
                let list = isArray ? try JSONDecoder().decode([FundingWindow].self, from: bytes)
                                   : [try JSONDecoder().decode(FundingWindow.self, from: bytes)]
                for (i, w) in list.enumerated() {
                    let p = w.problems(file: file, index: isArray ? i : nil)
                    if let other = seen[w.id] {
                        problems.append(CalendarProblem(file: file, field: isArray ? "[\(i)].id" : "id", message: "'\(w.id)' is also defined in \(other)"))
                        continue
                    }
                    problems += p
                    if p.isEmpty { windows.append(w); seen[w.id] = file }
                }
            } catch let e as DecodingError {
                let (field, message) = split(CaseCodec.describe(e))
                problems.append(CalendarProblem(file: file, field: field, message: message))
            } catch {
                problems.append(CalendarProblem(file: file, field: "", message: CaseCodec.syntaxError(bytes)))
            }
        }
        return (windows.sorted { ($0.closes, $0.id) < ($1.closes, $1.id) }, problems)
    }
}
