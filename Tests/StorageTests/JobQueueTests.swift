import Foundation
import Kernel
import Logging
import SQLKit
import Storage
import StorageTesting
import Synchronization
import Testing

@Suite("Job queue")
struct JobQueueTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let logger = Logger(label: "test")

    struct Failing: Error {}

    @Test("a job is not claimed before its run-at time", arguments: TestDatabase.available)
    func runAt(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            // setup
            let clock = FixedClock(Self.start)
            let queue = JobQueue(database: database, clock: clock)
            try await queue.enqueue(kind: "k", payload: ["a": "b"], runAt: Self.start.addingTimeInterval(60))
            // act
            let early = try await queue.claim(limit: 10, worker: "w")
            clock.advance(by: 61)
            let due = try await queue.claim(limit: 10, worker: "w")
            // verify
            #expect(early.isEmpty)
            #expect(due.count == 1)
            #expect(due.first?.attempt == 1)
            #expect(try due.first?.decode([String: String].self) == ["a": "b"])
        }
    }

    @Test(
        "failures back off, then the job is dead, and an operator retry revives it", arguments: TestDatabase.available)
    func backoffAndDeadLetter(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            // setup
            let clock = FixedClock(Self.start)
            let queue = JobQueue(
                database: database, clock: clock, backoff: Backoff(base: .seconds(10), cap: .seconds(100)))
            let id = try await queue.enqueue(kind: "k", payload: [String: String](), maxAttempts: 3)
            // act: attempt 1 fails
            let first = try await queue.claim(limit: 1, worker: "w")
            try await queue.fail(first[0], worker: "w", error: Failing())
            let immediately = try await queue.claim(limit: 1, worker: "w")
            clock.advance(by: 10)
            let second = try await queue.claim(limit: 1, worker: "w")
            try await queue.fail(second[0], worker: "w", error: Failing())
            clock.advance(by: 20)
            let third = try await queue.claim(limit: 1, worker: "w")
            try await queue.fail(third[0], worker: "w", error: Failing())
            let record = try await queue.find(id: id)
            // verify
            #expect(immediately.isEmpty)
            #expect(second.first?.attempt == 2)
            #expect(third.first?.isLastAttempt == true)
            #expect(record?.state == .dead)
            #expect(record?.lastError?.contains("Failing") == true)
            // act: operator retry
            #expect(try await queue.retry(id: id))
            let revived = try await queue.claim(limit: 1, worker: "w")
            #expect(revived.first?.attempt == 1)
        }
    }

    @Test("a permanent error goes to the dead letters at once", arguments: TestDatabase.available)
    func permanent(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            let queue = JobQueue(database: database, clock: FixedClock(Self.start))
            let id = try await queue.enqueue(kind: "k", payload: [String: String]())
            let job = try await queue.claim(limit: 1, worker: "w")[0]
            try await queue.fail(job, worker: "w", error: JobError.permanent("bad"))
            #expect(try await queue.find(id: id)?.state == .dead)
            #expect(try await queue.counts()[.dead] == 1)
        }
    }

    @Test("a job whose worker died is claimed again after its lease", arguments: TestDatabase.available)
    func leaseExpiry(kind: TestDatabase) async throws {
        try await kind.withDatabase { database in
            let clock = FixedClock(Self.start)
            let queue = JobQueue(database: database, clock: clock)
            try await queue.enqueue(kind: "k", payload: [String: String]())
            _ = try await queue.claim(limit: 1, worker: "dead-worker", lease: .seconds(30))
            let during = try await queue.claim(limit: 1, worker: "w2")
            clock.advance(by: 31)
            let after = try await queue.claim(limit: 1, worker: "w2")
            #expect(during.isEmpty)
            #expect(after.first?.attempt == 2)
        }
    }

    @Test("backoff doubles from the base and stops at the cap")
    func backoffCurve() {
        let backoff = Backoff(base: .seconds(5), cap: .seconds(60))
        #expect(backoff.delay(afterAttempt: 1, jitter: 1) == .seconds(5))
        #expect(backoff.delay(afterAttempt: 3, jitter: 1) == .seconds(20))
        #expect(backoff.delay(afterAttempt: 10, jitter: 1) == .seconds(60))
        #expect(backoff.delay(afterAttempt: 3, jitter: 0) == .seconds(10))
    }

    @Test("two worker instances process 5,000 jobs, each exactly once", arguments: TestDatabase.available)
    func twoWorkersExactlyOnce(kind: TestDatabase) async throws {
        try await kind.withDatabases(instances: 2) { databases in
            // setup
            let total = 5_000
            let queues = databases.map { JobQueue(database: $0, clock: SystemClock()) }
            try await databases[0].transaction { tx in
                for index in 0..<total {
                    try await queues[0].enqueue(kind: "count", payload: ["n": index], in: tx)
                }
            }
            let runs = Mutex([Int: Int]())
            let handler = JobHandler(kind: "count") { job in
                let n = try job.decode([String: Int].self)["n"]!
                runs.withLock { $0[n, default: 0] += 1 }
            }
            let workers = queues.enumerated().map { index, queue in
                JobWorker(
                    queue: queue, handlers: [handler], name: "worker-\(index)", concurrency: 16, logger: Self.logger)
            }
            // act: both workers drain the queue concurrently
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in workers {
                    group.addTask {
                        while try await worker.runBatch() > 0 {}
                    }
                }
                try await group.waitForAll()
            }
            // verify
            let counts = try await queues[0].counts()
            let seen = runs.withLock { $0 }
            #expect(seen.count == total)
            #expect(seen.values.allSatisfy { $0 == 1 })
            #expect(counts[.succeeded] == total)
        }
    }
}

@Suite("Start gate")
struct StartGateTests {
    @Test("a worker whose gate never opens stops when cancelled instead of hanging")
    func cancelledWhileWaiting() async throws {
        let gate = StartGate()
        let task = Task { await gate.wait() }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await task.value
        #expect(!gate.isOpen)
    }

    @Test("opening the gate releases every waiter")
    func opening() async {
        let gate = StartGate()
        async let first: Void = gate.wait()
        async let second: Void = gate.wait()
        gate.open()
        _ = await (first, second)
        #expect(gate.isOpen)
    }
}
