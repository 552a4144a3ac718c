import Catalog
import CatalogModel
import Foundation
import Kernel

/// The view model of the guide form: every field as typed, choices with their state, and each
/// repeating section with three blank rows after the filled ones.
struct CatalogFormView {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Check {
        var name: String
        var label: String
        var checked: Bool
    }

    struct Field {
        var name: String
        var value: String
    }

    /// One repeating row: its index and its fields by sub-field name.
    struct Row {
        var index: Int
        var number: Int
        var fields: [String: String]
        var sources: [Option]
        var forms: [Option]
        var required: Bool
        var exempt: Bool
    }

    static let blankRows = 3

    var values: [String: String]
    var itemTypes: [Option]
    var audiences: [Check]
    var lifeEvents: [Check]
    var channels: [Check]
    var depths: [Option]
    var legalUnits: [Option]
    var promisedUnits: [Option]
    var resultKinds: [Option]
    var situations: [Row]
    var materials: [Row]
    var fees: [Row]
    var steps: [Row]
    var faq: [Row]

    init(_ form: CatalogGuideForm) {
        values = form.fields
        func option(_ field: String, _ value: String, _ label: String) -> Option {
            Option(value: value, label: label, selected: form[field] == value)
        }
        itemTypes = ItemType.allCases.map { option("itemType", $0.rawValue, $0.label) }
        audiences = Audience.allCases.map {
            Check(name: "audience.\($0.rawValue)", label: $0.label, checked: form.checked("audience.\($0.rawValue)"))
        }
        lifeEvents = LifeEvent.allCases.map {
            Check(name: "lifeEvent.\($0.rawValue)", label: $0.label, checked: form.checked("lifeEvent.\($0.rawValue)"))
        }
        channels = ServiceChannel.allCases.map {
            Check(name: "channel.\($0.rawValue)", label: $0.label, checked: form.checked("channel.\($0.rawValue)"))
        }
        depths = OnlineDepth.allCases.map { option("onlineDepth", String($0.rawValue), $0.label) }
        let units = [("workingDays", "工作日"), ("naturalDays", "自然日")]
        legalUnits = units.map { option("legalUnit", $0.0, $0.1) }
        promisedUnits = units.map { option("promisedUnit", $0.0, $0.1) }
        resultKinds = ItemResult.Kind.allCases.map { option("resultKind", $0.rawValue, $0.label) }
        func rows(_ section: String) -> [Row] {
            let filled = form.rowCount(section)
            return (0..<(filled + Self.blankRows)).map { index in
                let prefix = "\(section).\(index)."
                var fields: [String: String] = [:]
                for name in CatalogGuideForm.rowFields[section] ?? [] {
                    fields[name] = form.fields[prefix + name] ?? ""
                }
                let isNew = index >= filled
                return Row(
                    index: index, number: index + 1, fields: fields,
                    sources: MaterialSource.allCases.map {
                        Option(value: $0.rawValue, label: $0.label, selected: form[prefix + "source"] == $0.rawValue)
                    },
                    forms: MaterialForm.allCases.map {
                        Option(value: $0.rawValue, label: $0.label, selected: form[prefix + "form"] == $0.rawValue)
                    },
                    required: isNew || form.checked(prefix + "required"), exempt: form.checked(prefix + "exempt"))
            }
        }
        situations = rows("situation")
        materials = rows("material")
        fees = rows("fee")
        steps = rows("step")
        faq = rows("faq")
    }
}
