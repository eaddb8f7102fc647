#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one substring search: every whitespace-separated term of a folded query (NFKC,
/// lowercase — `TextNormalizer.fold`) occurs, byte for byte, in already-folded text.
///
/// Bytes rather than `String.contains`: both sides are folded to the same normal form, so byte
/// containment is the answer, and it is far cheaper per case than Foundation's locale-aware
/// search — the TUI filters 10,000 cases per keystroke, the index answers `list --search`
/// straight from its stored search bytes. A pure function (memchr reads memory only).
public enum FoldedSearch {
    /// A query's folded terms (split at ASCII and ideographic spaces), computed once per search
    /// rather than once per case.
    public static func terms(_ query: String) -> [[UInt8]] {
        foldedTerms(query).map { Array($0.utf8) }
    }

    /// The query folded and split at spaces (half- and full-width): its terms, the one rule for
    /// plain search, search by reading and `SearchReadings.needed`.
    static func foldedTerms(_ query: String) -> [Substring] {
        TextNormalizer.fold(query).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
    }

    /// Whether every term occurs in `folded`.
    public static func matches(_ folded: String, _ terms: [[UInt8]]) -> Bool {
        if terms.isEmpty { return true }
        var hay = folded
        return hay.withUTF8 { buf in terms.allSatisfy { contains(UnsafeRawBufferPointer(buf), $0) } }
    }

    /// Whether every term occurs in the folded bytes `hay`.
    public static func matches(_ hay: UnsafeRawBufferPointer, _ terms: [[UInt8]]) -> Bool {
        terms.allSatisfy { contains(hay, $0) }
    }

    /// Byte containment: memchr for the first byte, memcmp for the rest (Glibc's Swift module
    /// has no memmem).
    public static func contains(_ hay: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard hay.count >= needle.count, let h = hay.baseAddress else { return false }
        return needle.withUnsafeBytes { n -> Bool in
            let first = Int32(n[0])
            var p = h
            let end = h + hay.count
            while end - p >= n.count {
                guard let hit = memchr(p, first, end - p - n.count + 1) else { return false }
                if memcmp(hit, n.baseAddress!, n.count) == 0 { return true }
                p = UnsafeRawPointer(hit) + 1
            }
            return false
        }
    }
}
