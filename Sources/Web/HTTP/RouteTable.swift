import Hummingbird
import Synchronization

/// The registered routes' paths and methods, so that a known path asked with the wrong method is
/// answered 405 with an `Allow` header (RFC 9110) instead of 404.
///
/// The error middleware is added before the routes exist, so the table is filled in afterwards.
final class RouteTable: Sendable {
    private let routes = Mutex<[(segments: [Substring], method: String)]>([])

    /// Records every route of `router`.
    func load(from router: Router<AppRequestContext>) {
        let entries = router.routes.map { route in
            (segments: route.path.description.split(separator: "/"), method: route.method.rawValue)
        }
        routes.withLock { $0 = entries }
    }

    /// The methods registered for `path`, sorted; empty when no route has that path.
    func methods(for path: String) -> [String] {
        let asked = path.split(separator: "/")
        let matching = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == asked.count
                    && zip(route.segments, asked).allSatisfy { pattern, segment in
                        pattern.hasPrefix("{") || pattern.hasPrefix(":") || pattern == segment
                    }
            }.map(\.method)
        }
        return Array(Set(matching)).sorted()
    }
}
