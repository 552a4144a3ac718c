import Foundation
import Hummingbird
import Kernel
import Payments

extension PaymentPageRoutes {
    /// 电子票据核验, for anyone: paste the scanned text, see the verdict. Junk gets a verdict too,
    /// never an error page: the verifier names what is wrong with the text.
    static func addReceipts(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let renderer = dependencies.renderer
        let payments = dependencies.payments
        router.get("/payments/receipts/verify") { request, context in
            renderer.render(
                "payment-receipt-verify", PaymentPageVerify(layout: renderer.layout("电子票据核验", request, context)))
        }
        router.post("/payments/receipts/verify") { request, context in
            let code = try await request.formFields(context)["code"] ?? ""
            let page = PaymentPageVerify(
                layout: renderer.layout("电子票据核验", request, context), code: code,
                verification: try await payments.verifyReceipt(String(code.prefix(PaymentPageVerify.echoLimit))))
            return renderer.render("payment-receipt-verify", page)
        }
    }
}
