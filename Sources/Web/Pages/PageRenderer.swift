import Foundation
import Hummingbird
public import Kernel
import Mustache

/// Renders page view models with the Mustache templates in Resources/templates.
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// The site description every page shows.
    public let site: SiteInfo

    private let clock: any Clock

    /// Loads the templates bundled with Web.
    public static func load(site: SiteInfo, clock: any Clock) async throws -> PageRenderer {
        let directory = WebResources.url("templates").path
        return PageRenderer(library: try await MustacheLibrary(directory: directory), site: site, clock: clock)
    }

    private init(library: MustacheLibrary, site: SiteInfo, clock: any Clock) {
        self.library = library
        self.site = site
        self.clock = clock
    }

    /// The shared layout for a page titled `title`.
    func layout(_ title: String, _ request: Request, _ context: AppRequestContext) -> Layout {
        Layout(title: title, site: site, request: request, context: context, now: clock.now())
    }

    /// Renders `template` with `page` as an HTML response.
    func render(_ template: String, _ page: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(page, withTemplate: template) ?? "模板 \(template) 缺失"
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The Chinese error page for a problem.
    func errorPage(_ problem: Problem, request: Request, context: AppRequestContext) -> Response {
        let page = ErrorPage(
            layout: layout(problem.title, request, context), problem: problem,
            isNotFound: problem.status == 404)
        return render("error", page, status: .init(code: problem.status))
    }
}

/// The view model of the error page.
struct ErrorPage {
    var layout: Layout
    var problem: Problem
    var isNotFound: Bool
}
