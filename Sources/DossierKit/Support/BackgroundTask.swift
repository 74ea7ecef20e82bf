import Dispatch

/// A value computed on another thread; ``value()`` waits for it the first time and returns it at
/// once after. Used for a batch that loads while the index writer stores the one before, and for
/// an index fingerprint read while an export starts.
package final class BackgroundTask<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once on the worker before `done` is signalled; read only after waiting for it.
    private var result: Value?
    // Read and written by the caller's thread only.
    private var waited = false

    /// Runs `work` on `queue`.
    package init(on queue: DispatchQueue = .global(), _ work: @escaping @Sendable () -> Value) {
        queue.async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Blocks until the value is computed.
    package func value() -> Value {
        if !waited {
            done.wait()
            waited = true
        }
        return result!
    }
}
