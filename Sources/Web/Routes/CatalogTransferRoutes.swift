import Catalog
import CatalogInterchange
import CatalogModel
import Foundation
import Hummingbird
import Identity
import Kernel
import Storage

/// The whole catalog out and in, for programs and for staff who keep it: JSON or CSV in the
/// format of docs/catalog-format.md, the same files `zhengtong catalog export|import` reads and
/// writes.
///
/// The operator token or staff holding `catalog.publish` pass the middleware; the service checks
/// again, per department for an import, and audits both directions.
enum CatalogTransferRoutes {
    /// A catalog file may be large (10,000 items are about 40 MB of JSON); a request body above this
    /// is refused before it is read into memory.
    static let maximumImportBytes = 64 << 20

    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let catalog = dependencies.catalog
        router.get("/api/v1/admin/catalog/export") { request, context in
            let csv = try format(of: request)
            let document: CatalogDocument =
                if let staff = context.staff {
                    try await catalog.exportCatalog(by: staff.actor)
                } else {
                    try await catalog.exportCatalog(actor: apiActor(context))
                }
            let data = csv ? try CatalogCSV.encode(document) : try CatalogJSON.encode(document)
            let name = "catalog-\(CalendarDay(dependencies.clock.now())).\(csv ? "csv" : "json")"
            return Response(
                status: .ok,
                headers: [
                    .contentType: csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"\(name)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.post("/api/v1/admin/catalog/import") { request, context in
            let replace = try flag(request.uri.queryParameters["replace"].map(String.init))
            let type = request.headers[.contentType]?.lowercased() ?? ""
            let body = Data(buffer: try await request.body.collect(upTo: maximumImportBytes))
            let document: CatalogDocument
            if type.hasPrefix("application/json") {
                document = try CatalogJSON.decode(body)
            } else if type.hasPrefix("text/csv") {
                document = try CatalogCSV.decode(body)
            } else {
                throw DomainError(
                    .invalid, code: "catalog.import-type", title: "文件类型不支持",
                    detail: "请以 application/json 或 text/csv 提交事项目录文件。")
            }
            let report: ImportReport =
                if let staff = context.staff {
                    try await catalog.importCatalog(document, replace: replace, by: staff.actor)
                } else {
                    try await catalog.importCatalog(document, replace: replace, actor: apiActor(context))
                }
            return try JSONResponse.make(report)
        }
    }

    static func apiActor(_ context: AppRequestContext) -> Storage.Actor {
        var actor = context.actor
        actor.channel = "api"
        return actor
    }

    static func format(of request: Request) throws(DomainError) -> Bool {
        switch request.uri.queryParameters["format"].map(String.init) {
        case nil, "json": return false
        case "csv": return true
        default:
            throw DomainError(.invalid, code: "catalog.export-format", title: "格式不支持", detail: "format 只能是 json 或 csv。")
        }
    }

    static func flag(_ text: String?) throws(DomainError) -> Bool {
        switch text {
        case nil, "false": return false
        case "true": return true
        default:
            throw DomainError(
                .invalid, code: "catalog.replace-flag", title: "参数有误", detail: "replace 只能是 true 或 false。")
        }
    }
}
