/// The market-regulation registry (市场监管 企业登记库) that confirms who represents an enterprise.
///
/// Adapters: `DatabaseEnterpriseRegistry`, loaded from the registry's export; an HTTP adapter for
/// a live registry can follow without touching the service.
public protocol EnterpriseRegistry: Sendable {
    /// A short name recorded with every enterprise it confirms, such as `registry:database`.
    var method: String { get }

    /// Whether `representativeIDNumber` is the legal representative of the enterprise registered
    /// under `creditCode` with `name`.
    func check(creditCode: String, name: String, representativeIDNumber: String) async throws
        -> EnterpriseRegistryAnswer
}
