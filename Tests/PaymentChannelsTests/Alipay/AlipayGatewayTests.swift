import AsyncHTTPClient
import Foundation
import Kernel
import NIOCore
import Testing

@testable import PaymentChannels

/// Signatures on both directions of the gateway, and transport failures.
@Suite struct AlipayGatewayTests {
    @Test func aForgedRequestIsRefusedBySimulator() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            // Setup: a request signed with a key the open platform does not know for this app.
            let forger = try AlipayFixture.channel(simulator, privateKey: AlipayTestKeys.otherPrivateKey)
            let form = try forger.gateway.form("alipay.trade.query", biz: ["out_trade_no": "T-1"], notifyURL: nil)
            var request = HTTPClientRequest(url: simulator.gatewayURL.absoluteString)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded;charset=utf-8")
            request.body = .bytes(ByteBuffer(string: form))

            // Act
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = Data(try await response.body.collect(upTo: 1 << 16).readableBytesView)

            // Verify: Alipay's error shape, signed by Alipay's key.
            let envelope = try AlipayResponseEnvelope(body: body, method: "alipay.trade.query")
            let configuration = try AlipayFixture.configuration(gateway: simulator.gatewayURL)
            #expect(AlipaySignature.isValid(envelope.sign ?? "", of: envelope.content, with: configuration.alipayKey))
            let reply = try AlipayReply(content: envelope.content)
            #expect(reply.code == "40002")
            #expect(reply.subCode == "isv.invalid-signature")
        }
    }

    @Test func theChannelReportsTheRefusalOfAWrongKey() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator, privateKey: AlipayTestKeys.otherPrivateKey)
            do {
                _ = try await channel.prepay(AlipayFixture.prepay("T-KEY", clock: clock))
                Issue.record("a request with the wrong key went through")
            } catch {
                guard case PaymentChannelError.refused(let code, _) = error else {
                    Issue.record("expected a refusal, got \(error)")
                    return
                }
                #expect(code == "isv.invalid-signature")
            }
            #expect(simulator.trade("T-KEY") == nil)
        }
    }

    @Test func anUnknownAppIsRefused() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator, appID: "2021000000000999")
            await #expect(throws: PaymentChannelError.refused(code: "isv.invalid-app-id", message: "无效的AppID参数")) {
                try await channel.query(outTradeNo: "T-1")
            }
        }
    }

    @Test func aTamperedResponseIsBadSignature() async throws {
        let clock = FixedClock(AlipayFixture.start)
        try await AlipaySimulator.run(clock: clock) { simulator in
            let channel = try AlipayFixture.channel(simulator)
            _ = try await channel.prepay(AlipayFixture.prepay("T-RESP", clock: clock))
            try simulator.pay("T-RESP")

            // A man in the middle turns the paid trade into an unpaid one.
            simulator.responseRewriter.withLock {
                $0 = { $0.replacingOccurrences(of: "TRADE_SUCCESS", with: "WAIT_BUYER_PAY") }
            }
            await #expect(throws: PaymentChannelError.badSignature) { try await channel.query(outTradeNo: "T-RESP") }

            // One space inside the signed object is enough to fail.
            simulator.responseRewriter.withLock {
                $0 = { $0.replacingOccurrences(of: "\"code\":", with: "\"code\": ") }
            }
            await #expect(throws: PaymentChannelError.badSignature) { try await channel.query(outTradeNo: "T-RESP") }

            // An answer without a signature is not trusted either.
            simulator.responseRewriter.withLock {
                $0 = { text in String(text[..<(text.range(of: ",\"sign\"")?.lowerBound ?? text.endIndex)]) + "}" }
            }
            await #expect(throws: PaymentChannelError.badSignature) { try await channel.query(outTradeNo: "T-RESP") }

            // Spacing outside the signed object changes nothing.
            simulator.responseRewriter.withLock {
                $0 = { " " + $0.replacingOccurrences(of: ",\"sign\":", with: " ,\n\t\"sign\" : ") }
            }
            #expect(try await channel.query(outTradeNo: "T-RESP").state == .paid)
        }
    }

    @Test func anUnreachableGatewayIsUnavailable() async throws {
        // Port 9 (discard) on this machine: nothing listens there; the client retries until the deadline.
        let clock = FixedClock(AlipayFixture.start)
        let channel = AlipayChannel(
            configuration: try AlipayFixture.configuration(
                gateway: URL(string: "http://127.0.0.1:9/gateway.do")!, requestTimeout: 1),
            httpClient: .shared, clock: clock)
        do {
            _ = try await channel.query(outTradeNo: "T-1")
            Issue.record("a closed port answered")
        } catch {
            guard case PaymentChannelError.unavailable = error else {
                Issue.record("expected unavailable, got \(error)")
                return
            }
        }
    }
}
