import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Messaging
import StorageTesting
import Testing

/// Operators send templated messages through the API; the API validates in Chinese and masks phones.
@Suite("Messaging API")
struct MessagingAPITests {
    /// A send request body; the contract requires every field, `urgent` included.
    static func sendBody(
        channel: String = "sms", recipient: String = "13812340000", template: String = "platform.verification-code",
        parameters: [String: String] = ["code": "135790", "minutes": "5"], urgent: Bool = false
    ) throws -> ByteBuffer {
        let object: [String: Any] = [
            "channel": channel, "recipient": recipient, "template": template, "parameters": parameters,
            "urgent": urgent,
        ]
        return ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    static func send(_ client: any TestClientProtocol, _ body: ByteBuffer) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/admin/messages", method: .post, headers: TestServer.operatorJSONHeaders, body: body)
    }

    @Test("an SMS from a template is accepted (202), masked, and listed", arguments: TestDatabase.available)
    func sendSMS(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, _ in
            let response = try await Self.send(client, try Self.sendBody())

            #expect(response.status == .accepted)
            let record = try response.json(MessageRecord.self)
            #expect(record.recipientMasked == "138****0000")
            #expect(record.channel == .sms)
            #expect(record.body == "您的验证码是135790，5分钟内有效。请勿告诉他人。")
            // The clock is pinned to 10:00 Beijing time, outside quiet hours: due at once.
            #expect(record.createdAt == TestServer.daytime)
            #expect(record.scheduledAt == TestServer.daytime)
            #expect(!response.text.contains("13812340000"), "the clear number must never leave the server")

            let list = try await client.execute(
                uri: "/api/v1/admin/messages", method: .get, headers: TestServer.operatorHeaders)
            #expect(list.status == .ok)
            #expect(!list.text.contains("13812340000"))
            let items = try list.json(MessageList.self).items
            #expect(items.contains { $0.id == record.id && $0.recipientMasked == "138****0000" })

            let single = try await client.execute(
                uri: "/api/v1/admin/messages/\(record.id.uuidString)", method: .get,
                headers: TestServer.operatorHeaders)
            #expect(single.status == .ok)
            #expect(try single.json(MessageRecord.self).id == record.id)
        }
    }

    @Test("a non-urgent SMS sent at night waits for 08:00 Beijing time")
    func quietHours() async throws {
        // 23:30 on 4 March 2025 in Beijing.
        let night = Date(timeIntervalSince1970: 1_741_102_200)
        try await TestServer.run(clock: FixedClock(night)) { client, _ in
            let response = try await Self.send(client, try Self.sendBody())

            #expect(response.status == .accepted)
            let record = try response.json(MessageRecord.self)
            // 08:00 on 5 March 2025 in Beijing is 00:00 UTC.
            #expect(record.scheduledAt == Date(timeIntervalSince1970: 1_741_132_800))
        }
    }

    @Test(
        "an invalid phone number is a 422 problem in Chinese",
        arguments: ["12345", "1381234000", "23812340000", "1381234abcd"]
    )
    func invalidPhone(phone: String) async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.send(client, try Self.sendBody(recipient: phone))

            #expect(response.status == .unprocessableContent)
            #expect(response.contentType.hasPrefix("application/problem+json"))
            let problem = try response.problem()
            #expect(problem.code == "messaging.bad-phone")
            #expect(problem.title.containsChinese)
            #expect(problem.detail.containsChinese)
        }
    }

    @Test("an unknown template is a 404 problem")
    func unknownTemplate() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.send(client, try Self.sendBody(template: "platform.no-such-template"))

            #expect(response.status == .notFound)
            let problem = try response.problem()
            #expect(problem.code == "messaging.unknown-template")
            #expect(problem.detail.contains("platform.no-such-template"))
        }
    }

    @Test("an unknown parameter is a 422 problem naming it")
    func unknownParameter() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.send(
                client, try Self.sendBody(parameters: ["code": "1", "minutes": "5", "colour": "red"]))

            #expect(response.status == .unprocessableContent)
            let problem = try response.problem()
            #expect(problem.code == "messaging.unknown-parameter")
            #expect(problem.detail.contains("colour"))
        }
    }

    @Test("a missing parameter is a 422 problem naming it")
    func missingParameter() async throws {
        try await TestServer.run { client, _ in
            let response = try await Self.send(client, try Self.sendBody(parameters: ["code": "1"]))

            #expect(response.status == .unprocessableContent)
            let problem = try response.problem()
            #expect(problem.code == "messaging.missing-parameter")
            #expect(problem.detail.contains("minutes"))
        }
    }

    @Test("nothing is stored when a send is refused", arguments: TestDatabase.available)
    func refusedSendLeavesNoTrace(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, _ in
            let before = try await client.execute(
                uri: "/api/v1/admin/messages", method: .get, headers: TestServer.operatorHeaders)
            let count = try before.json(MessageList.self).items.count

            _ = try await Self.send(client, try Self.sendBody(recipient: "000"))
            _ = try await Self.send(client, try Self.sendBody(template: "nope"))

            let after = try await client.execute(
                uri: "/api/v1/admin/messages", method: .get, headers: TestServer.operatorHeaders)
            #expect(try after.json(MessageList.self).items.count == count)
        }
    }

    @Test("an unknown message id is a 404 problem; a malformed one is a 400")
    func unknownMessage() async throws {
        try await TestServer.run { client, _ in
            let missing = try await client.execute(
                uri: "/api/v1/admin/messages/\(UUID().uuidString)", method: .get, headers: TestServer.operatorHeaders)
            let malformed = try await client.execute(
                uri: "/api/v1/admin/messages/42", method: .get, headers: TestServer.operatorHeaders)

            #expect(missing.status == .notFound)
            #expect(try missing.problem().code == "messaging.not-found")
            #expect(malformed.status == .badRequest)
            #expect(malformed.contentType.hasPrefix("application/problem+json"))
        }
    }
}

/// The body of `GET /api/v1/admin/messages`.
struct MessageList: Decodable {
    var items: [MessageRecord]
}
