/// What one domain module contributes to the platform, declared in one place.
///
/// The composition root collects every module's manifest and wires its migrations, event
/// subscribers, job handlers and demo seeds; routes live in Web, which cannot be imported here.
public struct ModuleManifest: Sendable {
    /// The module's name, also its table prefix's owner.
    public var name: String
    /// Ordered schema steps.
    public var migrations: [Migration]
    /// Reactions to domain events.
    public var subscribers: [EventSubscriber]
    /// Handlers for the job kinds this module enqueues.
    public var jobHandlers: [JobHandler]
    /// Demo data loaders, run once by `zhengtong seed`.
    public var seeds: [Seed]

    /// Declares a module.
    public init(
        name: String, migrations: [Migration] = [], subscribers: [EventSubscriber] = [],
        jobHandlers: [JobHandler] = [], seeds: [Seed] = []
    ) {
        self.name = name
        self.migrations = migrations
        self.subscribers = subscribers
        self.jobHandlers = jobHandlers
        self.seeds = seeds
    }
}

/// A named demo-data loader; the seed ledger makes it run once per database.
public struct Seed: Sendable {
    /// A stable name recorded when the seed has run.
    public var name: String
    /// Loads the data.
    public var run: @Sendable (any Database) async throws -> Void

    /// Creates a seed.
    public init(name: String, run: @escaping @Sendable (any Database) async throws -> Void) {
        self.name = name
        self.run = run
    }
}
