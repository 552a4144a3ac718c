import Foundation
import Kernel
public import Storage

/// What the e-license library contributes: its tables and the subscriber that issues licenses when
/// cases are approved. Its demo seeds (`demoSeeds`) need the demo organisation, so the composition
/// root runs them after it.
public enum LicensesModule {
    /// The license tables.
    public static let migrations = LicensesMigrations.all

    /// The manifest.
    public static func manifest(service: LicenseService) -> ModuleManifest {
        ModuleManifest(name: "licenses", migrations: migrations, subscribers: [service.issueOnConclusion()])
    }

    /// The demo issuers and the demo citizen's business license.
    public static func demoSeeds(service: LicenseService) -> [Seed] {
        [
            Seed(name: "demo.license-issuers") { _ in try await service.registerDemoIssuers() },
            Seed(name: "demo.licenses") { _ in try await service.seedDemoLicenses() },
        ]
    }
}
