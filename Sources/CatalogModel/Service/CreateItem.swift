public import Foundation
public import Kernel

/// What a department enters to add an item to its implementation list: the codes and the first
/// draft of the guide.
public struct CreateItem: Sendable {
    /// 业务办理项编码.
    public var businessCode: BusinessItemCode
    /// The implementing department.
    public var departmentID: UUID
    /// The division it is implemented in.
    public var divisionCode: DivisionCode
    /// The first draft.
    public var guide: ItemGuide

    /// Creates the command.
    public init(businessCode: BusinessItemCode, departmentID: UUID, divisionCode: DivisionCode, guide: ItemGuide) {
        self.businessCode = businessCode
        self.departmentID = departmentID
        self.divisionCode = divisionCode
        self.guide = guide
    }
}
