/// What a workspace knows about one municipality as an organisation, in a human-edited file
/// `<workspace>/municipalities/<code>.json`: how big it counts as, who its desk is, how ready it
/// is to work with startups (実践ガイド p.29–35, the catalog's `readinessItems`), which budget
/// calendar it follows. renkei reads these files and never rewrites them, so whatever a person
/// adds survives; shared workspaces merge them like any text file.
///
/// ```json
/// {"code": "112151", "name": "狭山市", "size": "small-medium",
///  "desk": {"name": "環境経済部 産業振興課 兼 企業立地推進室", "contacts": [{"name": "岸 学"}]},
///  "readiness": {"rd-proposal-window": {"status": "partial", "note": "…", "source": "…"}},
///  "calendar": "default", "notes": "…"}
/// ```
public struct MunicipalityProfile: Codable, Equatable, Sendable {
    public var code: String
    /// The name, for the person reading the file (the table is the authority).
    public var name: String?
    /// Overrides the size class derived from the kind of body (`BodyKind.defaultSize`).
    public var size: SizeClass?
    public var desk: Desk?
    /// Readiness item id (catalog `readinessItems`) → what is known about it.
    public var readiness: [String: Readiness]
    /// Id of the budget calendar it follows (Data/calendars or <workspace>/calendars).
    public var calendar: String?
    public var notes: String?
    /// 中枢中核都市 (内閣府's designation; not in the code table): grant caps like a prefecture's.
    public var centralCoreCity: Bool?

    public struct Desk: Codable, Equatable, Sendable {
        /// 「環境経済部 産業振興課」
        public var name: String
        public var contacts: [Contact]
        public init(name: String, contacts: [Contact] = []) { self.name = name; self.contacts = contacts }
        public init(from d: Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            contacts = try c.decodeIfPresent([Contact].self, forKey: .contacts) ?? []
        }
        enum CodingKeys: String, CodingKey { case name, contacts }
    }

    public struct Readiness: Codable, Equatable, Sendable {
        public var status: ReadinessStatus
        public var note: String?
        /// Where it is known from (a document, a meeting, a web page).
        public var source: String?
        public init(status: ReadinessStatus, note: String? = nil, source: String? = nil) {
            self.status = status; self.note = note; self.source = source
        }
    }

    public init(code: String, name: String? = nil, size: SizeClass? = nil, desk: Desk? = nil,
                readiness: [String: Readiness] = [:], calendar: String? = nil, notes: String? = nil) {
        self.code = code; self.name = name; self.size = size; self.desk = desk; self.readiness = readiness
        self.calendar = calendar; self.notes = notes
    }
    public init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        size = try c.decodeIfPresent(SizeClass.self, forKey: .size)
        desk = try c.decodeIfPresent(Desk.self, forKey: .desk)
        readiness = try c.decodeIfPresent([String: Readiness].self, forKey: .readiness) ?? [:]
        calendar = try c.decodeIfPresent(String.self, forKey: .calendar)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        centralCoreCity = try c.decodeIfPresent(Bool.self, forKey: .centralCoreCity)
    }
    enum CodingKeys: String, CodingKey { case code, name, size, desk, readiness, calendar, notes, centralCoreCity }

    /// Problems a person can fix in the file: a code that is not a body, readiness ids the
    /// catalog does not have. `file` names the file in each line.
    public func problems(file: String, table: MunicipalityTable, catalog: Catalog) -> [RecordProblem] {
        var out: [RecordProblem] = []
        if !MunicipalityCode.isValid(code) || table.entry(code: code) == nil { out.append(.profileCodeUnknown(file: file, code: code)) }
        let known = Set(catalog.readinessItems.map(\.id))
        for id in readiness.keys.sorted() where !known.contains(id) {
            out.append(.readinessUnknown(file: file, id: id, known: known.sorted()))
        }
        return out
    }
}

extension MunicipalityProfile {
    /// A body's size class (都市部 / 小・中規模): what its profile says, else the default of its
    /// kind (`BodyKind.defaultSize`). The one rule `municipality show/list`, the workbench's
    /// municipality view and the insight features all use.
    public static func sizeClass(of kind: BodyKind, profile: MunicipalityProfile?) -> SizeClass {
        profile?.size ?? kind.defaultSize
    }
}

public enum ReadinessStatus: String, Codable, Sendable, CaseIterable {
    case yes, partial, no
}

/// A municipality's readiness against the catalog's items, for `municipality show/list`.
public struct ReadinessSummary: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var item: CatalogItem
        /// nil: nothing recorded.
        public var readiness: MunicipalityProfile.Readiness?
    }
    public var rows: [Row]
    public init(profile: MunicipalityProfile?, items: [CatalogItem]) {
        rows = items.map { Row(item: $0, readiness: profile?.readiness[$0.id]) }
    }
    public var yes: Int { rows.filter { $0.readiness?.status == .yes }.count }
    public var partial: Int { rows.filter { $0.readiness?.status == .partial }.count }
    public var no: Int { rows.filter { $0.readiness?.status == .no }.count }
    public var unknown: Int { rows.filter { $0.readiness == nil }.count }
}
