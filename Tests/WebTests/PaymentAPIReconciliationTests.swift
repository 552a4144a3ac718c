import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// 对账 over HTTP: finance staff import a channel statement by hand or by download, read the imports
/// and resolve their mismatches. The clock is at 2026-04-28, so 04-27 and before may be imported.
@Suite("Payments API: reconciliation")
struct PaymentAPIReconciliationTests {
    typealias API = CaseAPITests
    typealias Payments = PaymentAPITests

    /// A sandbox statement (its own CSV layout) listing one payment of 20.00 元 the platform never took.
    static let strayPayment =
        "交易时间,商户订单号,渠道交易号,类型,金额（元）,退款单号\\n"
        + "2026-04-27 10:00:00,\(PaymentAPIPublicTests.unknownCodes[0]),SBX\(PaymentAPIPublicTests.unknownCodes[0]),支付,20.00,\\n"

    @Test("a stray payment in an uploaded statement is a missing-ours mismatch that finance staff resolve")
    func importAndResolve() async throws {
        try await Payments.run { client, platform, _ in
            // Setup
            let finance = try await Payments.signIn(client, platform, as: "gaj-cw01")
            @Sendable func importing(_ json: String) async throws -> TestResponse {
                try await API.call(client, .post, "/api/v1/staff/payments/statements", as: .staff(finance), json: json)
            }

            // Act
            let uploaded = try await importing(
                #"{"channel":"sandbox","day":"2026-04-27","file":"\#(Self.strayPayment)"}"#)
            let twice = try await importing(#"{"channel":"sandbox","day":"2026-04-27","file":"\#(Self.strayPayment)"}"#)
            let downloaded = try await importing(#"{"channel":"sandbox","day":"2026-04-26"}"#)
            let today = try await importing(#"{"channel":"sandbox","day":"2026-04-28"}"#)
            let noSuchDay = try await importing(#"{"channel":"sandbox","day":"2026-02-30"}"#)
            let unknownChannel = try await importing(#"{"channel":"unionpay","day":"2026-04-25"}"#)
            let badFile = try await importing(#"{"channel":"sandbox","day":"2026-04-24","file":"头\n一,二\n"}"#)
            let statement = try uploaded.object()
            let mismatches = try #require(statement["mismatches"] as? [[String: Any]])
            let mismatchID = try #require(mismatches.first?["id"] as? String)
            let resolve = "/api/v1/staff/payments/mismatches/\(mismatchID)/resolve"
            let tooShort = try await API.call(client, .post, resolve, as: .staff(finance), json: #"{"reason":"x"}"#)
            let resolved = try await API.call(
                client, .post, resolve, as: .staff(finance), json: #"{"reason":"渠道重复记账，已与渠道核实"}"#)
            let resolvedAgain = try await API.call(
                client, .post, resolve, as: .staff(finance), json: #"{"reason":"渠道重复记账，已与渠道核实"}"#)
            let malformed = try await API.call(
                client, .post, "/api/v1/staff/payments/mismatches/nope/resolve", as: .staff(finance),
                json: #"{"reason":"渠道重复记账"}"#)
            let list = try await API.call(
                client, .get, "/api/v1/staff/payments/statements?channel=sandbox", as: .staff(finance))

            // Verify: the upload's one line differs from our (empty) records.
            #expect(uploaded.status == .created, "\(uploaded.text.prefix(300))")
            #expect(statement["lineCount"] as? Int == 1 && statement["paymentsFen"] as? Int == 2000)
            #expect(statement["day"] as? String == "2026-04-27" && statement["refundsFen"] as? Int == 0)
            #expect(mismatches.count == 1)
            #expect(mismatches.first?["kind"] as? String == "missing-ours")
            #expect(mismatches.first?["theirsFen"] as? Int == 2000 && mismatches.first?["oursFen"] == nil)
            #expect(mismatches.first?["outTradeNo"] as? String == PaymentAPIPublicTests.unknownCodes[0])
            // Verify: a day once; the channel's own (empty) statement when no file is given.
            try API.expectProblem(twice, 409, "payments.statement-imported")
            #expect(downloaded.status == .created)
            #expect(try downloaded.object()["lineCount"] as? Int == 0)
            try API.expectProblem(today, 422, "payments.statement-day")
            #expect(Int(noSuchDay.status.code) == 422 && noSuchDay.contentType.hasPrefix("application/problem+json"))
            try API.expectProblem(unknownChannel, 422, "payments.unknown-channel")
            try API.expectProblem(badFile, 422, "payments.channel-malformed")
            // Verify: resolution needs words, happens once, and shows in the list.
            try API.expectProblem(tooShort, 422, "payments.resolution-reason")
            let mismatch = try resolved.object()
            #expect(mismatch["resolved"] as? Bool == true && mismatch["resolution"] as? String == "渠道重复记账，已与渠道核实")
            #expect(mismatch["resolvedBy"] is String && mismatch["resolvedAt"] is String)
            try API.expectProblem(resolvedAgain, 409, "payments.mismatch-resolved")
            try API.expectProblem(malformed, 404, "payments.mismatch-not-found")
            let items = try #require(try list.object()["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["day"] as? String } == ["2026-04-27", "2026-04-26"], "newest day first")
            let listed = try #require((items.first?["mismatches"] as? [[String: Any]])?.first)
            #expect(listed["resolved"] as? Bool == true)
        }
    }
}
