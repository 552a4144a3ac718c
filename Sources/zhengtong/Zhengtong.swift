import ArgumentParser

/// The `zhengtong` command: serve the platform, or run an operator task.
@main
struct Zhengtong: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhengtong",
        abstract: "政通 Zhengtong：开放的数字政府平台。",
        discussion: "不带子命令时等同于 serve。设置见 docs/configuration.md。",
        subcommands: [
            Serve.self, Migrate.self, SeedCommand.self, Audit.self, Registry.self, CatalogCommand.self, QRCommand.self,
        ],
        defaultSubcommand: Serve.self)
}
