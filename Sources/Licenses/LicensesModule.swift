public import Cases
import Foundation
import Kernel
public import Storage

/// What the e-license library contributes: its tables, the subscriber that issues licenses when
/// cases are approved, and the demo issuers.
public enum LicensesModule {
    /// The license tables.
    public static let migrations = LicensesMigrations.all

    /// The manifest.
    public static func manifest(service: LicenseService, cases: CaseService) -> ModuleManifest {
        ModuleManifest(
            name: "licenses", migrations: migrations, subscribers: [service.issueOnConclusion(cases: cases)],
            seeds: [Seed(name: "demo.license-issuers") { _ in try await service.registerDemoIssuers() }])
    }
}
