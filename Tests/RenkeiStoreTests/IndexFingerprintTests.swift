import Testing
@testable import RenkeiStore

/// The index's fingerprint is a stored constant (computing it at start-up cost a third of a
/// `list --count`); this test holds the constant to the computed layout, so a change to
/// `CaseSummary`, its binary encoding or the folding cannot be read by an index written before it.
@Suite struct IndexFingerprintTests {
    @Test func theStoredFingerprintMatchesTheCurrentLayout() {
        let computed = IndexFingerprint.compute()
        #expect(IndexFingerprint.value == computed,
                "CaseSummary or its index encoding changed: set IndexFingerprint.value to 0x\(String(computed, radix: 16)) in Sources/RenkeiStore/Index/IndexFingerprint.swift")
    }

    @Test func theComputationIsDeterministic() {
        // Reflection order and the probe cases must not vary between runs, or every start would
        // see a "different renkei" and rebuild the index.
        #expect(IndexFingerprint.compute() == IndexFingerprint.compute())
    }
}
