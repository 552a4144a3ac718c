import Foundation

/// Files bundled with the Web target: templates, static assets and the OpenAPI document.
enum WebResources {
    static func url(_ relativePath: String) -> URL {
        // `.copy("Resources")` keeps the folder name inside the bundle; `resourceURL` differs between
        // platforms, `bundleURL` does not.
        Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(relativePath)
    }
}
