import Crypto
public import Foundation
public import Kernel

/// The daily trade bill (交易账单), which reconciliation matches against our orders.
extension WeChatPayChannel {
    /// Asks for the `ALL` trade bill of `day`, downloads it and checks its SHA1 hash.
    public func statement(of day: CalendarDay) async throws(PaymentChannelError) -> Data {
        let answer = try await transport.send(.get, "/v3/bill/tradebill?bill_date=\(day.description)&bill_type=ALL")
        guard answer.status == 200 else { throw WeChatPayTransport.failure(answer) }
        guard let bill = WeChatPayWire.decode(WeChatPayWire.BillAnswer.self, from: answer.body) else {
            throw .malformed("申请账单应答无法解析")
        }
        guard bill.hashType == "SHA1" else { throw .malformed("不支持的账单哈希类型“\(bill.hashType.prefix(16))”") }
        let file = try await transport.download(bill.downloadUrl, limit: statementLimit)
        let digest = Insecure.SHA1.hash(data: file).map { String(format: "%02x", $0) }.joined()
        guard digest == bill.hashValue.lowercased() else { throw .malformed("账单文件的 SHA1 哈希与微信支付给出的不符，文件可能不完整") }
        return Data(file)
    }

    /// Reads a trade bill in WeChat Pay's format.
    public func statementLines(_ file: Data) throws(PaymentChannelError) -> [StatementLine] {
        try WeChatPayTradeBill(file).lines
    }
}
