import Foundation
public import Hummingbird
public import Logging
import Messaging
import Prometheus
import Storage
public import Web

/// Builds the HTTP application on `platform`: `main` and the tests both call this.
///
/// Migrations (and demo seeds) run before the server listens, after the database pool has started.
public func buildApplication(platform: Platform, logger: Logger) async throws -> some ApplicationProtocol {
    let configuration = platform.configuration
    let router = try await buildRouter(platform: platform)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "zhengtong"),
        services: platform.services,
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            if configuration.publicURL.isEmpty {
                platform.oidc.issuer.set("http://\(configuration.host):\(port)")
            }
            // Scripts wait for this exact line to learn the address (the port may be chosen by the OS).
            let line = "政通已启动 Zhengtong listening on http://\(configuration.host):\(port)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        },
        logger: logger)
    app.beforeServerStarts {
        try await platform.prepare()
    }
    return app
}

/// The router with every middleware and route, wired to `platform`.
///
/// Public so that tests can list the registered routes (`router.routes`) without starting a server.
public func buildRouter(platform: Platform) async throws -> Router<AppRequestContext> {
    let configuration = platform.configuration
    let renderer = try await PageRenderer.load(
        site: SiteInfo(
            name: configuration.siteName, operatorName: configuration.siteOperator,
            address: configuration.siteAddress, hotline: configuration.siteHotline, icp: configuration.siteICP,
            demo: configuration.demo), clock: platform.clock)
    return try WebRouter.build(
        WebDependencies(
            database: platform.database, jobs: platform.jobs, messaging: platform.messaging,
            auditVerifier: AuditVerifier(database: platform.database), metrics: MetricsBootstrap.registry,
            renderer: renderer, operatorToken: platform.operatorToken,
            gatewaySignature: GatewaySignature(keyID: configuration.smsKeyID, secret: configuration.smsSecret),
            clock: platform.clock, identity: platform.identity, oidc: platform.oidc,
            organisation: platform.organisation, realName: platform.realName, enterprises: platform.enterprises,
            catalog: platform.catalog, cases: platform.cases, licenses: platform.licenses,
            payments: platform.payments, paymentSandbox: platform.sandbox, evaluation: platform.evaluation,
            sessionCookies: SessionCookies(
                secure: configuration.cookieSecure, maxAge: configuration.sessionAbsoluteHours * 3600)))
}
