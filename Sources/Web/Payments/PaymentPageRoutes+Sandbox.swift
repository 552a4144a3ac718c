import Foundation
import Hummingbird
import Kernel
import PaymentChannels
import Payments

extension PaymentPageRoutes {
    /// 演示支付: the page the sandbox channel's QR opens, playing the payer's WeChat or Alipay app.
    /// Paying posts the JSON endpoint from the page's script; without a script the form posts here,
    /// which does the same: the sandbox signs a notification and the platform takes it as a real one.
    /// Absent (404) where the deployment has no sandbox.
    static func addSandbox(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let payments = dependencies.payments
        @Sendable func sandboxPage(
            _ request: Request, _ context: AppRequestContext, result: PaymentOutcome? = nil
        ) async throws -> Response {
            guard let sandbox = dependencies.paymentSandbox else { throw HTTPError(.notFound) }
            let outTradeNo = PaymentPageFormat.typed(context.parameters.get("outTradeNo") ?? "")
            let status: ChannelTradeStatus?
            do { status = try await sandbox.trade(outTradeNo) } catch { throw error.domainError }
            guard let status else {
                throw DomainError(.notFound, code: "payments.sandbox-not-found", title: "交易不存在", detail: "演示支付中没有这笔交易。")
            }
            let order = try? await payments.order(code: outTradeNo)
            let page = PaymentPageSandbox(
                layout: renderer.layout("演示支付（非真实扣款）", request, context), status: status, order: order,
                result: result)
            return renderer.render("payment-sandbox", page)
        }
        router.get("/payments/sandbox/{outTradeNo}") { request, context in
            try await sandboxPage(request, context)
        }
        router.post("/payments/sandbox/{outTradeNo}/pay") { request, context in
            guard let sandbox = dependencies.paymentSandbox else { throw HTTPError(.notFound) }
            let outTradeNo = PaymentPageFormat.typed(context.parameters.get("outTradeNo") ?? "")
            let notification = try await sandbox.pay(outTradeNo: outTradeNo)
            let acknowledgement = await payments.receiveNotification(.sandbox, notification)
            // The sandbox's trade number is the payment code, so the order tells what the payment did.
            let order = try? await payments.order(code: outTradeNo)
            let outcome: PaymentOutcome =
                !(200..<300).contains(acknowledgement.status)
                ? .refused : order?.state.wasPaid == true && order?.channel == .sandbox ? .paid : .refunding
            return try await sandboxPage(request, context, result: outcome)
        }
    }
}
