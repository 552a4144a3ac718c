import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Storage
import StorageTesting
import Testing

/// Operators list jobs and put dead ones back in the queue.
@Suite("Jobs API")
struct JobsAPITests {
    static func jobs(_ client: any TestClientProtocol, query: String = "") async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/admin/jobs\(query)", method: .get, headers: TestServer.operatorHeaders)
    }

    static func retry(_ client: any TestClientProtocol, _ id: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/admin/jobs/\(id)/retry", method: .post, headers: TestServer.operatorHeaders)
    }

    @Test("retrying a job that is not dead is a 409 problem", arguments: TestDatabase.available)
    func retryLiveJob(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, _ in
            // Sending a message enqueues its delivery job.
            _ = try await MessagingAPITests.send(client, try MessagingAPITests.sendBody())
            let job = try #require(try await Self.jobs(client).json(JobList.self).items.first)
            #expect(job.state != .dead)

            let response = try await Self.retry(client, job.id.uuidString)

            #expect(response.status == .conflict)
            let problem = try response.problem()
            #expect(problem.code == "jobs.not-dead")
            #expect(problem.detail.containsChinese)
        }
    }

    @Test("a limit outside 1…200 is refused as the contract says, not clamped", arguments: ["0", "201", "abc", "-5"])
    func limitOutOfRange(limit: String) async throws {
        try await TestServer.run { client, _ in
            let jobs = try await Self.jobs(client, query: "?limit=\(limit)")
            let messages = try await client.execute(
                uri: "/api/v1/admin/messages?limit=\(limit)", method: .get, headers: TestServer.operatorHeaders)

            #expect(jobs.status == .unprocessableContent)
            #expect(try jobs.problem().code == "request.bad-limit")
            #expect(messages.status == .unprocessableContent)
        }
    }

    @Test("retrying a dead job puts it back with a fresh set of attempts", arguments: TestDatabase.available)
    func retryDeadJob(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, platform in
            // No handler knows this kind, so its single attempt fails and the job dies.
            let id = try await platform.jobs.enqueue(kind: "test.no-handler", payload: ["n": "1"], maxAttempts: 1)
            let dead = try await Polling.until { () -> JobRecord? in
                let items = try await Self.jobs(client, query: "?state=dead").json(JobList.self).items
                return items.first { $0.id == id }
            }
            #expect(dead?.attempts == 1)

            let response = try await Self.retry(client, id.uuidString)

            #expect(response.status == .ok)
            let record = try response.json(JobRecord.self)
            #expect(record.id == id)
            // The worker may already have claimed it again; what matters is that it left the dead state
            // with its attempts reset (a re-claim counts at most one).
            #expect(record.attempts <= 1)
        }
    }

    @Test("a job id that is not a UUID is a 400 problem, not a 500")
    func nonUUID() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.retry(client, "not-a-uuid")

            #expect(response.status == .badRequest)
            #expect(response.contentType.hasPrefix("application/problem+json"))
            #expect(try response.problem().title.containsChinese)
        }
    }

    @Test("retrying an unknown job is a 404 problem")
    func unknownJob() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.retry(client, UUID().uuidString)

            #expect(response.status == .notFound)
            #expect(try response.problem().code == "jobs.not-found")
        }
    }

    @Test("an unknown state filter is a 422 problem listing the valid states")
    func unknownStateFilter() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.jobs(client, query: "?state=zombie")

            #expect(response.status == .unprocessableContent)
            let problem = try response.problem()
            #expect(problem.code == "jobs.bad-state")
            #expect(problem.detail.contains("dead"))
        }
    }

    @Test("the state filter narrows the list")
    func stateFilter() async throws {
        try await TestServer.run(clock: FixedClock(Date(timeIntervalSince1970: 1_741_102_200))) { client, _ in
            // At 23:30 the SMS delivery job waits for morning, so it stays ready.
            _ = try await MessagingAPITests.send(client, try MessagingAPITests.sendBody())

            let ready = try await Self.jobs(client, query: "?state=ready").json(JobList.self)
            let dead = try await Self.jobs(client, query: "?state=dead").json(JobList.self)

            #expect(!ready.items.isEmpty)
            #expect(ready.items.allSatisfy { $0.state == .ready })
            #expect(dead.items.isEmpty)
        }
    }
}

/// The body of `GET /api/v1/admin/jobs`.
struct JobList: Decodable {
    var items: [JobRecord]
    var counts: [String: Int]
}
