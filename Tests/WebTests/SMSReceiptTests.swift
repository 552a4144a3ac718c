import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Messaging
import StorageTesting
import Testing

/// The SMS gateway reports delivery with HMAC-SHA256 signed callbacks; only genuine, fresh ones count.
@Suite("SMS delivery receipts")
struct SMSReceiptTests {
    static let path = "/api/v1/messaging/sms-receipts"

    /// Headers as the gateway would sign them at `now` with `secret`.
    static func signedHeaders(
        body: [UInt8], now: Date, secret: String = TestServer.smsSecret, nonce: String = UUID().uuidString
    ) -> HTTPFields {
        let signer = GatewaySignature(keyID: "zhengtong", secret: secret)
        let timestamp = String(Int(now.timeIntervalSince1970))
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[.init("X-ZT-Key-Id")!] = signer.keyID
        headers[.init("X-ZT-Timestamp")!] = timestamp
        headers[.init("X-ZT-Nonce")!] = nonce
        headers[.init("X-ZT-Signature")!] = signer.sign(
            method: "POST", path: path, timestamp: timestamp, nonce: nonce, body: body)
        return headers
    }

    static func receipt(_ providerID: String, status: String = "delivered") -> [UInt8] {
        Array(#"{"providerMessageId":"\#(providerID)","status":"\#(status)"}"#.utf8)
    }

    @Test("a correctly signed receipt for an unknown provider id is a 404 problem", arguments: TestDatabase.available)
    func unknownProviderID(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, platform in
            let body = Self.receipt("dev-unknown")

            let response = try await client.execute(
                uri: Self.path, method: .post, headers: Self.signedHeaders(body: body, now: platform.clock.now()),
                body: ByteBuffer(bytes: body))

            #expect(response.status == .notFound)
            let problem = try response.problem()
            #expect(problem.code == "messaging.unknown-provider-id")
            #expect(problem.detail.contains("dev-unknown"))
        }
    }

    @Test("a receipt signed with the wrong secret is a 401 problem")
    func wrongSecret() async throws {
        try await TestServer.run { client, platform in
            let body = Self.receipt("dev-unknown")
            let headers = Self.signedHeaders(body: body, now: platform.clock.now(), secret: "not-the-gateway-secret")

            let response = try await client.execute(
                uri: Self.path, method: .post, headers: headers, body: ByteBuffer(bytes: body))

            #expect(response.status == .unauthorized)
            #expect(try response.problem().code == "messaging.bad-signature")
        }
    }

    @Test("a receipt whose body was changed after signing is a 401 problem")
    func tamperedBody() async throws {
        try await TestServer.run { client, platform in
            let headers = Self.signedHeaders(body: Self.receipt("dev-a"), now: platform.clock.now())

            let response = try await client.execute(
                uri: Self.path, method: .post, headers: headers, body: ByteBuffer(bytes: Self.receipt("dev-b")))

            #expect(response.status == .unauthorized)
        }
    }

    @Test("a receipt signed more than five minutes ago is a 401 problem")
    func staleTimestamp() async throws {
        try await TestServer.run { client, platform in
            let body = Self.receipt("dev-unknown")
            let headers = Self.signedHeaders(body: body, now: platform.clock.now().addingTimeInterval(-301))

            let response = try await client.execute(
                uri: Self.path, method: .post, headers: headers, body: ByteBuffer(bytes: body))

            #expect(response.status == .unauthorized)
        }
    }

    @Test("an unsigned receipt is a 401 problem")
    func unsigned() async throws {
        try await TestServer.run { client, _ in
            let response = try await client.execute(
                uri: Self.path, method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: Self.receipt("dev-unknown")))

            #expect(response.status == .unauthorized)
            #expect(response.contentType.hasPrefix("application/problem+json"))
        }
    }

    @Test("a signed receipt with an unknown status is a 422 problem")
    func badStatus() async throws {
        try await TestServer.run { client, platform in
            let body = Self.receipt("dev-unknown", status: "lost")

            let response = try await client.execute(
                uri: Self.path, method: .post, headers: Self.signedHeaders(body: body, now: platform.clock.now()),
                body: ByteBuffer(bytes: body))

            #expect(response.status == .unprocessableContent)
            #expect(try response.problem().code == "messaging.bad-receipt")
        }
    }

    @Test("a signed receipt for a sent SMS marks it delivered", arguments: TestDatabase.available)
    func deliveredReceipt(kind: TestDatabase) async throws {
        try await TestServer.run(on: kind) { client, platform in
            let accepted = try await MessagingAPITests.send(client, try MessagingAPITests.sendBody())
            let id = try accepted.json(MessageRecord.self).id
            // The development gateway hands out a provider id once the delivery job has run.
            let sent = try await Polling.until { () -> MessageRecord? in
                let record = try await client.execute(
                    uri: "/api/v1/admin/messages/\(id.uuidString)", method: .get, headers: TestServer.operatorHeaders
                ).json(MessageRecord.self)
                return record.status == .sent ? record : nil
            }
            let providerID = try #require(sent?.providerMessageID)
            let body = Self.receipt(providerID)

            let response = try await client.execute(
                uri: Self.path, method: .post, headers: Self.signedHeaders(body: body, now: platform.clock.now()),
                body: ByteBuffer(bytes: body))

            #expect(response.status == .ok)
            #expect(try response.object()["status"] as? String == "recorded")
            let after = try await client.execute(
                uri: "/api/v1/admin/messages/\(id.uuidString)", method: .get, headers: TestServer.operatorHeaders)
            #expect(try after.json(MessageRecord.self).status == .delivered)
        }
    }
}
