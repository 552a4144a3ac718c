import Cases
import CasesModel
import Foundation
import Hummingbird
import Identity
import Kernel

extension CaseStaffPageRoutes {
    /// `GET /staff/cases/{id}` with its material files, and deciding a task.
    static func addCase(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        router.get("/staff/cases/{id}") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let notice = request.uri.queryParameters["done"].flatMap { notices[String($0)] }
            return try await casePage(id, request, context, staff: staff, dependencies, notice: notice)
        }
        router.get("/staff/cases/{id}/materials/{sha}") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let sha = context.parameters.get("sha") ?? ""
            guard CasePageFormat.isDigest(sha) else { throw HTTPError(.notFound) }
            let actor = CaseActor.staff(staff.actor)
            let (blob, data) = try await cases.materialFile(id, sha256: sha, by: actor)
            let name = try await cases.materials(id, by: actor).first { $0.sha256 == sha }?.fileName ?? "material"
            return CasePageFormat.download(blob, data: data, fileName: name)
        }
        router.post("/staff/tasks/{id}/decide") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let form = try await request.formFields(context)
            let caseID = try await cases.task(id, by: staff.actor).caseID
            do {
                let decision: TaskDecision
                switch form["decision"] ?? "" {
                case "approve": decision = .approve
                case "deny": decision = .deny
                case let text where text.hasPrefix("return:"): decision = .sendBack(to: String(text.dropFirst(7)))
                default:
                    throw DomainError(
                        .invalid, code: "cases.decision-missing", title: "请选择办理意见", detail: "请选择通过、不予通过或退回。")
                }
                _ = try await cases.decide(
                    id, decision, comment: form["comment"] ?? "",
                    expectedRevision: form["revision"].flatMap { Int($0) }, by: staff.actor)
                return CasePageRoutes.redirect("/staff/cases/\(caseID.uuidString)?done=decided")
            } catch let error as DomainError where error.kind != .notFound {
                return try await casePage(caseID, request, context, staff: staff, dependencies, error: error)
            }
        }
    }

    /// The staff page of case `id`, with a notice or the error of a refused command.
    static func casePage(
        _ id: UUID, _ request: Request, _ context: AppRequestContext, staff: StaffContext,
        _ dependencies: WebDependencies, notice: String? = nil, error: DomainError? = nil
    ) async throws -> Response {
        let renderer = dependencies.renderer
        let detail = try await dependencies.cases.detail(id, by: .staff(staff.actor))
        let record = detail.record
        var page = CaseStaffCase(
            layout: renderer.layout("办件：\(record.itemName)", request, context), detail: detail,
            guide: try await dependencies.catalog.guide(itemID: record.itemID, version: record.itemVersion),
            process: dependencies.cases.processes.definition(id: record.processID, revision: record.processRevision),
            department: try await dependencies.catalog.departmentNames()[record.departmentID] ?? "",
            staffID: staff.session.staffID, today: CalendarDay(dependencies.clock.now()))
        page.notice = notice
        page.error = error
        page.payments = await PaymentPageRoutes.caseSection(id, by: .staff(staff.actor), applicant: false, dependencies)
        let form = try await dependencies.cases.form(id, by: .staff(staff.actor))
        let schema = dependencies.cases.processes.definition(id: record.processID, revision: record.processRevision)?
            .form
        page.formFields = (schema?.fields ?? []).map {
            CaseStaffCase.FormField(label: $0.label, value: form[$0.key] ?? "")
        }
        return renderer.render("case-staff-case", page, status: CasePageRoutes.status(error))
    }
}
