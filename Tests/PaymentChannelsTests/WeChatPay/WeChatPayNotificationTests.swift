import Foundation
import Kernel
import PaymentChannels
import Testing
import _CryptoExtras

/// Forged, tampered and replayed notifications are refused; refused notifications are retried.
@Suite("WeChat Pay notifications")
struct WeChatPayNotificationTests {
    /// Opens and pays a trade; its one notification is accepted.
    func paidTrade(_ fixture: WeChatPayFixture, _ number: String) async throws {
        _ = try await fixture.channel.prepay(fixture.request(number))
        try fixture.simulator.pay(outTradeNo: number)
        #expect(await fixture.simulator.deliveries(of: number) == [200])
    }

    @Test("a notification whose body or timestamp was changed after signing is refused")
    func tampered() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            try await paidTrade(fixture, "13010520260214000031")
            let genuine = try fixture.simulator.notification(outTradeNo: "13010520260214000031")
            var changedBody = genuine
            changedBody.body = Data(
                String(decoding: genuine.body, as: UTF8.self).replacingOccurrences(
                    of: "支付成功", with: "支付失败"
                ).utf8)
            var changedTime = genuine
            changedTime.headers["wechatpay-timestamp"] = String(Int(fixture.clock.now().timeIntervalSince1970) + 1)

            // Act and verify
            #expect(throws: Never.self) { try fixture.channel.notice(from: genuine) }
            #expect(changedBody.body != genuine.body)
            #expect(throws: PaymentChannelError.badSignature) { try fixture.channel.notice(from: changedBody) }
            #expect(throws: PaymentChannelError.badSignature) { try fixture.channel.notice(from: changedTime) }
        }
    }

    @Test("a notification signed with another key, or sealed with another APIv3 key, is refused")
    func wrongKeys() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            try await paidTrade(fixture, "13010520260214000032")
            let impostor = try _RSA.Signing.PrivateKey(pemRepresentation: WeChatPayTestKeys.impostorPKCS8)
            let forged = try fixture.simulator.notification(outTradeNo: "13010520260214000032", signingKey: impostor)
            let otherKey = try fixture.simulator.notification(
                outTradeNo: "13010520260214000032", apiV3Key: "another-apiv3-key-of-32-bytes-xx")

            // Act and verify
            #expect(throws: PaymentChannelError.badSignature) { try fixture.channel.notice(from: forged) }
            #expect(throws: PaymentChannelError.malformed("通知密文无法解密，APIv3 密钥不符或密文被篡改")) {
                try fixture.channel.notice(from: otherKey)
            }
        }
    }

    @Test("a recorded notification replayed after the freshness window is refused")
    func replay() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            try await paidTrade(fixture, "13010520260214000033")
            let recorded = try fixture.simulator.notification(outTradeNo: "13010520260214000033")
            #expect(throws: Never.self) { try fixture.channel.notice(from: recorded) }

            // Act
            fixture.clock.advance(by: 301)

            // Verify
            #expect(throws: PaymentChannelError.badSignature) { try fixture.channel.notice(from: recorded) }
        }
    }

    @Test("a body over 64 KiB is refused before anything else")
    func oversized() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            try await paidTrade(fixture, "13010520260214000034")
            var big = try fixture.simulator.notification(outTradeNo: "13010520260214000034")
            big.body.append(Data(repeating: 0x20, count: 64 * 1024))

            // Act and verify
            #expect(throws: PaymentChannelError.malformed("通知报文超过 64 KiB")) { try fixture.channel.notice(from: big) }
        }
    }

    @Test("a refused notification is retried until accepted, then no more")
    func retriedUntilAccepted() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000035"
            _ = try await fixture.channel.prepay(fixture.request(number))
            fixture.receiver.refuseNext(2)

            // Act
            let transactionID = try fixture.simulator.pay(outTradeNo: number)
            let deliveries = await fixture.simulator.deliveries(of: number)

            // Verify
            #expect(deliveries == [500, 500, 200])
            #expect(fixture.receiver.requestCount == 3)
            #expect(fixture.receiver.notices.map(\.channelTradeNo) == [transactionID])
            #expect(fixture.receiver.errors.isEmpty)
        }
    }

    @Test("the simulator gives up after its bounded number of attempts")
    func givesUp() async throws {
        let options = WeChatPaySimulator.Options(notifyRetryIntervals: [.milliseconds(5), .milliseconds(5)])
        try await WeChatPayFixture.run(options: options) { fixture in
            // Setup
            let number = "13010520260214000036"
            _ = try await fixture.channel.prepay(fixture.request(number))
            fixture.receiver.refuseNext(100)

            // Act
            try fixture.simulator.pay(outTradeNo: number)
            let deliveries = await fixture.simulator.deliveries(of: number)

            // Verify
            #expect(deliveries == [500, 500, 500])
            #expect(fixture.receiver.notices.isEmpty)
        }
    }

    @Test("the acknowledgements are what WeChat Pay expects")
    func acknowledgements() throws {
        // Setup
        let channel = try WeChatPaySigningTests.channel(offset: 0)

        // Act
        let accepted = channel.acknowledgement(accepted: true)
        let refused = channel.acknowledgement(accepted: false)

        // Verify
        #expect(accepted.status == 200)
        #expect(accepted.body.isEmpty)
        #expect(refused.status == 500)
        let json = try JSONSerialization.jsonObject(with: Data(refused.body.utf8)) as? [String: String]
        #expect(json == ["code": "FAIL", "message": "失败"])
    }
}
