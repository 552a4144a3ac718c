import Catalog
import CatalogModel
import Foundation
import Kernel

/// The view model of 办事指南: every field of the guide in force, printable, with the materials
/// narrowed to the situations the visitor chose.
struct ServiceGuidePage {
    /// A select of one situation group (申请类型 …), one answer chosen at most.
    struct SituationGroup {
        var id: String
        var name: String
        var options: [ServiceHallFormat.Option]
    }

    /// A row of the materials table.
    struct Material {
        var name: String
        var form: String
        var copies: Int
        var source: String
        var required: Bool
        var exempt: Bool
        var situations: String
        var situationCodes: String
        var notes: String
    }

    /// A row of the fees table.
    struct FeeRow {
        var name: String
        var amount: String
        var standard: String
        var basis: String
        var reductions: String
    }

    /// A step of the process.
    struct Step {
        var number: Int
        var name: String
        var description: String
    }

    /// A place that handles the item.
    struct Place {
        var name: String
        var address: String
        var hours: String
        var phone: String
        var windows: Int
    }

    var layout: Layout
    var code: String
    var name: String
    var type: String
    var department: String
    var audiences: String
    var themes: String
    var version: Int
    var effectiveFrom: String
    var legalBasis: [String]
    var conditions: [String]
    var situationGroups: [SituationGroup]
    var hasSituations: Bool
    var chosen: String?
    var materials: [Material]
    var materialCount: Int
    var fees: [FeeRow]
    var free: Bool
    var feeTotal: String
    var legalLimit: String
    var promisedLimit: String
    var visits: String
    var onlineDepth: String
    var channels: String
    var appointment: String?
    var steps: [Step]
    var faq: [FAQEntry]
    var hasFAQ: Bool
    /// Questions answered from citizens' consultations about this item, published by its department.
    var consultations: [EvaluationPageSections.FAQ] = [] {
        didSet {
            hasConsultations = !consultations.isEmpty
            hasFAQ = !faq.isEmpty || hasConsultations
        }
    }
    var hasConsultations = false
    var resultKind: String
    var resultName: String
    var resultSample: String
    var consultationPhone: String
    var complaintPhone: String
    var places: [Place]
    var nearbyHref: String

    init(layout: Layout, item: PublishedItem, chosen codes: Set<String>, locations: [ServiceLocation]) {
        let guide = item.guide
        self.layout = layout
        code = item.item.businessCode.rawValue
        name = guide.name
        type = guide.itemType.label
        department = item.departmentName
        audiences = guide.audiences.map(\.label).joined(separator: "、")
        themes = guide.themes.joined(separator: "、")
        version = item.version.number
        effectiveFrom = item.version.effectiveFrom?.description ?? ""
        legalBasis = guide.legalBasis
        conditions = guide.conditions
        var groups: [SituationGroup] = []
        for situation in guide.situations {
            let option = ServiceHallFormat.Option(
                value: situation.code, label: situation.name, selected: codes.contains(situation.code))
            if let index = groups.firstIndex(where: { $0.name == situation.group }) {
                groups[index].options.append(option)
            } else {
                groups.append(
                    SituationGroup(id: "situation-\(groups.count + 1)", name: situation.group, options: [option]))
            }
        }
        situationGroups = groups
        hasSituations = !groups.isEmpty
        let known = guide.situations.filter { codes.contains($0.code) }
        chosen = known.isEmpty ? nil : known.map(\.name).joined(separator: "、")
        let names = Dictionary(guide.situations.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let shown = known.isEmpty ? guide.materials : guide.materials(for: Set(known.map(\.code)))
        materials = shown.map { material in
            Material(
                name: material.name, form: material.form.label, copies: material.copies, source: material.source.label,
                required: material.required, exempt: material.exempt,
                situations: material.situations.compactMap { names[$0] }.joined(separator: "、"),
                situationCodes: material.situations.joined(separator: " "), notes: material.notes)
        }
        materialCount = materials.count
        fees = guide.fees.map { fee in
            FeeRow(
                name: fee.name, amount: ServiceHallFormat.yuan(fee.amountFen), standard: fee.standard, basis: fee.basis,
                reductions: fee.reductions.joined(separator: "；"))
        }
        free = guide.fees.isEmpty || guide.totalFeeFen == 0
        feeTotal = free ? "不收费" : ServiceHallFormat.yuan(guide.totalFeeFen)
        legalLimit = guide.legalTimeLimit?.label ?? "法律法规未规定"
        promisedLimit = guide.promisedTimeLimit.label
        visits = ServiceHallFormat.visits(guide.visitsRequired)
        onlineDepth = guide.onlineDepth.label
        channels = guide.channels.map(\.label).joined(separator: "、")
        appointment = guide.appointment.map { "可预约，每个工作日\($0.slotsPerDay)个号，可提前\($0.advanceDays)天预约" }
        steps = guide.steps.enumerated().map {
            Step(number: $0.offset + 1, name: $0.element.name, description: $0.element.description)
        }
        faq = guide.faq
        hasFAQ = !guide.faq.isEmpty
        resultKind = guide.result.kind.label
        resultName = guide.result.name
        resultSample = guide.result.sample
        consultationPhone = guide.consultationPhone
        complaintPhone = guide.complaintPhone
        let byCode = Dictionary(locations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        places = guide.locationCodes.compactMap { byCode[$0] }.map { location in
            Place(
                name: location.name, address: location.address, hours: location.hours, phone: location.phone,
                windows: location.windows)
        }
        nearbyHref = "/services/nearby" + ServiceHallFormat.query([("item", code)])
    }
}
