import Catalog
import CatalogModel
import Foundation
import Hummingbird
import Kernel

/// The public catalog API: published items, guides, search, departments, bundles and locations
/// as JSON. No login, GET only; malformed parameters are 400 problems, unknown codes 404.
enum CatalogAPIRoutes {
    typealias Models = ServiceHallAPIModels

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let catalog = dependencies.catalog
        let organisation = dependencies.organisation
        router.get("/api/v1/catalog/items") { request, context in
            try await checked(request, context) {
                let filter = try ServiceHallQuery.filter(request)
                let page = try await catalog.browse(filter, page: try ServiceHallQuery.page(request))
                return try JSONResponse.make(list(page))
            }
        }
        router.get("/api/v1/catalog/items/{code}") { request, context in
            try await checked(request, context) {
                let item = try await catalog.publishedItem(
                    code: context.parameters.get("code") ?? "", on: try ServiceHallQuery.day(request))
                return try JSONResponse.make(Models.ItemDetail(item))
            }
        }
        router.get("/api/v1/catalog/search") { request, context in
            try await checked(request, context) {
                let text = try ServiceHallQuery.searchText(request)
                let results = try await catalog.search(
                    text, filter: try ServiceHallQuery.filter(request), page: try ServiceHallQuery.searchPage(request))
                return try JSONResponse.make(results)
            }
        }
        router.get("/api/v1/catalog/departments") { _, _ in
            let facets = try await catalog.facets()
            let departments = try await organisation.publicDepartments().map { department in
                Models.DepartmentCount(
                    id: department.id, code: department.code, name: department.name,
                    itemCount: facets.departments[department.id] ?? 0)
            }
            return try JSONResponse.make(Models.DepartmentList(items: departments))
        }
        router.get("/api/v1/catalog/bundles") { _, _ in
            try JSONResponse.make(Models.BundleList(items: try await catalog.bundles().map(Models.Bundle.init)))
        }
        router.get("/api/v1/catalog/bundles/{code}") { request, context in
            try await checked(request, context) {
                let code = try ServiceHallQuery.bundleCode(context.parameters.get("code") ?? "")
                return try JSONResponse.make(Models.BundleDetail(try await catalog.bundleGuide(code: code)))
            }
        }
        router.get("/api/v1/catalog/locations") { request, context in
            try await checked(request, context) {
                let locations = try await catalog.locations(in: try ServiceHallQuery.division(request))
                return try JSONResponse.make(Models.LocationList(items: locations.map { Models.Location($0) }))
            }
        }
        router.get("/api/v1/catalog/locations/nearby") { request, context in
            try await checked(request, context) {
                guard let point = try ServiceHallQuery.point(request) else {
                    throw ServiceHallQuery.invalid("请提供纬度 lat 和经度 lng。")
                }
                let found = try await catalog.nearby(
                    latitude: point.latitude, longitude: point.longitude,
                    itemCode: try ServiceHallQuery.itemCode(request),
                    limit: try ServiceHallQuery.nearbyLimit(request))
                return try JSONResponse.make(
                    Models.LocationList(items: found.map { Models.Location($0.location, distance: $0) }))
            }
        }
    }

    /// Runs `body`, answering a malformed parameter or code with a 400 problem: the request, not
    /// the resource, is at fault. Everything else goes on to the error middleware.
    static func checked(
        _ request: Request, _ context: AppRequestContext, _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch let error as DomainError where error.kind == .invalid {
            return Problem(
                status: 400, code: error.code, title: error.title, detail: error.detail, instance: request.uri.path,
                requestId: context.requestID
            ).response()
        }
    }

    /// The list body: the next page's cursor whenever there is one (browse orders by code, so the
    /// last code continues the list however this page was asked for), and its offset when paging by offset.
    static func list(_ page: Page<ItemSummary>) -> Models.ItemList {
        guard let next = page.next, let last = page.items.last else { return Models.ItemList(items: page.items) }
        var list = Models.ItemList(items: page.items, nextCursor: PageCursor(key: last.businessCode).token)
        if case .offset(let offset) = next.position { list.nextOffset = offset }
        return list
    }
}
