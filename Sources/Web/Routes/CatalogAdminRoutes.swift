import Catalog
import CatalogModel
import Foundation
import Hummingbird
import Identity
import Kernel

/// 事项管理 for staff: the list of their departments' items, the guide form, the versions with a
/// readable diff, and publishing, retiring and discarding; plus the public 流程再造报告.
///
/// The route only needs a staff session: `CatalogService` checks `catalog.manage` and
/// `catalog.publish` against the item's department, and a refusal is shown on the page with its
/// status (403, 409, 422) instead of a bare error.
enum CatalogAdminRoutes {
    /// Who the pages are for, in the refusal shown to anyone else.
    static let audience = "事项管理只供有权限的工作人员使用"

    /// The notices a redirect after a successful command may ask for; never text from the query.
    static let notices = [
        "created": "已创建事项并保存第1版草稿，请由审核员审核发布。",
        "saved": "草稿已保存，请由审核员审核发布。",
        "published": "已发布，新版本按生效日期对外公开。",
        "retired": "已撤销事项，撤销日起不再对外公开。",
        "discarded": "已丢弃草稿，已发布的版本继续有效。",
    ]

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        addReport(to: router, dependencies: dependencies)
        let catalog = dependencies.catalog
        let renderer = dependencies.renderer
        let clock = dependencies.clock

        @Sendable func itemPage(
            _ request: Request, _ context: AppRequestContext, staff: StaffContext, id: UUID, error: DomainError? = nil
        ) async throws -> Response {
            let item = try await catalog.item(id: id)
            let versions = try await catalog.versions(itemID: id, by: staff.actor)
            let query = request.uri.queryParameters
            var diff = CatalogAdminItemPage.defaultDiff(versions)
            var error = error
            if let from = query["from"].flatMap({ Int(String($0)) }), let to = query["to"].flatMap({ Int(String($0)) })
            {
                diff = (from, to)
            }
            var changes: [GuideChange] = []
            if let requested = diff {
                if let old = versions.first(where: { $0.number == requested.from }),
                    let new = versions.first(where: { $0.number == requested.to })
                {
                    changes = GuideDiff.changes(from: old.guide, to: new.guide)
                } else {
                    diff = nil
                    error =
                        error
                        ?? DomainError(
                            .notFound, code: "catalog.not-found", title: "版本不存在",
                            detail: "该事项没有第\(requested.from)版或第\(requested.to)版，请从下拉列表中选择。")
                }
            }
            var view = CatalogAdminItemPage(
                layout: renderer.layout("事项版本与审核", request, context), item: item,
                department: try await catalog.departmentNames()[item.departmentID] ?? "", versions: versions,
                diff: diff, changes: changes, permissions: staff.permissions, today: CalendarDay(clock.now()))
            view.error = error
            view.notice = query["done"].flatMap { notices[String($0)] }
            let status: HTTPResponse.Status = error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
            return renderer.render("catalog-admin-item", view, status: status)
        }

        @Sendable func editPage(
            _ request: Request, _ context: AppRequestContext, staff: StaffContext, itemID: UUID?,
            form: CatalogGuideForm, fields: [String: String] = [:], basis: String? = nil, error: DomainError? = nil
        ) async throws -> Response {
            var departments: [CatalogAdminEditPage.Option] = []
            var heading = "新建事项"
            if let itemID {
                heading = "编辑草稿：" + (try await catalog.versions(itemID: itemID, by: staff.actor).last?.guide.name ?? "")
            } else {
                departments = try await catalog.editableDepartments(by: staff.actor).map {
                    .init(
                        value: $0.id.uuidString, label: String(repeating: "　", count: $0.depth) + $0.name,
                        selected: fields["department"] == $0.id.uuidString)
                }
            }
            let view = CatalogAdminEditPage(
                layout: renderer.layout(heading, request, context),
                action: itemID.map { "/admin/catalog/items/\($0.uuidString)/edit" } ?? "/admin/catalog/new",
                isNew: itemID == nil, itemID: itemID?.uuidString, heading: heading,
                businessCode: fields["businessCode"] ?? "", divisionCode: fields["division"] ?? "",
                departments: departments, form: CatalogFormView(form), error: error, basis: basis)
            let status: HTTPResponse.Status = error.map { .init(code: APIError.status(for: $0.kind)) } ?? .ok
            return renderer.render("catalog-admin-edit", view, status: status)
        }

        router.get("/admin/catalog") { request, context in
            let staff = try context.requireStaff(for: audience)
            let entries = try await catalog.staffItems(by: staff.actor)
            let page = CatalogAdminListPage(
                layout: renderer.layout("事项管理", request, context), entries: entries,
                canCreate: staff.permissions.contains(.catalogManage))
            return renderer.render("catalog-admin-list", page)
        }
        router.get("/admin/catalog/new") { request, context in
            let staff = try context.requireStaff(for: audience)
            return try await editPage(
                request, context, staff: staff, itemID: nil, form: .blank, fields: ["division": "130100"])
        }
        router.post("/admin/catalog/new") { request, context in
            let staff = try context.requireStaff(for: audience)
            let fields = try await request.formFields(context)
            let form = CatalogGuideForm(fields: fields)
            do {
                let code = try BusinessItemCode((fields["businessCode"] ?? "").trimmingCharacters(in: .whitespaces))
                guard let department = fields["department"].flatMap(UUID.init(uuidString:)) else {
                    throw CatalogGuideForm.refuse("请选择实施部门。")
                }
                let division = try DivisionCode((fields["division"] ?? "").trimmingCharacters(in: .whitespaces))
                let version = try await catalog.createItem(
                    CreateItem(
                        businessCode: code, departmentID: department, divisionCode: division, guide: try form.guide()),
                    by: staff.actor)
                return redirect("/admin/catalog/items/\(version.itemID.uuidString)?done=created")
            } catch let error as DomainError {
                return try await editPage(
                    request, context, staff: staff, itemID: nil, form: form, fields: fields, error: error)
            }
        }
        router.get("/admin/catalog/items/{id}") { request, context in
            let staff = try context.requireStaff(for: audience)
            return try await itemPage(
                request, context, staff: staff, id: try context.parameters.require("id", as: UUID.self))
        }
        router.get("/admin/catalog/items/{id}/edit") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let versions = try await catalog.versions(itemID: id, by: staff.actor)
            if let draft = versions.first(where: { $0.status == .draft }) {
                return try await editPage(
                    request, context, staff: staff, itemID: id, form: CatalogGuideForm(guide: draft.guide),
                    basis: "正在编辑第\(draft.number)版草稿。")
            }
            guard let base = versions.last else {
                throw DomainError(.notFound, code: "catalog.not-found", title: "事项不存在", detail: "该事项没有任何版本。")
            }
            return try await editPage(
                request, context, staff: staff, itemID: id, form: CatalogGuideForm(guide: base.guide),
                basis: "以第\(base.number)版（\(base.status.label)）为底稿，保存后生成第\(base.number + 1)版草稿。")
        }
        router.post("/admin/catalog/items/{id}/edit") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let form = CatalogGuideForm(fields: try await request.formFields(context))
            do {
                _ = try await catalog.saveDraft(itemID: id, guide: try form.guide(), by: staff.actor)
                return redirect("/admin/catalog/items/\(id.uuidString)?done=saved")
            } catch let error as DomainError {
                return try await editPage(request, context, staff: staff, itemID: id, form: form, error: error)
            }
        }
        router.post("/admin/catalog/items/{id}/publish") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let fields = try await request.formFields(context)
            do {
                let text = (fields["effectiveFrom"] ?? "").trimmingCharacters(in: .whitespaces)
                let day = text.isEmpty ? nil : try CalendarDay(parsing: text)
                _ = try await catalog.publish(itemID: id, effectiveFrom: day, by: staff.actor)
                return redirect("/admin/catalog/items/\(id.uuidString)?done=published")
            } catch let error as DomainError {
                return try await itemPage(request, context, staff: staff, id: id, error: error)
            }
        }
        router.post("/admin/catalog/items/{id}/retire") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            let fields = try await request.formFields(context)
            do {
                let text = (fields["from"] ?? "").trimmingCharacters(in: .whitespaces)
                let day = text.isEmpty ? nil : try CalendarDay(parsing: text)
                try await catalog.retire(itemID: id, from: day, reason: fields["reason"] ?? "", by: staff.actor)
                return redirect("/admin/catalog/items/\(id.uuidString)?done=retired")
            } catch let error as DomainError {
                return try await itemPage(request, context, staff: staff, id: id, error: error)
            }
        }
        router.post("/admin/catalog/items/{id}/discard") { request, context in
            let staff = try context.requireStaff(for: audience)
            let id = try context.parameters.require("id", as: UUID.self)
            _ = try await request.formFields(context)
            do {
                try await catalog.discardDraft(itemID: id, by: staff.actor)
                return redirect("/admin/catalog/items/\(id.uuidString)?done=discarded")
            } catch let error as DomainError {
                return try await itemPage(request, context, staff: staff, id: id, error: error)
            }
        }
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
