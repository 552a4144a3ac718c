import Cases
import CasesModel
import Catalog
import CatalogModel
import Foundation
import Hummingbird
import Identity
import Kernel

extension CaseStaffPageRoutes {
    /// `GET/POST /counter/cases/apply/{itemCode}`: the window fills in the form for the applicant,
    /// ticks the paper materials received, and submits; the receipt follows.
    static func addCounterApply(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let cases = dependencies.cases
        let renderer = dependencies.renderer

        @Sendable func form(_ code: String) async throws -> (PublishedItem, ProcessDefinition) {
            let item = try await dependencies.catalog.publishedItem(code: code)
            guard let process = cases.processes.definition(forItem: code) else {
                throw DomainError(.notFound, code: "cases.no-process", title: "事项未配置办理流程", detail: "该事项没有配置办理流程，暂不能受理。")
            }
            return (item, process)
        }

        router.get("/counter/cases/apply/{itemCode}") { request, context in
            _ = try context.requireStaff(for: counterAudience)
            let (item, process) = try await form(context.parameters.get("itemCode") ?? "")
            var page = CasePageApply(
                layout: renderer.layout("窗口受理：\(item.guide.name)", request, context), action: request.uri.path,
                item: item, schema: process.form, form: [:], chosen: [], problems: [])
            page.counter = true
            if let account = request.uri.queryParameters["account"].flatMap({ UUID(uuidString: String($0)) }) {
                let person = try await dependencies.identity.profile(account)
                page.accountID = account.uuidString
                page.accountLabel = "\(person.nameMasked)（\(person.idNumberMasked)）"
            }
            return renderer.render("case-counter-apply", page)
        }
        router.post("/counter/cases/apply/{itemCode}") { request, context in
            let staff = try context.requireStaff(for: counterAudience)
            let code = context.parameters.get("itemCode") ?? ""
            let (item, process) = try await form(code)
            let pairs = URLEncodedForm.pairs(
                String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
            let value = { (key: String) in (pairs.last { $0.0 == key }?.1 ?? "").trimmingCharacters(in: .whitespaces) }
            let data = CasePageApply.formData(pairs, schema: process.form)
            let situations = CasePageApply.situations(pairs.filter { $0.0 == "situation" }.map(\.1), guide: item.guide)
            let paper = Set(pairs.filter { $0.0 == "paper" }.map(\.1))
            let problems = process.form.validate(data, today: CalendarDay(dependencies.clock.now()))
            var page = CasePageApply(
                layout: renderer.layout("窗口受理：\(item.guide.name)", request, context), action: request.uri.path,
                item: item, schema: process.form, form: data, chosen: Set(situations), problems: problems, paper: paper)
            page.counter = true
            page.accountID = UUID(uuidString: value("account"))?.uuidString
            page.accountLabel = value("accountLabel")
            page.applicantName = value("applicantName")
            page.applicantID = value("applicantID").uppercased()
            page.applicantPhone = value("applicantPhone")
            do {
                guard problems.isEmpty else {
                    throw DomainError(
                        .invalid, code: "cases.form-invalid", title: "申请表填写有误",
                        detail: "有\(problems.count)项需要修改，请按各项下方的提示修改后重新提交。")
                }
                let needed = item.guide.materials(for: Set(situations)).filter {
                    $0.required && $0.source == .applicant && !$0.exempt && !paper.contains($0.code)
                }
                guard needed.isEmpty else {
                    throw DomainError(
                        .invalid, code: "cases.materials-missing", title: "申请材料不齐全",
                        detail: "请收齐并勾选：" + needed.map(\.name).joined(separator: "、") + "；材料不齐的，应一次性告知申请人需补齐的全部材料。")
                }
                let actor = CasePageFormat.counter(staff, context)
                let applicant = CaseApplicant(
                    accountID: page.accountID.flatMap(UUID.init(uuidString:)), kind: .person, name: page.applicantName,
                    idNumber: page.applicantID, phone: page.applicantPhone)
                let draft = try await cases.saveDraft(
                    CaseApplication(itemCode: code, form: data, situations: situations), applicant: applicant,
                    by: .staff(actor))
                for material in item.guide.materials where paper.contains(material.code) {
                    try await cases.recordPaperMaterial(draft.id, materialCode: material.code, by: actor)
                }
                _ = try await cases.submit(draft.id, by: .staff(actor))
                return CasePageRoutes.redirect("/counter/cases/\(draft.id.uuidString)/receipt")
            } catch let error as DomainError {
                page.error = error
                return renderer.render("case-counter-apply", page, status: CasePageRoutes.status(error))
            }
        }
    }
}
