import Cases
import CasesModel
import Catalog
import CatalogModel
import Foundation
import Hummingbird
import Identity
import Kernel

extension CaseStaffPageRoutes {
    /// Who the window pages are for, in the refusal shown to anyone else.
    static let counterAudience = "一窗受理只供窗口工作人员使用"

    /// `/counter/cases`: find the applicant and the item, the window's form, the receipt.
    static func addCounter(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        let catalog = dependencies.catalog
        let renderer = dependencies.renderer

        @Sendable func console(
            _ request: Request, _ context: AppRequestContext, staff: StaffContext,
            _ change: (inout CaseStaffCounter) async throws -> Void = { _ in }
        ) async throws -> Response {
            let actor = CasePageFormat.counter(staff, context)
            var page = CaseStaffCounter(
                layout: renderer.layout("一窗受理", request, context), records: try await cases.windowCases(by: actor))
            do {
                try await change(&page)
            } catch let error as DomainError {
                page.error = error
            }
            return renderer.render("case-counter", page, status: CasePageRoutes.status(page.error))
        }

        router.get("/counter/cases") { request, context in
            let staff = try context.requireStaff(for: counterAudience)
            let query = request.uri.queryParameters
            return try await console(request, context, staff: staff) { page in
                if let account = query["account"].flatMap({ UUID(uuidString: String($0)) }) {
                    page.show(try await dependencies.identity.profile(account))
                }
                guard let text = query["q"].map({ String($0).trimmingCharacters(in: .whitespaces) }), !text.isEmpty
                else { return }
                page.query = String(text.prefix(100))
                page.searched = true
                let found: [(String, String, String)]
                if text.count == 33, text.allSatisfy(\.isNumber) {
                    let item = try await catalog.publishedItem(code: text)
                    found = [(item.item.businessCode.rawValue, item.guide.name, item.departmentName)]
                } else {
                    found = try await catalog.search(text).hits.map {
                        ($0.summary.businessCode, $0.summary.name, $0.summary.departmentName)
                    }
                }
                page.items = found.map { .init(code: $0.0, name: $0.1, department: $0.2, href: page.applyHref($0.0)) }
            }
        }
        router.post("/counter/cases/lookup") { request, context in
            let staff = try context.requireStaff(for: counterAudience)
            let form = try await request.formFields(context)
            return try await console(request, context, staff: staff) { page in
                let actor = CasePageFormat.counter(staff, context)
                if let person = try await dependencies.organisation.counterLookup(
                    idNumber: form["idNumber"] ?? "", by: actor)
                {
                    page.show(person)
                } else {
                    page.lookupNotice = "没有找到该身份证号的账号；可直接为其代办，在申请表中填写申请人信息。"
                }
            }
        }
        router.get("/counter/cases/{id}/receipt") { request, context in
            let staff = try context.requireStaff(for: counterAudience)
            let id = try context.parameters.require("id", as: UUID.self)
            let detail = try await cases.detail(id, by: .staff(CasePageFormat.counter(staff, context)))
            let page = CasePageReceipt(
                layout: renderer.layout("收件回执", request, context), detail: detail,
                department: try await catalog.departmentNames()[detail.record.departmentID] ?? "",
                back: "/counter/cases")
            return renderer.render("case-receipt", page)
        }
        addCounterApply(to: router, dependencies: dependencies)
    }
}
