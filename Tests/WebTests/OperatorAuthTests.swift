import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The operator credential guards `/admin` and `/api/v1/admin/*`: Bearer for programs, Basic for browsers.
@Suite("Operator authentication")
struct OperatorAuthTests {
    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test("the jobs API without credentials is a 401 problem asking for a Bearer token")
    func apiWithoutCredentials() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/api/v1/admin/jobs", method: .get)

            #expect(response.status == .unauthorized)
            #expect(response.contentType.hasPrefix("application/problem+json"))
            let problem = try response.problem()
            #expect(problem.code == "auth.operator-required")
            #expect(problem.detail.containsChinese)
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
        }
    }

    @Test(
        "wrong credentials are refused like missing ones",
        arguments: [
            "Bearer wrong-token", "Bearer ", "Token \(TestServer.operatorToken)",
            OperatorAuthTests.basic("admin", TestServer.operatorToken),
            OperatorAuthTests.basic("operator", "wrong"), "Basic !!!not-base64",
        ])
    func wrongCredentials(header: String) async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(
                uri: "/api/v1/admin/jobs", method: .get, headers: [.authorization: header])

            #expect(response.status == .unauthorized)
        }
    }

    @Test("the jobs API with the Bearer token answers 200 with items and counts per state")
    func apiWithBearer() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(
                uri: "/api/v1/admin/jobs", method: .get, headers: TestServer.operatorHeaders)

            #expect(response.status == .ok)
            let body = try response.object()
            #expect(body["items"] is [Any])
            let counts = try #require(body["counts"] as? [String: Int])
            #expect(Set(counts.keys) == ["ready", "running", "succeeded", "dead"])
        }
    }

    @Test("the jobs page without credentials is a 401 that makes browsers ask (Basic)")
    func pageWithoutCredentials() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(
                uri: "/admin/jobs", method: .get, headers: [.accept: "text/html"])

            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic ") == true)
            #expect(response.text.containsChinese)
        }
    }

    @Test("the jobs page with Basic operator:<token> renders HTML")
    func pageWithBasic() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(
                uri: "/admin/jobs", method: .get,
                headers: [.accept: "text/html", .authorization: Self.basic("operator", TestServer.operatorToken)])

            #expect(response.status == .ok)
            #expect(response.contentType.hasPrefix("text/html"))
            #expect(response.text.contains(#"<html lang="zh-CN""#))
            #expect(response.text.contains("后台任务"))
        }
    }

    @Test("public routes need no credentials")
    func publicRoutesOpen() async throws {
        try await TestServer.run { client, _ in
            for path in ["/", "/healthz", "/openapi.json"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
            }
        }
    }
}
