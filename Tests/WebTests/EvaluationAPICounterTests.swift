import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Testing

/// The window's evaluation device (评价器): the clerk records a counter visit and gets a one-time
/// code; the device shows the service without personal data and takes one rating per code.
@Suite("Evaluation API: counter device")
struct EvaluationAPICounterTests {
    typealias API = CaseAPITests
    typealias Fixture = EvaluationAPITests

    @Test("a counter code rates once, shows nothing personal, and a newer code voids the older")
    func rateOnce() async throws {
        try await Fixture.run { client, platform in
            // Setup: a submitted food-permit case and 市市场监督管理局's counter clerk.
            let (_, caseID, _) = try await API.submitted(client)
            let clerk = try await StaffLogin.signIn(client, platform, as: "scj-sl01")
            let visit = "/api/v1/staff/cases/\(caseID)/counter-rating"

            // Act
            let blankWindow = try await API.call(client, .post, visit, as: .staff(clerk), json: #"{"window":"  "}"#)
            let first = try await API.call(client, .post, visit, as: .staff(clerk), json: #"{"window":"3号窗口"}"#)
            let second = try await API.call(client, .post, visit, as: .staff(clerk), json: #"{"window":"5号窗口"}"#)
            let firstCode = try #require(try first.object()["code"] as? String)
            let code = try #require(try second.object()["code"] as? String)
            let voided = try await API.call(client, .get, "/api/v1/evaluation/counter/\(firstCode)", as: .nobody)
            let shown = try await API.call(client, .get, "/api/v1/evaluation/counter/\(code)", as: .nobody)
            let onlineKey = try await API.call(
                client, .post, "/api/v1/evaluation/counter/\(code)", as: .nobody,
                json: #"{"level":4,"scores":{"ease-of-use":3}}"#)
            let rated = try await API.call(
                client, .post, "/api/v1/evaluation/counter/\(code)", as: .nobody,
                json: #"{"level":4,"scores":{"attitude":5}}"#)
            let again = try await API.call(
                client, .post, "/api/v1/evaluation/counter/\(code)", as: .nobody, json: #"{"level":1,"comment":"差"}"#)
            let afterRating = try await API.call(client, .post, visit, as: .staff(clerk), json: #"{"window":"3号窗口"}"#)
            let board = try await API.call(
                client, .get, "/api/v1/evaluation/scoreboard?dimension=window", as: .nobody)

            // Verify: the visit and its codes.
            try API.expectProblem(blankWindow, 422, "evaluation.window")
            #expect(first.status == .ok, "\(first.text.prefix(300))")
            let rating = try #require(try second.object()["rating"] as? [String: Any])
            #expect(rating["channel"] as? String == "counter" && rating["serviceWindow"] as? String == "5号窗口")
            #expect(rating["indicatorSet"] as? String == "counter-v1" && rating["raterAccount"] == nil)
            #expect(code != firstCode && code.count >= 32)
            try API.expectProblem(voided, 404, "evaluation.counter-code")
            // Verify: the device sees the service and the counter indicators, nothing of the case.
            let device = try shown.object()
            #expect(device["itemName"] as? String == "食品经营许可（新办）")
            #expect(device["departmentName"] as? String == "市市场监督管理局" && device["open"] as? Bool == true)
            let keys = (device["indicators"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
            #expect(keys == ["overall", "efficiency", "competence", "attitude"])
            #expect(device["caseId"] == nil && device["caseNumber"] == nil && device["raterAccount"] == nil)
            // Verify: one rating per code.
            try API.expectProblem(onlineKey, 422, "evaluation.indicator")
            #expect(rated.status == .ok, "\(rated.text.prefix(300))")
            let ratedBody = try rated.object()
            #expect(ratedBody["level"] as? Int == 4 && ratedBody["open"] as? Bool == false)
            try API.expectProblem(again, 404, "evaluation.counter-code")
            try API.expectProblem(afterRating, 409, "evaluation.already-rated")
            let line = try #require((try board.object()["lines"] as? [[String: Any]])?.first)
            #expect(line["key"] as? String == "5号窗口" && line["name"] as? String == "5号窗口")
            #expect((line["tally"] as? [String: Any])?["byLevel"] as? [Int] == [0, 0, 0, 1, 0])
        }
    }

    @Test("staff of another bureau cannot open a counter rating for the case")
    func otherBureau() async throws {
        try await Fixture.run { client, platform in
            // Setup
            let (_, caseID, _) = try await API.submitted(client)
            let foreign = try await StaffLogin.signIn(client, platform, as: "gaj-sl01")

            // Act
            let response = try await API.call(
                client, .post, "/api/v1/staff/cases/\(caseID)/counter-rating", as: .staff(foreign),
                json: #"{"window":"1号窗口"}"#)
            let malformed = try await API.call(
                client, .post, "/api/v1/staff/cases/not-a-case/counter-rating", as: .staff(foreign),
                json: #"{"window":"1号窗口"}"#)

            // Verify
            try API.expectProblem(response, 404, "evaluation.not-found")
            try API.expectProblem(malformed, 404, "cases.not-found")
        }
    }
}
