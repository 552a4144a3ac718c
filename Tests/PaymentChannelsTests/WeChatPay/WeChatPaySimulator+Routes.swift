import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The HTTP face of the simulator: every API route checks the merchant's signature first and
/// every answer is signed, as WeChat Pay does.
extension WeChatPaySimulator {
    /// What a handler answers: a status and a JSON body (empty for 204).
    typealias Answer = (status: HTTPResponse.Status, body: [UInt8])

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v3/pay/transactions/native") { request, _ in
            try await self.signed(request) { self.prepay($0) }
        }
        router.get("/v3/pay/transactions/out-trade-no/:no") { request, context in
            let number = context.parameters.get("no") ?? ""
            let merchant = request.uri.queryParameters.get("mchid") ?? ""
            return try await self.signed(request) { _ in self.query(outTradeNo: number, mchid: merchant) }
        }
        router.post("/v3/pay/transactions/out-trade-no/:no/close") { request, context in
            let number = context.parameters.get("no") ?? ""
            return try await self.signed(request) { self.close(outTradeNo: number, body: $0) }
        }
        router.post("/v3/refund/domestic/refunds") { request, _ in
            try await self.signed(request) { self.refund($0) }
        }
        router.get("/v3/bill/tradebill") { request, _ in
            let date = request.uri.queryParameters.get("bill_date") ?? ""
            let type = request.uri.queryParameters.get("bill_type") ?? "ALL"
            return try await self.signed(request) { _ in self.tradeBill(date: date, type: type) }
        }
        router.get("/v3/billdownload/file") { request, _ in
            try await self.download(request)
        }
        return router
    }

    /// Checks the request's signature, runs `handler` and signs its answer.
    func signed(_ request: Request, _ handler: @Sendable ([UInt8]) -> Answer) async throws -> Response {
        let body = try await verifiedBody(request)
        guard let body else {
            return try response(.unauthorized, WeChatPaySimulatorWire.failure("SIGN_ERROR", "签名错误"))
        }
        if let serial = request.headers[HTTPField.Name("Wechatpay-Serial")!], serial != Self.platformKeyID {
            return try response(.badRequest, WeChatPaySimulatorWire.failure("INVALID_REQUEST", "Wechatpay-Serial 无效"))
        }
        let answer = handler(body)
        return try response(answer.status, answer.body)
    }

    /// The request body when the merchant's signature over it verifies, or nil.
    func verifiedBody(_ request: Request) async throws -> [UInt8]? {
        ledger.withLock { $0.requests += 1 }
        let body = Array(buffer: try await request.body.collect(upTo: 1 << 20))
        let valid = auth.verify(
            method: request.method.rawValue, target: request.head.path ?? "",
            authorization: request.headers[.authorization], body: body)
        return valid ? body : nil
    }

    /// A signed answer.
    func response(_ status: HTTPResponse.Status, _ body: [UInt8]) throws -> Response {
        let timestamp = String(Int64(clock.now().timeIntervalSince1970))
        let nonce = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let signature = try WeChatPaySimulatorAuth.sign(
            timestamp: timestamp, nonce: nonce, body: body, with: platformKey)
        var headers: HTTPFields = [
            HTTPField.Name("Wechatpay-Timestamp")!: timestamp, HTTPField.Name("Wechatpay-Nonce")!: nonce,
            HTTPField.Name("Wechatpay-Signature")!: signature, HTTPField.Name("Wechatpay-Serial")!: Self.platformKeyID,
            HTTPField.Name("Wechatpay-Signature-Type")!: "WECHATPAY2-SHA256-RSA2048",
            HTTPField.Name("Request-ID")!: UUID().uuidString,
        ]
        if !body.isEmpty { headers[.contentType] = "application/json; charset=utf-8" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
