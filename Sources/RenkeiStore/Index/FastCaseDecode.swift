import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RenkeiCore

extension CaseStore {
    /// `loadFile` for the index builder: the same verdict, faster for what renkei writes.
    ///
    /// A file in `StrictCaseParser`'s strict subset (everything renkei itself writes; no unknown
    /// keys) decodes to the identical `Case` several times faster. Anything else takes
    /// `loadFile` — the one full judgement (`CaseCodec.decode`: `JSONDocument`'s grammar, the
    /// typed decode, the semantic checks). There used to be a third way here (one JSONDecoder
    /// pass without the grammar check), and it listed files that `show` and `note` refused
    /// (issue 18, finding 5); `CaseDecodeAgreementTests` holds the two to one verdict.
    public func loadFileForIndex(_ name: String, casesPath: String? = nil) -> Swift.Result<CaseDocument, DamagedFile> {
        let path = (casesPath ?? workspace.casesDir.path) + "/" + name
        // One UTF-8 check of the whole file: the strict parser then decodes its strings unchecked.
        guard let data = try? RegularFile.read(path: path, limit: caseFileLimit),
              data.withUnsafeBytes(UTF8Check.isValid),
              let value = StrictCaseParser.parse(data), CaseID.isValid(value.id), value.id == String(name.dropLast(5)),
              CaseCodec.counterProblem(value) == nil
        else { return loadFile(name) }
        return .success(CaseDocument(value: value, unknown: nil, readOnly: value.schemaVersion > Case.schemaVersion))
    }
}
