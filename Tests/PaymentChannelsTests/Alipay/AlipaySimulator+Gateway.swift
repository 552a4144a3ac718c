import Crypto
import Foundation
import Hummingbird
import Kernel
import NIOCore
import _CryptoExtras

@testable import PaymentChannels

/// The gateway: request verification, dispatch by `method`, and signed answers.
extension AlipaySimulator {
    /// The methods the simulator knows.
    static let methods: Set<String> = [
        "alipay.trade.precreate", "alipay.trade.query", "alipay.trade.close", "alipay.trade.refund",
        "alipay.trade.fastpay.refund.query", "alipay.data.dataservice.bill.downloadurl.query",
    ]

    func answer(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        var parameters: [String: String] = [:]
        do {
            // Alipay's SDKs put the common parameters in the query string and the rest in the body; take both.
            let pairs =
                try FormURLEncoding.decode(Array((request.uri.query ?? "").utf8))
                + FormURLEncoding.decode(Array(body.readableBytesView))
            for (name, value) in pairs {
                guard parameters.updateValue(value, forKey: name) == nil else {
                    return respond(nil, Self.invalid("isv.invalid-parameter", "参数 \(name) 重复"))
                }
            }
        } catch {
            return respond(nil, Self.invalid("isv.invalid-parameter", "表单编码有误"))
        }
        let method = parameters["method"].flatMap { Self.methods.contains($0) ? $0 : nil }
        return respond(method, handle(parameters, method: method))
    }

    /// The answer's fields, errors included, for verified or refused parameters.
    private func handle(_ parameters: [String: String], method: String?) -> [String: String] {
        for name in ["app_id", "method", "charset", "sign_type", "sign", "timestamp", "version", "biz_content"]
        where (parameters[name] ?? "").isEmpty {
            return ["code": "40001", "msg": "Missing Required Arguments", "sub_code": "isv.missing-\(name)"]
        }
        guard parameters["app_id"] == Self.appID else { return Self.invalid("isv.invalid-app-id", "无效的AppID参数") }
        guard let method else { return Self.invalid("isv.invalid-method", "不存在的方法名") }
        guard parameters["sign_type"] == "RSA2", parameters["charset"] == "utf-8", parameters["version"] == "1.0" else {
            return Self.invalid("isv.invalid-signature-type", "无效的签名类型、编码或版本")
        }
        guard isSignedByApp(parameters) else {
            return Self.invalid("isv.invalid-signature", "验签出错，请确认应用私钥与开放平台上的应用公钥匹配")
        }
        let now = clock.now()
        guard let sentAt = ShanghaiTime.date(parameters["timestamp"] ?? ""), abs(sentAt.timeIntervalSince(now)) <= 900
        else {
            return Self.invalid("isv.invalid-timestamp", "非法的时间戳参数")
        }
        guard let data = parameters["biz_content"]?.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            return Self.invalid("isv.invalid-biz-content", "biz_content 不是 JSON 对象")
        }
        return dispatch(method, biz: object.compactMapValues { $0 as? String }, notifyURL: parameters["notify_url"])
    }

    private func dispatch(_ method: String, biz: [String: String], notifyURL: String?) -> [String: String] {
        let now = clock.now()
        switch method {
        case "alipay.trade.precreate":
            return ledger.withLock { $0.precreate(biz, notifyURL: notifyURL, now: now) }
        case "alipay.trade.query":
            return ledger.withLock { $0.query(biz) }
        case "alipay.trade.close":
            return ledger.withLock { $0.close(biz) }
        case "alipay.trade.refund":
            let (fields, closed) = ledger.withLock { $0.refund(biz, now: now) }
            if closed, let trade = trade(biz["out_trade_no"] ?? "") { deliver(trade) }
            return fields
        case "alipay.trade.fastpay.refund.query":
            return ledger.withLock { $0.refundQuery(biz) }
        default:
            return billAddress(biz, now: now)
        }
    }

    private func billAddress(_ biz: [String: String], now: Date) -> [String: String] {
        guard biz["bill_type"] == "trade", let day = try? CalendarDay(parsing: biz["bill_date"] ?? "") else {
            return AlipaySimulatorLedger.failure("isv.invalid-bill-date", "账单日期或类型有误")
        }
        // Alipay produces a day's bill the morning after; today's and later ones do not exist yet.
        guard day < CalendarDay(now) else { return AlipaySimulatorLedger.failure("isp.bill_not_exist", "账单不存在") }
        let csv = ledger.withLock { $0.bill(of: day, sellerID: Self.sellerID, exportedAt: now) }
        let token = UUID().uuidString
        bills.withLock { $0[token] = csv }
        return AlipaySimulatorLedger.success.merging(["bill_download_url": billBaseURL + token]) { $1 }
    }

    /// Checks the request signature with the simulator's own reading of Alipay's rule (written
    /// apart from the channel's, so that one mistake cannot hide in both): parameters sorted by
    /// name, `sign` and empty values dropped, `name=value` joined with `&`.
    private func isSignedByApp(_ parameters: [String: String]) -> Bool {
        let content = parameters.keys.filter { $0 != "sign" && parameters[$0]?.isEmpty == false }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { "\($0)=\(parameters[$0] ?? "")" }.joined(separator: "&")
        guard let raw = Data(base64Encoded: parameters["sign"] ?? "") else { return false }
        return appKey.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: raw), for: SHA256.hash(data: Data(content.utf8)),
            padding: .insecurePKCS1v1_5)
    }

    static func invalid(_ subCode: String, _ message: String) -> [String: String] {
        ["code": "40002", "msg": "Invalid Arguments", "sub_code": subCode, "sub_msg": message]
    }

    /// `{"<method>_response":{…},"sign":"…"}`, signed over the object's text as written into the body.
    private func respond(_ method: String?, _ fields: [String: String]) -> Response {
        let key = method.map { $0.replacingOccurrences(of: ".", with: "_") + "_response" } ?? "error_response"
        // JSONSerialization escapes `/` as `\/`, as Alipay does; re-serialising would lose that.
        let content = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        let signature = (try? alipayKey.signature(for: SHA256.hash(data: content), padding: .insecurePKCS1v1_5))
        let sign = signature?.rawRepresentation.base64EncodedString() ?? ""
        var text = "{\"\(key)\":" + String(decoding: content, as: UTF8.self) + ",\"sign\":\"\(sign)\"}"
        if let rewrite = responseRewriter.withLock({ $0 }) { text = rewrite(text) }
        return Response(
            status: .ok, headers: [.contentType: "text/html;charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
