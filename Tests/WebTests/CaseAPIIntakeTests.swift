import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// Intake and clock commands of the workbench API, and its problems.
@Suite("Cases API: intake and clock")
struct CaseAPIIntakeTests {
    typealias API = CaseAPITests

    @Test("intake and clock commands: reject, 容缺受理, pause, resume, extend, and their 422 problems")
    func intakeAndClock() async throws {
        try await API.run { client, platform in
            // setup
            let (_, rejectedID, _) = try await API.submitted(client)
            let (_, id, _) = try await API.submitted(client)
            let intake = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sl01")
            let approver = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sp01")
            let staffIntake = CaseAPITests.Caller.staff(intake)
            let staffApprover = CaseAPITests.Caller.staff(approver)
            // act
            let noReason = try await API.call(
                client, .post, "/api/v1/staff/cases/\(rejectedID)/reject", as: staffIntake, json: "{}")
            let rejected = try await API.call(
                client, .post, "/api/v1/staff/cases/\(rejectedID)/reject", as: staffIntake,
                json: #"{"reason":"不属于本部门职权范围"}"#)
            let badDue = try await API.call(
                client, .post, "/api/v1/staff/cases/\(id)/accept-pending", as: staffIntake,
                json: #"{"materials":["M01"],"promise":"五日内补交","due":"2026-13-01"}"#)
            let pending = try await API.call(
                client, .post, "/api/v1/staff/cases/\(id)/accept-pending", as: staffIntake,
                json: #"{"materials":["M01"],"promise":"五日内补交","due":"2026-05-06"}"#)
            let badPause = try await API.call(
                client, .post, "/api/v1/staff/cases/\(id)/pause", as: staffApprover,
                json: #"{"reason":"correction","comment":"x"}"#)
            let paused = try await API.call(
                client, .post, "/api/v1/staff/cases/\(id)/pause", as: staffApprover,
                json: #"{"reason":"special-procedure","comment":"组织专家评审"}"#)
            let resumed = try await API.call(client, .post, "/api/v1/staff/cases/\(id)/resume", as: staffApprover)
            let badExtend = try await API.call(
                client, .post, "/api/v1/staff/cases/\(id)/extend", as: staffApprover,
                json: #"{"days":0,"reason":"情况复杂"}"#)
            let extended = try await API.call(
                client, .post, "/api/v1/staff/cases/\(id)/extend", as: staffApprover,
                json: #"{"days":5,"reason":"情况复杂，需延期"}"#)
            let detail = try await API.call(client, .get, "/api/v1/staff/cases/\(id)", as: staffApprover)
            // verify
            try API.expectProblem(noReason, 422, "cases.text-required", "reject without a reason")
            #expect(try rejected.object()["state"] as? String == "rejected")
            let badDueTitle = try badDue.problem().title
            #expect(badDue.status.code == 422 && badDueTitle.containsChinese)
            #expect(try pending.object()["state"] as? String == "in-progress")
            try API.expectProblem(badPause, 422, "cases.pause-reason")
            #expect(try paused.object()["state"] as? String == "paused")
            #expect(try resumed.object()["state"] as? String == "in-progress")
            try API.expectProblem(badExtend, 422, "cases.extension-days")
            #expect(extended.status == .ok)
            let body = try detail.object()
            #expect(body["pendingMaterials"] as? [String] == ["M01"])
            let promised = try #require((body["clocks"] as? [String: Any])?["promised"] as? [String: Any])
            #expect(promised["extensionDays"] as? Int == 5)
        }
    }

    @Test("staff routes: 401 without a staff session, 403 for the operator, 404 and 422 problems")
    func staffErrors() async throws {
        try await API.run { client, platform in
            // setup
            let (session, id, _) = try await API.submitted(client)
            let approver = try await CaseAPIStaffTests.signIn(client, platform, as: "scj-sp01")
            let unknown = UUID().uuidString
            // act
            let anonymous = try await API.call(client, .get, "/api/v1/staff/cases/queue", as: .nobody)
            let citizen = try await API.call(client, .post, "/api/v1/staff/cases/\(id)/accept", as: .person(session))
            let operatorToken = try await API.call(client, .get, "/api/v1/staff/cases/overdue", as: .operatorToken)
            let unknownCase = try await API.call(client, .get, "/api/v1/staff/cases/\(unknown)", as: .staff(approver))
            let unknownTask = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(unknown)/claim", as: .staff(approver))
            let badFlag = try await API.call(
                client, .get, "/api/v1/staff/cases/queue?mine=perhaps", as: .staff(approver))
            let badDecision = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(unknown)/decide", as: .staff(approver),
                json: #"{"decision":"maybe"}"#)
            let returnNowhere = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(unknown)/decide", as: .staff(approver),
                json: #"{"decision":"return"}"#)
            // verify
            try API.expectProblem(anonymous, 401, "auth.staff-required")
            try API.expectProblem(citizen, 401, "auth.staff-required")
            try API.expectProblem(operatorToken, 403, "auth.staff-required")
            try API.expectProblem(unknownCase, 404, "cases.not-found")
            try API.expectProblem(unknownTask, 404, "cases.task-not-found")
            try API.expectProblem(badFlag, 422, "request.bad-flag")
            try API.expectProblem(badDecision, 422, "cases.bad-decision")
            try API.expectProblem(returnNowhere, 422, "cases.return-target")
        }
    }
}
