import Foundation
import Kernel
import Licenses

/// The view model of 手工签发证照: first the type, then a form generated from that type's fields.
struct LicenseStaffIssuePage {
    /// A type to choose.
    struct TypeChoice {
        var href: String
        var name: String
        var holder: String
        var validity: String
    }

    /// The chosen type and its form.
    struct Chosen {
        var key: String
        var name: String
        var holder: String
        var validity: String
        var inputs: [LicenseFormInput]
        var issuedOn: String
    }

    var layout: Layout
    var types: [TypeChoice]
    var chosen: Chosen?
    var error: DomainError?

    /// The page for `type` (nil: the list of types), with the values of a refused post.
    init(
        layout: Layout, catalogue: LicenseTypeCatalogue, type: LicenseType?, values: [String: String] = [:],
        issuedOn: String = "", error: DomainError? = nil
    ) {
        self.layout = layout
        types = catalogue.types.map { type in
            TypeChoice(
                href: "/staff/licenses/new?type=\(type.key)", name: type.name, holder: type.holder.label,
                validity: Self.validity(type))
        }
        chosen = type.map { type in
            Chosen(
                key: type.key, name: type.name, holder: type.holder.label, validity: Self.validity(type),
                inputs: LicenseFormInput.inputs(type, values: values), issuedOn: issuedOn)
        }
        self.error = error
    }

    /// How long a license of `type` stays valid.
    static func validity(_ type: LicenseType) -> String {
        type.validYears.map { "自签发之日起 \($0) 年" } ?? "长期有效"
    }
}
