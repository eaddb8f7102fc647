#if canImport(Glibc)
import Glibc
#endif

/// The process environment, read once from libc's `environ`.
///
/// `ProcessEnvironment.current` builds a new dictionary on every call (~0.8 M
/// instructions at start-up, issue 19), and the CLI asks for it many times per run (the language
/// of every status line, the data directory, the workspace, the clock). renkei never changes its
/// own environment, so one snapshot taken at first use is the same answer.
public enum ProcessEnvironment {
    public static let current: [String: String] = {
        var out: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            // "NAME=value"; the first "=" ends the name (values may hold more). The first
            // definition of a name wins, as getenv(3) answers.
            if let eq = bytes.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(decoding: bytes[..<eq], as: UTF8.self)
                if out[name] == nil { out[name] = String(decoding: bytes[(eq + 1)...], as: UTF8.self) }
            }
            entry += 1
        }
        return out
    }()
}
