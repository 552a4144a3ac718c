import Foundation
import Identity

/// A hidden form field carrying a request parameter through a page.
struct HiddenField {
    var name: String
    var value: String
}

/// The view model of 授权确认 (consent).
struct ConsentPage {
    var layout: Layout
    var client: String
    var scopes: [String]
    var level: String
    var fields: [HiddenField]
}

/// The view model of the page asking for a higher real-name level.
struct StepUpPage {
    var layout: Layout
    var client: String
    var required: String
    var current: String
    var canUseRegistry: Bool
    /// Whether face verification can take the person to the level asked for (L3 from L2).
    var canUseFace = false
    var faceNotice: String?
    /// Where the registry check returns to: this authorization request again.
    var next: String
    var fields: [HiddenField]
}

/// The view model of the RP-initiated logout confirmation.
struct LogoutPage {
    var layout: Layout
    var clientName: String?
    var fields: [HiddenField]
}

/// The view model of the administrators' OIDC client page.
struct OIDCClientsPage {
    struct Row {
        var id: String
        var name: String
        var kind: String
        var redirects: String
        var scopes: String
        var grants: String
        var algorithm: String
        var createdAt: String
        var disabled: Bool
    }

    var layout: Layout
    var clients: [Row]
    var created: RegisteredClient?
    var error: String?

    init(layout: Layout, clients: [OIDCClient], created: RegisteredClient? = nil, error: String? = nil) {
        self.layout = layout
        self.clients = clients.map { client in
            Row(
                id: client.id, name: client.name, kind: client.kind == .public ? "公开客户端" : "机密客户端",
                redirects: client.redirectURIs.joined(separator: " "), scopes: client.scopes.joined(separator: " "),
                grants: client.grantTypes.joined(separator: " "), algorithm: client.idTokenAlgorithm.rawValue,
                createdAt: BeijingTime.format(client.createdAt), disabled: client.disabled)
        }
        self.created = created
        self.error = error
    }
}

/// The view model of the page shown while the face-verification provider has not answered yet.
struct FacePendingPage {
    var layout: Layout
    /// This page again, to check once more.
    var retry: String
}

/// The view model of the page that sends the person to the face-verification provider.
struct FaceStartPage {
    var layout: Layout
    var verifyURL: String
}
