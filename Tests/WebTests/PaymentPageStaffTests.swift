import Foundation
import Hummingbird
import HummingbirdTesting
import Kernel
import Server
import Testing

/// The finance and collecting staff's payment pages over HTTP: who sees which orders, refunds,
/// counter payments and cancelling, the notification log and reconciliation.
@Suite("Payment pages: staff")
struct PaymentPageStaffTests {
    typealias API = CaseAPITests
    typealias Payer = PaymentPageCitizenTests

    /// A page as the staff member of `cookie`, or as nobody.
    static func get(_ client: any TestClientProtocol, _ path: String, as cookie: String?) async throws
        -> TestResponse
    {
        try await client.execute(
            uri: path, method: .get, headers: cookie.map { StaffLogin.headers($0) } ?? [:])
    }

    /// A form post as the staff member of `cookie`.
    static func post(_ client: any TestClientProtocol, _ path: String, _ fields: [String: String], as cookie: String)
        async throws -> TestResponse
    {
        try await client.execute(
            uri: path, method: .post, headers: StaffLogin.headers(cookie, form: true),
            body: IdentityPagesTests.form(fields))
    }

    /// The staff page path of the order with `code`, read from the staff list.
    static func orderPath(_ client: any TestClientProtocol, _ code: String, as cookie: String) async throws -> String {
        let list = try await get(client, "/staff/payments", as: cookie)
        let grouped = PaymentPageTestText.grouped(code)
        let pattern =
            #"href="(/staff/payments/[0-9A-F-]{36})">[^<]*</a></th><td>[^<]*</td><td class="pay-code">"#
            + grouped
        return try #require(Payer.match(list.text, pattern), "\(list.text)")
    }

    @Test("staff pages need a staff session; finance staff see the department's order, others none")
    func access() async throws {
        try await API.run { client, platform in
            // Setup
            let (session, _, code, _) = try await Payer.orderedCase(client, platform)
            let finance = try await Payer.signIn(client, platform, as: "gaj-cw01")
            let outsider = try await Payer.signIn(client, platform, as: "scj-sp01")

            // Act
            let anonymous = try await Self.get(client, "/staff/payments", as: nil)
            let citizen = try await IdentityPagesTests.get(client, "/staff/payments", session: session)
            let path = try await Self.orderPath(client, code, as: finance)
            let order = try await Self.get(client, path, as: finance)
            let created = try await Self.get(client, "/staff/payments?state=created", as: finance)
            let paidOnly = try await Self.get(client, "/staff/payments?state=paid", as: finance)
            let outsiderList = try await Self.get(client, "/staff/payments", as: outsider)
            let outsiderOrder = try await Self.get(client, path, as: outsider)
            let outsiderLog = try await Self.get(client, "/staff/payments/notifications", as: outsider)
            let outsiderReconciliation = try await Self.get(client, "/staff/payments/reconciliation", as: outsider)

            // Verify
            #expect(anonymous.status == .forbidden && anonymous.text.contains("请以工作人员身份登录"))
            #expect(citizen.status == .forbidden)
            #expect(order.status == .ok && order.text.contains("居民身份证工本费") && order.text.contains("待缴费"))
            #expect(order.text.contains("id=\"notifications-title\""), "finance staff read the notification log")
            #expect(!order.text.contains("/refund\""), "an unpaid order cannot be refunded")
            #expect(created.text.contains(PaymentPageTestText.grouped(code)))
            #expect(!paidOnly.text.contains(PaymentPageTestText.grouped(code)) && paidOnly.text.contains("没有这个状态"))
            #expect(outsiderList.status == .ok && !outsiderList.text.contains(PaymentPageTestText.grouped(code)))
            #expect(outsiderOrder.status == .notFound)
            #expect(outsiderLog.status == .forbidden && outsiderReconciliation.status == .forbidden)
        }
    }

    @Test("a refund over the paid amount is refused in Chinese with the amount kept; a partial refund goes through")
    func refund() async throws {
        try await API.run { client, platform in
            // Setup
            let (_, caseID, code, clerk) = try await Payer.orderedCase(client, platform)
            _ = try await Payer.paySandbox(client, code)
            let finance = try await Payer.signIn(client, platform, as: "gaj-cw01")
            let path = try await Self.orderPath(client, code, as: finance)

            // Act
            let before = try await Self.get(client, path, as: finance)
            let tooMuch = try await Self.post(
                client, path + "/refund", ["amount": "50.00", "reason": "重复缴费"], as: finance)
            let badAmount = try await Self.post(
                client, path + "/refund", ["amount": "5.555", "reason": "重复缴费"], as: finance)
            let byClerk = try await Self.post(
                client, path + "/refund", ["amount": "5.00", "reason": "重复缴费"], as: clerk)
            let refunded = try await Self.post(
                client, path + "/refund", ["amount": "5.00", "reason": "照片费用减免"], as: finance)
            let after = try await Self.get(client, try #require(refunded.headers[.location]), as: finance)
            let clerkView = try await Self.get(client, path, as: clerk)
            let casePage = try await Self.get(client, "/staff/cases/\(caseID)", as: clerk)

            // Verify
            #expect(before.text.contains("已缴费") && before.text.contains("value=\"20.00\""), "all of it is refundable")
            #expect(before.text.contains("已入账"), "the sandbox notification is in the order's log")
            #expect(tooMuch.status == .unprocessableContent && tooMuch.text.contains("退款金额超出可退金额"))
            #expect(tooMuch.text.contains("最多可退 20.00元") && tooMuch.text.contains("value=\"50.00\""))
            #expect(badAmount.status == .unprocessableContent && badAmount.text.contains("金额格式错误"))
            #expect(byClerk.status == .forbidden, "collecting is not refunding")
            #expect(refunded.status == .seeOther && refunded.headers[.location] == path + "?done=refunded")
            #expect(after.text.contains("退款已提交") && after.text.contains("部分退款"))
            #expect(after.text.contains("照片费用减免") && after.text.contains("5.00元"))
            #expect(after.text.contains("value=\"15.00\""), "what is left to refund")
            #expect(!clerkView.text.contains("/refund\"") && !clerkView.text.contains("id=\"notifications-title\""))
            #expect(casePage.text.contains("id=\"payments-title\"") && casePage.text.contains(path))
            #expect(casePage.text.contains("部分退款"))
        }
    }

    @Test("the counter records cash, or refuses a card without its slip number; cancelling needs a reason")
    func counterAndCancel() async throws {
        try await API.run { client, platform in
            // Setup
            let (_, _, code, clerk) = try await Payer.orderedCase(client, platform)
            let path = try await Self.orderPath(client, code, as: clerk)

            // Act
            let page = try await Self.get(client, path, as: clerk)
            let shortReason = try await Self.post(client, path + "/cancel", ["reason": "错"], as: clerk)
            let cardless = try await Self.post(
                client, path + "/collect", ["method": "card", "reference": ""], as: clerk)
            let cash = try await Self.post(client, path + "/collect", ["method": "cash", "reference": ""], as: clerk)
            let after = try await Self.get(client, try #require(cash.headers[.location]), as: clerk)
            let lateCancel = try await Self.post(client, path + "/cancel", ["reason": "金额有误，重新开具"], as: clerk)
            let receipt = try await IdentityPagesTests.get(client, "/pay/\(code)/receipt")

            // Verify
            #expect(page.text.contains("/collect\"") && page.text.contains("/cancel\""))
            #expect(shortReason.status == .unprocessableContent && shortReason.text.contains("请填写取消原因"))
            #expect(cardless.status == .unprocessableContent && cardless.text.contains("请填写凭证号"))
            #expect(cardless.text.contains("value=\"card\" checked"), "the chosen method is kept")
            #expect(cash.status == .seeOther && cash.headers[.location] == path + "?done=collected")
            #expect(after.text.contains("已登记窗口收款") && after.text.contains("已缴费") && after.text.contains("窗口缴费"))
            #expect(!after.text.contains("/collect\"") && !after.text.contains("/cancel\""))
            #expect(lateCancel.status == .conflict && lateCancel.text.contains("不能取消"))
            #expect(receipt.status == .ok && receipt.text.contains("窗口缴费"))
        }
    }

    @Test("a cancelled order can no longer be paid by its code")
    func cancel() async throws {
        try await API.run { client, platform in
            // Setup
            let (_, _, code, clerk) = try await Payer.orderedCase(client, platform)
            let path = try await Self.orderPath(client, code, as: clerk)

            // Act
            let cancelled = try await Self.post(client, path + "/cancel", ["reason": "金额有误，重新开具"], as: clerk)
            let after = try await Self.get(client, try #require(cancelled.headers[.location]), as: clerk)
            let payer = try await IdentityPagesTests.get(client, "/pay/\(code)")
            let checkout = try await Payer.checkout(client, code)

            // Verify
            #expect(cancelled.status == .seeOther)
            #expect(after.text.contains("缴款单已取消") && after.text.contains("金额有误，重新开具"))
            #expect(payer.text.contains("已取消") && !payer.text.contains("/checkout\""))
            #expect(checkout.status == .conflict && checkout.text.contains("不能缴费"))
        }
    }

    @Test("the notification log shows accepted and refused notifications with the reason")
    func notificationLog() async throws {
        try await API.run { client, platform in
            // Setup
            let (_, _, code, _) = try await Payer.orderedCase(client, platform)
            _ = try await Payer.paySandbox(client, code)
            let forged = try await client.execute(
                uri: "/api/v1/payments/notify/sandbox", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"outTradeNo":"\#(code)"}"#))
            let finance = try await Payer.signIn(client, platform, as: "gaj-cw01")

            // Act
            let log = try await Self.get(client, "/staff/payments/notifications", as: finance)

            // Verify
            #expect(forged.status != .ok, "the forged notification is refused")
            #expect(log.status == .ok)
            #expect(log.text.contains("接受：已入账") && log.text.contains(code))
            #expect(log.text.contains("拒绝：已拒绝"))
        }
    }

    /// A multipart form of `fields` and an optional CSV `file`, with the CSRF part.
    static func multipart(_ fields: [(String, String)], file: String?) -> (String, ByteBuffer) {
        let boundary = "zt-payment-test-boundary"
        var body = ""
        for (name, value) in [("_csrf", TestServer.csrf)] + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bill.csv\"\r\n"
            body += "Content-Type: text/csv\r\n\r\n\(file)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(string: body))
    }

    @Test("reconciliation imports a statement, lists the difference and resolves it on a required reason")
    func reconciliation() async throws {
        try await API.run { client, platform in
            // Setup: the sandbox's CSV for yesterday with one payment we never took.
            let finance = try await Payer.signIn(client, platform, as: "gaj-cw01")
            let csv = "交易时间,商户订单号,渠道交易号,类型,金额（元）,退款单号\n2026-04-27 10:00:00,\(Payer.unknownCode),SBX1,支付,20.00,\n"
            @Sendable func upload(_ fields: [(String, String)], file: String?) async throws -> TestResponse {
                let (type, body) = Self.multipart(fields, file: file)
                var headers = StaffLogin.headers(finance)
                headers[.contentType] = type
                return try await client.execute(
                    uri: "/staff/payments/reconciliation/import", method: .post, headers: headers, body: body)
            }

            // Act
            let form = try await Self.get(client, "/staff/payments/reconciliation", as: finance)
            let noFile = try await upload(
                [("channel", "sandbox"), ("day", "2026-04-27"), ("source", "upload")], file: nil)
            let today = try await upload(
                [("channel", "sandbox"), ("day", "2026-04-28"), ("source", "download")], file: nil)
            let imported = try await upload(
                [("channel", "sandbox"), ("day", "2026-04-27"), ("source", "upload")], file: csv)
            let downloaded = try await upload(
                [("channel", "sandbox"), ("day", "2026-04-26"), ("source", "download")], file: nil)
            let report = try await Self.get(client, "/staff/payments/reconciliation", as: finance)
            let resolvePath = try #require(
                Payer.match(report.text, #"action="(/staff/payments/reconciliation/mismatches/[0-9A-F-]{36}/resolve)""#)
            )
            let noReason = try await Self.post(client, resolvePath, ["reason": " "], as: finance)
            let resolved = try await Self.post(client, resolvePath, ["reason": "渠道长款，已联系渠道核实"], as: finance)
            let after = try await Self.get(client, try #require(resolved.headers[.location]), as: finance)

            // Verify
            #expect(form.status == .ok && form.text.contains("value=\"2026-04-27\""), "yesterday by default")
            #expect(form.text.contains("<option value=\"sandbox\""))
            #expect(noFile.status == .unprocessableContent && noFile.text.contains("请选择对账单文件"))
            #expect(today.status == .unprocessableContent && today.text.contains("只能导入今天以前的对账单"))
            #expect(imported.status == .seeOther && downloaded.status == .seeOther)
            #expect(report.text.contains("差错 1 笔") && report.text.contains("渠道有、平台无"))
            #expect(report.text.contains(Payer.unknownCode) && report.text.contains("20.00元"))
            #expect(report.text.contains("2026-04-26") && report.text.contains("账平"))
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("请填写处理说明"))
            #expect(resolved.status == .seeOther)
            #expect(after.text.contains("差异已处理并记录原因"))
            #expect(after.text.contains("已处理：渠道长款，已联系渠道核实") && after.text.contains("工作人员"))
            #expect(!after.text.contains(resolvePath), "a resolved difference has no form")
        }
    }
}
