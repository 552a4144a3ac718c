import Foundation
import Identity
import Kernel

/// The view model of 我的企业: the enterprises the person represents or acts for.
struct EnterprisesPage {
    struct Row {
        var id: String
        var name: String
        var creditCode: String
        var role: String
        var until: String?
        var manages: Bool
    }

    var layout: Layout
    var rows: [Row]
    var error: DomainError?
    var creditCode = ""
    var name = ""

    init(layout: Layout, memberships: [EnterpriseMembership], now: Date) {
        self.layout = layout
        rows = memberships.map { membership in
            Row(
                id: membership.enterprise.id.uuidString, name: membership.enterprise.name,
                creditCode: membership.enterprise.creditCode, role: membership.role.label,
                until: membership.grant.map { "授权至 \($0.validUntil)" },
                manages: membership.role == .representative)
        }
    }
}

/// The view model of one enterprise's page: its agents and the form to authorise another.
struct EnterprisePage {
    struct Agent {
        var id: String
        var name: String
        var phone: String
        var scope: String
        var until: String
        var status: String
        var current: Bool
    }

    var layout: Layout
    var enterprise: Enterprise
    var agents: [Agent]
    var defaultUntil: String
    var error: DomainError?

    init(layout: Layout, enterprise: Enterprise, agents: [AgentGrant], now: Date, defaultUntil: String) {
        self.layout = layout
        self.enterprise = enterprise
        self.defaultUntil = defaultUntil
        self.agents = agents.map { grant in
            let status = grant.status(at: now)
            return Agent(
                id: grant.id.uuidString, name: grant.nameMasked, phone: grant.phoneMasked,
                scope: grant.scope.description == "*" ? "全部事项" : grant.scope.description,
                until: grant.validUntil.description, status: status.label, current: status == .current)
        }
    }
}
