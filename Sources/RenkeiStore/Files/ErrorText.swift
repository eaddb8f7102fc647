import Foundation
import RenkeiCore

/// The one line a person sees for an error. Foundation's `EncodingError` and `DecodingError`
/// describe themselves with the whole value involved — for a case, its contacts' e-mails and
/// phones (issue 18, finding 5: a 4 KB line dumping the case). Here they become their kind
/// and the field path only; every other error describes itself.
public enum ErrorText {
    public static func line(_ error: Error) -> String {
        switch error {
        case let e as EncodingError:
            if case .invalidValue(_, let ctx) = e { return "a value JSON cannot hold at '\(CaseCodec.path(ctx.codingPath))'" }
            return "a value JSON cannot hold"
        case let e as DecodingError:
            return CaseCodec.describe(e)
        default:
            return "\(error)"
        }
    }

    /// The same line in the reader's language where the error is worded in the label table
    /// (a command's refusal, `CommandMessage`; the store's `StoreMessage`); others as `line(_:)`.
    public static func line(_ error: Error, _ lang: Lang) -> String {
        if let e = error as? WordedError { return e.text(lang) }
        if let e = error as? DecodingError { return CaseCodec.reason(e).text(lang) }
        if let e = error as? EncodingError { return DamageReason.notWritable(path: CaseCodec.encodingPath(e)).text(lang) }
        if let e = error as? UndoJournal.Problem { return e.message.text(lang) }
        if let e = error as? FieldError { return e.sentence(lang) }
        return line(error)
    }

    /// Why a file's bytes did not decode, typed (so it can be said in the reader's language): a
    /// file that is not JSON says where (line, column), not JSONDecoder's English.
    public static func reason(_ error: Error, bytes: Data) -> DamageReason {
        if let e = error as? DecodingError { return CaseCodec.reason(e, bytes: bytes) }
        return (error as? StoreError)?.damageReason ?? .text(line(error))
    }
}
