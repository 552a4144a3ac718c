import PaymentChannels
import Testing

@Suite struct PaymentChannelIDTests {
    @Test func labelsAreChinese() {
        #expect(PaymentChannelID.wechat.label == "微信支付")
        #expect(PaymentChannelID(rawValue: "other").label == "other")
    }
}
