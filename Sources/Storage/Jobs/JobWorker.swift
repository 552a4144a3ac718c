public import Foundation
public import Logging
public import ServiceLifecycle

/// Claims due jobs and runs them with their handlers until graceful shutdown.
public struct JobWorker: Service {
    /// This worker's name in `locked_by`; unique per process.
    public let name: String
    private let queue: JobQueue
    private let handlers: [String: JobHandler]
    private let concurrency: Int
    private let pollInterval: Duration
    private let logger: Logger
    private let gate: StartGate

    /// Creates a worker for `handlers`.
    public init(
        queue: JobQueue, handlers: [JobHandler], name: String = "worker-\(UUID().uuidString.prefix(8))",
        concurrency: Int = 4, pollInterval: Duration = .milliseconds(500), gate: StartGate = StartGate(open: true),
        logger: Logger
    ) {
        self.queue = queue
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        self.name = name
        self.concurrency = max(1, concurrency)
        self.pollInterval = pollInterval
        self.logger = logger
        self.gate = gate
    }

    /// Works until graceful shutdown; a claimed batch always finishes first.
    public func run() async throws {
        // Graceful shutdown or a failed start-up must not leave the service waiting forever.
        await cancelWhenGracefulShutdown { await gate.wait() }
        guard gate.isOpen else { return }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let ran: Int
            do {
                ran = try await runBatch()
            } catch {
                logger.error("job claim failed", metadata: ["error": "\(error)"])
                ran = 0
            }
            if ran == 0 {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
            }
        }
    }

    /// Claims and runs one batch; returns how many jobs ran.
    @discardableResult
    public func runBatch() async throws -> Int {
        let jobs = try await queue.claim(limit: concurrency, worker: name)
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { await execute(job) }
            }
        }
        return jobs.count
    }

    private func execute(_ job: Job) async {
        do {
            guard let handler = handlers[job.kind] else { throw JobError.noHandler(job.kind) }
            try await handler.run(job)
            try await queue.complete(job, worker: name)
        } catch {
            logger.warning(
                "job failed",
                metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempt)", "error": "\(error)"])
            do {
                try await queue.fail(job, worker: name, error: error)
            } catch {
                // The lease runs out and another claim retries the job.
                logger.error("could not record job failure", metadata: ["job": "\(job.id)", "error": "\(error)"])
            }
        }
    }
}
