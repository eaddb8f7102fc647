import Foundation
import RenkeiCore

typealias ML = MunicipalityLabel

/// The municipality view and the partner view (issue 16): what they show arrives from the
/// runtime (`Effect.openMunicipality` / `.openPartner` → `Msg.municipalityLoaded` /
/// `.partnerLoaded`); the selection is a row of the view's case list, which `Enter` opens.
public struct OrgPages: Equatable, Sendable {
    public var municipality: MunicipalityOverview?
    public var partner: PartnerOverview?
    /// Selected case row of the page on screen.
    public var selection = 0
    /// Where Esc goes (the case the view was opened from, or the list).
    public var returnTo: Page = .list
    /// The case the view was opened from, and where Esc from that case went, so Esc finds it
    /// again after Enter opened another case from the view.
    public var returnCase: String?
    public var returnCaseBack: Page = .list
    public init() {}
}

extension AppState {
    /// Case ids of the municipality view's rows, in display order (by stage, then id).
    var municipalityCaseIds: [String] { orgPages.municipality?.casesByStage.flatMap { $0.cases.map(\.id) } ?? [] }
    var partnerCaseIds: [String] { orgPages.partner?.cases.map(\.caseId) ?? [] }

    var orgCaseIds: [String] { page == .partner ? partnerCaseIds : municipalityCaseIds }

    var orgFocusedCaseId: String? {
        let ids = orgCaseIds
        return ids.indices.contains(orgPages.selection) ? ids[orgPages.selection] : nil
    }

    /// `M`: the municipality of the case in focus (its code when the open case has one).
    mutating func openMunicipalityOfFocus() -> [Effect] {
        guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return [] }
        if let doc = detail?.doc, doc.id == id {
            return [.openMunicipality(name: doc.municipality.name, prefecture: doc.municipality.prefecture, code: doc.municipality.code)]
        }
        if let code = orgPages.partner?.cases.first(where: { $0.caseId == id })?.municipalityCode {
            return [.openMunicipality(name: summary(id)?.municipality ?? code, prefecture: nil, code: code)]
        }
        guard let s = summary(id) else { status = Label.noCaseSelected.text(lang); return [] }
        return [.openMunicipality(name: s.municipality, prefecture: s.prefecture, code: nil)]
    }

    /// `P`: the partner of the case in focus; with several, a picker asks which.
    mutating func openPartnerOfFocus() -> [Effect] {
        guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return [] }
        let names = (detail?.doc?.id == id ? detail?.doc?.partners.map(\.name) : nil) ?? summary(id)?.partners ?? []
        switch names.count {
        case 0: toast(PartnerMessage.noPartners(caseId: id).text(lang)); return []
        case 1: return [.openPartner(names[0])]
        default:
            modal = .picker(Picker(purpose: .partner(caseId: id), title: "\(Action.partner.label(lang)) — \(id)", ids: names, labels: names))
            return []
        }
    }

    /// A view arrived: show it, remembering where Esc goes.
    mutating func showOrgPage(_ p: Page) {
        if page != .municipality && page != .partner {
            orgPages.returnTo = page
            orgPages.returnCase = page == .detail ? detail?.id : nil
            orgPages.returnCaseBack = detail?.returnTo ?? .list
        }
        orgPages.selection = 0
        page = p
    }

    mutating func orgBack() -> [Effect] {
        guard orgPages.returnTo == .detail, let id = orgPages.returnCase else {
            page = orgPages.returnTo == .detail ? .list : orgPages.returnTo
            return []
        }
        if detail?.id == id { page = .detail; detail?.returnTo = orgPages.returnCaseBack; return [] }
        let effects = openDetail(id)
        detail?.returnTo = orgPages.returnCaseBack
        return effects
    }

    mutating func navigateOrgPages(_ action: Action) {
        let n = orgCaseIds.count
        var i = orgPages.selection
        let h = max(1, (height - 3) / 2)
        switch action {
        case .down: i += 1
        case .up: i -= 1
        case .top: i = 0
        case .bottom: i = n - 1
        case .pageDown: i += h
        case .pageUp: i -= h
        default: break
        }
        orgPages.selection = n == 0 ? 0 : min(max(0, i), n - 1)
    }
}
