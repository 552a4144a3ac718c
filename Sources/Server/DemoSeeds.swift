import Identity
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
        ]
    }
}
