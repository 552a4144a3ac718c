import CatalogInterchange
import Identity
import Licenses
import Messaging
import Storage

/// Demo data for a fresh demo installation: loaded once, recorded in the seed ledger.
enum DemoSeeds {
    static func all(_ platform: Platform) -> [Seed] {
        [
            Seed(name: "demo.welcome-messages") { _ in
                let system = Actor.system
                _ = try await platform.messaging.send(
                    SendMessage(
                        channel: .inbox, recipient: "demo-citizen", template: "platform.welcome",
                        parameters: ["name": "张三"]), by: system)
                _ = try await platform.messaging.send(
                    SendMessage(
                        channel: .sms, recipient: "13800000000", template: "platform.verification-code",
                        parameters: ["code": "246810", "minutes": "5"], urgent: true), by: system)
            },
            Seed(name: "demo.population-registry") { _ in
                // A stand-in for the public-security export: the demo citizen plus generated people.
                _ = try await platform.populationRegistry.load(csv: DemoPopulation.csv(count: 200))
            },
            Seed(name: "demo.citizen") { _ in
                // A demo citizen to log in as: 13800000000 / 政通演示2026 (see README).
                _ = try await platform.identity.register(
                    RegisterPerson(
                        name: "张三", idNumber: "130102199003071233", phone: "13800000000", password: "政通演示2026"),
                    context: LoginContext(channel: "system", clientAddress: "-", userAgent: "seed"))
            },
            Seed(name: "demo.enterprise-registry") { _ in
                // A stand-in for the market-regulation export: the demo company and one per generated resident.
                let residents = DemoPopulation.csv(count: 200).split(separator: "\n").dropFirst()
                    .compactMap { $0.split(separator: ",").last.map(String.init) }
                _ = try await platform.enterpriseRegistry.load(
                    csv: DemoEnterpriseRegistry.csv(representatives: Array(residents)))
            },
            Seed(name: "demo.enterprise") { _ in
                // 张三's company with 李四 as its agent (docs/enterprise.md).
                _ = try await platform.enterprises.seedDemoEnterprise(identity: platform.identity)
            },
            Seed(name: "demo.organisation") { _ in
                // Departments of the demo city and staff with enrolled TOTP (docs/organisation.md).
                _ = try await platform.organisation.seedDemoOrganisation()
            },
            Seed(name: "demo.catalog") { _ in
                // The service catalog of the demo city: items of its departments, the service
                // locations and three 一件事 bundles (docs/catalog.md); needs the departments above.
                // With ZT_DEMO_CATALOG=false the seed is recorded as run and loads nothing, so the
                // catalog stays empty for an import.
                guard platform.configuration.demoCatalog else { return }
                _ = try await platform.catalog.seedDemoCatalog()
            },
            Seed(name: "demo.evaluation-history") { _ in
                // Sixty days of ratings of the demo catalog's items, some bad reviews at every stage of
                // rectification, so the public scoreboards show something (docs/evaluation.md).
                guard platform.configuration.demoCatalog, platform.configuration.demoEvaluationHistory else { return }
                try await platform.evaluation.seedDemoHistory()
            },
            Seed(name: "demo.oidc-clients") { _ in
                // Two applications to try single sign-on with (docs/identity.md lists them).
                _ = try await platform.oidc.registerFixed(
                    RegisterClient(
                        name: "政通演示小程序", kind: .public,
                        redirectURIs: ["cn.gov.zhengtong.demo:/oidc/callback"],
                        scopes: ["openid", "profile", "phone", "realname"],
                        grantTypes: ["authorization_code", "refresh_token"]),
                    id: "zt-demo-miniprogram", secret: nil)
                _ = try await platform.oidc.registerFixed(
                    RegisterClient(
                        name: "演示市人社局就业服务系统", kind: .confidential,
                        redirectURIs: ["http://127.0.0.1:9000/callback"],
                        postLogoutRedirectURIs: ["http://127.0.0.1:9000/"],
                        scopes: ["openid", "profile", "idcard", "realname", "catalog.read"],
                        grantTypes: ["authorization_code", "refresh_token", "client_credentials"],
                        idTokenAlgorithm: .sm2),
                    id: "zt-demo-hr-system", secret: "demo-hr-system-secret-2026")
            },
        ] + LicensesModule.demoSeeds(service: platform.licenses)
    }
}
