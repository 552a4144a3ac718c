import Foundation

/// The fields of one verified Alipay response object, with the common `code`/`sub_code` reading.
struct AlipayReply: Sendable {
    /// The object's string-valued fields; Alipay sends amounts and times as strings too.
    var fields: [String: String]

    /// Reads a response object's JSON text.
    init(content: Data) throws(PaymentChannelError) {
        guard let object = try? JSONSerialization.jsonObject(with: content) as? [String: Any] else {
            throw .malformed("支付宝应答对象不是有效的 JSON。")
        }
        fields = object.compactMapValues { $0 as? String }
    }

    /// The gateway code; `10000` means the call succeeded.
    var code: String { fields["code"] ?? "" }
    /// Whether the call succeeded.
    var isSuccess: Bool { code == "10000" }
    /// The business error code, such as `ACQ.TRADE_NOT_EXIST`.
    var subCode: String? { fields["sub_code"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The value of a field the answer must carry.
    func required(_ name: String) throws(PaymentChannelError) -> String {
        guard let value = fields[name], !value.isEmpty else { throw .malformed("支付宝应答缺少 \(name)。") }
        return value
    }

    /// The error a failed call stands for: a system error may pass on retry, anything else is a refusal.
    var failure: PaymentChannelError {
        let message = fields["sub_msg"] ?? fields["msg"] ?? ""
        // 20000 is "service unavailable": the outcome is unknown and Alipay asks for a retry or a query.
        if code == "20000" || subCode == "ACQ.SYSTEM_ERROR" || subCode == "aop.ACQ.SYSTEM_ERROR" {
            return .unavailable("\(subCode ?? code)：\(message)")
        }
        return .refused(code: subCode ?? code, message: message)
    }
}
