import Storage

/// A staff member's personal data sealed for storage, with the phone's blind index.
struct StaffSeals {
    var name: [UInt8]
    var phone: [UInt8]
    var phoneIndex: String

    init(name: String, phone: String, sealer: FieldSealer) throws {
        self.name = try sealer.seal(name, context: "idn_staff.name")
        self.phone = try sealer.seal(phone, context: "idn_staff.phone")
        self.phoneIndex = sealer.blindIndex(phone, context: "idn_staff.phone")
    }
}
