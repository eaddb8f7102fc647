/// 共同調達 candidates (実践ガイド p.36–40, p.83–99): 「他の自治体が共通の課題を抱えている場合、
/// 共同調達の可能性を検討することが重要」.
///
/// A group is two or more open cases in **different municipalities** with the same issue domain,
/// the procurement exit (自治体“へ”導入) or no exit chosen yet (the guide asks to look for
/// municipalities with the same issue early, before the exit is settled), and the same *reachable* fiscal year — the target year,
/// or the next one whose request deadline has not passed yet (a case that missed its year's
/// deadline slides to the next initial budget and is marked `slid`). For each group: the latest
/// day every member can still put the joint call into its budget request (the earliest of the
/// members' request deadlines) and the combined budget.
public struct JointProcurementGroup: Codable, Equatable, Sendable {
    public struct Member: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var municipality: String
        /// 全国地方公共団体コード when the case's municipality resolves (issue 16).
        public var municipalityCode: String?
        public var prefecture: String?
        public var size: SizeClass?
        public var stage: Stage
        public var method: String?
        /// The method's name from the catalog (nil without a catalog or for an unknown id).
        public var methodJa: String?
        public var methodEn: String?
        /// No exit chosen yet: a candidate for procurement, not a procurement case.
        public var exitUndecided: Bool
        public var targetFiscalYear: Int
        /// True when the target year's request deadline has passed and the member joins the next year.
        public var slid: Bool
        public var requestDeadline: Day?
        /// Budget lines, else the rough quote (下見積もり); 0 when neither is known.
        public var budgetYen: Int
    }
    public var domain: String
    public var domainJa: String
    public var domainEn: String
    /// The fiscal year of the joint call (N年度).
    public var fiscalYear: Int
    public var members: [Member]
    /// Distinct municipalities, in member order (by code where known, else by name).
    public var municipalities: [String]
    /// The prefecture every member is in, when their codes say so (a 県 can convene a joint call).
    public var sharedPrefecture: String?
    /// The size class every member shares (都市部 / 小・中規模).
    public var sharedSize: SizeClass?
    /// Members' bodies that share a boundary, as 「狭山市–入間市」 (a neighbour can join a call
    /// most easily); nil when not every member has a code or no adjacency data was given, so
    /// nothing is claimed from missing data.
    public var neighbouringPairs: [String]?
    /// Whether every member has a code (else "same/other prefecture" is not known).
    public var prefecturesKnown: Bool
    /// Whether every member has a size class.
    public var sizesKnown: Bool
    /// The latest day by which every member can still request the budget (min of their deadlines);
    /// nil when no member's calendar gives a deadline.
    public var commonRequestDeadline: Day?
    /// Days from today to `commonRequestDeadline`.
    public var daysLeft: Int?
    public var combinedYen: Int
    /// Members without an amount (their share is not in `combinedYen`).
    public var membersWithoutAmount: [String]
}

/// Why an open procurement case could not be considered (shown so the coordinator can fix it).
public struct JointProcurementSkip: Codable, Equatable, Sendable {
    public var id: String
    public var ja: String
    public var en: String
}

public struct JointProcurementReport: Codable, Equatable, Sendable {
    public var today: Day
    public var groups: [JointProcurementGroup]
    /// Open procurement cases missing a domain or fiscal year.
    public var skipped: [JointProcurementSkip]
    /// How many open procurement cases were considered.
    public var considered: Int
    /// Explanation when there are no groups.
    public var note: SimilarResult.Note?
}

public enum JointProcurementFinder {
    public static func find(_ cases: [InsightFeatures], today: Day, calendar: InsightCalendar,
                            catalog: Catalog? = nil, adjacency: MunicipalityAdjacency? = nil) -> JointProcurementReport {
        var skipped: [JointProcurementSkip] = []
        var buckets: [String: [JointProcurementGroup.Member]] = [:]   // "domain\u{1F}fy"
        var considered = 0
        for f in cases where (f.exit == .procurement || f.exit == nil) && !f.stage.isEndState && !f.archived {   // archived: set aside (issue 14)
            guard let domain = f.domain else {
                skipped.append(.init(id: f.id, ja: "課題分野が未設定", en: "no issue domain set")); continue
            }
            guard let target = f.fiscalYear else {
                skipped.append(.init(id: f.id, ja: "目標年度が未設定", en: "no target fiscal year set")); continue
            }
            considered += 1
            var fy = target
            var deadline = calendar.requestDeadline(f, fy)
            while let d = deadline, d < today, fy < target + 10 {
                fy += 1
                deadline = calendar.requestDeadline(f, fy)
            }
            let m = JointProcurementGroup.Member(id: f.id, title: f.title, municipality: f.municipality,
                                                 municipalityCode: f.municipalityCode, prefecture: f.prefecture, size: f.size, stage: f.stage,
                                                 method: f.method, methodJa: f.method.flatMap { catalog?.method($0)?.ja },
                                                 methodEn: f.method.flatMap { catalog?.method($0)?.en }, exitUndecided: f.exit == nil,
                                                 targetFiscalYear: target, slid: fy != target,
                                                 requestDeadline: deadline, budgetYen: f.budgetYen)
            buckets["\(domain)\u{1F}\(fy)", default: []].append(m)
        }
        var groups: [JointProcurementGroup] = []
        for (key, members) in buckets {
            let parts = key.split(separator: "\u{1F}")
            let domain = String(parts[0]), fy = Int(parts[1])!
            let sorted = members.sorted { ($0.municipality, $0.id) < ($1.municipality, $1.id) }
            // Different municipalities only: the same body by code (「狭山市」 and 「狭山市（埼玉県）」 are
            // one), by folded name where a case has no code.
            var seen = Set<String>()
            let names = sorted.filter { seen.insert($0.municipalityCode ?? InsightTokenizer.key($0.municipality)).inserted }.map(\.municipality)
            guard names.count >= 2 else { continue }
            let prefCodes = Set(sorted.map { $0.municipalityCode.flatMap(MunicipalityCode.prefectureCode(of:)) })
            let sharedPrefecture = prefCodes.count == 1 && prefCodes.first! != nil ? sorted.compactMap(\.prefecture).first : nil
            var neighbouring: [String]?
            if let adjacency, !prefCodes.contains(nil) {
                var bodies: [(code: String, name: String)] = []
                for m in sorted where !bodies.contains(where: { $0.code == m.municipalityCode }) { bodies.append((m.municipalityCode!, m.municipality)) }
                var pairs: [String] = []
                for i in bodies.indices { for j in bodies.indices where i < j && adjacency.areNeighbours(bodies[i].code, bodies[j].code) {
                    pairs.append(bodies[i].name + "–" + bodies[j].name)
                } }
                neighbouring = pairs
            }
            let sizes = Set(sorted.map(\.size))
            let sharedSize = sizes.count == 1 ? sizes.first! : nil
            let common = sorted.compactMap(\.requestDeadline).min()
            let label = catalog?.domain(domain)
            groups.append(JointProcurementGroup(
                domain: domain, domainJa: label?.ja ?? domain, domainEn: label?.en ?? domain, fiscalYear: fy,
                members: sorted, municipalities: names, sharedPrefecture: sharedPrefecture, sharedSize: sharedSize,
                neighbouringPairs: neighbouring,
                prefecturesKnown: !prefCodes.contains(nil), sizesKnown: !sizes.contains(nil),
                commonRequestDeadline: common,
                daysLeft: common.map { today.days(until: $0) },
                combinedYen: Yen.total(sorted.lazy.map(\.budgetYen)),
                membersWithoutAmount: sorted.filter { $0.budgetYen == 0 }.map(\.id)))
        }
        groups.sort {
            ($0.commonRequestDeadline?.ordinal ?? Int.max, $0.domain, $0.fiscalYear) < ($1.commonRequestDeadline?.ordinal ?? Int.max, $1.domain, $1.fiscalYear)
        }
        var note: SimilarResult.Note?
        if groups.isEmpty {
            if considered == 0 {
                note = .init(ja: "進行中で出口が「自治体“へ”導入」か未定の案件（分野・目標年度あり）がないため、共同調達の候補はありません。",
                             en: "No open procurement cases (or cases with no exit yet) with a domain and target fiscal year, so no joint-procurement candidates.")
            } else {
                note = .init(ja: "\(considered)件の調達案件（出口未定を含む）を比べましたが、同じ分野・同じ年度で別の自治体の案件はありませんでした。",
                             en: "Compared \(considered) procurement cases (incl. exit undecided); none shares a domain and fiscal year with a case in another municipality.")
            }
        }
        return JointProcurementReport(today: today, groups: groups, skipped: skipped.sorted { $0.id < $1.id },
                                      considered: considered, note: note)
    }
}
