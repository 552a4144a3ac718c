import Catalog
import CatalogModel
import Foundation
import Hummingbird
import Identity
import Kernel

/// 网上办事大厅: the public service hall — search, browse, the printable guide of every item,
/// 一件事 bundles and 就近办. No login; every page reads only published content.
enum CatalogRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let catalog = dependencies.catalog
        let organisation = dependencies.organisation
        let renderer = dependencies.renderer
        router.get("/services") { request, context in
            let page = ServiceHallHomePage(
                layout: renderer.layout("网上办事大厅", request, context), facets: try await catalog.facets(),
                departments: try await organisation.publicDepartments(), bundles: try await catalog.bundles())
            return renderer.render("catalog-home", page)
        }
        router.get("/services/search") { request, context in
            let layout = renderer.layout("事项搜索", request, context)
            let filter: CatalogFilter
            do {
                filter = try ServiceHallQuery.filter(request)
            } catch let error as DomainError {
                var page = ServiceHallSearchPage(layout: layout, filter: CatalogFilter())
                page.error = error
                return renderer.render("catalog-search", page, status: .badRequest)
            }
            var page = ServiceHallSearchPage(layout: layout, filter: filter)
            page.query = String(
                (ServiceHallQuery.value(request, "q") ?? "").prefix(ServiceHallQuery.maximumQueryLength))
            // Opening the page without a query is no mistake: it is the empty search form.
            guard ServiceHallQuery.value(request, "q") != nil else { return renderer.render("catalog-search", page) }
            do {
                let text = try ServiceHallQuery.searchText(request)
                let paging = try ServiceHallQuery.searchPage(request)
                page.query = text
                let results = try await catalog.search(text, filter: filter, page: paging)
                guard case .offset(let offset) = paging.position else { return renderer.render("catalog-search", page) }
                page.show(results, offset: offset, limit: paging.limit, filter: filter)
                page.layout.title = "“\(text)”的搜索结果"
                return renderer.render("catalog-search", page)
            } catch let error as DomainError where error.kind == .invalid {
                page.error = error
                return renderer.render("catalog-search", page, status: .badRequest)
            }
        }
        router.get("/services/browse") { request, context in
            let departments = try await organisation.publicDepartments()
            let layout = renderer.layout("事项浏览", request, context)
            do {
                let filter = try ServiceHallQuery.filter(request)
                let cursor = ServiceHallQuery.value(request, "cursor")
                let paging = try PageRequest(limit: nil, cursor: cursor, offset: nil)
                var page = ServiceHallBrowsePage(layout: layout, filter: filter, departments: departments)
                page.show(try await catalog.browse(filter, page: paging), filter: filter, isFirstPage: cursor == nil)
                page.layout.title = page.heading
                return renderer.render("catalog-browse", page)
            } catch let error as DomainError where error.kind == .invalid {
                var page = ServiceHallBrowsePage(layout: layout, filter: CatalogFilter(), departments: departments)
                page.error = error
                page.isEmpty = false
                return renderer.render("catalog-browse", page, status: .badRequest)
            }
        }
        router.get("/services/items/{code}") { request, context in
            let code = context.parameters.get("code") ?? ""
            do {
                let item = try await catalog.publishedItem(code: code)
                let chosen = Set(request.uri.queryParameters[values: "situation"].map(String.init))
                var page = ServiceGuidePage(
                    layout: renderer.layout(item.guide.name, request, context), item: item, chosen: chosen,
                    locations: try await catalog.locations())
                page.consultations = await EvaluationPageSections.faq(itemCode: page.code, dependencies)
                return renderer.render("catalog-guide", page)
            } catch let error as DomainError where error.kind == .invalid {
                return badRequestPage(error, request, context, renderer)
            }
        }
        router.get("/services/bundles") { request, context in
            let page = ServiceHallBundlesPage(
                layout: renderer.layout("一件事一次办", request, context), bundles: try await catalog.bundles())
            return renderer.render("catalog-bundles", page)
        }
        router.get("/services/bundles/{code}") { request, context in
            do {
                let code = try ServiceHallQuery.bundleCode(context.parameters.get("code") ?? "")
                let guide = try await catalog.bundleGuide(code: code)
                let page = BundleGuidePage(layout: renderer.layout(guide.bundle.name, request, context), guide: guide)
                return renderer.render("catalog-bundle", page)
            } catch let error as DomainError where error.kind == .invalid {
                return badRequestPage(error, request, context, renderer)
            }
        }
        router.get("/services/nearby") { request, context in
            try await nearby(request, context, catalog: catalog, renderer: renderer)
        }
    }

    private static func nearby(
        _ request: Request, _ context: AppRequestContext, catalog: CatalogService, renderer: PageRenderer
    ) async throws -> Response {
        let all = try await catalog.locations()
        let table = try? DivisionTable.standard()
        var names: [DivisionCode: String] = [:]
        for code in Set(all.map(\.divisionCode)) { names[code] = (try? table?.division(code).name) ?? code.rawValue }
        let selected = ServiceHallQuery.value(request, "division")
        let options = names.sorted { $0.key < $1.key }.map {
            ServiceHallFormat.Option(value: $0.key.rawValue, label: $0.value, selected: $0.key.rawValue == selected)
        }
        var page = NearbyPage(layout: renderer.layout("就近办", request, context), divisions: options)
        do {
            let point = try ServiceHallQuery.point(request)
            let division = try ServiceHallQuery.division(request)
            let item = try ServiceHallQuery.itemCode(request)
            if let item {
                page.item = item
                page.itemName = try await catalog.publishedItem(code: item).guide.name
            }
            if let point {
                let found = try await catalog.nearby(
                    latitude: point.latitude, longitude: point.longitude, itemCode: item, limit: 20)
                page.show(found, divisionNames: names)
            } else {
                var locations = try await catalog.locations(in: division)
                if let item {
                    let codes = Set(try await catalog.publishedItem(code: item).guide.locationCodes)
                    locations = locations.filter { codes.contains($0.code) }
                }
                page.show(locations, divisionNames: names)
            }
            return renderer.render("catalog-nearby", page)
        } catch let error as DomainError where error.kind == .invalid {
            page.error = error
            return renderer.render("catalog-nearby", page, status: .badRequest)
        }
    }

    /// The error page with status 400 for a malformed code or parameter in the address.
    static func badRequestPage(
        _ error: DomainError, _ request: Request, _ context: AppRequestContext, _ renderer: PageRenderer
    ) -> Response {
        renderer.errorPage(
            Problem(
                status: 400, code: error.code, title: error.title, detail: error.detail, instance: request.uri.path,
                requestId: context.requestID), request: request, context: context)
    }
}
