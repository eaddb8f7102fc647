import ArgumentParser
import RenkeiCore

/// `renkei partner ID NAME --kind 金融機関 [--role R] [--remove]` — add or change one partner
/// with its kind (スタートアップ / 中間支援団体 / 自治体 / 大学・研究機関 / 金融機関 / 企業 / その他).
/// One command, one event, undoable (the whole list is the field `partnerList`).
struct PartnerCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "edit",
        abstract: CommandHelp.abstract("Add or change a partner of a case with its kind (by name or code), or remove it.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (or the start of one).") var id: String
    @Argument(help: "Partner name.") var name: String
    @Option(help: "Kind by name or code: \(PartnerKind.allCases.map(\.ja).joined(separator: ", ")).") var kind: String?
    @Option(help: "Role in the collaboration.") var role: String?
    @Flag(help: "Remove the partner instead.") var remove = false

    func run() throws {
        let kindCode = try kind.map { try Choice.cli($0, .partnerKind, Choice.partnerKinds) }
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        var c = try ctx.load(id).value
        let name = self.name.trimmingCharacters(in: .whitespaces)
        if remove {
            c.partners.removeAll { $0.name == name }
        } else {
            CaseRecords.upsertPartner(&c.partners, name: name, kind: kindCode.flatMap(PartnerKind.init(rawValue:)), role: role)
        }
        let value = CaseFields.get(c, RecordList.partners.path)
        try ctx.apply(id, RecordList.partners.command(c))
        Output.line(Message.listChanged(caseId: id, field: Label.partners.text(Output.lang),
                                        value: ctx.names.value("partnerList", value, Output.lang)).text(Output.lang))
    }
}

/// `renkei contact ID NAME [--role R] [--email E] [--phone P] [--organization O] [--remove]`.
struct ContactCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "contact",
        abstract: CommandHelp.abstract("Add or change a contact person of a case (name, role, e-mail, phone), or remove one.", Output.lang)) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id (or the start of one).") var id: String
    @Argument(help: "The person's name.") var name: String
    @Option(help: "Role, e.g. 原課 係長.") var role: String?
    @Option(help: "E-mail address.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(help: "Organization.") var organization: String?
    @Flag(help: "Remove the contact instead.") var remove = false

    func run() throws {
        let ctx = try AppContext.make(global, mutating: true)
        let id = try ctx.caseId(self.id)
        var c = try ctx.load(id).value
        let name = self.name.trimmingCharacters(in: .whitespaces)
        if remove {
            c.contacts.removeAll { $0.name == name }
        } else {
            CaseRecords.upsertContact(&c.contacts, name: name, organization: organization, role: role, email: email, phone: phone)
        }
        let value = CaseFields.get(c, RecordList.contacts.path)
        try ctx.apply(id, RecordList.contacts.command(c))
        // Names only: contact details are personal data and stay out of terminal output.
        Output.line(Message.listChanged(caseId: id, field: Label.contacts.text(Output.lang),
                                        value: ctx.names.value("contactList", value, Output.lang)).text(Output.lang))
    }
}
