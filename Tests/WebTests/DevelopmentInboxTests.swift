import Foundation
import Hummingbird
import HummingbirdTesting
import StorageTesting
import Testing

/// `/dev/messages` shows what the development SMS gateway "sent": in demo mode only.
@Suite("Development inbox")
struct DevelopmentInboxTests {
    @Test("demo mode lists a sent SMS, masked", arguments: TestDatabase.available)
    func listsInDemo(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, _ in
            let sent = try await MessagingAPITests.send(
                client,
                try MessagingAPITests.sendBody(
                    recipient: "13912345678", template: "platform.notice",
                    parameters: ["title": "停水通知", "content": "人民路明日停水。"]))
            #expect(sent.status == .accepted)

            let page = try await client.execute(uri: "/dev/messages", method: .get)

            #expect(page.status == .ok)
            #expect(page.contentType.hasPrefix("text/html"))
            #expect(page.text.contains("停水通知"))
            #expect(page.text.contains("139****5678"))
            #expect(!page.text.contains("13912345678"))
        }
    }

    @Test("production mode hides the development inbox (404)")
    func hiddenInProduction() async throws {
        try await TestServer.run(demo: false) { client, _ in
            let page = try await client.execute(uri: "/dev/messages", method: .get, headers: [.accept: "text/html"])

            #expect(page.status == .notFound)
            #expect(page.text.contains("页面不存在"))
        }
    }

    @Test("production mode loads no demo messages")
    func noDemoSeedsInProduction() async throws {
        try await TestServer.run(demo: false) { client, _ in
            let list = try await client.execute(
                uri: "/api/v1/admin/messages", method: .get, headers: TestServer.operatorHeaders)

            #expect(list.status == .ok)
            #expect(try list.json(MessageList.self).items.isEmpty)
        }
    }
}
