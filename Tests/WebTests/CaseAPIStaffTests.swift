import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import Testing

/// The staff workbench API over HTTP: intake, the queue, claiming and deciding tasks, the clock
/// commands, and the one-winner rule when two clerks decide one task at once.
@Suite("Cases API: staff")
struct CaseAPIStaffTests {
    typealias API = CaseAPITests

    /// Demo staff (docs/organisation.md): username → TOTP secret; 市场监督管理局's, and 人社局's approver.
    static let secrets = [
        "scj-sl01": "SCJSLZTDEMO23456", "scj-sp01": "SCJSPAZTDEMO2345", "scj-sp02": "SCJSPBZTDEMO2345",
        "scj-admin": "SCJADMINZTDEMO23", "rsj-jy01": "RSJJYZTDEMO23456",
    ]

    /// Signs a demo staff member in through the real login pages; returns the `zt_staff` cookie value.
    static func signIn(_ client: any TestClientProtocol, _ platform: Platform, as username: String) async throws
        -> String
    {
        let first = try await IdentityPagesTests.post(
            client, "/staff/login", ["username": username, "password": OrganisationService.demoPassword])
        let challenge = try #require(OIDCRoutesTests.hiddenFields(first.text)["challenge"])
        let text = try #require(secrets[username])
        let secret = try #require(Base32.decode(text))
        let second = try await IdentityPagesTests.post(
            client, "/staff/login/code",
            ["challenge": challenge, "code": TOTP(secret: secret).code(at: platform.clock.now()), "next": "/admin"])
        let cookie = try #require(second.headers[values: .setCookie].first { $0.hasPrefix("zt_staff=") })
        return String(cookie.dropFirst("zt_staff=".count).prefix { $0 != ";" })
    }

    /// The open tasks of a case as staff see them.
    static func openTasks(_ client: any TestClientProtocol, _ id: String, staff: String) async throws
        -> [[String: Any]]
    {
        let detail = try await API.call(client, .get, "/api/v1/staff/cases/\(id)", as: .staff(staff))
        let tasks = try #require(try detail.object()["tasks"] as? [[String: Any]])
        return tasks.filter { ["open", "claimed"].contains($0["state"] as? String) }
    }

    @Test("intake accepts, the queue shows the task, a clerk claims and the case is decided to the end")
    func acceptAndDecide() async throws {
        try await API.run { client, platform in
            // setup
            let (session, id, _) = try await API.submitted(client)
            let intake = try await Self.signIn(client, platform, as: "scj-sl01")
            let first = try await Self.signIn(client, platform, as: "scj-sp01")
            let second = try await Self.signIn(client, platform, as: "scj-sp02")
            // act
            let accepted = try await API.call(
                client, .post, "/api/v1/staff/cases/\(id)/accept", as: .staff(intake), json: #"{"comment":"材料齐全"}"#)
            let queue = try await API.call(client, .get, "/api/v1/staff/cases/queue", as: .staff(first))
            let review = try #require(try await Self.openTasks(client, id, staff: first).first)
            let taskID = try #require(review["id"] as? String)
            let claimed = try await API.call(client, .post, "/api/v1/staff/tasks/\(taskID)/claim", as: .staff(first))
            let mine = try await API.call(client, .get, "/api/v1/staff/cases/queue?mine=true", as: .staff(first))
            let othersMine = try await API.call(
                client, .get, "/api/v1/staff/cases/queue?mine=true", as: .staff(second))
            let reviewed = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(taskID)/decide", as: .staff(first),
                json: #"{"decision":"approve","comment":"符合条件"}"#)
            let decideTask = try #require(try await Self.openTasks(client, id, staff: second).first)
            _ = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(try #require(decideTask["id"] as? String))/decide",
                as: .staff(second), json: #"{"decision":"approve","comment":"准予许可"}"#)
            let concludeTask = try #require(try await Self.openTasks(client, id, staff: first).first)
            let concluded = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(try #require(concludeTask["id"] as? String))/decide",
                as: .staff(first), json: #"{"decision":"approve"}"#)
            let applicantView = try await API.call(client, .get, "/api/v1/cases/\(id)", as: .person(session))
            let overdue = try await API.call(client, .get, "/api/v1/staff/cases/overdue", as: .staff(first))
            // verify
            #expect(try accepted.object()["state"] as? String == "in-progress")
            let entries = try #require(try queue.object()["items"] as? [[String: Any]])
            #expect(entries.contains { ($0["task"] as? [String: Any])?["id"] as? String == taskID })
            #expect(entries.allSatisfy { ["green", "yellow", "red", "overdue"].contains($0["colour"] as? String) })
            #expect(review["stepId"] as? String == "review")
            #expect(try claimed.object()["state"] as? String == "claimed")
            #expect(try claimed.object()["assignee"] is String)
            #expect((try mine.object()["items"] as? [[String: Any]])?.count == 1)
            #expect((try othersMine.object()["items"] as? [[String: Any]])?.isEmpty == true)
            #expect(reviewed.status == .ok)
            #expect(decideTask["stepId"] as? String == "decide")
            #expect(try concluded.object()["state"] as? String == "concluded")
            #expect(try concluded.object()["outcome"] as? String == "approved")
            let detail = try applicantView.object()
            let tasks = try #require(detail["tasks"] as? [[String: Any]])
            #expect(tasks.allSatisfy { $0["assignee"] == nil }, "applicants do not see who handled a task")
            let clocks = try #require(detail["clocks"] as? [String: Any])
            #expect((clocks["promised"] as? [String: Any])?["onTime"] as? Bool == true)
            #expect((try overdue.object()["items"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test("two clerks deciding one task at once: exactly one succeeds, the other gets 409 cases.task-decided")
    func concurrentDecide() async throws {
        try await API.run { client, platform in
            // setup
            let (_, id, _) = try await API.submitted(client)
            let intake = try await Self.signIn(client, platform, as: "scj-sl01")
            let first = try await Self.signIn(client, platform, as: "scj-sp01")
            let second = try await Self.signIn(client, platform, as: "scj-sp02")
            _ = try await API.call(client, .post, "/api/v1/staff/cases/\(id)/accept", as: .staff(intake))
            let review = try #require(try await Self.openTasks(client, id, staff: first).first)
            let taskID = try #require(review["id"] as? String)
            let revision = try #require(review["revision"] as? Int)
            let body = #"{"decision":"approve","comment":"同意","expectedRevision":\#(revision)}"#
            // act
            async let one = API.call(
                client, .post, "/api/v1/staff/tasks/\(taskID)/decide", as: .staff(first), json: body)
            async let other = API.call(
                client, .post, "/api/v1/staff/tasks/\(taskID)/decide", as: .staff(second), json: body)
            let responses = try await [one, other]
            let late = try await API.call(
                client, .post, "/api/v1/staff/tasks/\(taskID)/decide", as: .staff(second), json: body)
            // verify
            #expect(responses.filter { $0.status == .ok }.count == 1)
            let loser = try #require(responses.first { $0.status != .ok })
            try API.expectProblem(loser, 409, "cases.task-decided")
            try API.expectProblem(late, 409, "cases.task-decided")
            let open = try await Self.openTasks(client, id, staff: first)
            #expect(open.map { $0["stepId"] as? String } == ["decide"], "the review was decided once")
        }
    }

    @Test("a correction round trip: the notice, the applicant's new form and answer, then acceptance")
    func correctionRoundTrip() async throws {
        try await API.run { client, platform in
            // setup
            let (session, id, _) = try await API.submitted(client)
            let intake = try await Self.signIn(client, platform, as: "scj-sl01")
            let notice = #"{"items":[{"materialCode":"M04","materialName":"经营场所平面布局图和设备布局图","problem":"未标明加工操作流程"}]}"#
            // act
            let requested = try await API.call(
                client, .post, "/api/v1/staff/cases/\(id)/correction-request", as: .staff(intake), json: notice)
            let seen = try await API.call(client, .get, "/api/v1/cases/\(id)", as: .person(session))
            let reupload = try await API.call(
                client, .post, "/api/v1/cases/\(id)/materials?materialCode=M04&fileName=layout.pdf",
                as: .person(session), bytes: API.pdf + "v2", type: "application/pdf")
            let edited = try await API.call(
                client, .put, "/api/v1/cases/\(id)/form", as: .person(session), json: #"{"form":\#(API.foodForm)}"#)
            let answered = try await API.call(client, .post, "/api/v1/cases/\(id)/correction", as: .person(session))
            let accepted = try await API.call(client, .post, "/api/v1/staff/cases/\(id)/accept", as: .staff(intake))
            // verify
            #expect(try requested.object()["state"] as? String == "correction")
            let lines = try #require(try seen.object()["correction"] as? [[String: Any]])
            #expect(lines.map { $0["problem"] as? String } == ["未标明加工操作流程"])
            #expect(reupload.status == .created)
            #expect(edited.status == .ok)
            #expect(try answered.object()["state"] as? String == "submitted")
            #expect(try accepted.object()["state"] as? String == "in-progress")
        }
    }
}
