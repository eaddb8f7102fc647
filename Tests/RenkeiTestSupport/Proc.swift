import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way tests run another program (renkei itself, python checkers, pdfinfo, runuser…):
/// both pipes drained concurrently (a chatty process never blocks on a full pipe), a timeout
/// after which the process is killed, and what happened.
public enum Proc {
    public struct Result: Sendable {
        public var status: Int32        // -1 when killed for the timeout
        public var stdout: String
        public var stderr: String
        public var out: Data
        public var err: Data
        /// Killed by a signal (or for the timeout).
        public var signalled: Bool
        /// Standard output then standard error, for messages.
        public var output: String { stdout + stderr }
    }

    /// Runs `argv` (an absolute path, or a name looked up on PATH through /usr/bin/env) with
    /// `environment` (nil: this process's), feeding `stdin` (nil: end of input at once).
    @discardableResult
    public static func run(_ argv: [String], environment: [String: String]? = nil, stdin: Data? = nil,
                           timeout: TimeInterval = 120) throws -> Result {
        precondition(!argv.isEmpty)
        let p = Process()
        let absolute = argv[0].hasPrefix("/")
        p.executableURL = URL(fileURLWithPath: absolute ? argv[0] : "/usr/bin/env")
        p.arguments = absolute ? Array(argv.dropFirst()) : argv
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try p.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        final class Box: @unchecked Sendable { var data = Data() }
        let o = Box(), e = Box()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { o.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { e.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(2000) }
        let hung = p.isRunning
        if hung { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        group.wait()
        return Result(status: hung ? -1 : p.terminationStatus, stdout: String(decoding: o.data, as: UTF8.self),
                      stderr: String(decoding: e.data, as: UTF8.self), out: o.data, err: e.data,
                      signalled: hung || p.terminationReason == .uncaughtSignal)
    }
}
