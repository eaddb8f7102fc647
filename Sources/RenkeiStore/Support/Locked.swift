import Foundation

// Small lock-protected values shared by worker threads (index validation and decoding, the
// synthetic workspace writer in RenkeiDevSupport). A lock, not atomics: the Synchronization
// module needs macOS 15, the package supports 13.

/// The first error any worker hit (later ones are dropped: one failure is enough to stop).
public final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    public private(set) var error: Error?
    public init() {}
    public func set(_ e: Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
}

/// A counter several workers add to; `add` returns the new total.
public final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    public init() {}
    public func add(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; value += n; return value }
}
