import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Testing

/// Who may call the evaluation API: staff routes answer 401 without a staff session and 403 to
/// the operator token; the person's routes answer 401 to anyone but a signed-in person; bad list
/// parameters are 400.
@Suite("Evaluation API: access")
struct EvaluationAPIAccessTests {
    typealias API = CaseAPITests
    typealias Fixture = EvaluationAPITests

    static let someID = "0B7E6C1A-9D2F-4C53-8A61-3F2D9E4B7C10"

    /// Every staff operation, with a body where it takes one.
    static let staffRoutes: [(HTTPRequest.Method, String, String?)] = [
        (.get, "/api/v1/staff/evaluation/ratings", nil),
        (.post, "/api/v1/staff/cases/\(someID)/counter-rating", #"{"window":"3号窗口"}"#),
        (.get, "/api/v1/staff/evaluation/rectifications", nil),
        (.get, "/api/v1/staff/evaluation/rectifications/\(someID)", nil),
        (.post, "/api/v1/staff/evaluation/rectifications/\(someID)/callback", #"{"verified":false,"note":"已回访"}"#),
        (.post, "/api/v1/staff/evaluation/rectifications/\(someID)/answer", #"{"feedback":"已整改完毕"}"#),
        (.post, "/api/v1/staff/evaluation/rectifications/\(someID)/appeal-decision", #"{"upheld":false,"note":"不成立"}"#),
        (.post, "/api/v1/staff/evaluation/rectifications/\(someID)/contact", nil),
        (.get, "/api/v1/staff/evaluation/messages", nil),
        (.post, "/api/v1/staff/evaluation/messages", #"{"kind":"consultation"}"#),
        (.get, "/api/v1/staff/evaluation/messages/\(someID)", nil),
        (.post, "/api/v1/staff/evaluation/messages/\(someID)/answer", #"{"answer":"答复内容"}"#),
        (.post, "/api/v1/staff/evaluation/messages/\(someID)/faq", #"{"question":"问题","answer":"解答"}"#),
        (.delete, "/api/v1/staff/evaluation/faq/\(someID)", nil),
        (.get, "/api/v1/staff/evaluation/demands", nil),
        (.post, "/api/v1/staff/evaluation/demands/\(someID)/response", #"{"state":"done","response":"已实现"}"#),
    ]

    /// Every operation of the person's own.
    static let personRoutes: [(HTTPRequest.Method, String, String?)] = [
        (.get, "/api/v1/me/ratings", nil),
        (.post, "/api/v1/me/ratings/\(someID)", #"{"level":5}"#),
        (.get, "/api/v1/me/ratings/\(someID)/rectification", nil),
        (.post, "/api/v1/me/rectifications/\(someID)/accept", nil),
        (.post, "/api/v1/me/rectifications/\(someID)/appeal", #"{"reason":"理由充分的申诉"}"#),
        (.get, "/api/v1/me/messages", nil),
        (.post, "/api/v1/me/messages", #"{"kind":"suggestion"}"#),
        (.get, "/api/v1/me/messages/\(someID)", nil),
        (.post, "/api/v1/me/messages/\(someID)/feedback", #"{"level":5}"#),
        (.get, "/api/v1/me/demands", nil),
        (.post, "/api/v1/me/demands", #"{"theme":"other","content":"希望新增服务"}"#),
    ]

    @Test("staff routes: 401 for nobody and for a person, 403 for the operator token")
    func staffOnly() async throws {
        try await Fixture.run { client, _ in
            // Setup
            let session = try await IdentityPagesTests.signIn(client)

            for (method, path, json) in Self.staffRoutes {
                // Act
                let nobody = try await API.call(client, method, path, as: .nobody, json: json)
                let person = try await API.call(client, method, path, as: .person(session), json: json)
                let operatorToken = try await API.call(client, method, path, as: .operatorToken, json: json)

                // Verify
                try API.expectProblem(nobody, 401, "auth.staff-required", "\(method) \(path)")
                try API.expectProblem(person, 401, "auth.staff-required", "\(method) \(path)")
                try API.expectProblem(operatorToken, 403, "auth.staff-required", "\(method) \(path)")
            }
        }
    }

    @Test("the person's routes: 401 with WWW-Authenticate for nobody, a bad token and the operator")
    func personOnly() async throws {
        try await Fixture.run { client, platform in
            // Setup
            let staff = try await StaffLogin.signIn(client, platform, as: "scj-admin")

            for (method, path, json) in Self.personRoutes {
                // Act
                let nobody = try await API.call(client, method, path, as: .nobody, json: json)
                let forged = try await API.call(client, method, path, as: .bearer("not-a-token"), json: json)
                let operatorToken = try await API.call(client, method, path, as: .operatorToken, json: json)
                let staffCookie = try await API.call(client, method, path, as: .staff(staff), json: json)

                // Verify
                for response in [nobody, forged, operatorToken, staffCookie] {
                    try API.expectProblem(response, 401, "auth.person-required", "\(method) \(path)")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
        }
    }

    @Test("malformed ids are not found; bad list parameters are 400; a bad body is 400 before any lookup")
    func badParameters() async throws {
        try await Fixture.run { client, platform in
            // Setup
            let session = try await IdentityPagesTests.signIn(client)
            let admin = try await StaffLogin.signIn(client, platform, as: "scj-admin")

            // Act
            let badID = try await API.call(client, .get, "/api/v1/me/messages/12345", as: .person(session))
            let unknown = try await API.call(
                client, .get, "/api/v1/me/ratings/\(Self.someID)/rectification", as: .person(session))
            let badLimit = try await API.call(client, .get, "/api/v1/me/ratings?limit=0", as: .person(session))
            let hugeLimit = try await API.call(
                client, .get, "/api/v1/me/demands?limit=99999999999999999999", as: .person(session))
            let badFlag = try await API.call(
                client, .get, "/api/v1/staff/evaluation/ratings?bad=maybe", as: .staff(admin))
            let badState = try await API.call(
                client, .get, "/api/v1/staff/evaluation/rectifications?state=lost", as: .staff(admin))
            let badLevel = try await API.call(
                client, .post, "/api/v1/me/ratings/\(Self.someID)", as: .person(session), json: #"{"level":7}"#)
            let noKind = try await API.call(
                client, .post, "/api/v1/me/messages", as: .person(session), json: #"{"title":"标题","content":"内容"}"#)
            let badDepartment = try await API.call(
                client, .post, "/api/v1/me/demands", as: .person(session),
                json: #"{"theme":"other","departmentId":"x","content":"希望新增服务"}"#)
            let emptyList = try await API.call(client, .get, "/api/v1/staff/evaluation/ratings", as: .staff(admin))

            // Verify
            try API.expectProblem(badID, 404, "evaluation.not-found")
            try API.expectProblem(unknown, 404, "evaluation.not-found")
            try API.expectProblem(badLimit, 400, "request.bad-limit")
            try API.expectProblem(hugeLimit, 400, "request.bad-limit")
            try API.expectProblem(badFlag, 400, "request.bad-flag")
            try API.expectProblem(badState, 400, "request.bad-state")
            try API.expectProblem(badLevel, 400, "request.invalid-json")
            try API.expectProblem(noKind, 400, "request.invalid-json")
            try API.expectProblem(badDepartment, 400, "request.invalid-json")
            #expect(emptyList.status == .ok)
            #expect(try Fixture.items(emptyList).isEmpty)
        }
    }
}
