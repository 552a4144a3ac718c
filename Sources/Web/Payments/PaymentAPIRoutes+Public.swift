import Foundation
import Hummingbird
import Kernel
import PaymentChannels
import Payments

extension PaymentAPIRoutes {
    /// 缴款码缴费 without logging in: whoever holds the payment code (on the paper notice, in the SMS)
    /// looks the order up, opens a channel's QR code, and fetches the receipt once paid. The receipt
    /// verifier is public too, as anyone handed a receipt must be able to check it.
    static func addPublic(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments

        router.get("/api/v1/payments/orders/{code}") { request, context in
            try await mappingBadRequests(request, context) {
                let order = try await payments.order(code: code(context))
                return try uncached(
                    Models.PublicOrder(order, channels: payments.scanChannels, now: dependencies.clock.now()))
            }
        }
        router.post("/api/v1/payments/orders/{code}/checkout") { request, context in
            try await mappingBadRequests(request, context) {
                let body = try await request.decodeJSON(as: Models.CheckoutRequest.self, context: context)
                let channel = PaymentChannelID(rawValue: body.channel.trimmingCharacters(in: .whitespaces))
                let checkout = try await payments.checkout(code: code(context), channel: channel, by: context.actor)
                guard let qr = try? QRCode(text: checkout.trade.qrContent, level: .medium) else {
                    throw DomainError(
                        .unavailable, code: "payments.qr-too-long", title: "无法生成付款二维码",
                        detail: "支付渠道返回的付款链接过长，无法生成二维码，请换一个缴费渠道。")
                }
                return try uncached(
                    Models.Checkout(
                        order: Models.PublicOrder(
                            checkout.order, channels: payments.scanChannels, now: dependencies.clock.now()),
                        channel: channel.rawValue, channelLabel: channel.label, qrContent: checkout.trade.qrContent,
                        qrSvg: qr.svg(label: "\(channel.label)付款二维码，请用\(channel.label)扫描"),
                        tradeId: checkout.trade.id, outTradeNo: checkout.trade.outTradeNo))
            }
        }
        router.get("/api/v1/payments/orders/{code}/receipt") { request, context in
            try await mappingBadRequests(request, context) {
                let order = try await payments.order(code: code(context))
                let receipt = try await payments.receipt(order.id, by: .code(order.code))
                return try uncached(Models.Receipt(receipt))
            }
        }
        router.post("/api/v1/payments/receipts/verify") { request, context in
            let body = try await request.decodeJSON(as: Models.VerifyRequest.self, context: context)
            return try uncached(Models.Verification(try await payments.verifyReceipt(body.code)))
        }
        addSandbox(to: router, dependencies: dependencies)
    }

    /// The demo channel's payer: pays the sandbox trade, then hands its signed notification to the
    /// platform exactly as a provider would post it. Only where the sandbox is enabled (demo mode).
    static func addSandbox(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let payments = dependencies.payments
        router.post("/api/v1/payments/sandbox/{outTradeNo}/pay") { request, context in
            guard let sandbox = dependencies.paymentSandbox else {
                throw DomainError(
                    .notFound, code: "payments.sandbox-disabled", title: "演示支付未开启",
                    detail: "本平台未开启演示支付渠道，请使用页面上列出的其他缴费渠道。")
            }
            let outTradeNo = context.parameters.get("outTradeNo") ?? ""
            let notification = try await sandbox.pay(outTradeNo: outTradeNo)
            let acknowledgement = await payments.receiveNotification(.sandbox, notification)
            // The sandbox's trade number is the payment code, so the order tells what the payment did.
            let order = try? await payments.order(code: outTradeNo)
            let outcome =
                if !(200..<300).contains(acknowledgement.status) {
                    "refused"
                } else if let order, order.state.wasPaid, order.channel == .sandbox {
                    "paid"
                } else {
                    // Accepted, yet the order did not take it (expired, cancelled, paid another way).
                    "refunding"
                }
            return try uncached(
                Models.SandboxPayment(
                    outcome: outcome, status: acknowledgement.status, orderState: order?.state.rawValue,
                    orderStateLabel: order?.state.label))
        }
    }
}
