/// Numbers from user data (a KPI actual of 1e300, a funding rate of -1e300) turned into Ints
/// and text without trapping: `Int(_: Double)` traps on NaN, ±inf and anything beyond Int's
/// range (issue 18: the KPI tab crashed the workbench on `1e300`).
public enum SafeNumber {
    /// `d` rounded to an Int, or nil when that is not representable.
    public static func int(_ d: Double) -> Int? {
        let r = d.rounded()
        // 2^63 is exactly representable; every double below it in magnitude converts.
        guard r.isFinite, r >= -9.223_372_036_854_775_808e18, r < 9.223_372_036_854_775_808e18 else { return nil }
        return Int(r)
    }

    /// 50 → "50", 33.5 → "33.5", 1e300 → "1e+300": whole numbers without ".0" when they are
    /// exact, anything else as Swift prints it.
    public static func plain(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15, let i = int(d) { return String(i) }
        return String(d)
    }

    /// A fraction as a whole percent (0.5 → "50%"), "—" when it is not a finite number; very
    /// large values are shown as they are rather than wrapped or trapped.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite, let p = int(fraction * 100) else { return "—" }
        return "\(p)%"
    }
}
