extension StringProtocol {
    /// The text without leading and trailing white space (Unicode's White_Space: spaces, tabs,
    /// line ends, no-break spaces).
    package func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !CharacterClass.isSpace($0) }),
            let last = scalars.lastIndex(where: { !CharacterClass.isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
