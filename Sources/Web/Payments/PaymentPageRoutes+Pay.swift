import Foundation
import Hummingbird
import Kernel
import PaymentChannels
import Payments

extension PaymentPageRoutes {
    /// 缴款码缴费, for anyone holding the code (no login, as with a paper notice): type the code, see
    /// the order, choose a channel, scan its QR, get the receipt.
    static func addPay(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let payments = dependencies.payments
        router.get("/pay") { request, context in
            let layout = renderer.layout("缴费", request, context)
            guard let raw = request.uri.queryParameters["code"] else {
                return renderer.render("payment-pay", PaymentPagePay(layout: layout))
            }
            // A GET form sends the spaces of a grouped code as `+`.
            let typed = PaymentPageFormat.typed(String(raw).replacingOccurrences(of: "+", with: ""))
            guard typed.count == 20, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber) else {
                let error = badCode()
                return renderer.render(
                    "payment-pay", PaymentPagePay(layout: layout, typed: typed, error: error),
                    status: CasePageRoutes.status(error))
            }
            return CasePageRoutes.redirect("/pay/\(typed)")
        }
        router.get("/pay/{code}") { request, context in
            try await orderPage(code(context), request, context, dependencies)
        }
        router.post("/pay/{code}/checkout") { request, context in
            let code = code(context)
            let channel = PaymentChannelID(
                rawValue: String((try await request.formFields(context)["channel"] ?? "").prefix(20)))
            do {
                _ = try await payments.checkout(code: code, channel: channel, by: context.actor)
                return CasePageRoutes.redirect("/pay/\(code)/scan?channel=\(channel.rawValue)")
            } catch let error as DomainError where error.kind != .notFound {
                return try await orderPage(code, request, context, dependencies, error: error)
            }
        }
        router.get("/pay/{code}/scan") { request, context in
            let order = try await payments.order(code: code(context))
            let channel = PaymentChannelID(rawValue: CaseAPIRequest.query(request, "channel"))
            let detail = try await payments.detail(order.id, by: .code(order.code))
            let trade = detail.trades.last { $0.channel == channel && $0.state == .open }
            // No open trade (an old link, another channel chosen since): back to choosing one.
            if trade == nil && detail.order.state.isPayable { return CasePageRoutes.redirect("/pay/\(order.code)") }
            let page = PaymentPageScan(
                layout: renderer.layout("扫码缴费", request, context), order: detail.order, channel: channel, trade: trade)
            return renderer.render("payment-scan", page)
        }
        router.get("/pay/{code}/receipt") { request, context in
            let order = try await payments.order(code: code(context))
            let receipt = try await payments.receipt(order.id, by: .code(order.code))
            let page = PaymentPageReceipt(
                layout: renderer.layout("电子票据", request, context), receipt: receipt, order: order,
                backHref: "/pay/\(order.code)")
            return renderer.render("payment-receipt", page)
        }
    }

    /// The order page of `code`, or the code form with why it found nothing (never an error page:
    /// the payer can correct the code right there).
    static func orderPage(
        _ code: String, _ request: Request, _ context: AppRequestContext, _ dependencies: WebDependencies,
        error: DomainError? = nil
    ) async throws -> Response {
        let renderer = dependencies.renderer
        do {
            let order = try await dependencies.payments.order(code: code)
            let page = PaymentPagePay(
                layout: renderer.layout("缴费：\(order.itemName)", request, context), order: order,
                channels: scanChannels(dependencies), now: dependencies.clock.now(), error: error)
            return renderer.render("payment-order", page, status: CasePageRoutes.status(error))
        } catch let error as DomainError where error.kind == .invalid || error.kind == .notFound {
            let page = PaymentPagePay(layout: renderer.layout("缴费", request, context), typed: code, error: error)
            return renderer.render("payment-pay", page, status: CasePageRoutes.status(error))
        }
    }

    /// The refusal of a code that is not 20 digits, in the words the service uses.
    static func badCode() -> DomainError {
        DomainError(.invalid, code: "payments.bad-code", title: "缴款码有误", detail: "缴款码为20位数字，请核对后重新输入（最后一位是校验位）。")
    }
}
