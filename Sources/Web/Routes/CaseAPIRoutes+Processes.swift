import Cases
import CasesModel
import Foundation
import Hummingbird
import Kernel

extension CaseAPIRoutes {
    /// A process definition as its documented file (docs/process-format.md) and as an SVG diagram,
    /// for the operator and staff who manage or publish catalog items.
    static func addProcesses(to router: Router<AppRequestContext>, dependencies: WebDependencies) {
        let processes = dependencies.cases.processes
        router.get("/api/v1/processes/{id}") { request, context in
            if let problem = CaseAPIAccess.processReader(request, context) { return problem.response() }
            let definition = try process(request, context, processes)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: try ProcessDefinitionLoader.encode(definition))))
        }
        router.get("/api/v1/processes/{id}/diagram.svg") { request, context in
            if let problem = CaseAPIAccess.processReader(request, context) { return problem.response() }
            let definition = try process(request, context, processes)
            return Response(
                status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ProcessDiagram.svg(definition))))
        }
    }

    /// The process `{id}`: its newest revision, or `?revision=n`; 404 when unknown, 422 for a
    /// malformed revision.
    static func process(_ request: Request, _ context: AppRequestContext, _ registry: ProcessRegistry) throws
        -> ProcessDefinition
    {
        let id = context.parameters.get("id") ?? ""
        let revisionText = CaseAPIRequest.query(request, "revision")
        let found: ProcessDefinition?
        if revisionText.isEmpty {
            found = registry.latest.first { $0.id == id }
        } else {
            guard let revision = Int(revisionText), revision > 0 else {
                throw DomainError(
                    .invalid, code: "cases.process-revision", title: "revision 参数不正确", detail: "revision 应为正整数。")
            }
            found = registry.definition(id: id, revision: revision)
        }
        guard let found else {
            throw DomainError(
                .notFound, code: "cases.process-not-found", title: "流程不存在",
                detail: "没有找到编号为“\(id.prefix(80))”的流程定义（或该版本）。")
        }
        return found
    }
}
