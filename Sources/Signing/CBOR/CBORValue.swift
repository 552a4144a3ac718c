/// One CBOR data item (RFC 8949): the subset signed codes need, without floating point or simple values
/// other than false, true and null.
///
/// Maps are dictionaries: the encoder writes them in deterministic key order (RFC 8949 §4.2.1), and the
/// decoder rejects duplicate keys, so insertion order never matters.
public indirect enum CBORValue: Sendable, Hashable {
    /// Major type 0: an unsigned integer.
    case unsigned(UInt64)
    /// Major type 1: the integer `-1 - n`, so the whole range down to -2⁶⁴ fits.
    case negative(UInt64)
    /// Major type 2: a byte string.
    case bytes([UInt8])
    /// Major type 3: a UTF-8 text string.
    case text(String)
    /// Major type 4: an array.
    case array([CBORValue])
    /// Major type 5: a map.
    case map([CBORValue: CBORValue])
    /// Major type 6: a tag number and the item it tags (18 for COSE_Sign1).
    case tagged(UInt64, CBORValue)
    /// Simple values 20 and 21.
    case bool(Bool)
    /// Simple value 22.
    case null
}
