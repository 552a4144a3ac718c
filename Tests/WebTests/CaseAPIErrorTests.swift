import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// The applicant routes' problems (each a 4xx problem+json in Chinese), and withdrawal.
@Suite("Cases API: applicant errors")
struct CaseAPIErrorTests {
    typealias API = CaseAPITests
    typealias Caller = CaseAPITests.Caller

    @Test("bad input is a 4xx problem: unknown item, bad JSON, bad file, someone else's case, twice submitted")
    func errors() async throws {
        try await API.run { client, _ in
            // setup
            let session = try await IdentityPagesTests.signIn(client)
            let caller = Caller.person(session)
            let id = try await API.draftWithMaterials(client, as: caller)
            let register = try await IdentityPagesTests.post(client, "/register", IdentityPagesTests.li)
            let other = Caller.person(try IdentityPagesTests.token(register))
            // act
            let unknownItem = try await API.call(
                client, .post, "/api/v1/cases", as: caller, json: #"{"itemCode":"111301000000135718300011100800099"}"#)
            let badJSON = try await API.call(client, .post, "/api/v1/cases", as: caller, json: #"{"form":{}}"#)
            let wrongType = try await API.call(
                client, .post, "/api/v1/cases/\(id)/materials?materialCode=M03", as: caller, bytes: "hello",
                type: "text/plain")
            let fakePDF = try await API.call(
                client, .post, "/api/v1/cases/\(id)/materials?materialCode=M03", as: caller, bytes: "not a pdf",
                type: "application/pdf")
            let noCode = try await API.call(
                client, .post, "/api/v1/cases/\(id)/materials", as: caller, bytes: API.pdf, type: "application/pdf")
            let othersDetail = try await API.call(client, .get, "/api/v1/cases/\(id)", as: other)
            let othersSubmit = try await API.call(client, .post, "/api/v1/cases/\(id)/submit", as: other)
            let malformedID = try await API.call(client, .get, "/api/v1/cases/not-a-uuid", as: caller)
            let first = try await API.call(client, .post, "/api/v1/cases/\(id)/submit", as: caller)
            let second = try await API.call(client, .post, "/api/v1/cases/\(id)/submit", as: caller)
            let editAfter = try await API.call(
                client, .put, "/api/v1/cases/\(id)/form", as: caller, json: #"{"form":{}}"#)
            let badLimit = try await API.call(client, .get, "/api/v1/cases?limit=0", as: caller)
            // verify
            let unknownTitle = try unknownItem.problem().title
            #expect(unknownItem.status.code == 404 && unknownTitle.containsChinese)
            try API.expectProblem(badJSON, 400, "request.invalid-json")
            try API.expectProblem(wrongType, 422, "cases.material-type")
            try API.expectProblem(fakePDF, 422, "cases.material-content")
            try API.expectProblem(noCode, 422, "cases.material-code")
            try API.expectProblem(othersDetail, 404, "cases.not-found")
            try API.expectProblem(othersSubmit, 404, "cases.not-found")
            try API.expectProblem(malformedID, 404, "cases.not-found")
            #expect(first.status == .ok)
            let secondTitle = try second.problem().title
            #expect(second.status == .conflict && secondTitle.containsChinese)
            try API.expectProblem(editAfter, 409, "cases.not-editable")
            try API.expectProblem(badLimit, 422, "request.bad-limit")
        }
    }

    @Test("a submitted case can be withdrawn, once")
    func withdraw() async throws {
        try await API.run { client, _ in
            // setup
            let (session, id, _) = try await API.submitted(client)
            // act
            let withdrawn = try await API.call(
                client, .post, "/api/v1/cases/\(id)/withdraw", as: .person(session), json: #"{"reason":"信息填错"}"#)
            let again = try await API.call(client, .post, "/api/v1/cases/\(id)/withdraw", as: .person(session))
            // verify
            #expect(withdrawn.status == .ok)
            #expect(try withdrawn.object()["state"] as? String == "withdrawn")
            #expect(again.status == .conflict)
        }
    }
}
