import Foundation
import Hummingbird
import Kernel
import Storage

/// The operators' jobs page and API, and the audit check. Guarded by `OperatorAuthMiddleware`.
enum AdminRoutes {
    static func add(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let jobs = dependencies.jobs
        let renderer = dependencies.renderer
        router.get("/api/v1/admin/jobs") { request, _ in
            let state = try parseState(request.uri.queryParameters["state"].map(String.init))
            let items = try await jobs.list(state: state, limit: try request.limit())
            let counts = try await jobs.counts()
            return try JSONResponse.make(
                JobList(
                    items: items, counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })))
        }
        router.post("/api/v1/admin/jobs/{id}/retry") { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            try await retry(id, jobs: jobs)
            guard let record = try await jobs.find(id: id) else { throw notFound(id) }
            return try JSONResponse.make(record)
        }
        router.get("/api/v1/admin/audit/verify") { _, _ in
            switch try await dependencies.auditVerifier.verify() {
            case .intact(let entries, let head):
                return try JSONResponse.make(AuditStatus(intact: true, entries: entries, headHash: head))
            case .broken(let seq, let reason):
                return try JSONResponse.make(AuditStatus(intact: false, brokenAt: seq, reason: reason))
            }
        }
        router.get("/admin/jobs") { request, context in
            let state = try parseState(request.uri.queryParameters["state"].map(String.init) ?? "dead")
            let items = try await jobs.list(state: state, limit: 100)
            let counts = try await jobs.counts()
            return renderer.render(
                "jobs",
                JobsPage(
                    layout: renderer.layout("后台任务", request, context), state: state, items: items,
                    counts: counts))
        }
        router.post("/admin/jobs/{id}/retry") { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            try await retry(id, jobs: jobs)
            return Response(status: .seeOther, headers: [.location: "/admin/jobs?state=ready"])
        }
    }

    private static func retry(_ id: UUID, jobs: JobQueue) async throws {
        if try await jobs.retry(id: id) { return }
        if try await jobs.find(id: id) == nil { throw notFound(id) }
        throw DomainError(.conflict, code: "jobs.not-dead", title: "任务无需重试", detail: "只有进入死信状态的任务可以手动重试。")
    }

    private static func notFound(_ id: UUID) -> DomainError {
        DomainError(.notFound, code: "jobs.not-found", title: "任务不存在", detail: "没有找到编号为 \(id) 的任务。")
    }

    static func parseState(_ text: String?) throws -> JobState? {
        guard let text, !text.isEmpty, text != "all" else { return nil }
        guard let state = JobState(rawValue: text) else {
            throw DomainError(
                .invalid, code: "jobs.bad-state", title: "任务状态不正确",
                detail: "state 只能是 ready、running、succeeded、dead 或 all。")
        }
        return state
    }

    struct JobList: Encodable {
        var items: [JobRecord]
        var counts: [String: Int]
    }

    struct AuditStatus: Encodable {
        var intact: Bool
        var entries: Int64?
        var headHash: String?
        var brokenAt: Int64?
        var reason: String?
    }
}
