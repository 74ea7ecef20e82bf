import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished process gave.
public struct ProcessResult: Sendable {
    /// The exit status, or the signal number when `signalled`.
    public var status: Int32
    /// True when the process was ended by a signal (`status` is then the signal).
    public var signalled: Bool
    public var stdoutData: Data
    public var stderrData: Data
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
}

/// A process that ran past its deadline; it was killed, and here is what it had written.
public struct ProcessTimeout: Error, CustomStringConvertible {
    public var command: String
    public var seconds: TimeInterval
    public var stdout: String
    public var stderr: String
    public var description: String {
        "\(command) still running after \(seconds) s; killed\n--- stdout so far\n\(stdout.suffix(2000))\n--- stderr so far\n\(stderr.suffix(2000))"
    }
}

/// Bytes read from one pipe on a thread of its own, until end of file.
final class PipeDrain: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    private var finished = false

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData  // blocks until bytes or end of file
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            lock.withLock { finished = true }
            done.signal()
        }
    }

    /// What has been read so far.
    var soFar: Data { lock.withLock { data } }

    /// Waits for end of file (at most until `deadline`); true when reached.
    func wait(until deadline: DispatchTime) -> Bool {
        if lock.withLock({ finished }) { return true }
        guard done.wait(timeout: deadline) == .success else { return false }
        done.signal()  // let later waits pass too
        return true
    }
}

/// A started child process whose stdout and stderr are read concurrently, each on its own thread, so a
/// child writing much to either pipe never blocks (no deadlock on big output).
public final class RunningProcess: @unchecked Sendable {
    public let process: Process
    public let command: String
    private let out: PipeDrain
    private let err: PipeDrain
    private let exited: DispatchSemaphore

    /// Starts `executable ARGUMENTS` in `directory` with exactly `environment`; `stdin` is written
    /// on a thread of its own and closed (nil: the child's stdin is /dev/null).
    public init(executable: URL, arguments: [String], directory: URL?, environment: [String: String], stdin: Data? = nil) throws {
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = environment
        command = ([executable.lastPathComponent] + arguments).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe = stdin.map { _ in Pipe() }
        process.standardInput = inPipe ?? FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        self.exited = exited
        process.terminationHandler = { _ in exited.signal() }
        if stdin != nil { _ = ignoreSIGPIPE }
        try process.run()
        out = PipeDrain(outPipe.fileHandleForReading)
        err = PipeDrain(errPipe.fileHandleForReading)
        if let inPipe, let stdin {
            let writer = inPipe.fileHandleForWriting
            Thread.detachNewThread {
                // A child that exits without reading gives EPIPE (SIGPIPE is ignored below): fine.
                try? writer.write(contentsOf: stdin)
                try? writer.close()
            }
        }
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// stdout and stderr written so far.
    public var stdoutSoFar: String { String(decoding: out.soFar, as: UTF8.self) }
    public var stderrSoFar: String { String(decoding: err.soFar, as: UTF8.self) }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits until stderr contains `text` or the child exits or `timeout` passes; true when it appeared.
    public func waitForStderr(containing text: String, timeout: TimeInterval = 60) -> Bool {
        waitUntil(timeout: timeout) { stderrSoFar.contains(text) || !isRunning } && stderrSoFar.contains(text)
    }

    /// Waits for the child to exit and for both pipes to close. Past `timeout` the child is killed
    /// (SIGKILL) and ``ProcessTimeout`` is thrown with what it had written.
    public func wait(timeout: TimeInterval = 300) throws -> ProcessResult {
        let deadline = DispatchTime.now() + timeout
        let finished = out.wait(until: deadline) && err.wait(until: deadline) && exited.wait(timeout: deadline) == .success
        if !finished {
            send(SIGKILL)
            process.waitUntilExit()
            throw ProcessTimeout(command: command, seconds: timeout, stdout: stdoutSoFar, stderr: stderrSoFar)
        }
        exited.signal()  // let a later wait pass too
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, stdoutData: out.soFar,
            stderrData: err.soFar)
    }

    /// Waits at most `timeout` for the child to exit; true when it has.
    public func waitForExit(timeout: TimeInterval) -> Bool {
        guard exited.wait(timeout: .now() + timeout) == .success else { return false }
        exited.signal()
        return true
    }
}

/// Runs a process to the end: stdout and stderr read concurrently, optional stdin, environment and
/// working folder, and a timeout after which the child is killed and ``ProcessTimeout`` thrown.
public func runProcess(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
    stdin: Data? = nil, timeout: TimeInterval = 300
) throws -> ProcessResult {
    try RunningProcess(executable: executable, arguments: arguments, directory: directory, environment: environment, stdin: stdin).wait(
        timeout: timeout)
}

/// Polls `condition` every `interval` until it holds (true) or `timeout` passes (false): for waiting
/// on an observable signal (a file appearing, a line on stderr) with a deadline, never a fixed sleep.
@discardableResult
public func waitUntil(timeout: TimeInterval, every interval: TimeInterval = 0.005, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return true }
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: interval)  // pacing of the poll only
    }
}

/// Ignore SIGPIPE in the test process, so writing stdin to a child that has exited gives an error, not death.
let ignoreSIGPIPE: Void = {
    signal(SIGPIPE, SIG_IGN)
    return ()
}()
