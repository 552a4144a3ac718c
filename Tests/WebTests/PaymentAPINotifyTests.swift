import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

@testable import Web

/// The channels' notification endpoint: forged notifications are refused in the channel's own
/// protocol (not problem+json) and change nothing; the refusal is logged for finance staff.
@Suite("Payments API: channel notifications")
struct PaymentAPINotifyTests {
    typealias API = CaseAPITests
    typealias Payments = PaymentAPITests

    /// Posts `body` to the notification endpoint of `channel` with `headers`.
    static func notify(
        _ client: any TestClientProtocol, _ channel: String, body: String, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/payments/notify/\(channel)", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("a forged sandbox notification is refused with 400 FAIL and changes nothing")
    func forged() async throws {
        try await Payments.run { client, platform, clock in
            // Setup: the payer opened the sandbox trade; the forger knows its numbers but not the key.
            let (session, caseID, _) = try await Payments.acceptedCase(client, platform)
            let (code, id) = try Payments.codeAndID(
                try await Payments.issuedOrder(client, caseID: caseID, session: session))
            _ = try await API.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", as: .nobody, json: #"{"channel":"sandbox"}"#)
            let finance = try await Payments.signIn(client, platform, as: "gaj-cw01")
            let stamp = Int(clock.now().timeIntervalSince1970)
            let forgedBody =
                #"{"outTradeNo":"\#(code)","tradeNo":"SBX\#(code)","amountFen":2000,"timestamp":\#(stamp),"nonce":"n1"}"#
            let json: HTTPFields = [.contentType: "application/json"]
            var signed = json
            signed[.init("X-Sandbox-Signature")!] = String(repeating: "0", count: 64)

            // Act
            let wrongSignature = try await Self.notify(client, "sandbox", body: forgedBody, headers: signed)
            let unsigned = try await Self.notify(client, "sandbox", body: forgedBody, headers: json)
            let unknownChannel = try await Self.notify(client, "unionpay", body: forgedBody, headers: signed)
            let oversized = try await Self.notify(
                client, "sandbox", body: String(repeating: "x", count: 64 * 1024 + 1), headers: json)
            let lookup = try await API.call(client, .get, "/api/v1/payments/orders/\(code)", as: .nobody)
            let detail = try await API.call(client, .get, "/api/v1/me/payments/\(id)", as: .person(session))
            let receipt = try await API.call(client, .get, "/api/v1/payments/orders/\(code)/receipt", as: .nobody)
            let log = try await API.call(client, .get, "/api/v1/staff/payments/notifications", as: .staff(finance))

            // Verify: the sandbox's own refusal, in plain text.
            for response in [wrongSignature, unsigned] {
                #expect(response.status == .badRequest)
                #expect(response.contentType.hasPrefix("text/plain") && response.text == "FAIL")
            }
            #expect(unknownChannel.status == .notFound && unknownChannel.contentType.hasPrefix("text/plain"))
            try API.expectProblem(oversized, 413, "payments.notification-too-large")
            // Verify: nothing changed.
            #expect(try lookup.object()["state"] as? String == "pending")
            let trades = try #require(try detail.object()["trades"] as? [[String: Any]])
            #expect(trades.map { $0["state"] as? String } == ["open"])
            try API.expectProblem(receipt, 404, "payments.receipt-not-found")
            // Verify: both refusals are logged with the reason.
            let items = try #require(try log.object()["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0["outcome"] as? String == "refused" && $0["channel"] as? String == "sandbox" })
            #expect(items.allSatisfy { ($0["reason"] as? String)?.contains("签名无效") == true })
        }
    }

    @Test("a form-encoded notification (Alipay's format) reaches the channel without a CSRF token")
    func formNotificationPassesCSRF() async throws {
        try await Payments.run { client, _, _ in
            // Setup: what Alipay posts, with no cookie and no _csrf field.
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded; charset=utf-8"]

            // Act: the sandbox cannot read a form, so its adapter refuses it in its own protocol.
            let response = try await Self.notify(
                client, "sandbox", body: "notify_id=1&out_trade_no=13010026100000000000&sign=x", headers: form)

            // Verify: the channel answered (400 FAIL), not the CSRF check (403 problem+json).
            #expect(response.status == .badRequest)
            #expect(response.text == "FAIL")
        }
    }

    @Test("header names reach the adapter in lower case; a repeated field's values are joined")
    func headersCollected() async throws {
        // Setup: a repeated field, as a proxy may add.
        var fields: HTTPFields = [.contentType: "application/json"]
        fields[values: .init("X-Sandbox-Signature")!] = ["ab", "cd"]

        // Act
        let headers = PaymentAPIRoutes.headerFields(fields)

        // Verify: names in lower case; repeated values joined as RFC 9110 allows.
        #expect(headers["x-sandbox-signature"] == "ab, cd")
        #expect(headers["content-type"] == "application/json")
    }
}
