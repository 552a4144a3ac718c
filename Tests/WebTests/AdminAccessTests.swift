import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// Every admin page and every API route, walked with every kind of caller: nobody, a citizen, the
/// operator token, and each built-in staff role. The expectations are written out here, apart from
/// the code that enforces them, and the test fails when a route is added without a line in the table.
@Suite("Admin access by role")
struct AdminAccessTests {
    /// Who calls.
    enum Caller: Hashable, CustomStringConvertible {
        case anonymous, citizen, operatorToken
        case staff(String)

        var description: String {
            switch self {
            case .anonymous: "nobody"
            case .citizen: "citizen"
            case .operatorToken: "operator"
            case .staff(let username): username
            }
        }
    }

    /// What each built-in role holds (docs/organisation.md), by demo staff member.
    static let held: [String: Set<String>] = [
        "admin": [
            "organisation.read", "departments.manage", "staff.manage", "roles.manage", "oidc-clients.manage",
            "jobs.manage", "enterprise.manage", "catalog.manage",
        ],
        "audit": ["organisation.read", "audit.read"],
        "window01": [
            "organisation.read", "cases.intake", "enterprise.manage", "person.read-clear", "payments.collect",
        ],
        "rsj-admin": [
            "organisation.read", "departments.manage", "staff.manage", "catalog.manage", "evaluation.respond",
        ],
        "rsj-jy01": ["organisation.read", "cases.handle", "cases.approve"],
        "review01": ["organisation.read", "catalog.publish"],
    ]

    /// Route → the permission a staff member needs; nil: operator token only. "*": any staff member.
    static let table: [String: String?] = [
        "GET /admin": "*",
        "GET /admin/jobs": "jobs.manage",
        "POST /admin/jobs/{}/retry": "jobs.manage",
        "GET /api/v1/admin/jobs": "jobs.manage",
        "POST /api/v1/admin/jobs/{}/retry": "jobs.manage",
        "GET /api/v1/admin/audit/verify": "audit.read",
        "GET /api/v1/admin/messages": nil,
        "POST /api/v1/admin/messages": nil,
        "GET /api/v1/admin/messages/{}": nil,
        "GET /admin/oidc/clients": "oidc-clients.manage",
        "POST /admin/oidc/clients": "oidc-clients.manage",
        "POST /admin/oidc/clients/{}/disable": "oidc-clients.manage",
        "GET /api/v1/admin/oidc/clients": "oidc-clients.manage",
        "POST /api/v1/admin/oidc/clients": "oidc-clients.manage",
        "DELETE /api/v1/admin/oidc/clients/{}": "oidc-clients.manage",
        "GET /admin/staff": "organisation.read",
        "POST /admin/staff": "staff.manage",
        "POST /admin/staff/roles": "staff.manage",
        "POST /admin/staff/{}/status": "staff.manage",
        "GET /admin/roles": "roles.manage",
        "POST /admin/roles": "roles.manage",
        "GET /admin/counter": "cases.intake",
        "POST /admin/counter/lookup": "cases.intake",
        "POST /admin/counter/{}/in-person": "cases.intake",
        "POST /admin/counter/{}/reveal": "cases.intake",
        "GET /api/v1/admin/catalog/export": "catalog.publish",
        "POST /api/v1/admin/catalog/import": "catalog.publish",
        // 事项管理: any staff session; CatalogService checks catalog.manage / catalog.publish per item.
        "GET /admin/catalog": "*",
        "GET /admin/catalog/new": "*",
        "POST /admin/catalog/new": "*",
        "GET /admin/catalog/items/{}": "*",
        "GET /admin/catalog/items/{}/edit": "*",
        "POST /admin/catalog/items/{}/edit": "*",
        "POST /admin/catalog/items/{}/publish": "*",
        "POST /admin/catalog/items/{}/retire": "*",
        "POST /admin/catalog/items/{}/discard": "*",
        // 办理流程: the operator, or staff who manage or publish items ("a|b": either permission).
        "GET /admin/processes": "catalog.manage|catalog.publish",
        "GET /admin/processes/{}": "catalog.manage|catalog.publish",
        "GET /api/v1/processes/{}": "catalog.manage|catalog.publish",
        "GET /api/v1/processes/{}/diagram.svg": "catalog.manage|catalog.publish",
        // The workbench API: any staff session; CaseService checks the case permissions and data scopes.
        "GET /api/v1/staff/cases/queue": "*",
        "GET /api/v1/staff/cases/overdue": "*",
        "GET /api/v1/staff/cases/{}": "*",
        "POST /api/v1/staff/cases/{}/accept": "*",
        "POST /api/v1/staff/cases/{}/accept-pending": "*",
        "POST /api/v1/staff/cases/{}/reject": "*",
        "POST /api/v1/staff/cases/{}/correction-request": "*",
        "POST /api/v1/staff/cases/{}/pause": "*",
        "POST /api/v1/staff/cases/{}/resume": "*",
        "POST /api/v1/staff/cases/{}/extend": "*",
        "POST /api/v1/staff/tasks/{}/claim": "*",
        "POST /api/v1/staff/tasks/{}/release": "*",
        "POST /api/v1/staff/tasks/{}/decide": "*",
        "GET /api/v1/staff/licenses": "*",
        "POST /api/v1/staff/licenses": "*",
        "GET /api/v1/staff/licenses/pending": "*",
        "POST /api/v1/staff/licenses/import": "*",
        "GET /api/v1/staff/licenses/{}": "*",
        "POST /api/v1/staff/licenses/{}/suspend": "*",
        "POST /api/v1/staff/licenses/{}/reinstate": "*",
        "POST /api/v1/staff/licenses/{}/revoke": "*",
        "POST /api/v1/staff/licenses/{}/renew": "*",
        "GET /api/v1/staff/cases/{}/licenses": "*",
        "POST /api/v1/payments/orders": "*",
        "GET /api/v1/staff/payments/orders": "*",
        "GET /api/v1/staff/payments/orders/{}": "*",
        "POST /api/v1/staff/payments/orders/{}/cancel": "*",
        "POST /api/v1/staff/payments/orders/{}/counter-payment": "*",
        "POST /api/v1/staff/payments/orders/{}/refunds": "*",
        "POST /api/v1/staff/payments/statements": "*",
        "POST /api/v1/staff/payments/mismatches/{}/resolve": "*",
        "GET /api/v1/staff/cases/{}/payments": "*",
        "GET /api/v1/staff/payments/notifications": "payments.finance",
        "GET /api/v1/staff/payments/statements": "payments.finance",
        // 好差评: any staff session; EvaluationService checks evaluation.respond / .supervise per object.
        "GET /api/v1/staff/evaluation/ratings": "*",
        "POST /api/v1/staff/cases/{}/counter-rating": "*",
        "GET /api/v1/staff/evaluation/rectifications": "*",
        "GET /api/v1/staff/evaluation/rectifications/{}": "*",
        "GET /api/v1/staff/evaluation/rectifications/{}/reminders": "*",
        "POST /api/v1/staff/evaluation/rectifications/{}/callback": "*",
        "POST /api/v1/staff/evaluation/rectifications/{}/answer": "*",
        "POST /api/v1/staff/evaluation/rectifications/{}/appeal-decision": "*",
        "POST /api/v1/staff/evaluation/rectifications/{}/contact": "*",
        "GET /api/v1/staff/evaluation/messages": "*",
        "POST /api/v1/staff/evaluation/messages": "*",
        "GET /api/v1/staff/evaluation/messages/{}": "*",
        "GET /api/v1/staff/evaluation/messages/{}/reminders": "*",
        "POST /api/v1/staff/evaluation/messages/{}/answer": "*",
        "POST /api/v1/staff/evaluation/messages/{}/faq": "*",
        "DELETE /api/v1/staff/evaluation/faq/{}": "*",
        "GET /api/v1/staff/evaluation/demands": "*",
        "POST /api/v1/staff/evaluation/demands/{}/response": "*",
    ]
    /// API routes with a credential of their own (an OIDC bearer token, a gateway signature): no
    /// session, role or operator token opens them.
    static let ownCredential: Set<String> = [
        "GET /api/v1/me", "GET /api/v1/me/enterprises", "POST /api/v1/messaging/sms-receipts",
    ]
    /// The applicant's case routes: a person's session (or OIDC bearer token) opens them, nothing else.
    static let personRoutes: Set<String> = [
        "GET /api/v1/cases", "POST /api/v1/cases", "GET /api/v1/cases/{}", "PUT /api/v1/cases/{}/form",
        "POST /api/v1/cases/{}/materials", "POST /api/v1/cases/{}/submit", "POST /api/v1/cases/{}/correction",
        "POST /api/v1/cases/{}/withdraw", "POST /api/v1/bundles/{}/cases", "GET /api/v1/case-bundles/{}",
        "POST /api/v1/case-bundles/{}/materials", "POST /api/v1/case-bundles/{}/submit",
        "GET /api/v1/me/licenses",
        "GET /api/v1/me/licenses/{}",
        "POST /api/v1/me/licenses/{}/shares",
        "GET /api/v1/me/licenses/{}/uses",
        "GET /api/v1/cases/{}/licenses",
        "POST /api/v1/cases/{}/licenses",
        "GET /api/v1/me/payments",
        "GET /api/v1/me/payments/{}",
        "GET /api/v1/cases/{}/payments",
        "GET /api/v1/me/ratings",
        "POST /api/v1/me/ratings/{}",
        "GET /api/v1/me/ratings/{}/rectification",
        "POST /api/v1/me/rectifications/{}/accept",
        "POST /api/v1/me/rectifications/{}/appeal",
        "GET /api/v1/me/messages",
        "POST /api/v1/me/messages",
        "GET /api/v1/me/messages/{}",
        "POST /api/v1/me/messages/{}/feedback",
        "GET /api/v1/me/demands",
        "POST /api/v1/me/demands",
    ]
    /// Routes staff may use and the operator token may not: people's data is for staff with a role.
    static let staffOnly: Set<String> = [
        "GET /admin/staff", "POST /admin/staff", "POST /admin/staff/roles", "POST /admin/staff/{}/status",
        "GET /admin/counter", "POST /admin/counter/lookup", "POST /admin/counter/{}/in-person",
        "POST /admin/counter/{}/reveal", "GET /admin/roles", "POST /admin/roles",
        "GET /admin/catalog", "GET /admin/catalog/new", "POST /admin/catalog/new", "GET /admin/catalog/items/{}",
        "GET /admin/catalog/items/{}/edit", "POST /admin/catalog/items/{}/edit", "POST /admin/catalog/items/{}/publish",
        "POST /admin/catalog/items/{}/retire", "POST /admin/catalog/items/{}/discard",
        "GET /api/v1/staff/cases/queue", "GET /api/v1/staff/cases/overdue", "GET /api/v1/staff/cases/{}",
        "POST /api/v1/staff/cases/{}/accept", "POST /api/v1/staff/cases/{}/accept-pending",
        "POST /api/v1/staff/cases/{}/reject", "POST /api/v1/staff/cases/{}/correction-request",
        "POST /api/v1/staff/cases/{}/pause", "POST /api/v1/staff/cases/{}/resume",
        "POST /api/v1/staff/cases/{}/extend", "POST /api/v1/staff/tasks/{}/claim",
        "POST /api/v1/staff/tasks/{}/release", "POST /api/v1/staff/tasks/{}/decide",
        "GET /api/v1/staff/licenses",
        "POST /api/v1/staff/licenses",
        "GET /api/v1/staff/licenses/pending",
        "POST /api/v1/staff/licenses/import",
        "GET /api/v1/staff/licenses/{}",
        "POST /api/v1/staff/licenses/{}/suspend",
        "POST /api/v1/staff/licenses/{}/reinstate",
        "POST /api/v1/staff/licenses/{}/revoke",
        "POST /api/v1/staff/licenses/{}/renew",
        "GET /api/v1/staff/cases/{}/licenses",
        "POST /api/v1/payments/orders",
        "GET /api/v1/staff/payments/orders",
        "GET /api/v1/staff/payments/orders/{}",
        "POST /api/v1/staff/payments/orders/{}/cancel",
        "POST /api/v1/staff/payments/orders/{}/counter-payment",
        "POST /api/v1/staff/payments/orders/{}/refunds",
        "POST /api/v1/staff/payments/statements",
        "POST /api/v1/staff/payments/mismatches/{}/resolve",
        "GET /api/v1/staff/cases/{}/payments",
        "GET /api/v1/staff/payments/notifications",
        "GET /api/v1/staff/payments/statements",
        "GET /api/v1/staff/evaluation/ratings",
        "POST /api/v1/staff/cases/{}/counter-rating",
        "GET /api/v1/staff/evaluation/rectifications",
        "GET /api/v1/staff/evaluation/rectifications/{}",
        "GET /api/v1/staff/evaluation/rectifications/{}/reminders",
        "POST /api/v1/staff/evaluation/rectifications/{}/callback",
        "POST /api/v1/staff/evaluation/rectifications/{}/answer",
        "POST /api/v1/staff/evaluation/rectifications/{}/appeal-decision",
        "POST /api/v1/staff/evaluation/rectifications/{}/contact",
        "GET /api/v1/staff/evaluation/messages",
        "POST /api/v1/staff/evaluation/messages",
        "GET /api/v1/staff/evaluation/messages/{}",
        "GET /api/v1/staff/evaluation/messages/{}/reminders",
        "POST /api/v1/staff/evaluation/messages/{}/answer",
        "POST /api/v1/staff/evaluation/messages/{}/faq",
        "DELETE /api/v1/staff/evaluation/faq/{}",
        "GET /api/v1/staff/evaluation/demands",
        "POST /api/v1/staff/evaluation/demands/{}/response",
    ]
    /// Public API routes: published information that every caller, signed in or not, may read.
    static let publicRoutes: Set<String> = [
        "GET /api/v1/catalog/report", "GET /api/v1/catalog/items", "GET /api/v1/catalog/items/{}",
        "GET /api/v1/catalog/search", "GET /api/v1/catalog/departments", "GET /api/v1/catalog/bundles",
        "GET /api/v1/catalog/bundles/{}", "GET /api/v1/catalog/locations", "GET /api/v1/catalog/locations/nearby",
        "GET /api/v1/cases/progress", "GET /api/v1/cases/figures",
        "POST /api/v1/licenses/verify",
        "GET /api/v1/licenses/status-list",
        "GET /api/v1/licenses/types",
        "GET /api/v1/licenses/shared/{}",
        "GET /api/v1/payments/orders/{}",
        "POST /api/v1/payments/orders/{}/checkout",
        "GET /api/v1/payments/orders/{}/receipt",
        "POST /api/v1/payments/receipts/verify",
        "POST /api/v1/payments/sandbox/{}/pay",
        "POST /api/v1/payments/notify/{}",
        "GET /api/v1/evaluation/scoreboard",
        "GET /api/v1/evaluation/indicator-sets",
        "GET /api/v1/evaluation/items/{}/faq",
        "GET /api/v1/evaluation/demands/summary",
        "GET /api/v1/evaluation/counter/{}",
        "POST /api/v1/evaluation/counter/{}",
    ]

    @Test("each caller gets in exactly where the table says")
    func walk() async throws {
        try await TestServer.run { client, platform in
            // setup
            let router = try await buildRouter(platform: platform)
            let routes = router.routes.map { (method: $0.method.rawValue, path: $0.path.description) }
                .filter { $0.path == "/admin" || $0.path.hasPrefix("/admin/") || $0.path.hasPrefix("/api/") }
            let keys = routes.map { RouteCoverageTests.normalise(method: $0.method, path: $0.path) }
            #expect(
                Set(keys)
                    == Set(Self.table.keys).union(Self.ownCredential).union(Self.publicRoutes).union(Self.personRoutes),
                "every admin and API route has a line in the table")
            var staffCookies: [String: String] = [:]
            for username in Self.held.keys {
                staffCookies[username] = try await StaffLogin.signIn(client, platform, as: username)
            }
            let citizen = try await IdentityPagesTests.signIn(client)
            let callers: [Caller] = [.anonymous, .citizen, .operatorToken] + Self.held.keys.sorted().map { .staff($0) }
            // act and verify
            for (route, key) in zip(routes, keys) {
                let path = route.path.replacingOccurrences(
                    of: #"\{[^}]+\}|:[a-z]+"#, with: UUID().uuidString, options: .regularExpression)
                let isForm = route.method == "POST" && !path.hasPrefix("/api/")
                for caller in callers {
                    var headers: HTTPFields = [:]
                    switch caller {
                    case .anonymous: headers[.cookie] = "zt_csrf=\(TestServer.csrf)"
                    case .citizen: headers[.cookie] = "zt_csrf=\(TestServer.csrf); zt_session=\(citizen)"
                    case .operatorToken:
                        headers = TestServer.operatorHeaders
                        headers[.cookie] = "zt_csrf=\(TestServer.csrf)"
                    case .staff(let username): headers = StaffLogin.headers(staffCookies[username]!)
                    }
                    if isForm { headers[.contentType] = "application/x-www-form-urlencoded" }
                    if route.method == "POST" && !isForm { headers[.contentType] = "application/json" }
                    let body = isForm ? ByteBuffer(string: "_csrf=\(TestServer.csrf)") : ByteBuffer(string: "{}")
                    let response = try await client.execute(
                        uri: path, method: .init(rawValue: route.method)!, headers: headers,
                        body: route.method == "GET" ? nil : body)
                    let required = Self.table[key] ?? nil
                    let expected: String
                    switch caller {
                    case _ where Self.ownCredential.contains(key): expected = "401"
                    case _ where Self.publicRoutes.contains(key): expected = "in"
                    case .citizen where Self.personRoutes.contains(key): expected = "in"
                    case _ where Self.personRoutes.contains(key): expected = "401"
                    case .anonymous, .citizen: expected = "401"
                    case .operatorToken: expected = Self.staffOnly.contains(key) ? "403" : "in"
                    case .staff(let username):
                        guard let required else {
                            expected = "403"
                            break
                        }
                        let anyOf = required.split(separator: "|").map(String.init)
                        expected =
                            required == "*" || anyOf.contains { Self.held[username]!.contains($0) } ? "in" : "403"
                    }
                    let got =
                        switch response.status.code {
                        case 401: "401"
                        case 403: "403"
                        default: "in"
                        }
                    #expect(got == expected, "\(caller) \(key): \(response.status.code)")
                    #expect(response.status.code < 500, "\(caller) \(key): \(response.status.code)")
                }
            }
        }
    }
}
