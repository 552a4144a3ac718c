import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

/// The operators' jobs page: dead jobs by default, and a retry button that posts and comes back.
@Suite("Jobs page")
struct JobsPageTests {
    static var basic: HTTPFields {
        [.authorization: "Basic " + Data("operator:\(TestServer.operatorToken)".utf8).base64EncodedString()]
    }

    @Test("a dead job is listed on the page and its retry posts back with 303")
    func retryFromPage() async throws {
        try await TestServer.run { client, platform in
            let id = try await platform.jobs.enqueue(kind: "test.page-no-handler", payload: ["n": "1"], maxAttempts: 1)
            let died = try await Polling.until { () -> Bool? in
                try await platform.jobs.find(id: id)?.state == .dead ? true : nil
            }
            #expect(died == true)

            let page = try await client.execute(uri: "/admin/jobs", method: .get, headers: Self.basic)
            #expect(page.status == .ok)
            #expect(page.text.contains("test.page-no-handler"))

            var headers = Self.basic
            headers.append(contentsOf: TestServer.formHeaders)
            let response = try await client.execute(
                uri: "/admin/jobs/\(id.uuidString)/retry", method: .post, headers: headers,
                body: ByteBuffer(string: "_csrf=" + TestServer.csrf))

            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/admin/jobs?state=ready")
            #expect(try await platform.jobs.find(id: id)?.attempts ?? 99 <= 1)
        }
    }

    @Test("an unknown state on the page is a Chinese error page, not a 500")
    func badStateOnPage() async throws {
        try await TestServer.run { client, _ in
            var headers = Self.basic
            headers[.accept] = "text/html"

            let response = try await client.execute(uri: "/admin/jobs?state=zombie", method: .get, headers: headers)

            #expect(response.status == .unprocessableContent)
            #expect(response.contentType.hasPrefix("text/html"))
            #expect(response.text.contains("任务状态不正确"))
        }
    }
}
