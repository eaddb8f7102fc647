/// How a case's municipality reads where the case is shown (`renkei show`, `show --json`, the
/// workbench's overview): a linked body with its prefecture and code — 狭山市（埼玉県・112151）—
/// else the name as written, marked 未照合, with the one step that links it. Pure; the same
/// decision `renkei validate` and `municipality resolve` make (`MunicipalityLink`).
public struct MunicipalityCaption: Equatable, Sendable, Encodable {
    public enum State: String, Codable, Sendable {
        /// The case carries a code the table knows.
        case linked
        /// No code yet; the name fits one body (`renkei municipality resolve` links it).
        case resolvable
        /// No code yet; the name fits several bodies (a person chooses).
        case ambiguous
        /// No code, and no body of that name (free text: overseas, unusual bodies).
        case unresolved
        /// A code the table does not know (a wrong check digit typed by hand).
        case unknownCode = "unknown-code"
        /// No code, and the table was not at hand to say more (the workbench before it loads).
        case notLinked = "not-linked"
    }

    public var state: State
    /// The body's full name when linked (札幌市中央区), else the name as written.
    public var name: String
    public var prefecture: String?
    /// The linked code, or the one code `resolve` would link.
    public var code: String?
    /// For `ambiguous`: 府中市（東京都・132063）, …
    public var candidates: [String]
    /// The line as shown, in the reader's language.
    public var display: String
    /// One line saying how to link it; nil when linked.
    public var hint: String?

    /// Where the hint is read: the command line names commands, the workbench its keys (a
    /// Japanese screen shows no command words).
    public enum Surface: Sendable { case commandLine, workbench }

    /// - Parameter resolver: the table (the whole resolver, or an exact lookup made for this case's
    ///   municipality: `renkei show` builds no typing index); without one (not loaded yet) a stored code is shown
    ///   with the case's own prefecture, and a case without a code is 未照合 with `resolve` as the step.
    public init(_ c: Case, resolver: (any MunicipalityLookup)?, lang: Lang, surface: Surface = .commandLine) {
        let cli = surface == .commandLine
        let m = c.municipality
        let written = m.prefecture.flatMap { $0 == m.name ? nil : m.name + "（\($0)）" } ?? m.name
        func body(_ e: MunicipalityEntry, _ t: MunicipalityTable) -> String {
            MunicipalityMessage.codedBody(name: t.fullName(e), prefecture: e.kind == .prefecture ? nil : t.prefectureName(of: e.code), code: e.code).text(lang)
        }
        candidates = []
        code = nil
        prefecture = m.prefecture
        name = m.name
        guard let r = resolver else {
            if let code = m.code {
                state = .linked; self.code = code
                display = MunicipalityMessage.codedBody(name: m.name, prefecture: m.prefecture == m.name ? nil : m.prefecture, code: code).text(lang)
                hint = nil
            } else {
                state = .notLinked
                display = MunicipalityMessage.unlinked(name: written).text(lang)
                hint = (cli ? MunicipalityMessage.linkHint(caseId: c.id, target: nil) : .workbenchLinkHint(code: nil)).text(lang)
            }
            return
        }
        switch MunicipalityLink.status(of: m, r) {
        case .linked(let e):
            state = .linked; name = r.table.fullName(e); code = e.code
            prefecture = e.kind == .prefecture ? e.name : r.table.prefectureName(of: e.code)
            display = body(e, r.table); hint = nil
        case .resolvable(let e, _):
            state = .resolvable; code = e.code
            display = MunicipalityMessage.unlinked(name: written).text(lang)
            hint = (cli ? MunicipalityMessage.linkHint(caseId: c.id, target: body(e, r.table))
                        : .workbenchLinkHint(code: e.code)).text(lang)
        case .ambiguous(let list):
            state = .ambiguous
            candidates = list.map { body($0, r.table) }
            display = MunicipalityMessage.unlinked(name: written).text(lang)
            hint = (cli ? MunicipalityMessage.chooseHint(caseId: c.id, candidates: candidates) : .workbenchChooseHint(candidates: candidates)).text(lang)
        case .unresolved:
            state = .unresolved
            display = MunicipalityMessage.unlinked(name: written).text(lang)
            hint = (cli ? MunicipalityMessage.freeTextHint(caseId: c.id) : .workbenchFreeTextHint).text(lang)
        case .unknownCode(let bad):
            state = .unknownCode; code = bad
            display = MunicipalityMessage.unlinked(name: written).text(lang)
            hint = (cli ? MunicipalityMessage.badCodeHint(caseId: c.id, code: bad) : .workbenchBadCodeHint(code: bad)).text(lang)
        }
    }
}
