public import Foundation
public import Kernel

/// Alipay's daily trade bill (业务明细).
extension AlipayChannel {
    /// The largest bill downloaded; a busy merchant's day stays far below it.
    static let billLimit = 64 << 20

    /// Asks `alipay.data.dataservice.bill.downloadurl.query` for the trade bill of `day`, then
    /// downloads it. Alipay's own file is a zip of GBK CSV; `statementLines` reads the CSV only.
    public func statement(of day: CalendarDay) async throws(PaymentChannelError) -> Data {
        let reply = try await gateway.call(
            "alipay.data.dataservice.bill.downloadurl.query", biz: ["bill_type": "trade", "bill_date": day.description])
        guard reply.isSuccess else { throw reply.failure }
        let text = try reply.required("bill_download_url")
        // Alipay's own download links are plain HTTP with a short-lived token; the link itself came signed.
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host?.isEmpty == false
        else {
            throw .malformed("支付宝返回的账单下载地址“\(text)”无效。")
        }
        return try await gateway.download(url, limit: Self.billLimit)
    }

    /// Reads a trade bill (业务明细) in UTF-8 or GBK; see `AlipayBill`.
    public func statementLines(_ file: Data) throws(PaymentChannelError) -> [StatementLine] {
        try AlipayBill(file).lines()
    }
}
