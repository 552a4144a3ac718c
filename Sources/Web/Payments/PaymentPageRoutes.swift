import Cases
import Foundation
import Hummingbird
import Kernel
import PaymentChannels
import Payments

/// Non-tax payments (非税支付) as pages: paying by payment code without logging in, the e-receipt
/// and its public verifier, the demo payer page, the payer's own orders, and the finance staff's
/// orders, refunds, counter payments, reconciliation and notification log.
///
/// `PaymentService` checks every permission; these routes only name the caller.
enum PaymentPageRoutes {
    /// The notices a redirect after a successful staff command may ask for; never text from the query.
    static let notices = [
        "refunded": "退款已提交，款项将按原渠道退回。", "cancelled": "缴款单已取消。",
        "collected": "已登记窗口收款，电子票据已开具。", "imported": "对账单已导入并完成对账。", "resolved": "差异已处理并记录原因。",
    ]

    /// Who the staff pages are for, in the refusal shown to anyone else.
    static let staffAudience = "非税收入管理只供执收单位的收费和财务人员使用"

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addPay(to: router, dependencies: dependencies)
        addReceipts(to: router, dependencies: dependencies)
        addSandbox(to: router, dependencies: dependencies)
        addMine(to: router, dependencies: dependencies)
        // The fixed staff paths (notifications, reconciliation) before `{id}`, so they are never read as an id.
        addReconciliation(to: router, dependencies: dependencies)
        addStaffPages(to: router, dependencies: dependencies)
        addStaffCommands(to: router, dependencies: dependencies)
    }

    /// The `{id}` path parameter as an order id; a malformed one is simply not found, like an order
    /// the caller may not see.
    static func id(_ context: AppRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw notFound() }
        return id
    }

    /// The `{code}` path parameter as a payer typed it, bounded.
    static func code(_ context: AppRequestContext) -> String {
        PaymentPageFormat.typed(context.parameters.get("code") ?? "")
    }

    /// The answer for an order that does not exist or that the caller may not see.
    static func notFound() -> DomainError {
        DomainError(.notFound, code: "payments.not-found", title: "缴款单不存在", detail: "没有找到这个缴款单，或您无权查看。请核对缴款码。")
    }

    /// The scan-to-pay channels the deployment offers, in their registered order.
    static func scanChannels(_ dependencies: WebDependencies) -> [PaymentChannelID] {
        dependencies.payments.scanChannels.filter { $0 != .counter }
    }
}

extension PaymentPageRoutes {
    /// The 缴费 section of a case page for `actor`; nil when the case has no order or its orders
    /// cannot be read, so a case page never fails because of its payments.
    static func caseSection(
        _ caseID: UUID, by actor: CaseActor, applicant: Bool, _ dependencies: WebDependencies
    ) async -> PaymentPageCaseSection? {
        guard let orders = try? await dependencies.payments.orders(ofCase: caseID, by: actor) else { return nil }
        return PaymentPageCaseSection(orders: orders, applicant: applicant)
    }
}
