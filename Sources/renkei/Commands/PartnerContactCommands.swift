import ArgumentParser
import RenkeiCore

/// `renkei partner ID NAME --kind 金融機関 [--role R] [--remove]` — add or change one partner
/// with its kind (スタートアップ / 中間支援団体 / 自治体 / 大学・研究機関 / 金融機関 / 企業 / その他).
/// One command, one event, undoable (the whole list is the field `partnerList`).
struct PartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit",
        abstract: "Add or change a partner of a case with its kind (by name or code), or remove it.")

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
        var list = try ctx.load(id).value.partners
        let name = self.name.trimmingCharacters(in: .whitespaces)
        if remove {
            list.removeAll { $0.name == name }
        } else if let i = list.firstIndex(where: { $0.name == name }) {
            if let k = kindCode { list[i].kind = PartnerKind(rawValue: k)! }
            if let role { list[i].role = role.isEmpty ? nil : role }
        } else {
            list.append(Partner(name: name, kind: kindCode.flatMap(PartnerKind.init(rawValue:)) ?? .startup, role: role))
        }
        let value = CaseFields.get(Case(id: id, title: "", municipality: Municipality(name: ""), partners: list), "partnerList")
        try ctx.apply(id, .setField(path: "partnerList", value: value))
        Output.line(Message.listChanged(caseId: id, field: Label.partners.text(Output.lang),
                                        value: ctx.names.value("partnerList", value, Output.lang)).text(Output.lang))
    }
}

/// `renkei contact ID NAME [--role R] [--email E] [--phone P] [--organization O] [--remove]`.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contact",
        abstract: "Add or change a contact person of a case (name, role, e-mail, phone), or remove one.")

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
        var list = try ctx.load(id).value.contacts
        let name = self.name.trimmingCharacters(in: .whitespaces)
        func opt(_ s: String?) -> String? { s.map { $0.isEmpty ? nil : $0 } ?? nil }
        if remove {
            list.removeAll { $0.name == name }
        } else if let i = list.firstIndex(where: { $0.name == name }) {
            if role != nil { list[i].role = opt(role) }
            if email != nil { list[i].email = opt(email) }
            if phone != nil { list[i].phone = opt(phone) }
            if organization != nil { list[i].organization = opt(organization) }
        } else {
            list.append(Contact(name: name, organization: opt(organization), role: opt(role), email: opt(email), phone: opt(phone)))
        }
        var c = Case(id: id, title: "", municipality: Municipality(name: ""))
        c.contacts = list
        let value = CaseFields.get(c, "contactList")
        try ctx.apply(id, .setField(path: "contactList", value: value))
        // Names only: contact details are personal data and stay out of terminal output.
        Output.line(Message.listChanged(caseId: id, field: Label.contacts.text(Output.lang),
                                        value: ctx.names.value("contactList", value, Output.lang)).text(Output.lang))
    }
}
