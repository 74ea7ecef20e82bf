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

    /// A new temporary folder holding ``articles`` (and a lexicon file), removed when released.
    static func makeFolder() throws -> TempFolder {
        let folder = try TempFolder(prefix: "dossier-topics")
        for (name, text) in articles { try folder.write("articles/" + name, text) }
        try folder.write("lexicon.yaml", lexiconYAML)
        return folder
    }
}
