import Foundation
import RenkeiCore

/// The first run (issue 14): the workbench asks who signs the changes instead of writing
/// `unknown` into every event, and a just-created workspace starts empty with a one-key offer
/// of the sample portfolio — samples are never mixed silently into real work.
extension AppState {
    /// From the runtime after the first load (`Msg.firstRun`).
    mutating func startFirstRun(suggestedName: String?, offerSamples: Bool) -> [Effect] {
        samplesOfferPending = offerSamples
        guard let suggestedName else { offerSamplesIfFirstRun(); return [] }
        var p = Prompt(purpose: .actorName, title: Label.askNameTitle.text(lang), label: Label.askNamePrompt.text(lang))
        p.input = TextInput(suggestedName)
        modal = .prompt(p)
        return []
    }

    /// Enter in the name prompt (the text is trimmed and not empty).
    mutating func nameGiven(_ name: String) -> [Effect] {
        let name = TerminalText.inline(name)
        toast(WorkbenchMessage.signedAs(name).text(lang), .success)
        offerSamplesIfFirstRun()
        return [.setActor(name)]
    }

    mutating func offerSamplesIfFirstRun() {
        guard samplesOfferPending else { return }
        samplesOfferPending = false
        offerSamples()
    }

    /// The offer itself (also the palette's サンプル案件を読み込む): Enter loads, Esc keeps it empty.
    mutating func offerSamples() {
        guard summaries.isEmpty && damaged.isEmpty else { toast(Label.samplesOnlyEmpty.text(lang)); return }
        var p = Picker(purpose: .samples, title: Label.samplesTitle.text(lang), ids: ["load", "empty"],
                       labels: [Label.samplesLoad.text(lang), Label.samplesSkip.text(lang)])
        p.footer = Label.chooseFooter.text(lang)
        modal = .picker(p)
    }

    mutating func chooseSamples(_ p: Picker) -> [Effect] {
        modal = nil
        guard p.ids.indices.contains(p.selection), p.ids[p.selection] == "load" else { return [] }
        pending += 1
        return [.loadSamples]
    }
}
