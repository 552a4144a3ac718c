import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// The payee department's staff over HTTP: counter payments, refunds, cancellation, and the
/// problems for staff without the permission, another bureau's staff and callers without a credential.
@Suite("Payments API: staff")
struct PaymentAPIStaffTests {
    typealias API = CaseAPITests
    typealias Payments = PaymentAPITests

    @Test("counter payment, then refunds: over the amount refused, part, the rest, then nothing left")
    func counterThenRefunds() async throws {
        try await Payments.run { client, platform, _ in
            // Setup
            let (session, caseID, clerk) = try await Payments.acceptedCase(client, platform)
            let (code, id) = try Payments.codeAndID(
                try await Payments.issuedOrder(client, caseID: caseID, session: session))
            let finance = try await Payments.signIn(client, platform, as: "gaj-cw01")
            let base = "/api/v1/staff/payments/orders/\(id)"
            @Sendable func refund(_ fen: Int, _ reason: String = "申请人撤回，退还工本费") async throws -> TestResponse {
                try await API.call(
                    client, .post, "\(base)/refunds", as: .staff(finance),
                    json: #"{"amountFen":\#(fen),"reason":"\#(reason)"}"#)
            }

            // Act
            let cardWithoutSlip = try await API.call(
                client, .post, "\(base)/counter-payment", as: .staff(clerk), json: #"{"method":"card"}"#)
            let badMethod = try await API.call(
                client, .post, "\(base)/counter-payment", as: .staff(clerk), json: #"{"method":"cheque"}"#)
            let cash = try await API.call(
                client, .post, "\(base)/counter-payment", as: .staff(clerk), json: #"{"method":"cash"}"#)
            let receipt = try await API.call(client, .get, "/api/v1/payments/orders/\(code)/receipt", as: .nobody)
            let overTotal = try await refund(2001)
            let noReason = try await refund(100, "")
            let part = try await refund(500)
            let overRest = try await refund(1600)
            let rest = try await refund(1500)
            let nothingLeft = try await refund(1)
            let staffDetail = try await API.call(client, .get, base, as: .staff(finance))
            let payerDetail = try await API.call(client, .get, "/api/v1/me/payments/\(id)", as: .person(session))

            // Verify: the counter payment pays the order and issues its receipt.
            try API.expectProblem(cardWithoutSlip, 422, "payments.counter-reference")
            try API.expectProblem(badMethod, 400, "request.invalid-json")
            let paid = try cash.object()
            #expect(paid["state"] as? String == "paid" && paid["channel"] as? String == "counter")
            #expect(paid["paidFen"] as? Int == 2000)
            #expect(((try receipt.object()["claims"]) as? [String: Any])?["channel"] as? String == "counter")
            // Verify: never more than what is left; counter refunds are cash handed back at once.
            try API.expectProblem(overTotal, 422, "payments.refund-too-much")
            try API.expectProblem(noReason, 422, "payments.refund-reason")
            #expect(part.status == .created)
            let first = try part.object()
            #expect(first["amountFen"] as? Int == 500 && first["state"] as? String == "succeeded")
            #expect(first["automatic"] as? Bool == false && first["requestedBy"] is String)
            try API.expectProblem(overRest, 422, "payments.refund-too-much")
            #expect((try overRest.problem().detail).contains("15.00"), "the refusal names what is left")
            #expect(rest.status == .created)
            try API.expectProblem(nothingLeft, 409, "payments.not-refundable")
            let detail = try staffDetail.object()
            let order = try #require(detail["order"] as? [String: Any])
            #expect(order["state"] as? String == "refunded" && order["refundedFen"] as? Int == 2000)
            #expect((detail["refunds"] as? [[String: Any]])?.compactMap { $0["amountFen"] as? Int } == [500, 1500])
            let payerRefunds = try #require(try payerDetail.object()["refunds"] as? [[String: Any]])
            #expect(payerRefunds.count == 2 && payerRefunds.allSatisfy { $0["requestedBy"] == nil })
        }
    }

    @Test("staff without the permission get 403; another bureau's staff cannot see the order (404)")
    func permissions() async throws {
        try await Payments.run { client, platform, _ in
            // Setup
            let (session, caseID, clerk) = try await Payments.acceptedCase(client, platform)
            let (_, id) = try Payments.codeAndID(
                try await Payments.issuedOrder(client, caseID: caseID, session: session))
            let finance = try await Payments.signIn(client, platform, as: "gaj-cw01")
            let other = try await Payments.signIn(client, platform, as: "scj-sl01")
            let base = "/api/v1/staff/payments/orders/\(id)"
            let key: HTTPFields = [.init("Idempotency-Key")!: "other-bureau-1"]

            // Act
            let financeCollects = try await API.call(
                client, .post, "\(base)/counter-payment", as: .staff(finance), json: #"{"method":"cash"}"#)
            let clerkRefunds = try await API.call(
                client, .post, "\(base)/refunds", as: .staff(clerk), json: #"{"amountFen":100,"reason":"越权退款"}"#)
            let clerkLog = try await API.call(client, .get, "/api/v1/staff/payments/notifications", as: .staff(clerk))
            let clerkStatements = try await API.call(
                client, .get, "/api/v1/staff/payments/statements", as: .staff(clerk))
            let otherReads = try await API.call(client, .get, base, as: .staff(other))
            let otherCaseOrders = try await API.call(
                client, .get, "/api/v1/staff/cases/\(caseID)/payments", as: .staff(other))
            let otherList = try await API.call(client, .get, "/api/v1/staff/payments/orders", as: .staff(other))
            let otherCancels = try await API.call(
                client, .post, "\(base)/cancel", as: .staff(other), json: #"{"reason":"越权取消"}"#)
            let otherIssues = try await Payments.post(
                client, "/api/v1/payments/orders", staff: other, json: #"{"caseId":"\#(caseID)"}"#, headers: key)
            let stillOwed = try await API.call(client, .get, base, as: .staff(clerk))

            // Verify
            for response in [financeCollects, clerkRefunds, clerkLog, clerkStatements, otherCancels, otherIssues] {
                #expect(response.status == .forbidden, "\(response.text.prefix(300))")
                #expect(response.contentType.hasPrefix("application/problem+json"))
                #expect(try response.problem().title.containsChinese)
            }
            try API.expectProblem(otherReads, 404, "payments.not-found")
            try API.expectProblem(otherCaseOrders, 404, "cases.not-found")
            #expect((try otherList.object()["items"] as? [Any])?.isEmpty == true)
            #expect(((try stillOwed.object()["order"]) as? [String: Any])?["state"] as? String == "created")
        }
    }

    @Test("without a credential: staff routes 401 (the operator token 403), payer routes 401 with a Bearer challenge")
    func unauthenticated() async throws {
        try await API.run { client, _ in
            // Setup
            let id = UUID().uuidString
            let staffRoutes: [(HTTPRequest.Method, String)] = [
                (.post, "/api/v1/payments/orders"), (.get, "/api/v1/staff/payments/orders"),
                (.get, "/api/v1/staff/payments/orders/\(id)"), (.post, "/api/v1/staff/payments/orders/\(id)/cancel"),
                (.post, "/api/v1/staff/payments/orders/\(id)/counter-payment"),
                (.post, "/api/v1/staff/payments/orders/\(id)/refunds"), (.get, "/api/v1/staff/payments/notifications"),
                (.post, "/api/v1/staff/payments/statements"), (.get, "/api/v1/staff/payments/statements"),
                (.post, "/api/v1/staff/payments/mismatches/\(id)/resolve"),
                (.get, "/api/v1/staff/cases/\(id)/payments"),
            ]
            let payerRoutes = ["/api/v1/me/payments", "/api/v1/me/payments/\(id)", "/api/v1/cases/\(id)/payments"]

            for (method, path) in staffRoutes {
                // Act
                let nobody = try await API.call(client, method, path, as: .nobody, json: "{}")
                let operatorToken = try await API.call(client, method, path, as: .operatorToken, json: "{}")

                // Verify
                try API.expectProblem(nobody, 401, "auth.staff-required", "\(method) \(path)")
                try API.expectProblem(operatorToken, 403, "auth.staff-required", "\(method) \(path)")
            }
            for path in payerRoutes {
                for caller in [API.Caller.nobody, .operatorToken, .bearer("not-a-token")] {
                    // Act
                    let response = try await API.call(client, .get, path, as: caller)

                    // Verify
                    try API.expectProblem(response, 401, "auth.person-required", path)
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
        }
    }

    @Test("cancelling needs a reason; a cancelled order can be neither paid nor refunded")
    func cancel() async throws {
        try await Payments.run { client, platform, _ in
            // Setup
            let (session, caseID, clerk) = try await Payments.acceptedCase(client, platform)
            let (code, id) = try Payments.codeAndID(
                try await Payments.issuedOrder(client, caseID: caseID, session: session))
            let base = "/api/v1/staff/payments/orders/\(id)"

            // Act
            let noReason = try await API.call(
                client, .post, "\(base)/cancel", as: .staff(clerk), json: #"{"reason":" "}"#)
            let cancelled = try await API.call(
                client, .post, "\(base)/cancel", as: .staff(clerk), json: #"{"reason":"金额有误，重新开具"}"#)
            let again = try await API.call(
                client, .post, "\(base)/cancel", as: .staff(clerk), json: #"{"reason":"金额有误，重新开具"}"#)
            let counter = try await API.call(
                client, .post, "\(base)/counter-payment", as: .staff(clerk), json: #"{"method":"cash"}"#)
            let checkout = try await API.call(
                client, .post, "/api/v1/payments/orders/\(code)/checkout", as: .nobody, json: #"{"channel":"sandbox"}"#)
            let lookup = try await API.call(client, .get, "/api/v1/payments/orders/\(code)", as: .nobody)
            let malformedID = try await API.call(
                client, .get, "/api/v1/staff/payments/orders/not-an-id", as: .staff(clerk))

            // Verify
            try API.expectProblem(noReason, 422, "payments.cancel-reason")
            let order = try cancelled.object()
            #expect(order["state"] as? String == "cancelled" && order["cancelReason"] as? String == "金额有误，重新开具")
            try API.expectProblem(again, 409, "payments.not-cancellable")
            try API.expectProblem(counter, 409, "payments.not-payable")
            try API.expectProblem(checkout, 409, "payments.not-payable")
            #expect(try lookup.object()["payable"] as? Bool == false)
            #expect((try lookup.object()["channels"] as? [Any])?.isEmpty == true)
            try API.expectProblem(malformedID, 404, "payments.not-found")
        }
    }
}
