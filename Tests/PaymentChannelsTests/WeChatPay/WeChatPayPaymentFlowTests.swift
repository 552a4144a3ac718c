import AsyncHTTPClient
import Foundation
import Kernel
import PaymentChannels
import Testing

/// Prepay, payment, notification and query against the simulator.
@Suite("WeChat Pay payment flow")
struct WeChatPayPaymentFlowTests {
    @Test("prepay, the payer pays, the notification verifies and decrypts, query says paid")
    func paidTrade() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000017"
            let result = try await fixture.channel.prepay(fixture.request(number))
            let before = try await fixture.channel.query(outTradeNo: number)

            // Act
            let transactionID = try fixture.simulator.pay(outTradeNo: number)
            let deliveries = await fixture.simulator.deliveries(of: number)
            let after = try await fixture.channel.query(outTradeNo: number)

            // Verify
            #expect(result.qrContent == fixture.simulator.trade(number)?.codeURL)
            #expect(result.qrContent.hasPrefix("weixin://wxpay/bizpayurl?pr="))
            #expect(before == ChannelTradeStatus(outTradeNo: number, state: .notPaid))
            #expect(deliveries == [200])
            #expect(
                fixture.receiver.notices == [
                    ChannelPaymentNotice(
                        outTradeNo: number, channelTradeNo: transactionID, state: .paid, amount: Money(fen: 8000),
                        paidAt: fixture.clock.now(), notificationID: "EV-" + transactionID)
                ])
            #expect(
                after
                    == ChannelTradeStatus(
                        outTradeNo: number, state: .paid, channelTradeNo: transactionID, amount: Money(fen: 8000),
                        paidAt: fixture.clock.now()))
        }
    }

    @Test("the simulator received the expiry in Beijing time and a description cut to 127 bytes")
    func prepayFields() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup: 50 three-byte characters are 150 bytes.
            let long = String(repeating: "费", count: 50)

            // Act
            _ = try await fixture.channel.prepay(fixture.request("13010520260214000018", description: long))

            // Verify
            let trade = try #require(fixture.simulator.trade("13010520260214000018"))
            #expect(trade.description == String(repeating: "费", count: 42))
            #expect(trade.expiresAt == fixture.clock.now().addingTimeInterval(1800))
            #expect(trade.notifyURL == fixture.notifyURL.absoluteString)
        }
    }

    @Test("repeating a prepay returns the same code; a changed or paid trade is a duplicate")
    func duplicatePrepay() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000019"
            let first = try await fixture.channel.prepay(fixture.request(number))

            // Act
            let again = try await fixture.channel.prepay(fixture.request(number))
            await #expect(throws: PaymentChannelError.alreadyExists) {
                try await fixture.channel.prepay(fixture.request(number, fen: 9000))
            }
            try fixture.simulator.pay(outTradeNo: number)
            await #expect(throws: PaymentChannelError.alreadyExists) {
                try await fixture.channel.prepay(fixture.request(number))
            }

            // Verify
            #expect(again == first)
        }
    }

    @Test("a closed trade cannot be paid, reopened, and closes again quietly")
    func closeThenPay() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000020"
            _ = try await fixture.channel.prepay(fixture.request(number))

            // Act
            try await fixture.channel.close(outTradeNo: number)
            try await fixture.channel.close(outTradeNo: number)

            // Verify
            #expect(throws: WeChatPaySimulator.PayError.notPayable(state: "CLOSED")) {
                try fixture.simulator.pay(outTradeNo: number)
            }
            #expect(try await fixture.channel.query(outTradeNo: number).state == .closed)
            await #expect(throws: PaymentChannelError.refused(code: "ORDER_CLOSED", message: "订单已关闭")) {
                try await fixture.channel.prepay(fixture.request(number))
            }
            #expect(fixture.receiver.requestCount == 0)
        }
    }

    @Test("a paid trade cannot be closed, and an unknown trade queries as unknown")
    func closePaidAndUnknown() async throws {
        try await WeChatPayFixture.run { fixture in
            // Setup
            let number = "13010520260214000021"
            _ = try await fixture.channel.prepay(fixture.request(number))
            try fixture.simulator.pay(outTradeNo: number)

            // Act and verify
            await #expect(throws: PaymentChannelError.refused(code: "ORDERPAID", message: "订单已支付，不能关闭")) {
                try await fixture.channel.close(outTradeNo: number)
            }
            #expect(
                try await fixture.channel.query(outTradeNo: "13010520260214999999")
                    == ChannelTradeStatus(outTradeNo: "13010520260214999999", state: .unknown))
        }
    }

    @Test("a trade number outside WeChat's alphabet never reaches the network")
    func badTradeNumber() async throws {
        try await WeChatPayFixture.run { fixture in
            for number in ["../../v3/refund", "12345", "1301052026 0214", String(repeating: "1", count: 33)] {
                await #expect(throws: PaymentChannelError.self) { try await fixture.channel.query(outTradeNo: number) }
            }
            #expect(fixture.simulator.ledger.withLock { $0.requests } == 0)
        }
    }

    @Test("the simulator refuses an unsigned request and one signed with another key")
    func forgedRequests() async throws {
        // Setup: the impostor signs as our merchant, but the simulator knows the merchant's real key.
        try await WeChatPayFixture.run(configure: { try $0.configuration(merchantKey: WeChatPayTestKeys.impostorPKCS8) }
        ) {
            fixture in
            var unsigned = HTTPClientRequest(url: fixture.simulator.baseURL + "/v3/pay/transactions/native")
            unsigned.method = .POST
            unsigned.body = .bytes(.init(string: #"{"appid":"wxd678efh567hg6787"}"#))

            // Act
            let raw = try await HTTPClient.shared.execute(unsigned, timeout: .seconds(5))
            let rawBody = String(buffer: try await raw.body.collect(upTo: 4096))

            // Verify
            #expect(raw.status.code == 401)
            #expect(rawBody.contains(#""SIGN_ERROR""#))
            await #expect(throws: PaymentChannelError.refused(code: "SIGN_ERROR", message: "签名错误")) {
                try await fixture.channel.prepay(fixture.request("13010520260214000022"))
            }
            #expect(fixture.simulator.trade("13010520260214000022") == nil)
        }
    }

    @Test("a wrong certificate serial is refused by the simulator")
    func wrongSerial() async throws {
        try await WeChatPayFixture.run(configure: { try $0.configuration(merchantSerialNumber: "ABCDEF0123") }) {
            fixture in
            await #expect(throws: PaymentChannelError.refused(code: "SIGN_ERROR", message: "签名错误")) {
                try await fixture.channel.query(outTradeNo: "13010520260214000023")
            }
        }
    }

    @Test("answers signed by another key, or naming another public key, are not believed")
    func untrustedAnswers() async throws {
        try await WeChatPayFixture.run(configure: {
            try $0.configuration(platformKey: WeChatPayTestKeys.impostorPublic)
        }) { fixture in
            await #expect(throws: PaymentChannelError.badSignature) {
                try await fixture.channel.prepay(fixture.request("13010520260214000024"))
            }
        }
        try await WeChatPayFixture.run(configure: {
            try $0.configuration(platformKeyID: "PUB_KEY_ID_09999999999999999999999999999999")
        }) { fixture in
            await #expect(throws: PaymentChannelError.badSignature) {
                try await fixture.channel.query(outTradeNo: "13010520260214000025")
            }
        }
    }

    @Test("an unreachable WeChat Pay is unavailable, not a crash")
    func unreachable() async throws {
        // Setup: port 9 (discard) has no HTTP server on the test machine.
        let configuration = try WeChatPaySigningTests.configuration()
        let moved = try WeChatPayConfiguration(
            baseURL: "http://127.0.0.1:9", appID: configuration.appID, merchantID: configuration.merchantID,
            merchantSerialNumber: configuration.merchantSerialNumber,
            merchantPrivateKeyPEM: WeChatPayTestKeys.merchantPKCS8,
            platformPublicKeyPEM: WeChatPayTestKeys.platformPublic,
            platformPublicKeyID: configuration.platformPublicKeyID,
            apiV3Key: WeChatPayVectors.apiV3Key)
        let channel = WeChatPayChannel(configuration: moved, httpClient: .shared, timeoutSeconds: 2)

        // Act and verify
        await #expect {
            try await channel.query(outTradeNo: "13010520260214000026")
        } throws: { error in
            if case .unavailable = error as? PaymentChannelError { return true }
            return false
        }
    }
}
