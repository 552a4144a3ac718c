public import Hummingbird
import Logging

/// Builds the router with every middleware and route.
public enum WebRouter {
    /// The router for `dependencies`.
    public static func build(_ dependencies: WebDependencies) throws -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: CSRFTokenMiddleware())
        let routes = RouteTable()
        router.add(middleware: ErrorMiddleware(renderer: dependencies.renderer, routes: routes))
        router.add(
            middleware: FileMiddleware(
                WebResources.url("public").path, urlBasePath: "/static", searchForIndexHtml: false))
        router.add(middleware: CSRFCheckMiddleware())
        router.add(middleware: StaffSessionMiddleware(organisation: dependencies.organisation))
        router.add(middleware: OperatorAuthMiddleware(token: dependencies.operatorToken))
        router.add(middleware: SessionMiddleware(identity: dependencies.identity))
        try SystemRoutes.add(to: router, dependencies: dependencies)
        PortalRoutes.add(to: router, dependencies: dependencies)
        AdminRoutes.add(to: router, dependencies: dependencies)
        MessagingRoutes.add(to: router, dependencies: dependencies)
        IdentityRoutes.add(to: router, dependencies: dependencies)
        OIDCRoutes.add(to: router, dependencies: dependencies)
        OIDCEndpointRoutes.add(to: router, dependencies: dependencies)
        OIDCAdminRoutes.add(to: router, dependencies: dependencies)
        StaffRoutes.add(to: router, dependencies: dependencies)
        StaffAdminRoutes.add(to: router, dependencies: dependencies)
        CounterRoutes.add(to: router, dependencies: dependencies)
        RoleAdminRoutes.add(to: router, dependencies: dependencies)
        ScanLoginRoutes.add(to: router, dependencies: dependencies)
        RealNameRoutes.add(to: router, dependencies: dependencies)
        EnterpriseRoutes.add(to: router, dependencies: dependencies)
        MeAPIRoutes.add(to: router, dependencies: dependencies)
        CatalogRoutes.add(to: router, dependencies: dependencies)
        CatalogAPIRoutes.add(to: router, dependencies: dependencies)
        CatalogAdminRoutes.add(to: router, dependencies: dependencies)
        CatalogTransferRoutes.add(to: router, dependencies: dependencies)
        CasePageRoutes.add(to: router, dependencies: dependencies)
        CaseStaffPageRoutes.add(to: router, dependencies: dependencies)
        CaseAPIRoutes.add(to: router, dependencies: dependencies)
        CaseAdminRoutes.add(to: router, dependencies: dependencies)
        CaseBundleRoutes.add(to: router, dependencies: dependencies)
        LicenseRoutes.add(to: router, dependencies: dependencies)
        PaymentPageRoutes.add(to: router, dependencies: dependencies)
        PaymentAPIRoutes.add(to: router, dependencies: dependencies)
        EvaluationPageRoutes.add(to: router, dependencies: dependencies)
        EvaluationAPIRoutes.add(to: router, dependencies: dependencies)
        IssuerKeyRoutes.add(to: router, dependencies: dependencies)
        routes.load(from: router)
        return router
    }
}
