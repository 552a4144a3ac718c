import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// The public side of the cases API: the progress query without login and the handling figures,
/// as JSON and as the 办件统计 page with SVG charts.
@Suite("Cases API: progress and figures")
struct CaseAPIPublicTests {
    typealias API = CaseAPITests

    @Test("the progress query answers the right number and ID tail, and 404s a wrong pair")
    func progress() async throws {
        try await API.run { client, _ in
            // setup
            let (_, _, number) = try await API.submitted(client)
            let grouped = "\(number.prefix(6))-\(number.dropFirst(6).prefix(8))-\(number.suffix(8))"
            // act
            let found = try await API.call(
                client, .get, "/api/v1/cases/progress?number=\(grouped)&idTail=1233", as: .nobody)
            let wrongTail = try await API.call(
                client, .get, "/api/v1/cases/progress?number=\(number)&idTail=9999", as: .nobody)
            let badCheck = try await API.call(
                client, .get,
                "/api/v1/cases/progress?number=\(number.dropLast())\(number.last == "0" ? "1" : "0")&idTail=1233",
                as: .nobody)
            let noTail = try await API.call(client, .get, "/api/v1/cases/progress?number=\(number)", as: .nobody)
            // verify
            #expect(found.status == .ok)
            let body = try found.object()
            #expect(body["number"] as? String == number)
            #expect(body["state"] as? String == "submitted")
            #expect((body["applicantNameMasked"] as? String)?.contains("张三") == false)
            #expect((body["timeline"] as? [[String: Any]])?.map { $0["label"] as? String } == ["提交申请"])
            #expect(body["materials"] == nil && body["form"] == nil, "no personal data beyond the masked name")
            try API.expectProblem(wrongTail, 404, "cases.progress-not-found")
            try API.expectProblem(badCheck, 422, "cases.case-number-invalid-check-digit")
            try API.expectProblem(noTail, 422, "cases.id-tail")
        }
    }

    @Test("figures count a concluded case for its department and item; the page draws SVG charts")
    func figures() async throws {
        try await API.run { client, platform in
            // setup
            let (_, id, _) = try await API.submitted(client)
            let intake = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sl01")
            let approver = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sp01")
            let other = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sp02")
            _ = try await API.call(client, .post, "/api/v1/staff/cases/\(id)/accept", as: .staff(intake))
            for staff in [approver, other, approver] {
                let task = try #require(try await CaseAPIStaffTests.openTasks(client, id, staff: staff).first)
                let decided = try await API.call(
                    client, .post, "/api/v1/staff/tasks/\(try #require(task["id"] as? String))/decide",
                    as: .staff(staff), json: #"{"decision":"approve","comment":"同意"}"#)
                #expect(decided.status == .ok, "\(decided.text.prefix(300))")
            }
            // act
            let json = try await API.call(
                client, .get, "/api/v1/cases/figures?from=2026-04-01&to=2026-04-30", as: .nobody)
            let empty = try await API.call(
                client, .get, "/api/v1/cases/figures?from=2025-01-01&to=2025-01-31", as: .nobody)
            let page = try await client.execute(uri: "/services/figures?from=2026-04-01&to=2026-04-30", method: .get)
            let reversed = try await API.call(
                client, .get, "/api/v1/cases/figures?from=2026-05-01&to=2026-04-01", as: .nobody)
            let badDay = try await API.call(client, .get, "/api/v1/cases/figures?from=2026-02-30", as: .nobody)
            // verify
            let body = try json.object()
            let overall = try #require(body["overall"] as? [String: Any])
            #expect(overall["submitted"] as? Int == 1 && overall["concluded"] as? Int == 1)
            #expect(overall["onTimePromisedRate"] as? Double == 1)
            let department = try #require((body["departments"] as? [[String: Any]])?.first)
            #expect(department["name"] as? String == "市市场监督管理局")
            let item = try #require((body["items"] as? [[String: Any]])?.first)
            #expect(item["key"] as? String == API.foodPermit)
            #expect(item["rejectionRate"] as? Double == 0)
            #expect((try empty.object()["overall"] as? [String: Any])?["submitted"] as? Int == 0)
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>办件统计</h1>") && page.text.contains("市市场监督管理局"))
            #expect(page.text.contains(#"<svg class="chart" role="img""#))
            #expect(page.text.contains("各部门按时办结率") && page.text.contains("100.0%"))
            try API.expectProblem(reversed, 422, "cases.period")
            let badDayTitle = try badDay.problem().title
            #expect(badDay.status.code == 422 && badDayTitle.containsChinese)
        }
    }
}
