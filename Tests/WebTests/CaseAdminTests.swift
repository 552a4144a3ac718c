import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// 办理流程 for operators and catalog staff: the list and detail pages with the SVG diagram, and
/// the definition as JSON and SVG.
@Suite("Case process admin")
struct CaseAdminTests {
    typealias API = CaseAPITests

    @Test("the operator lists the processes and reads one with its steps, rules and diagram")
    func pages() async throws {
        try await API.run { client, _ in
            // act
            let list = try await client.execute(
                uri: "/admin/processes", method: .get, headers: TestServer.operatorHeaders)
            let detail = try await client.execute(
                uri: "/admin/processes/food-business-permit", method: .get, headers: TestServer.operatorHeaders)
            let unknown = try await client.execute(
                uri: "/admin/processes/no-such-process", method: .get, headers: TestServer.operatorHeaders)
            let anonymous = try await client.execute(uri: "/admin/processes", method: .get)
            // verify
            #expect(list.status == .ok)
            #expect(list.text.contains(#"href="/admin/processes/food-business-permit""#))
            #expect(list.text.contains(#"href="/admin/processes/default""#) && list.text.contains("默认流程"))
            #expect(detail.status == .ok)
            for text in ["现场核查", "2人签：3个分支中2个同意", "经营场所面积（平方米） &gt; 500", "初审", "10个自然日", "<svg"] {
                #expect(detail.text.contains(text), "\(text)")
            }
            // The branches of 现场核查 are a list, and the process names the items it serves.
            #expect(detail.text.contains("适用事项：<code>"))
            #expect(detail.text.range(of: #"<ul><li>[^<]+</li><li>"#, options: .regularExpression) != nil)
            #expect(unknown.status == .notFound)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("the definition as the documented JSON and the diagram as SVG; staff need a catalog permission")
    func api() async throws {
        try await API.run { client, platform in
            // setup
            let reviewer = try await StaffLogin.signIn(client, platform, as: "review01")
            let window = try await StaffLogin.signIn(client, platform, as: "window01")
            // act
            let json = try await API.call(
                client, .get, "/api/v1/processes/food-business-permit", as: .operatorToken)
            let svg = try await API.call(
                client, .get, "/api/v1/processes/food-business-permit/diagram.svg?revision=1", as: .staff(reviewer))
            let forbidden = try await API.call(
                client, .get, "/api/v1/processes/food-business-permit", as: .staff(window))
            let anonymous = try await API.call(client, .get, "/api/v1/processes/food-business-permit", as: .nobody)
            let unknownRevision = try await API.call(
                client, .get, "/api/v1/processes/food-business-permit?revision=99", as: .operatorToken)
            let badRevision = try await API.call(
                client, .get, "/api/v1/processes/food-business-permit?revision=x", as: .operatorToken)
            // verify
            #expect(json.status == .ok)
            let body = try json.object()
            #expect(body["format"] as? String == "zhengtong.process/1")
            #expect(body["id"] as? String == "food-business-permit")
            #expect(
                (body["steps"] as? [[String: Any]])?.map { $0["id"] as? String }.contains("site-inspection") == true)
            #expect(svg.status == .ok && svg.contentType.hasPrefix("image/svg+xml"))
            #expect(svg.text.hasPrefix("<svg") && svg.text.contains("现场核查"))
            try API.expectProblem(forbidden, 403, "auth.permission-required")
            try API.expectProblem(anonymous, 401, "auth.staff-required")
            try API.expectProblem(unknownRevision, 404, "cases.process-not-found")
            try API.expectProblem(badRevision, 422, "cases.process-revision")
        }
    }
}
