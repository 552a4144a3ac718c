import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// 缴款码缴费 without logging in: the lookup by payment code, the sandbox checkout and payment, the
/// receipt by code and the public receipt verifier.
@Suite("Payments API: pay by code")
struct PaymentAPIPublicTests {
    typealias API = CaseAPITests
    typealias Payments = PaymentAPITests

    /// Well-formed codes that no order has: the ISO 7064 MOD 11,10 check digits were computed apart,
    /// with a few lines of Python (pure-system hybrid recursion, p = 10).
    static let unknownCodes = ["13010026100000000007", "13010026101234567895"]

    /// A public JSON call, as nobody.
    static func call(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, json: String? = nil
    ) async throws -> TestResponse {
        try await API.call(client, method, path, as: .nobody, json: json)
    }

    @Test("a malformed payment code is a 400 problem in Chinese; a well-formed unknown one is 404")
    func malformedAndUnknown() async throws {
        try await API.run { client, _ in
            // Setup: too short, a wrong check digit, letters.
            let malformed = ["1301002610000000000", "13010026100000000008", "abcdefghijabcdefghij"]

            // Act
            var lookups: [TestResponse] = []
            var receipts: [TestResponse] = []
            var checkouts: [TestResponse] = []
            for code in malformed {
                lookups.append(try await Self.call(client, .get, "/api/v1/payments/orders/\(code)"))
                receipts.append(try await Self.call(client, .get, "/api/v1/payments/orders/\(code)/receipt"))
                checkouts.append(
                    try await Self.call(
                        client, .post, "/api/v1/payments/orders/\(code)/checkout", json: #"{"channel":"sandbox"}"#))
            }
            var unknown: [TestResponse] = []
            for code in Self.unknownCodes {
                unknown.append(try await Self.call(client, .get, "/api/v1/payments/orders/\(code)"))
                unknown.append(try await Self.call(client, .get, "/api/v1/payments/orders/\(code)/receipt"))
            }

            // Verify
            for (index, response) in (lookups + receipts + checkouts).enumerated() {
                try API.expectProblem(response, 400, "payments.bad-code", "malformed #\(index)")
                #expect(try response.problem().detail.contains("20位数字"))
            }
            for response in unknown {
                try API.expectProblem(response, 404, "payments.not-found")
            }
        }
    }

    @Test("sandbox checkout and payment: the order is paid once, the case moves on, the receipt verifies")
    func sandboxPayment() async throws {
        try await Payments.run { client, platform, _ in
            // Setup
            let (session, caseID, _) = try await Payments.acceptedCase(client, platform)
            let (code, id) = try Payments.codeAndID(
                try await Payments.issuedOrder(client, caseID: caseID, session: session))
            let finance = try await Payments.signIn(client, platform, as: "gaj-cw01")

            // Act: look up, choose the sandbox twice, pay twice (the second notification repeats the first).
            let lookup = try await Self.call(client, .get, "/api/v1/payments/orders/\(code)")
            let checkout = try await Self.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", json: #"{"channel":"sandbox"}"#)
            let again = try await Self.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", json: #"{"channel":" sandbox "}"#)
            let receiptBefore = try await Self.call(client, .get, "/api/v1/payments/orders/\(code)/receipt")
            let paid = try await Self.call(client, .post, "/api/v1/payments/sandbox/\(code)/pay")
            let repeated = try await Self.call(client, .post, "/api/v1/payments/sandbox/\(code)/pay")
            let after = try await Self.call(client, .get, "/api/v1/payments/orders/\(code)")
            let receipt = try await Self.call(client, .get, "/api/v1/payments/orders/\(code)/receipt")
            let signed = try #require(try receipt.object()["signedCode"] as? String)
            let verified = try await Self.call(
                client, .post, "/api/v1/payments/receipts/verify", json: #"{"code":"\#(signed)"}"#)
            let forged = try await Self.call(
                client, .post, "/api/v1/payments/receipts/verify",
                json: #"{"code":"\#(LicenseAPITests.tampered(signed))"}"#)
            let detail = try await API.call(client, .get, "/api/v1/me/payments/\(id)", as: .person(session))
            let movedOn = try await Polling.until { () -> Bool? in
                let record = try await API.call(client, .get, "/api/v1/cases/\(caseID)", as: .person(session))
                let timeline = try record.object()["timeline"] as? [[String: Any]] ?? []
                return timeline.contains { $0["kind"] as? String == "paid" } ? true : nil
            }
            let notifications = try await API.call(
                client, .get, "/api/v1/staff/payments/notifications", as: .staff(finance))

            // Verify: the public lookup names no ids and offers the sandbox.
            let summary = try lookup.object()
            #expect(summary["amountFen"] as? Int == 2000 && summary["payable"] as? Bool == true)
            #expect(summary["id"] == nil && summary["caseId"] == nil)
            #expect((summary["channels"] as? [[String: Any]])?.map { $0["id"] as? String } == ["sandbox"])
            // Verify: the checkout's QR points at the sandbox payer page; choosing again is the same trade.
            let opened = try checkout.object()
            #expect((opened["qrContent"] as? String)?.hasSuffix("/payments/sandbox/\(code)") == true)
            #expect((opened["qrSvg"] as? String)?.hasPrefix("<svg") == true)
            #expect(opened["outTradeNo"] as? String == code)
            #expect((opened["order"] as? [String: Any])?["state"] as? String == "pending")
            #expect(try again.object()["tradeId"] as? String == opened["tradeId"] as? String)
            try API.expectProblem(receiptBefore, 404, "payments.receipt-not-found")
            // Verify: paid once; the repeat is acknowledged and changes nothing.
            #expect(try paid.object()["outcome"] as? String == "paid" && paid.status == .ok)
            #expect(try paid.object()["status"] as? Int == 200)
            #expect(try repeated.object()["outcome"] as? String == "paid")
            let now = try after.object()
            #expect(now["state"] as? String == "paid" && now["payable"] as? Bool == false)
            #expect((now["channels"] as? [Any])?.isEmpty == true)
            // Verify: the receipt verifies on record; a tampered one does not.
            #expect(signed.hasPrefix("ZTR1:"))
            let verdict = try verified.object()
            #expect(verdict["verdict"] as? String == "valid" && verdict["valid"] as? Bool == true)
            #expect(verdict["checkedOnRecord"] as? Bool == true)
            let claims = try #require(verdict["claims"] as? [String: Any])
            #expect(claims["paymentCode"] as? String == code && claims["amountFen"] as? Int == 2000)
            #expect(claims["channel"] as? String == "sandbox" && claims["payee"] as? String == "市公安局")
            let refused = try forged.object()
            #expect(refused["valid"] as? Bool == false && refused["verdict"] as? String != "valid")
            #expect((refused["reason"] as? String)?.containsChinese == true)
            // Verify: the payer's detail lists the paid trade without its QR content, and the receipt.
            let body = try detail.object()
            let trades = try #require(body["trades"] as? [[String: Any]])
            #expect(trades.count == 1 && trades[0]["state"] as? String == "paid" && trades[0]["qrContent"] == nil)
            #expect((body["receipt"] as? [String: Any])?["signedCode"] as? String == signed)
            #expect(movedOn == true, "the case's pay step completed through PaymentSucceeded")
            let outcomes = (try notifications.object()["items"] as? [[String: Any]])?.compactMap {
                $0["outcome"] as? String
            }
            #expect(outcomes?.sorted() == ["duplicate", "paid"])
        }
    }

    @Test("a channel the platform does not offer is 422; a paid order cannot be checked out again (409)")
    func channelsAndState() async throws {
        try await Payments.run { client, platform, _ in
            // Setup
            let (session, caseID, clerk) = try await Payments.acceptedCase(client, platform)
            let (code, id) = try Payments.codeAndID(
                try await Payments.issuedOrder(client, caseID: caseID, session: session))

            // Act
            let alipay = try await Self.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", json: #"{"channel":"alipay"}"#)
            let counter = try await Self.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", json: #"{"channel":"counter"}"#)
            let badJSON = try await Self.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", json: #"{"channel":1}"#)
            _ = try await API.call(
                client, .post, "/api/v1/staff/payments/orders/\(id)/counter-payment", as: .staff(clerk),
                json: #"{"method":"cash"}"#)
            let afterPaid = try await Self.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", json: #"{"channel":"sandbox"}"#)
            let unknownTrade = try await Self.call(
                client, .post, "/api/v1/payments/sandbox/\(Self.unknownCodes[0])/pay")

            // Verify
            try API.expectProblem(alipay, 422, "payments.unknown-channel")
            try API.expectProblem(counter, 422, "payments.unknown-channel")
            try API.expectProblem(badJSON, 400, "request.invalid-json")
            try API.expectProblem(afterPaid, 409, "payments.not-payable")
            try API.expectProblem(unknownTrade, 404, "payments.sandbox-not-found")
        }
    }

    @Test("a sandbox payment after the counter took the money is acknowledged and refunded automatically")
    func paidTwice() async throws {
        try await Payments.run { client, platform, _ in
            // Setup: the payer scanned the sandbox QR, then paid in cash at the window anyway.
            let (session, caseID, clerk) = try await Payments.acceptedCase(client, platform)
            let (code, id) = try Payments.codeAndID(
                try await Payments.issuedOrder(client, caseID: caseID, session: session))
            _ = try await Self.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", json: #"{"channel":"sandbox"}"#)
            _ = try await API.call(
                client, .post, "/api/v1/staff/payments/orders/\(id)/counter-payment", as: .staff(clerk),
                json: #"{"method":"cash"}"#)

            // Act
            let late = try await Self.call(client, .post, "/api/v1/payments/sandbox/\(code)/pay")
            let detail = try await API.call(client, .get, "/api/v1/staff/payments/orders/\(id)", as: .staff(clerk))

            // Verify
            let result = try late.object()
            #expect(result["outcome"] as? String == "refunding" && result["status"] as? Int == 200)
            #expect(result["orderState"] as? String == "paid")
            let body = try detail.object()
            #expect((body["order"] as? [String: Any])?["channel"] as? String == "counter")
            let refunds = try #require(body["refunds"] as? [[String: Any]])
            #expect(refunds.count == 1)
            #expect(refunds.first?["automatic"] as? Bool == true && refunds.first?["channel"] as? String == "sandbox")
            #expect(refunds.first?["amountFen"] as? Int == 2000)
        }
    }
}
