import Foundation
import Hummingbird

/// Health, readiness, metrics and the API contract.
enum SystemRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) throws {
        let openAPI = try Data(contentsOf: WebResources.url("openapi/openapi.json"))
        router.get("/healthz") { _, _ in
            try JSONResponse.make(["status": "ok"])
        }
        router.get("/readyz") { request, context in
            do {
                try await dependencies.database.ping()
                return try JSONResponse.make(["status": "ready", "database": dependencies.database.dialect.rawValue])
            } catch {
                context.logger.warning("readiness check failed", metadata: ["error": "\(error)"])
                return Problem(
                    status: 503, code: "server.not-ready", title: "服务暂不可用", detail: "数据库暂时无法连接，请稍后重试。",
                    instance: request.uri.path, requestId: context.requestID
                ).response()
            }
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: dependencies.metrics.emitToBuffer())))
        }
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(data: openAPI)))
        }
    }
}
