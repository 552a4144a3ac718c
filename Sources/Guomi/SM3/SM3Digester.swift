// SM3 itself conforms to `Digester`; this alias gives integrators the name they look for.

/// The SM3 `Digester` (the same type as `SM3`).
public typealias SM3Digester = SM3
