/// Fast character tests for the hot loops of splitting and script detection.
///
/// `Unicode.Scalar.Properties` looks every scalar up in Unicode's tables; these answer ASCII and
/// the common cases directly and fall back to the tables only for other scalars.
package enum CharacterClass {
    /// Unicode's White_Space property (includes no-break spaces and line separators).
    @inline(__always)
    package static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Unicode's Alphabetic property, with an ASCII fast path.
    @inline(__always)
    package static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }

    /// Unicode's Uppercase property, with an ASCII fast path.
    @inline(__always)
    package static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    /// A decimal digit or other numeric character, with an ASCII fast path.
    @inline(__always)
    package static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return s.properties.numericType != nil
    }

    /// The scalar whose (valid) UTF-8 starts at `bytes[i]`, a byte of 0x80 or more; moves `i` past it.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[i])
        var value: UInt32
        var length: Int
        if lead < 0xE0 {
            value = lead & 0x1F
            length = 2
        } else if lead < 0xF0 {
            value = lead & 0x0F
            length = 3
        } else {
            value = lead & 0x07
            length = 4
        }
        let end = min(i + length, bytes.count)
        var j = i + 1
        while j < end {
            value = value << 6 | UInt32(bytes[j] & 0x3F)
            j += 1
        }
        i = end
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}

extension CharacterClass {
    /// True when every byte is ASCII; reads eight bytes at a time.
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let count = bytes.count
        while i + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < count {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// True when every byte of `text`'s UTF-8 is ASCII.
    package static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isASCII($0) }
    }
}
