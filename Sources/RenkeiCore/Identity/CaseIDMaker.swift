import Foundation

/// Where the readable part of a new case id comes from (issue 14). The default,
/// `municipalityCode`, takes the 全国地方公共団体コード of the case's municipality when it was
/// resolved to exactly one body (`112151-x2b7n1` for 狭山市): a Japanese title has no readable
/// ASCII, the code reads the same in every language, sorts a portfolio by body, and is typed as a
/// prefix (`renkei show 112151`). Without a code, ASCII words of the title, else of the
/// municipality, else `c`.
public struct CaseSlugRule: Sendable {
    public let slug: @Sendable (_ title: String, _ municipality: String, _ code: String?) -> String?
    public init(_ slug: @escaping @Sendable (_ title: String, _ municipality: String, _ code: String?) -> String?) { self.slug = slug }

    /// ASCII letters and digits of the title (then the municipality), lower-cased, words joined
    /// by '-', at most 16 characters; nil when there are none (Japanese titles → `c`).
    public static let ascii = CaseSlugRule { title, municipality, _ in
        asciiSlug(title) ?? asciiSlug(municipality)
    }

    /// The body's code when it is a valid one (check digit), else `ascii`.
    public static let municipalityCode = CaseSlugRule { title, municipality, code in
        if let code, MunicipalityCode.isValid(code) { return code }
        return ascii.slug(title, municipality, nil)
    }

    public static func asciiSlug(_ text: String) -> String? {
        var words: [String] = []
        var current = ""
        for b in text.utf8 {
            let isAlnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            if isAlnum { current.append(Character(Unicode.Scalar(b >= 0x41 && b <= 0x5A ? b + 32 : b))) }
            else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        var out = ""
        for w in words {
            let next = out.isEmpty ? w : out + "-" + w
            if next.count > 16 { if out.isEmpty { out = String(w.prefix(16)) }; break }
            out = next
        }
        return out.isEmpty ? nil : out
    }
}

extension CaseID {
    /// Random part of a new case id: 6 base32 digits (30 bits). Collisions are checked against
    /// every id this machine knows (cases/, trash/, quarantine/); across machines two cases
    /// created between the same two syncs collide with odds about n²/2^31 per slug.
    public static let suffixLength = 6

    /// `<slug>-<suffix>`, e.g. `c-7kq4mz`, `smart-school-0d3f9a`, `132012-x2b7n1`.
    /// `random` is the caller's random seed; ids in `taken` are never returned.
    public static func make(title: String, municipality: String, code: String? = nil, rule: CaseSlugRule = .municipalityCode,
                            random: UInt64, taken: (String) -> Bool) -> String {
        var slug = rule.slug(title, municipality, code) ?? "c"
        if !isValid(slug + "-x") || slug.utf8.count > maxLength - suffixLength - 1 { slug = "c" }
        var r = SplitMix64(seed: random)
        while true {
            let id = slug + "-" + IdentifierAlphabet.base32(r.next(), width: suffixLength)
            if !taken(id) { return id }
        }
    }
}
