import Catalog
import CatalogModel
import Foundation
import Identity
import Kernel

/// The view model of the page that creates an item or edits its draft.
struct CatalogAdminEditPage {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    var layout: Layout
    /// Where the form posts.
    var action: String
    /// Creating a new item: the codes and the department are asked for.
    var isNew: Bool
    var itemID: String?
    var heading: String
    var businessCode: String
    var divisionCode: String
    var departments: [Option]
    var form: CatalogFormView
    var error: DomainError?
    /// Which version the form starts from, for the note above it.
    var basis: String?
}
