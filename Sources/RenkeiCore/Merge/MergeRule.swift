/// How each part of a case file merges (issue 12). A case is merged as a JSON tree so that
/// keys this renkei does not know (a newer renkei's) merge too instead of being dropped.
indirect enum MergeRule: Sendable {
    /// One unit, taken whole from one side (a title, a tick {at, by}, a note).
    case atomic
    /// An object whose keys merge independently; keys not listed merge by `other`.
    case record([String: MergeRule], other: MergeRule)
    /// An object keyed by data (checklist item ids, reference ids); every value merges by one rule.
    case map(MergeRule)
    /// An array of objects identified by `key` (notes by id, partners by name): each element
    /// merges on its own, so two people adding different partners both keep theirs.
    case keyed(key: String, element: MergeRule, order: KeyedOrder)
    /// An array of strings merged as a set: what either side added is added, what either side
    /// removed is removed (tags, funding windows).
    case set
    /// The event log: the union of both sides by event id, in `Event.mergeOrder`.
    case events
    /// A key this renkei does not know: objects key by key, anything else whole.
    case unknown

    enum KeyedOrder: Sendable {
        /// Elements in the base's order, then new ones by key (no command reorders these lists).
        case baseThenKey
        /// By time, then id — how `CaseFields` keeps notes.
        case time
    }

    static func record(_ keys: [String: MergeRule]) -> MergeRule { .record(keys, other: .unknown) }

    /// The case file. `stage` is the pair {stage, stageReason} (`CaseMerge` joins them first):
    /// a stage and the reason it was entered must come from the same move.
    static let caseFile: MergeRule = .record([
        "stage": .atomic,
        "municipality": .record([:]),
        "issue": .record([:]),
        "nextAction": .record([:]),
        "budget": .record([
            "items": .atomic,
            "funding": .atomic,
            "reference": .map(.atomic),
        ]),
        "checklist": .map(.atomic),
        "notes": .keyed(key: "id", element: .atomic, order: .time),
        "snoozes": .keyed(key: "item", element: .atomic, order: .baseThenKey),
        "partners": .keyed(key: "name", element: .atomic, order: .baseThenKey),
        "contacts": .keyed(key: "name", element: .atomic, order: .baseThenKey),
        "kpis": .keyed(key: "name", element: .atomic, order: .baseThenKey),
        "tags": .set,
        "fundingWindows": .set,
        "events": .events,
        "concurrentEdits": .keyed(key: "id", element: .record([:], other: .atomic), order: .baseThenKey),
    ])
}
