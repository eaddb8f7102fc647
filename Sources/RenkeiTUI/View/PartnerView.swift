import Foundation
import RenkeiCore

/// The partner view (issue 16): the partner as an organisation and every case it is in,
/// grouped by municipality (a startup's public-sector team reads its whole pipeline here).
extension AppState {
    func renderPartner(_ scr: inout Screen) {
        guard let o = orgPages.partner else { titleBar(&scr, Label.partners.text(lang)); return }
        titleBar(&scr, "\(PartnerLabel.partner.text(lang)) — \(o.record.name)", freeText: true)
        let (lines, selLine) = partnerLines(o, width: max(1, width - 2))
        drawOrgLines(lines, selected: selLine, &scr)
    }

    func partnerLines(_ o: PartnerOverview, width w: Int) -> ([Line], Int?) {
        var out: [Line] = []
        let r = o.record
        let keyW = keyWidth([Label.partnerKind.text(lang), ML.notes.text(lang)] + [PartnerLabel.corporateNumber, .aliases, .people].map { $0.text(lang) }
                            + (o.bodyCaption == nil ? [] : [Label.municipality.text(lang)]))
        let stageW = Stage.allCases.map { DisplayWidth.of($0.label(lang)) }.max() ?? 8
        out += kv(Label.partnerKind.text(lang), r.kind.label(lang), width: w, keyWidth: keyW)
        // A municipal partner's body, resolved like a case's municipality (issue 16).
        if let b = o.bodyCaption { out += kv(Label.municipality.text(lang), b.text(lang), width: w, keyWidth: keyW) }
        if let n = r.corporateNumber { out += kv(PartnerLabel.corporateNumber.text(lang), n, width: w, keyWidth: keyW) }
        if !r.aliases.isEmpty { out += kv(PartnerLabel.aliases.text(lang), WorkbenchMessage.list(r.aliases).text(lang), width: w, keyWidth: keyW) }
        for p in r.people {
            out += kv(PartnerLabel.people.text(lang), p.name + (p.role.map { WorkbenchMessage.parenthetical($0).text(lang) } ?? ""), width: w, keyWidth: keyW)
        }
        if let n = r.notes, !n.isEmpty { out += kv(ML.notes.text(lang), TerminalText.inline(n), width: w, keyWidth: keyW) }
        if !o.hasRecord { out.append(Line(PartnerLabel.noRecord.text(lang), theme.dim)) }

        out.append(.blank)
        out.append(section(PartnerMessage.caseCount(o.cases.count, municipalities: o.municipalityCount).text(lang)))
        var selLine: Int?
        var lastMunicipality: String?
        for (i, c) in o.cases.enumerated() {
            let key = c.municipalityCode ?? c.municipality
            if key != lastMunicipality {
                out.append(Line(c.municipality, .plain.withBold, indent: 1))
                lastMunicipality = key
            }
            if i == orgPages.selection { selLine = out.count }
            out.append(Line([Span(c.stage.progressGlyph + " " + DisplayWidth.pad(c.stage.label(lang), to: stageW) + " ", theme.stage(c.stage)),
                             Span(TerminalText.inline(c.title) + "  "), Span(c.caseId, theme.dim)],
                            selected: i == orgPages.selection, indent: 3))
            if let role = c.role, !role.isEmpty {
                out.append(Line("\(PartnerLabel.role.text(lang)): \(TerminalText.inline(role))", theme.dim, indent: 7))
            }
        }
        return (out, selLine)
    }
}
