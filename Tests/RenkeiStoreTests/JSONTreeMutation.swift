import RenkeiCore

/// Random damage to a JSON tree, for holding a fast tree reader to `JSONDecoder` (the catalog's
/// and the calendars' start-up paths).
enum JSONTreeMutation {
    /// One random change somewhere in the tree: remove a key, null it, change its type, or put
    /// an unknown enum-like value (stage/exit/side ids) or 令和/全角 text in it.
    static func mutate(_ value: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        switch value {
        case .object(var o) where !o.isEmpty:
            let keys = o.keys.sorted()
            let key = keys[rng.below(keys.count)]
            switch rng.below(6) {
            case 0: o.removeValue(forKey: key)
            case 1: o[key] = .null
            case 2: o[key] = swapType(o[key]!, &rng)
            case 3: o[key] = .string(["nope", "予算化", "ｻﾔﾏ", "令和８年", "①"][rng.below(5)])
            default: o[key] = mutate(o[key]!, &rng)   // go deeper
            }
            return .object(o)
        case .array(var a) where !a.isEmpty:
            let i = rng.below(a.count)
            a[i] = rng.below(4) == 0 ? swapType(a[i], &rng) : mutate(a[i], &rng)
            return .array(a)
        default:
            return swapType(value, &rng)
        }
    }

    static func swapType(_ value: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        let choices: [JSONValue] = [.int(60), .double(1.5), .bool(true), .string("髙"), .array([]), .object([:]), .null]
        var pick = choices[rng.below(choices.count)]
        while pick == value { pick = choices[rng.below(choices.count)] }
        return pick
    }
}
