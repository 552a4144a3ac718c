import Foundation
import Hummingbird
import Mustache

/// Renders page view models with the Mustache templates in Resources/templates.
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// The site description every page shows.
    public let site: SiteInfo

    /// Loads the templates bundled with Web.
    public static func load(site: SiteInfo) async throws -> PageRenderer {
        let directory = WebResources.url("templates").path
        return PageRenderer(library: try await MustacheLibrary(directory: directory), site: site)
    }

    private init(library: MustacheLibrary, site: SiteInfo) {
        self.library = library
        self.site = site
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
    func errorPage(_ problem: Problem, request: Request) -> Response {
        let page = ErrorPage(
            layout: Layout(title: problem.title, site: site, request: request), problem: problem,
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
