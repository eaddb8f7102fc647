/// A name held in both languages (catalog methods and domains, budget calendars): `label(lang)`
/// picks one, so no view writes `lang == .ja ? x.ja : x.en` itself.
public protocol Bilingual {
    var ja: String { get }
    var en: String { get }
}

extension Bilingual {
    public func label(_ lang: Lang) -> String { lang == .ja ? ja : en }
}

extension MethodSpec: Bilingual {}
extension Domain: Bilingual {}
extension BudgetCalendar: Bilingual {}
