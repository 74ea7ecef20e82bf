import DossierTopics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small lexicon and folder of articles written for these tests.
enum TopicFixtures {
    static let lexiconYAML = """
        version: 1
        builtin: false
        categories:
          weapon:
            - id: cluster-munitions
              label: cluster munitions
              aliases:
                - DPICM
                - dual-purpose improved conventional munition
                - bomblet
            - id: tanks
              label: tanks
              aliases:
                - {alias: tank, not: [think tank, fuel tank]}
            - id: s-300
              label: S-300
              aliases:
                - {alias: S-300, case: sensitive}
            - id: kalashnikov
              label: Kalashnikov rifles
              aliases:
                - Kalashnikov*
          organization:
            - id: un
              label: United Nations
              aliases:
                - {alias: UN, case: sensitive}
                - {alias: U.N., case: sensitive}
            - id: hrw
              label: Human Rights Watch
              aliases:
                - HRW
          place:
            - id: kyiv
              label: Kyiv
              aliases:
                - {alias: Kiev, not: [chicken Kiev]}
            - id: zaporizhzhia
              label: Zaporizhzhia
              aliases:
                - Zaporozhye
        """

    static var lexicon: Lexicon { try! Lexicon(yaml: lexiconYAML, source: "fixture.yaml") }

    /// Articles: file name and text (title line, blank line, paragraphs).
    static let articles: [(String, String)] = [
        (
            "strike-report.txt",
            """
            Bomblets found near Kiev after the strike

            Investigators photographed dozens of DPICMs on a road outside Kiev and counted the duds among the bomblets.

            A think tank in the capital said the fuel tank of a parked truck caught fire.

            Officials of the U.N. visited the site a week later.
            """
        ),
        (
            "rights-brief.txt",
            """
            A rights group asks for a ban

            Human Rights Watch said cluster munitions kill civilians for years after a war ends. HRW asked every state to stop using them.

            The group also wrote to the UN about a tank column seen near Kyiv.
            """
        ),
        (
            "menu.txt",
            """
            A recipe column

            Chicken Kiev is a dish of pounded chicken breast rolled around cold butter, then breaded.

            Un repas simple: un plat, un dessert et un café.
            """
        ),
        (
            "air-defence.md",
            """
            # Air defence around Zaporižžia

            An S-300 battery moved closer to Zaporižžia, while older S300 launchers stayed in reserve.

            Soldiers carried Kalashnikovs; the unit’s\u{00A0}tanks stayed behind.
            """
        ),
    ]

    /// A new temporary folder holding ``articles`` (and a lexicon file), and its path.
    static func makeFolder() throws -> String {
        var template = Array("/tmp/dossier-topics-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw FixtureError(message: "mkdtemp failed") }
        let root = String(cString: made)
        try write(root + "/articles", nil)
        for (name, text) in articles { try write(root + "/articles/" + name, text) }
        try write(root + "/lexicon.yaml", lexiconYAML)
        return root
    }

    static func write(_ path: String, _ text: String?) throws {
        guard let text else {
            guard mkdir(path, 0o755) == 0 else { throw FixtureError(message: "mkdir \(path)") }
            return
        }
        guard let file = fopen(path, "wb") else { throw FixtureError(message: "fopen \(path)") }
        defer { fclose(file) }
        let bytes = Array(text.utf8)
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw FixtureError(message: "fwrite \(path)") }
    }

    static func remove(_ root: String) {
        _ = system("rm -rf '\(root)'")
    }

    struct FixtureError: Error { var message: String }
}
