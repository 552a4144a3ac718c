public import Foundation
public import Kernel

/// One department's implementation of a base item in one division (实施清单 entry), at the level
/// of a business item (业务办理项): what cases are opened against.
public struct ServiceItem: Codable, Sendable, Hashable {
    /// The item's id.
    public var id: UUID
    /// 业务办理项编码, the public key of the item.
    public var businessCode: BusinessItemCode
    /// The department that implements it.
    public var departmentID: UUID
    /// The division it is implemented in.
    public var divisionCode: DivisionCode

    /// Creates an item.
    public init(id: UUID, businessCode: BusinessItemCode, departmentID: UUID, divisionCode: DivisionCode) {
        self.id = id
        self.businessCode = businessCode
        self.departmentID = departmentID
        self.divisionCode = divisionCode
    }

    /// 实施编码.
    public var implementationCode: ImplementationCode { businessCode.implementation }
    /// 基本编码.
    public var baseCode: BaseItemCode { businessCode.implementation.base }
}
