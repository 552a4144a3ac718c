import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Errors reach programs as Chinese RFC 9457 problems and people as Chinese pages, never as a bare 500.
@Suite("Error responses")
struct ErrorResponseTests {
    @Test("a malformed JSON body is a 400 problem in Chinese that quotes the request id")
    func malformedJSON() async throws {
        try await TestServer.run { client, _ in
            var headers = TestServer.operatorJSONHeaders
            headers[.init("X-Request-ID")!] = "req-malformed-1"

            let response = try await client.execute(
                uri: "/api/v1/admin/messages", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"channel": "sms", "recipient": "#))

            #expect(response.status == .badRequest)
            #expect(response.contentType.hasPrefix("application/problem+json"))
            let problem = try response.problem()
            #expect(problem.status == 400)
            #expect(problem.code == "request.invalid-json")
            #expect(problem.title.containsChinese)
            #expect(problem.detail.containsChinese)
            #expect(problem.requestId == "req-malformed-1")
            #expect(problem.instance == "/api/v1/admin/messages")
        }
    }

    @Test("an unknown /api/ path is a 404 problem, not a page")
    func unknownAPIPath() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/api/v1/no-such-thing", method: .get)

            #expect(response.status == .notFound)
            #expect(response.contentType.hasPrefix("application/problem+json"))
            let problem = try response.problem()
            #expect(problem.status == 404)
            #expect(problem.title.containsChinese)
            #expect(problem.requestId?.isEmpty == false)
        }
    }

    @Test("an unknown page is a 404 page in Chinese")
    func unknownPage() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(
                uri: "/no-such-page", method: .get, headers: [.accept: "text/html,application/xhtml+xml"])

            #expect(response.status == .notFound)
            #expect(response.contentType.hasPrefix("text/html"))
            #expect(response.text.contains(#"<html lang="zh-CN""#))
            #expect(response.text.contains("页面不存在"))
        }
    }

    @Test("a JSON-accepting client gets a problem for an unknown page too")
    func unknownPageForJSONClient() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(
                uri: "/no-such-page", method: .get, headers: [.accept: "application/json"])

            #expect(response.status == .notFound)
            #expect(response.contentType.hasPrefix("application/problem+json"))
        }
    }

    @Test("a body over 1 MiB is refused with a 413 problem")
    func bodyTooLarge() async throws {
        try await TestServer.run { client, _ in
            let oversized = ByteBuffer(repeating: UInt8(ascii: " "), count: (1 << 20) + 1)

            let response = try await client.execute(
                uri: "/api/v1/admin/messages", method: .post, headers: TestServer.operatorJSONHeaders,
                body: oversized)

            #expect(response.status == .contentTooLarge)
            #expect(response.contentType.hasPrefix("application/problem+json"))
            let problem = try response.problem()
            #expect(problem.status == 413)
            #expect(problem.detail.containsChinese)
        }
    }

    @Test("a body of exactly 1 MiB is still read (and then judged on its content)")
    func bodyAtLimit() async throws {
        try await TestServer.run { client, _ in
            let atLimit = ByteBuffer(repeating: UInt8(ascii: " "), count: 1 << 20)

            let response = try await client.execute(
                uri: "/api/v1/admin/messages", method: .post, headers: TestServer.operatorJSONHeaders, body: atLimit)

            // Whitespace only is not JSON: 400, proving the size check let it through.
            #expect(response.status == .badRequest)
        }
    }

    @Test("a sane X-Request-ID is echoed", arguments: ["abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e"])
    func requestIDEchoed(id: String) async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(
                uri: "/healthz", method: .get, headers: [.init("X-Request-ID")!: id])

            #expect(response.headers[.init("X-Request-ID")!] == id)
        }
    }

    @Test(
        "an insane X-Request-ID is replaced by a fresh UUID",
        arguments: ["has space", "semi;colon", String(repeating: "a", count: 65), "中文编号", "<script>"])
    func requestIDReplaced(id: String) async throws {
        try await TestServer.run { client, _ in
            var headers = HTTPFields()
            headers[.init("X-Request-ID")!] = id

            let response = try await client.execute(uri: "/healthz", method: .get, headers: headers)

            let echoed = try #require(response.headers[.init("X-Request-ID")!])
            #expect(echoed != id)
            #expect(UUID(uuidString: echoed) != nil)
        }
    }

    @Test("a request without X-Request-ID gets one, and the problem quotes the same id")
    func requestIDGenerated() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: "/api/v1/nothing", method: .get)

            let id = try #require(response.headers[.init("X-Request-ID")!])
            #expect(UUID(uuidString: id) != nil)
            #expect(try response.problem().requestId == id)
        }
    }

    @Test(
        "security headers are on pages, API answers and errors alike",
        arguments: ["/", "/healthz", "/no-such-page", "/api/v1/admin/jobs"])
    func securityHeaders(path: String) async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(uri: path, method: .get)

            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'self'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
            #expect(response.headers[.init("Referrer-Policy")!] == "same-origin")
        }
    }

    @Test(
        "none of the provoked errors is a 500",
        arguments: [
            ("/api/v1/admin/messages", HTTPRequest.Method.post, "{"),
            (
                "/api/v1/admin/messages", .post,
                #"{"channel":"fax","recipient":"x","template":"t","parameters":{},"urgent":false}"#
            ),
            ("/api/v1/admin/messages", .post, "[]"),
            ("/api/v1/admin/jobs/not-a-uuid/retry", .post, ""),
            ("/api/v1/admin/messages/not-a-uuid", .get, ""),
            ("/api/v1/admin/jobs?state=bogus", .get, ""),
            ("/api/v1/admin/jobs?limit=abc", .get, ""),
            ("/api/v1/messaging/sms-receipts", .post, "not json"),
            ("/healthz", .delete, ""),
            ("/preferences/elderly", .post, "garbage"),
        ])
    func noServerErrors(path: String, method: HTTPRequest.Method, body: String) async throws {
        try await TestServer.run { client, _ in
            var headers = TestServer.operatorJSONHeaders
            if path.hasPrefix("/preferences") { headers[.contentType] = "application/x-www-form-urlencoded" }

            let response = try await client.execute(
                uri: path, method: method, headers: headers, body: ByteBuffer(string: body))

            #expect(response.status.code < 500, "\(method) \(path) answered \(response.status)")
        }
    }
}

/// A known path asked with a method it does not serve.
@Suite("Method not allowed")
struct MethodNotAllowedTests {
    @Test("a wrong method on a known path is 405 with Allow, not 404")
    func wrongMethod() async throws {
        try await TestServer.run { client, _ in
            let health = try await client.execute(uri: "/healthz", method: .delete)
            let messages = try await client.execute(
                uri: "/api/v1/admin/messages/1d7c6c1e-0000-4000-8000-000000000000", method: .put,
                headers: TestServer.operatorHeaders)
            let unknown = try await client.execute(uri: "/api/v1/nothing-here", method: .delete)

            #expect(health.status == .methodNotAllowed)
            #expect(health.headers[.allow] == "GET")
            #expect(try health.problem().title == "不支持的请求方法")
            #expect(messages.status == .methodNotAllowed)
            #expect(messages.headers[.allow] == "GET")
            #expect(unknown.status == .notFound)
        }
    }
}
