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
            }
        ]
    }
}
