import AsyncHTTPClient
import Crypto
import Foundation
import Kernel
import NIOCore
import _CryptoExtras

@testable import PaymentChannels

/// Asynchronous notifications (异步通知) as Alipay sends them.
extension AlipaySimulator {
    /// The fields Alipay posts about `trade`, before `sign_type` and `sign`.
    func notificationFields(for trade: AlipaySimulatedTrade, notifyID: String, notifyTime: Date) -> [String: String] {
        let amount = trade.amount.decimalText
        var fields = [
            "notify_time": ShanghaiTime.text(notifyTime), "notify_type": "trade_status_sync", "notify_id": notifyID,
            "charset": "utf-8", "version": "1.0", "app_id": Self.appID, "auth_app_id": Self.appID,
            "seller_id": Self.sellerID, "out_trade_no": trade.outTradeNo, "trade_no": trade.tradeNo,
            "trade_status": trade.status.rawValue, "total_amount": amount, "receipt_amount": amount,
            "invoice_amount": amount, "buyer_pay_amount": amount, "point_amount": "0.00", "subject": trade.subject,
            "gmt_create": ShanghaiTime.text(trade.createdAt), "buyer_id": "2088102177846880",
            "buyer_logon_id": "138******00",
            // A JSON value inside a form value: quotes, braces and a colon all need percent-encoding.
            "fund_bill_list": "[{\"amount\":\"\(amount)\",\"fundChannel\":\"ALIPAYACCOUNT\"}]",
        ]
        if let paidAt = trade.paidAt { fields["gmt_payment"] = ShanghaiTime.text(paidAt) }
        if let last = trade.refunds.last {
            fields["refund_fee"] = trade.refunded.decimalText
            fields["out_biz_no"] = last.requestNo
            // Alipay writes the refund time with milliseconds.
            fields["gmt_refund"] = ShanghaiTime.text(last.refund.at) + ".000"
        }
        return fields
    }

    /// The form body of a notification: `fields` plus `sign_type` and an RSA2 `sign` by `key`
    /// (Alipay's key unless a test forges one), over every field but those two, sorted, empty ones included.
    func signedBody(_ fields: [String: String], key: _RSA.Signing.PrivateKey? = nil) throws -> String {
        let content = fields.keys.filter { $0 != "sign" && $0 != "sign_type" }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { "\($0)=\(fields[$0] ?? "")" }.joined(separator: "&")
        let signature = try (key ?? alipayKey).signature(
            for: SHA256.hash(data: Data(content.utf8)), padding: .insecurePKCS1v1_5)
        var signed = fields
        signed["sign_type"] = "RSA2"
        signed["sign"] = signature.rawRepresentation.base64EncodedString()
        return FormURLEncoding.encode(signed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// A notification about `outTradeNo` as the channel would receive it, sent now; for tests
    /// that hand notifications to the channel directly.
    func notification(
        for outTradeNo: String, changing changes: [String: String] = [:], key: _RSA.Signing.PrivateKey? = nil
    ) throws -> ChannelNotification {
        guard let trade = trade(outTradeNo) else { throw AlipaySimulatorRefusal("交易不存在") }
        let notifyID = ledger.withLock { $0.nextNotifyID() }
        let fields = notificationFields(for: trade, notifyID: notifyID, notifyTime: clock.now())
            .merging(changes) { $1 }
        return ChannelNotification(
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
            body: Data(try signedBody(fields, key: key).utf8))
    }

    /// Posts the notification about `trade` to its `notify_url`, then again after each retry
    /// interval, until the receiver answers exactly `success`.
    func deliver(_ trade: AlipaySimulatedTrade) {
        guard let url = trade.notifyURL else { return }
        let id = UUID()
        let notifyID = ledger.withLock { $0.nextNotifyID() }
        // Registered under the lock before it can run, so its own removal always comes after.
        pendingDeliveries.withLock { pending in
            pending[id] = Task { await self.send(trade, to: url, notifyID: notifyID, id: id) }
        }
    }

    private func send(_ trade: AlipaySimulatedTrade, to url: String, notifyID: String, id: UUID) async {
        defer { _ = pendingDeliveries.withLock { $0.removeValue(forKey: id) } }
        for attempt in 0...retryIntervals.count {
            if attempt > 0 {
                do { try await Task.sleep(for: retryIntervals[attempt - 1]) } catch { return }
            }
            // notify_time is the time of each sending, so every retry is signed afresh.
            let fields = notificationFields(for: trade, notifyID: notifyID, notifyTime: clock.now())
            let answer = await post((try? signedBody(fields)) ?? "", to: url)
            let delivery = Delivery(
                outTradeNo: trade.outTradeNo, tradeStatus: trade.status.rawValue, notifyID: notifyID, answer: answer)
            deliveryLog.withLock { $0.append(delivery) }
            if answer == "success" { return }
        }
    }

    private func post(_ body: String, to url: String) async -> String {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
        request.body = .bytes(ByteBuffer(string: body))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            return String(buffer: try await response.body.collect(upTo: 4096))
        } catch {
            return "（未能送达：\(error)）"
        }
    }
}
