import Foundation

/// Ids that two machines create without talking to each other must not collide (a shared
/// workspace over git merges their files). The core has no randomness of its own: callers pass
/// random bits in (`CommandContext.random`), so the same inputs always give the same ids.
public enum IdentifierAlphabet {
    /// Crockford's base32 in lower case: no i, l, o, u — readable aloud and in file names.
    static let digits = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// `value` in base32, exactly `width` characters (most significant first, zero-padded).
    public static func base32(_ value: UInt64, width: Int) -> String {
        var v = value
        var out = [Character](repeating: "0", count: width)
        for i in stride(from: width - 1, through: 0, by: -1) {
            out[i] = digits[Int(v & 31)]
            v >>= 5
        }
        return String(out)
    }
}

/// SplitMix64 — tiny, fast, and the same sequence on every platform for a given seed. Stretches
/// one caller-supplied random seed into as many ids as a command needs, and drives the
/// synthetic portfolios (`renkei dev generate`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// 0 ..< n without modulo bias worth caring about for n ≪ 2^64 (multiply-shift).
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int((UInt64(n).multipliedFullWidth(by: next())).high)
    }
    public mutating func range(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    public mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }

    /// FNV-1a of a text: a stable seed when no random bits were passed (tests, replays).
    public static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// Event ids: time-ordered (seconds, 7 base32 digits) + 64 random bits (13 digits), e.g.
/// `1k2m3n4-9xq0v7w2h3j4k`. Events of files written before ids existed get `s<seq>`, derived
/// from the old per-case counter, so every replica migrates an old file to the same ids.
public enum EventID {
    public static func make(at: Timestamp, random: UInt64) -> String {
        IdentifierAlphabet.base32(UInt64(max(0, at.epochSeconds)), width: 7) + "-" + IdentifierAlphabet.base32(random, width: 13)
    }
    public static func legacy(seq: Int) -> String { "s\(seq)" }
}

/// Note ids stay whole numbers (`note.N` field paths, older renkei reads them) but are drawn at
/// random below 2^53 (the counter limit the store enforces and the largest integer a JSON
/// reader keeps exactly), so two machines adding a note to one case do not pick the same id.
public enum NoteID {
    public static let limit = 1 << 53
    public static func make(random: UInt64, avoiding used: Set<Int>) -> Int {
        var r = SplitMix64(seed: random)
        while true {
            let id = Int(r.next() & UInt64(limit - 1))
            if id > 0 && !used.contains(id) { return id }
        }
    }
}
