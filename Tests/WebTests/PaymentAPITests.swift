import Foundation
import Hummingbird
import HummingbirdTesting
import Identity
import Kernel
import Server
import Testing

/// The payments API over HTTP against the real application with the demo catalog: a 居民身份证换领
/// case reaches its payment step, the outbox subscriber issues the order, and the payer and staff
/// work with it. The clock is pinned to Tuesday 2026-04-28 10:00 in Beijing (the cases tests' moment).
@Suite("Payments API: orders")
struct PaymentAPITests {
    typealias API = CaseAPITests

    /// 居民身份证换领 of 市公安局 (SJZ-GAJ): 工本费 20 元, with one reduction basis; its process has a pay step.
    static let idCard = "1113010000001358X0306111000200001"
    static let fee = "居民身份证工本费"
    static let basis = "城市最低生活保障对象、农村五保供养对象减免"
    /// Demo staff (docs/organisation.md): username → TOTP secret. gaj-sl01 is 市公安局's counter clerk
    /// and approver (cases.intake, payments.collect), gaj-cw01 its finance officer (payments.finance
    /// only), scj-sl01 the counter clerk of another bureau.

    /// A test server with the demo catalog, its clock at the pinned moment and given to `body`.
    static func run(
        _ body: @Sendable (any TestClientProtocol, Platform, FixedClock) async throws -> Void
    ) async throws {
        let clock = FixedClock(API.start)
        try await TestServer.run(demoCatalog: true, clock: clock) { client, platform in
            try await body(client, platform, clock)
        }
    }

    /// Signs a demo staff member in through the real login pages; returns the `zt_staff` cookie value.
    static func signIn(_ client: any TestClientProtocol, _ platform: Platform, as username: String) async throws
        -> String
    {
        try await StaffLogin.signIn(client, platform, as: username)
    }

    /// The demo citizen applies for 居民身份证换领 with the three materials and submits; gaj-sl01 accepts,
    /// which opens the pay step. Returns the citizen's session, the case id and the clerk's cookie.
    static func acceptedCase(_ client: any TestClientProtocol, _ platform: Platform) async throws
        -> (session: String, caseID: String, clerk: String)
    {
        let session = try await IdentityPagesTests.signIn(client)
        let created = try await API.call(
            client, .post, "/api/v1/cases", as: .person(session),
            json: #"{"itemCode":"\#(idCard)","form":{"applicantName":"张三","contactPhone":"13800000000"}}"#)
        #expect(created.status == .created, "\(created.text.prefix(300))")
        let id = try #require(try created.object()["id"] as? String)
        for code in ["M01", "M02", "M03"] {
            let upload = try await API.call(
                client, .post, "/api/v1/cases/\(id)/materials?materialCode=\(code)&fileName=\(code).pdf",
                as: .person(session), bytes: API.pdf, type: "application/pdf")
            #expect(upload.status == .created, "\(upload.text.prefix(300))")
        }
        let submitted = try await API.call(client, .post, "/api/v1/cases/\(id)/submit", as: .person(session))
        #expect(submitted.status == .ok, "\(submitted.text.prefix(300))")
        let clerk = try await signIn(client, platform, as: "gaj-sl01")
        let accepted = try await API.call(
            client, .post, "/api/v1/staff/cases/\(id)/accept", as: .staff(clerk), json: #"{"comment":"材料齐全"}"#)
        #expect(accepted.status == .ok, "\(accepted.text.prefix(300))")
        return (session, id, clerk)
    }

    /// The order the payments subscriber issues for the case once the outbox delivers payment-due.
    static func issuedOrder(_ client: any TestClientProtocol, caseID: String, session: String) async throws
        -> [String: Any]
    {
        @Sendable func owed() async throws -> [String: Any]? {
            let response = try await API.call(client, .get, "/api/v1/cases/\(caseID)/payments", as: .person(session))
            let items = try response.object()["items"] as? [[String: Any]] ?? []
            return items.first { $0["state"] as? String == "created" }
        }
        let issued = try await Polling.until { try await owed() != nil ? true : nil }
        #expect(issued == true, "no order was issued for case \(caseID)")
        return try #require(try await owed())
    }

    /// A JSON request with extra headers (Idempotency-Key), as staff.
    static func post(
        _ client: any TestClientProtocol, _ path: String, staff: String, json: String, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.cookie: "zt_staff=\(staff)", .contentType: "application/json"]
        headers.append(contentsOf: extra)
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    /// The 20-digit code and the id of an order object.
    static func codeAndID(_ order: [String: Any]) throws -> (code: String, id: String) {
        (try #require(order["code"] as? String), try #require(order["id"] as? String))
    }

    @Test("accepting the case issues its order; the payer, the case and the department's staff see it")
    func issuedOnPaymentStep() async throws {
        try await Self.run { client, platform, _ in
            // Setup
            let (session, caseID, clerk) = try await Self.acceptedCase(client, platform)

            // Act
            let order = try await Self.issuedOrder(client, caseID: caseID, session: session)
            let (code, id) = try Self.codeAndID(order)
            let mine = try await API.call(client, .get, "/api/v1/me/payments", as: .person(session))
            let detail = try await API.call(client, .get, "/api/v1/me/payments/\(id)", as: .person(session))
            let staffCase = try await API.call(
                client, .get, "/api/v1/staff/cases/\(caseID)/payments", as: .staff(clerk))
            let staffList = try await API.call(
                client, .get, "/api/v1/staff/payments/orders?state=created", as: .staff(clerk))
            let paidList = try await API.call(
                client, .get, "/api/v1/staff/payments/orders?state=paid", as: .staff(clerk))

            // Verify: 20 元 owed for the one fee line, the payer masked, the case linked.
            #expect(order["amountFen"] as? Int == 2000)
            #expect(order["caseId"] as? String == caseID)
            #expect(order["departmentName"] as? String == "市公安局")
            #expect(code.count == 20 && code.allSatisfy(\.isNumber))
            #expect((order["payerNameMasked"] as? String)?.contains("张三") == false)
            let lines = try #require(order["lines"] as? [[String: Any]])
            #expect(
                lines.count == 1 && lines[0]["name"] as? String == Self.fee && lines[0]["standardFen"] as? Int == 2000)
            #expect(mine.headers[.cacheControl] == "no-store")
            let mineIDs = (try mine.object()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(mineIDs == [id])
            let body = try detail.object()
            #expect((body["order"] as? [String: Any])?["code"] as? String == code)
            #expect((body["trades"] as? [Any])?.isEmpty == true && body["receipt"] == nil)
            #expect((try staffCase.object()["items"] as? [[String: Any]])?.first?["id"] as? String == id)
            #expect((try staffList.object()["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            #expect((try paidList.object()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("Idempotency-Key: 201 on issue, 200 and the same order on a retry, 409 for another body, 400 without")
    func idempotency() async throws {
        try await Self.run { client, platform, clock in
            // Setup: the clerk cancels the issued order to reissue it with the 减半 reduction.
            let (session, caseID, clerk) = try await Self.acceptedCase(client, platform)
            let issued = try await Self.issuedOrder(client, caseID: caseID, session: session)
            let cancelled = try await API.call(
                client, .post, "/api/v1/staff/payments/orders/\(try Self.codeAndID(issued).id)/cancel",
                as: .staff(clerk), json: #"{"reason":"申请人为低保对象，重新开具"}"#)
            let half =
                #"{"caseId":"\#(caseID)","reductions":[{"fee":"\#(Self.fee)","basis":"\#(Self.basis)","mode":"half"}]}"#
            let exempt = half.replacingOccurrences(of: "half", with: "exempt")
            let key: HTTPFields = [.init("Idempotency-Key")!: "9b1f3c52-7d1e-4d0a-9c1e-2f6a8e0b5d11"]

            // Act: the retry comes a minute later, as a client's would.
            let first = try await Self.post(client, "/api/v1/payments/orders", staff: clerk, json: half, headers: key)
            clock.advance(by: 60)
            let retry = try await Self.post(client, "/api/v1/payments/orders", staff: clerk, json: half, headers: key)
            let otherBody = try await Self.post(
                client, "/api/v1/payments/orders", staff: clerk, json: exempt, headers: key)
            let noKey = try await Self.post(client, "/api/v1/payments/orders", staff: clerk, json: half)
            let blankKey = try await Self.post(
                client, "/api/v1/payments/orders", staff: clerk, json: half, headers: [.init("Idempotency-Key")!: "  "])
            let orders = try await API.call(client, .get, "/api/v1/cases/\(caseID)/payments", as: .person(session))

            // Verify
            #expect(try cancelled.object()["state"] as? String == "cancelled")
            #expect(first.status == .created, "\(first.text.prefix(300))")
            let order = try first.object()
            let id = try #require(order["id"] as? String)
            #expect(first.headers[.location] == "/api/v1/staff/payments/orders/\(id)")
            #expect(order["amountFen"] as? Int == 1000, "减半 of 2000 fen")
            let line = try #require((order["lines"] as? [[String: Any]])?.first)
            #expect((line["reduction"] as? [String: Any])?["mode"] as? String == "half")
            #expect(retry.status == .ok)
            #expect(try retry.object()["id"] as? String == id)
            try API.expectProblem(otherBody, 409, "payments.idempotency-key-reused")
            try API.expectProblem(noKey, 400, "payments.idempotency-key-required")
            try API.expectProblem(blankKey, 400, "payments.idempotency-key-required")
            let states = (try orders.object()["items"] as? [[String: Any]])?.compactMap { $0["state"] as? String }
            #expect(states?.sorted() == ["cancelled", "created"], "the retry issued nothing more")
        }
    }
}
