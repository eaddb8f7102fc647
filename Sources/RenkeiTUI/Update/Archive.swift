import RenkeiCore

/// Archiving from the workbench (issue 14): the palette's アーカイブ / 保管 archives the focused
/// case, アーカイブ解除 brings it back — each one saved command, so `u` takes it back — and
/// アーカイブ済み switches the list and the board between the daily cases and the archived ones.
extension AppState {
    mutating func performArchiveAction(_ action: Action) -> [Effect] {
        if action == .toggleArchived {
            showArchived.toggle()
            if page != .list && page != .board { page = .list }
            rebuildRows(keepId: nil)
            selection = 0
            scrollToSelection()
            return []
        }
        guard let id = focusedCaseId else { status = Label.noCaseSelected.text(lang); return [] }
        if readOnly.contains(id) { toast(Label.readOnly.text(lang), .error); return [] }
        let archive = action == .archiveCase
        // The open case knows from its events; the list from its summary.
        let archived = (detail?.id == id ? detail?.doc?.isArchived : nil) ?? summary(id)?.archived ?? false
        if archived == archive {
            toast((archive ? CommandMessage.alreadyArchived(caseId: id) : .notArchived(caseId: id)).text(lang))
            return []
        }
        pending += 1
        return [.save(caseId: id, command: archive ? .archive(note: nil) : .unarchive, expect: [:])]
    }
}
