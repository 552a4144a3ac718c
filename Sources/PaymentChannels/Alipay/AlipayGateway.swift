import AsyncHTTPClient
import Foundation
import Kernel
import NIOCore

/// Calls Alipay's open-platform gateway: signs the common parameters, posts them as a form and
/// verifies the signature of every answer before anything in it is read.
struct AlipayGateway: Sendable {
    let configuration: AlipayConfiguration
    let client: HTTPClient
    let clock: any Clock

    /// API answers are small; anything larger is not Alipay.
    static let responseLimit = 1 << 20

    /// Calls `method` with `biz` as `biz_content` and returns the verified response object,
    /// successful or not; transport failures and bad signatures throw.
    func call(
        _ method: String, biz: [String: String], notifyURL: String? = nil
    ) async throws(PaymentChannelError) -> AlipayReply {
        let body = try form(method, biz: biz, notifyURL: notifyURL)
        var request = HTTPClientRequest(url: configuration.gateway.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded;charset=utf-8")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let reply = try await ChannelHTTP.send(
            request, client: client, timeout: .milliseconds(Int64(configuration.requestTimeout * 1000)),
            limit: Self.responseLimit)
        guard reply.status == 200 else { throw .unavailable("支付宝网关返回 HTTP \(reply.status)。") }
        let envelope = try AlipayResponseEnvelope(body: reply.body, method: method)
        guard let sign = envelope.sign,
            AlipaySignature.isValid(sign, of: envelope.content, with: configuration.alipayKey)
        else {
            throw .badSignature
        }
        return try AlipayReply(content: envelope.content)
    }

    /// The signed form body of one call.
    func form(_ method: String, biz: [String: String], notifyURL: String?) throws(PaymentChannelError) -> String {
        let bizContent: String
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            bizContent = String(decoding: try encoder.encode(biz), as: UTF8.self)
        } catch {
            throw .malformed("biz_content 无法编码：\(error)")
        }
        var parameters = [
            "app_id": configuration.appID, "method": method, "format": "JSON", "charset": "utf-8",
            "sign_type": "RSA2", "timestamp": ShanghaiTime.text(clock.now()), "version": "1.0",
            "biz_content": bizContent,
        ]
        if let notifyURL { parameters["notify_url"] = notifyURL }
        parameters["sign"] = try AlipaySignature.sign(
            Data(AlipaySignature.requestContent(parameters).utf8), with: configuration.signingKey)
        return FormURLEncoding.encode(parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Downloads a file Alipay named in a signed answer (the bill), up to `limit` bytes.
    func download(_ url: URL, limit: Int) async throws(PaymentChannelError) -> Data {
        let reply = try await ChannelHTTP.send(
            HTTPClientRequest(url: url.absoluteString), client: client,
            timeout: .milliseconds(Int64(configuration.requestTimeout * 4000)), limit: limit)
        guard reply.status == 200 else { throw .unavailable("下载对账单返回 HTTP \(reply.status)。") }
        return reply.body
    }
}
