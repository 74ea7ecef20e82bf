import Foundation

/// Runs a producer on a second thread and hands what it makes, in order, to the calling thread,
/// so that reading rows (SQLite, snippets) and writing them (formatting, hashing, output) use
/// two cores.
///
/// At most `depth` batches of `batchSize` items wait between the two, so memory stays flat
/// however many items there are. The producer learns that the consumer stopped (it returned false
/// or threw) from `emit` returning false.
package enum RowPipeline {
    /// Calls `produce` on a new thread and `consume` on this one with each item `produce` emits,
    /// in order. Returns when both are done; rethrows the consumer's error, else the producer's.
    package static func run<Item: Sendable>(
        batchSize: Int = 256, depth: Int = 4,
        produce: (_ emit: (Item) -> Bool) throws -> Void,
        consume: (Item) throws -> Bool
    ) throws {
        let channel = Channel<Item>(depth: depth)
        try withoutActuallyEscaping(produce) { produce in
            // The thread lets go of `produce` before it says it finished, so `produce` never
            // outlives this call (withoutActuallyEscaping checks it).
            let thread = producerThread(Job(produce), channel: channel, batchSize: batchSize) {}
            thread.start()
            var consumerError: (any Error)?
            while let batch = channel.take() {
                do {
                    for item in batch where try !consume(item) {
                        channel.cancel()
                        break
                    }
                } catch {
                    consumerError = error
                    channel.cancel()
                }
            }
            // take() returns nil only once the producer has finished: nothing runs `produce` now.
            if let consumerError { throw consumerError }
            if let failure = channel.failure { throw failure }
        }
    }

    /// Runs each of `producers` on a thread of its own and calls `consume` on this one with all
    /// their items merged in order: each producer must emit its items in `precedes` order, and
    /// `consume` gets them in that order across producers (the least of their next items first).
    /// Returns when all are done; rethrows the consumer's error, else the first producer's.
    package static func merge<Item: Sendable>(
        producers: [(_ emit: (Item) -> Bool) throws -> Void],
        precedes: (Item, Item) -> Bool,
        batchSize: Int = 256, depth: Int = 4,
        consume: (Item) throws -> Bool
    ) throws {
        if producers.count == 1 {
            return try run(batchSize: batchSize, depth: depth, produce: producers[0], consume: consume)
        }
        // Each producer in a pipeline of its own, whose consumer is a queue this thread drains.
        let channels = producers.map { _ in Channel<Item>(depth: depth) }
        do {
            var threads: [Thread] = []
            let done = DispatchGroup()
            for (index, produce) in producers.enumerated() {
                done.enter()
                threads.append(producerThread(Job(produce), channel: channels[index], batchSize: batchSize) { done.leave() })
            }
            for thread in threads { thread.start() }
            // The head batch of each producer and the position in it.
            var heads: [[Item]] = channels.map { $0.take() ?? [] }
            var positions = Array(repeating: 0, count: channels.count)
            var consumerError: (any Error)?
            func cancelAll() { for channel in channels { channel.cancel() } }
            outer: while true {
                var best = -1
                for k in heads.indices where positions[k] < heads[k].count {
                    if best < 0 || precedes(heads[k][positions[k]], heads[best][positions[best]]) { best = k }
                }
                guard best >= 0 else { break }
                let item = heads[best][positions[best]]
                positions[best] += 1
                do {
                    if try !consume(item) {
                        cancelAll()
                        break outer
                    }
                } catch {
                    consumerError = error
                    cancelAll()
                    break outer
                }
                if positions[best] == heads[best].count {
                    heads[best] = channels[best].take() ?? []
                    positions[best] = 0
                }
            }
            // Every producer has finished before this returns (they hold `producers`).
            done.wait()
            if let consumerError { throw consumerError }
            for channel in channels { if let failure = channel.failure { throw failure } }
        }
    }

    /// A thread (not started) that runs `job`, hands its items to `channel` in batches, lets go
    /// of the job, says it finished (with the error if it failed), then calls `exit`.
    private static func producerThread<Item>(
        _ job: Job<Item>, channel: Channel<Item>, batchSize: Int, exit: @escaping @Sendable () -> Void
    ) -> Thread {
        let thread = Thread {
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            do {
                try job.run { item in
                    batch.append(item)
                    if batch.count >= batchSize {
                        guard channel.put(batch) else { return false }
                        batch.removeAll(keepingCapacity: true)
                    }
                    return true
                }
                if !batch.isEmpty { _ = channel.put(batch) }
                job.release()
                channel.finish(nil)
            } catch {
                job.release()
                channel.finish(error)
            }
            exit()
        }
        thread.stackSize = 1 << 20
        return thread
    }

    /// The producer, handed to its thread; only that thread uses it, and drops it when done.
    private final class Job<Item>: @unchecked Sendable {
        private var body: (((Item) -> Bool) throws -> Void)?

        init(_ body: @escaping ((Item) -> Bool) throws -> Void) {
            self.body = body
        }

        func run(_ emit: (Item) -> Bool) throws {
            try body?(emit)
        }

        func release() {
            body = nil
        }
    }

    /// The bounded queue of batches between the two threads.
    private final class Channel<Item>: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [[Item]] = []
        private var finished = false
        private var cancelled = false
        private let depth: Int
        private(set) var failure: (any Error)?

        init(depth: Int) {
            self.depth = depth
        }

        /// Queues a batch, waiting for room; false when the consumer stopped.
        func put(_ batch: [Item]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while batches.count >= depth && !cancelled { condition.wait() }
            if cancelled { return false }
            batches.append(batch)
            condition.broadcast()
            return true
        }

        /// The producer is done (with `error` if it failed).
        func finish(_ error: (any Error)?) {
            condition.lock()
            failure = error
            finished = true
            condition.broadcast()
            condition.unlock()
        }

        /// The consumer stopped: drop what waits and let the producer return.
        func cancel() {
            condition.lock()
            cancelled = true
            batches.removeAll()
            condition.broadcast()
            condition.unlock()
        }

        /// The next batch; nil once the producer has finished and nothing is left (or after cancel,
        /// once the producer has finished).
        func take() -> [Item]? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if !cancelled, !batches.isEmpty {
                    let batch = batches.removeFirst()
                    condition.broadcast()
                    return batch
                }
                if finished { return nil }
                condition.wait()
            }
        }
    }
}
