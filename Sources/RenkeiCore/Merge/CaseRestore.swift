/// Trashed on one machine, edited on another: the edit wins (issue 12). The case comes back
/// with an event that says so, so its history explains why it is in the list again.
public enum CaseRestore {
    public static func restored(_ original: Case, context ctx: CommandContext) -> Case {
        var c = original
        var ids = ctx.idSource()
        c.events.append(Event(seq: c.nextEventSeq, at: ctx.now, actor: ctx.actor, kind: .restored, command: ctx.commandId,
                              changes: [], id: EventID.make(at: ctx.now, random: ids.next())))
        return c
    }
}
