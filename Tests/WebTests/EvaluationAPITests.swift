import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import StorageTesting
import Testing

/// The public part of the evaluation API over HTTP against the real application with the demo
/// catalog: the scoreboard and its query validation, the indicator sets, the demand summary, and
/// malformed input answered as 400 problems. The clock is pinned to Tuesday 2026-04-28 10:00 in
/// Beijing (the cases tests' moment); the shared helpers of the evaluation API suites live here.
@Suite("Evaluation API: public")
struct EvaluationAPITests {
    typealias API = CaseAPITests

    /// 食品经营许可（新办） of 市市场监督管理局.
    static let foodPermit = CaseAPITests.foodPermit

    /// A test server with the demo catalog on `kind`, its clock at the pinned moment.
    static func run(
        on kind: TestDatabase = .sqlite, _ body: @Sendable (any TestClientProtocol, Platform) async throws -> Void
    ) async throws {
        try await TestServer.run(on: kind, demoCatalog: true, clock: FixedClock(API.start), body)
    }

    /// The demo citizen's food-permit case approved to its conclusion, and the online rating the
    /// outbox opens for it once `cases.case-concluded` is delivered. Returns (session, case id, rating id).
    static func ratableCase(_ client: any TestClientProtocol, _ platform: Platform) async throws
        -> (session: String, caseID: String, ratingID: String)
    {
        let (session, caseID) = try await LicensePageTests.approvedCase(client, platform)
        let ratingID = try await Polling.until { () -> String? in
            let mine = try await API.call(client, .get, "/api/v1/me/ratings", as: .person(session))
            let items = try mine.object()["items"] as? [[String: Any]] ?? []
            let rating = items.first { ($0["caseId"] as? String)?.lowercased() == caseID.lowercased() }
            return rating?["id"] as? String
        }
        return (session, caseID, try #require(ratingID, "no rating was opened for case \(caseID)"))
    }

    /// The objects of a list answer's `items`.
    static func items(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try response.object()["items"] as? [[String: Any]], "\(response.text.prefix(300))")
    }

    @Test("the scoreboard of an empty period: the last 30 days by department, nothing counted, no rates")
    func emptyScoreboard() async throws {
        try await Self.run { client, _ in
            // Act
            let board = try await API.call(client, .get, "/api/v1/evaluation/scoreboard", as: .nobody)
            let byWindow = try await API.call(
                client, .get, "/api/v1/evaluation/scoreboard?dimension=window&from=2026-01-01&to=2026-04-28",
                as: .nobody)
            let firstDays = try await API.call(
                client, .get, "/api/v1/evaluation/scoreboard?to=0001-01-05", as: .nobody)

            // Verify: the default period ends today (2026-04-28 in Beijing) and spans 30 days.
            #expect(board.status == .ok && board.contentType.hasPrefix("application/json"))
            let body = try board.object()
            #expect(body["dimension"] as? String == "department" && body["dimensionLabel"] as? String == "部门")
            #expect(body["from"] as? String == "2026-03-30" && body["to"] as? String == "2026-04-28")
            #expect((body["lines"] as? [Any])?.isEmpty == true)
            let overall = try #require(body["overall"] as? [String: Any])
            #expect(overall["byLevel"] as? [Int] == [0, 0, 0, 0, 0] && overall["total"] as? Int == 0)
            #expect(overall["satisfactionPerMille"] == nil && overall["averageLevelHundredths"] == nil)
            let window = try byWindow.object()
            #expect(window["dimension"] as? String == "window" && window["from"] as? String == "2026-01-01")
            // A default period never starts before the first day a request may name.
            let early = try firstDays.object()
            #expect(early["from"] as? String == "0001-01-01" && early["to"] as? String == "0001-01-05")
        }
    }

    @Test(
        "bad scoreboard and summary queries are 400 problems in Chinese",
        arguments: [
            ("/api/v1/evaluation/scoreboard?dimension=city", "request.bad-dimension"),
            ("/api/v1/evaluation/scoreboard?from=2026-02-30", "calendar.invalid-day"),
            ("/api/v1/evaluation/scoreboard?to=2026/04/28", "calendar.invalid-day"),
            ("/api/v1/evaluation/scoreboard?from=%3Cscript%3E", "calendar.invalid-day"),
            ("/api/v1/evaluation/scoreboard?department=not-a-uuid", "request.bad-department"),
            ("/api/v1/evaluation/scoreboard?from=2026-04-28&to=2026-04-01", "evaluation.period"),
            ("/api/v1/evaluation/scoreboard?from=2000-01-01&to=2026-04-28", "evaluation.period"),
            ("/api/v1/evaluation/demands/summary?from=2026-13-01", "calendar.invalid-day"),
            ("/api/v1/evaluation/demands/summary?department=1", "request.bad-department"),
            ("/api/v1/evaluation/demands/summary?from=2026-04-28&to=2026-04-27", "evaluation.period"),
        ])
    func badQueries(path: String, code: String) async throws {
        try await Self.run { client, _ in
            // Act
            let response = try await API.call(client, .get, path, as: .nobody)

            // Verify
            try API.expectProblem(response, 400, code, path)
        }
    }

    @Test("the indicator sets: online and counter, overall first; an item without FAQ lists none")
    func indicatorSets() async throws {
        try await Self.run { client, _ in
            // Act
            let sets = try await API.call(client, .get, "/api/v1/evaluation/indicator-sets", as: .nobody)
            let faq = try await API.call(
                client, .get, "/api/v1/evaluation/items/\(Self.foodPermit)/faq", as: .nobody)
            let summary = try await API.call(
                client, .get, "/api/v1/evaluation/demands/summary?from=2026-04-01&to=2026-04-28", as: .nobody)

            // Verify: the sets of GB/T 39735 as the domain defines them.
            let items = try Self.items(sets)
            #expect(items.map { $0["key"] as? String } == ["online-v1", "counter-v1"])
            #expect(items.map { $0["channel"] as? String } == ["online", "counter"])
            let online = try #require(items.first?["indicators"] as? [[String: Any]])
            #expect(
                online.map { $0["key"] as? String } == [
                    "overall", "efficiency", "guide-accuracy", "convenience", "ease-of-use",
                ])
            #expect(online.first?["label"] as? String == "总体评价")
            #expect(try Self.items(faq).isEmpty)
            let body = try summary.object()
            #expect(body["from"] as? String == "2026-04-01" && (body["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(
        "malformed bodies to the counter device are 400, never 500",
        arguments: [
            "", "{", "null", "[]", #"{"level":6}"#, #"{"level":0}"#, #"{"level":"5"}"#, #"{"level":4.5}"#,
            #"{"comment":"好"}"#, #"{"level":5,"scores":{"efficiency":9}}"#, #"{"level":5,"scores":[5]}"#,
            #"{"level":99999999999999999999999}"#,
        ])
    func malformedCounterBodies(json: String) async throws {
        try await Self.run { client, _ in
            // Act
            let response = try await API.call(
                client, .post, "/api/v1/evaluation/counter/unknown-code", as: .nobody, json: json)

            // Verify
            try API.expectProblem(response, 400, "request.invalid-json", json)
        }
    }

    @Test("an unknown counter code is not found, whatever it looks like")
    func unknownCounterCode() async throws {
        try await Self.run { client, _ in
            // Act
            let plain = try await API.call(client, .get, "/api/v1/evaluation/counter/abc", as: .nobody)
            let long = try await API.call(
                client, .get, "/api/v1/evaluation/counter/" + String(repeating: "Z", count: 2000), as: .nobody)
            let rated = try await API.call(
                client, .post, "/api/v1/evaluation/counter/%E4%B8%AD%27%3B--", as: .nobody, json: #"{"level":5}"#)

            // Verify
            try API.expectProblem(plain, 404, "evaluation.counter-code")
            try API.expectProblem(long, 404, "evaluation.counter-code")
            try API.expectProblem(rated, 404, "evaluation.counter-code")
        }
    }
}
