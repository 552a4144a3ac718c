import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import PaymentChannels
import _CryptoExtras

/// Payment notifications: the transaction sealed with AES-256-GCM under the APIv3 key, the
/// envelope signed with WeChat Pay's key, posted to `notify_url` until a 2xx comes back.
extension WeChatPaySimulator {
    /// The notification WeChat Pay would send now for a trade, as headers (lower case) and body.
    /// `signingKey` and `apiV3Key` let a test forge one with the wrong keys.
    func notification(
        outTradeNo: String, signingKey: _RSA.Signing.PrivateKey? = nil, apiV3Key: String = WeChatPaySimulator.apiV3Key
    ) throws -> ChannelNotification {
        guard let trade = trade(outTradeNo) else { throw PayError.noSuchTrade }
        let nonce = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12))
        let plaintext = Wire.encode(transaction(trade))
        let box = try AES.GCM.seal(
            plaintext, using: SymmetricKey(data: Array(apiV3Key.utf8)), nonce: AES.GCM.Nonce(data: Array(nonce.utf8)),
            authenticating: Array("transaction".utf8))
        let now = clock.now()
        let envelope = Wire.Notification(
            id: "EV-" + (trade.transactionID ?? trade.outTradeNo), createTime: Wire.apiTime(now),
            resourceType: "encrypt-resource", eventType: "TRANSACTION.SUCCESS", summary: "支付成功",
            resource: .init(
                originalType: "transaction", algorithm: "AEAD_AES_256_GCM",
                ciphertext: (box.ciphertext + box.tag).base64EncodedString(), associatedData: "transaction",
                nonce: nonce))
        let body = Wire.encode(envelope)
        let timestamp = String(Int64(now.timeIntervalSince1970))
        let signatureNonce = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let signature = try WeChatPaySimulatorAuth.sign(
            timestamp: timestamp, nonce: signatureNonce, body: body, with: signingKey ?? platformKey)
        return ChannelNotification(
            headers: [
                "Content-Type": "application/json", "Wechatpay-Timestamp": timestamp,
                "Wechatpay-Nonce": signatureNonce, "Wechatpay-Signature": signature,
                "Wechatpay-Serial": Self.platformKeyID, "Wechatpay-Signature-Type": "WECHATPAY2-SHA256-RSA2048",
            ], body: Data(body))
    }

    /// Posts the trade's notification until the receiver answers 2xx or the attempts run out.
    func deliverNotification(outTradeNo: String) async -> [Int] {
        var statuses: [Int] = []
        for attempt in 0...options.notifyRetryIntervals.count {
            if attempt > 0 {
                do { try await Task.sleep(for: options.notifyRetryIntervals[attempt - 1]) } catch { break }
            }
            let status = await post(outTradeNo: outTradeNo)
            statuses.append(status)
            ledger.withLock { $0.deliveries[outTradeNo, default: []].append(status) }
            if (200..<300).contains(status) { break }
        }
        return statuses
    }

    private func post(outTradeNo: String) async -> Int {
        guard let url = trade(outTradeNo)?.notifyURL, let notification = try? notification(outTradeNo: outTradeNo)
        else { return 0 }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in notification.headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: notification.body))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
            _ = try await response.body.collect(upTo: 64 * 1024)
            return Int(response.status.code)
        } catch {
            return 0
        }
    }
}
