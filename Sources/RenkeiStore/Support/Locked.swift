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

/// A value computed the first time it is read (by whichever thread reads first), or given.
public final class LoadOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Value?
    private var load: (@Sendable () -> Value)?
    public init(_ value: Value) { loaded = value }
    public init(_ load: @escaping @Sendable () -> Value) { self.load = load }

    public var value: Value {
        lock.lock(); defer { lock.unlock() }
        if let loaded { return loaded }
        let v = load!()
        loaded = v
        load = nil
        return v
    }

    public func set(_ v: Value) { lock.lock(); loaded = v; load = nil; lock.unlock() }
}
