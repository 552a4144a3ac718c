/// Where the columns reconciliation needs sit in an Alipay trade bill, found by name in the
/// header line so that a column Alipay adds or moves does not shift the others.
struct AlipayBillColumns {
    /// How many columns the header names; every data line must have as many fields.
    let count: Int
    /// 支付宝交易号.
    let tradeNo: Int
    /// 商户订单号.
    let outTradeNo: Int
    /// 业务类型: 交易 or 退款.
    let kind: Int
    /// 完成时间.
    let finishedAt: Int
    /// 订单金额（元）, negative for refunds.
    let amount: Int
    /// 退款批次号/请求号, our refund number on refund lines.
    let refundNo: Int

    /// Finds the columns in the header line `header`, which is line `line` of the file.
    init(header: [String], line: Int) throws(PaymentChannelError) {
        func column(_ name: String) throws(PaymentChannelError) -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw AlipayBill.malformed(line, "表头应含“\(name)”列，实为“\(header.joined(separator: ","))”。")
            }
            return index
        }
        count = header.count
        tradeNo = try column("支付宝交易号")
        outTradeNo = try column("商户订单号")
        kind = try column("业务类型")
        finishedAt = try column("完成时间")
        amount = try column("订单金额（元）")
        refundNo = try column("退款批次号/请求号")
    }
}
