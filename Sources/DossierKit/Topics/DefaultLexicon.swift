// The built-in topic lexicon, compiled into the binary so `dossier` works when copied alone.
// Format: docs/topics.md, "Lexicon file format". Written for Dossier from general knowledge.

extension Lexicon {
    /// The YAML text of the default lexicon that ships inside the binary.
    public static let defaultYAML: String = #"""
        version: 1
        categories:
          weapon:
            - id: cluster-munitions
              label: cluster munitions
              aliases:
                - cluster munition
                - cluster bomb
                - cluster warhead
                - cluster rocket
                - cluster shell
                - DPICM
                - dual-purpose improved conventional munition
                - submunition
                - bomblet
                - RBK-500
                - 9N210
                - 9N235

            - id: landmines
              label: landmines
              aliases:
                - land mine
                - landmine contamination
                - laid mine
                - lay mine
                - mine-laying
                - minelaying
                - mine clearance
                - demining
                - deminer
                - mine action
                - mine risk education
                - scatterable mine
                - remotely delivered mine
                # "mine" on its own is never used: it is a pronoun, and "mining" stems to it.
                - {alias: minefield, not: [political minefield, legal minefield, ethical minefield, regulatory minefield, diplomatic minefield, minefield of]}

            - id: antipersonnel-mines
              label: antipersonnel mines
              aliases:
                - anti-personnel mine
                - antipersonnel landmine
                - anti-personnel landmine
                - butterfly mine
                - PFM-1
                - POM-2
                - POM-3
                - PMN-2
                - PMN-4
                - OZM-72
                - MON-50
                - MON-90
                - bounding mine
                - toe popper

            - id: anti-tank-mines
              label: anti-tank mines
              aliases:
                - antitank mine
                - anti-vehicle mine
                - antivehicle mine
                - TM-62
                - TM-72
                - TM-83
                - PTM-1
                - PTM-3
                - PTKM-1R

            - id: ieds
              label: improvised explosive devices
              aliases:
                - IED
                - VBIED
                - vehicle-borne improvised explosive device
                - roadside bomb
                - car bomb
                - booby trap
                - suicide vest
                - explosively formed penetrator

            - id: unexploded-ordnance
              label: unexploded ordnance
              aliases:
                - UXO
                - explosive remnants of war
                - ERW
                - unexploded bomb
                - unexploded shell
                - unexploded munition
                - abandoned explosive ordnance
                - explosive ordnance disposal
                - EOD team

            - id: artillery
              label: artillery
              aliases:
                - howitzer
                - artillery shell
                - artillery round
                - field gun
                - self-propelled gun
                - D-30 howitzer
                - {alias: cannon, not: [water cannon, loose cannon, cannon fodder]}

            - id: artillery-155mm
              label: 155mm artillery ammunition
              aliases:
                - 155mm
                - 155 mm
                - 155-millimeter
                - 155-millimetre

            - id: artillery-152mm
              label: 152mm artillery ammunition
              aliases:
                - 152mm
                - 152 mm
                - 152-millimeter
                - 152-millimetre

            - id: artillery-122mm
              label: 122mm artillery ammunition
              aliases:
                - 122mm
                - 122 mm
                - 122-millimeter
                - 122-millimetre

            - id: artillery-105mm
              label: 105mm artillery ammunition
              aliases:
                - 105mm
                - 105 mm
                - 105-millimeter
                - 105-millimetre

            - id: mortars
              # The label is qualified because "mortar" alone also means building mortar.
              label: mortar (weapon)
              aliases:
                - mortar round
                - mortar bomb
                - mortar shell
                - mortar fire
                - 120mm mortar
                - 82mm mortar
                - {alias: mortar, not: [brick and mortar, bricks and mortar, mortar and pestle, mortar joint, lime mortar, cement mortar]}

            - id: m777
              label: M777 howitzer
              aliases:
                - M777
                - M777A2

            - id: caesar-howitzer
              label: CAESAR howitzer
              aliases:
                - {alias: CAESAR, case: sensitive}
                - Caesar self-propelled howitzer
                - CAESAR 6x6
                - CAESAR 8x8

            - id: pzh-2000
              label: PzH 2000
              aliases:
                - PzH2000
                - Panzerhaubitze 2000

            - id: krab-howitzer
              label: AHS Krab
              aliases:
                - Krab howitzer
                - {alias: Krab, case: sensitive}

            - id: m109
              label: M109 howitzer
              aliases:
                - M109
                - M109A5
                - M109A6
                - M109A7
                - M109 Paladin

            - id: mlrs
              label: multiple rocket launchers
              aliases:
                - MLRS
                - multiple launch rocket system
                - multiple rocket launch system
                - multiple rocket launcher
                - rocket artillery
                - GMLRS

            - id: himars
              label: HIMARS
              aliases:
                - M142
                - High Mobility Artillery Rocket System

            - id: m270
              label: M270 MLRS
              aliases:
                - M270
                - M270A1
                - {alias: MARS II, case: sensitive}

            - id: bm-21-grad
              label: BM-21 Grad
              aliases:
                - BM-21
                - Grad rocket
                - Grad launcher
                - Grad multiple rocket launcher
                - 9M22S
                # "grad" is also short for graduate.
                - {alias: Grad, case: sensitive, not: [Grad student, Grad school]}

            - id: bm-30-smerch
              label: BM-30 Smerch
              aliases:
                - BM-30
                - Smerch
                - 9K58

            - id: bm-27-uragan
              label: BM-27 Uragan
              aliases:
                - BM-27
                - Uragan
                - 9K57

            - id: tos-1
              label: TOS-1 heavy flamethrower system
              aliases:
                - TOS-1
                - TOS-1A
                - Solntsepyok
                - Solntsepek
                - Buratino

            - id: ballistic-missiles
              label: ballistic missiles
              aliases:
                - ballistic missile
                - short-range ballistic missile
                - medium-range ballistic missile
                - intermediate-range ballistic missile
                - intercontinental ballistic missile
                - submarine-launched ballistic missile
                - SRBM
                - MRBM
                - IRBM
                - ICBM
                - SLBM

            - id: hypersonic-missiles
              label: hypersonic missiles
              aliases:
                - hypersonic missile
                - hypersonic weapon
                - hypersonic glide vehicle

            - id: cruise-missiles
              label: cruise missiles
              aliases:
                - cruise missile
                - land-attack cruise missile
                - air-launched cruise missile
                - sea-launched cruise missile
                - ALCM
                - SLCM
                - GLCM

            - id: iskander
              label: Iskander-M
              aliases:
                - Iskander
                - 9K720
                - 9M723
                - Iskander-K
                - 9M728
                - 9M729

            - id: oreshnik
              label: Oreshnik missile
              aliases:
                - Oreshnik

            - id: atacms
              label: ATACMS
              aliases:
                - MGM-140
                - Army Tactical Missile System

            - id: scud
              label: Scud missile
              aliases:
                - Scud
                - Scud-B
                - SS-1

            - id: kinzhal
              label: Kh-47M2 Kinzhal
              aliases:
                - Kinzhal
                - Kh-47M2

            - id: tochka
              label: OTR-21 Tochka
              aliases:
                - Tochka
                - Tochka-U
                - OTR-21
                - 9M79
                - SS-21 Scarab

            - id: fateh-110
              # Grouped with its close relatives, which are often confused in reporting.
              label: Fateh-110
              aliases:
                - Fateh-313
                - Fath-360
                - Zolfaghar missile

            - id: tomahawk
              label: Tomahawk cruise missile
              aliases:
                - Tomahawk missile
                - BGM-109
                - TLAM
                - {alias: Tomahawk, case: sensitive, not: [Tomahawk steak, Tomahawk axe, Tomahawk chop, Tomahawk Wisconsin]}

            - id: kalibr
              label: 3M-54 Kalibr
              aliases:
                - Kalibr
                - 3M-54
                - 3M-14
                - SS-N-27

            - id: kh-101
              label: Kh-101 cruise missile
              aliases:
                - Kh-101
                - Kh-102
                - X-101

            - id: storm-shadow
              label: Storm Shadow / SCALP
              aliases:
                - Storm Shadow
                - {alias: SCALP, case: sensitive}
                - {alias: SCALP-EG, case: sensitive}

            - id: taurus
              label: Taurus KEPD 350
              aliases:
                - KEPD 350
                - Taurus missile
                - Taurus cruise missile
                - {alias: Taurus, case: sensitive, not: [Ford Taurus, Taurus pistol, Taurus revolver, Taurus Armas, Taurus constellation, Taurus horoscope]}

            - id: neptune
              label: R-360 Neptune
              aliases:
                - R-360
                - Neptune missile
                - Neptune cruise missile
                - Neptun
                - Long Neptune

            - id: air-defence
              label: air defence
              aliases:
                - air defense
                - anti-aircraft
                - antiaircraft
                - surface-to-air missile
                - missile defence
                - missile defense
                - interceptor missile
                - {alias: SAM, case: sensitive}

            - id: patriot
              # No bare "Patriot": the word is common, and so are the Patriot Act and the Patriots.
              label: Patriot air defence system
              aliases:
                - Patriot air defense system
                - Patriot missile
                - Patriot system
                - Patriot battery
                - Patriot launcher
                - Patriot interceptor
                - MIM-104
                - PAC-2
                - PAC-3

            - id: s-300
              # "S-300" splits into "s 300", so a lowercase match would catch "Russia's 300 ...".
              label: S-300 missile system
              aliases:
                - {alias: S-300, case: sensitive}
                - {alias: S-300PMU, case: sensitive}
                - {alias: SA-10, case: sensitive}

            - id: s-400
              label: S-400 Triumf
              aliases:
                - {alias: S-400, case: sensitive}
                - Triumf
                - {alias: SA-21, case: sensitive}

            - id: buk
              label: Buk missile system
              aliases:
                - Buk missile
                - Buk-M1
                - Buk-M2
                - Buk-M3
                - 9K37
                - {alias: Buk, case: sensitive}
                - {alias: SA-11, case: sensitive}

            - id: iris-t
              label: IRIS-T air defence system
              aliases:
                - {alias: IRIS-T, case: sensitive}
                - IRIS-T SLM
                - IRIS-T SLS

            - id: nasams
              label: NASAMS
              aliases:
                - National Advanced Surface-to-Air Missile System
                - Norwegian Advanced Surface-to-Air Missile System

            - id: iron-dome
              label: Iron Dome
              aliases:
                - Tamir interceptor
                - Tamir missile

            - id: stinger
              label: FIM-92 Stinger
              aliases:
                - FIM-92
                - Stinger missile
                - {alias: Stinger, case: sensitive, not: [Kia Stinger]}

            - id: manpads
              label: MANPADS
              aliases:
                - man-portable air-defence system
                - man-portable air-defense system
                - man-portable air defence
                - man-portable air defense
                - shoulder-fired missile
                - shoulder-launched missile
                - Igla
                - Strela-2
                - Piorun
                - Starstreak
                - Verba

            - id: aim-120-amraam
              label: AIM-120 AMRAAM
              aliases:
                - AMRAAM
                - {alias: AIM-120, case: sensitive}

            - id: agm-88-harm
              label: AGM-88 HARM
              aliases:
                - AGM-88
                - anti-radiation missile
                - HARM missile
                - {alias: HARM, case: sensitive}

            - id: anti-tank-missiles
              label: anti-tank guided missiles
              aliases:
                - anti-tank missile
                - antitank missile
                - anti-tank guided missile
                - ATGM
                - anti-tank weapon
                - antitank weapon
                - anti-armour weapon
                - anti-armor weapon

            - id: javelin
              label: FGM-148 Javelin
              aliases:
                - FGM-148
                - Javelin missile
                - Javelin anti-tank missile
                - {alias: Javelin, case: sensitive, not: [Javelin throw, Javelin thrower, men's javelin, women's javelin]}

            - id: nlaw
              label: NLAW
              aliases:
                - Next Generation Light Anti-tank Weapon
                - MBT LAW
                - Robot 57

            - id: tow
              label: BGM-71 TOW
              aliases:
                - BGM-71
                - TOW missile
                - TOW-2
                - {alias: TOW, case: sensitive}

            - id: kornet
              label: 9M133 Kornet
              aliases:
                - Kornet
                - 9M133
                - AT-14 Spriggan

            - id: rpg
              label: rocket-propelled grenade
              aliases:
                - RPG-7
                - RPG-22
                - RPG-26
                - RPG-29
                - {alias: RPG, case: sensitive, not: [RPG game, RPG Maker, action RPG, RPG series]}

            - id: drones
              label: drones
              aliases:
                - drone
                - UAV
                - UAS
                - UCAV
                - unmanned aerial vehicle
                - unmanned aircraft
                - unmanned aerial system
                - uncrewed aerial vehicle
                - uncrewed aircraft
                - unmanned combat aerial vehicle
                - quadcopter

            - id: loitering-munitions
              label: loitering munitions
              aliases:
                - loitering munition
                - loitering weapon
                - kamikaze drone
                - suicide drone
                - one-way attack drone
                - one-way attack UAV

            - id: fpv-drones
              label: FPV drones
              aliases:
                - FPV
                - first-person view drone
                - fibre-optic drone
                - fiber-optic drone

            - id: shahed
              label: Shahed-136
              aliases:
                - Shahed
                - Geran
                - Geranium drone

            - id: bayraktar-tb2
              label: Bayraktar TB2
              aliases:
                - Bayraktar
                - TB2
                - Baykar

            - id: lancet
              # A bare "Lancet" is far more often the medical journal; only the capitalised word
              # outside journal names counts.
              label: Lancet loitering munition
              aliases:
                - Lancet drone
                - Lancet-3
                - ZALA Lancet
                - {alias: Lancet, case: sensitive, not: [The Lancet, Lancet journal, medical journal Lancet, Lancet Global Health, Lancet Psychiatry, Lancet Oncology, Lancet Infectious Diseases, Lancet Public Health, Lancet Planetary Health, Lancet Commission, Lancet study, Lancet report, Lancet editorial]}

            - id: switchblade
              label: Switchblade loitering munition
              aliases:
                - Switchblade drone
                - Switchblade 300
                - Switchblade 600
                - AeroVironment Switchblade

            - id: orlan-10
              label: Orlan-10
              aliases:
                - Orlan-30
                - Orlan drone

            - id: mq-9-reaper
              label: MQ-9 Reaper
              aliases:
                - MQ-9
                - MQ-9A
                - MQ-9B
                - Reaper drone
                - SkyGuardian

            - id: tanks
              # The label is a phrase because "tank" alone is ambiguous.
              label: battle tanks
              aliases:
                - main battle tank
                - MBT
                - {alias: tank, not: [think tank, fuel tank, gas tank, petrol tank, water tank, septic tank, fish tank, oil tank, storage tank, propane tank, oxygen tank, scuba tank, holding tank, tank top, tank car, tank farm, stock tank, shark tank, tank truck]}

            - id: armoured-vehicles
              label: armoured vehicles
              aliases:
                - armored vehicle
                - armoured personnel carrier
                - armored personnel carrier
                - APC
                - infantry fighting vehicle
                - IFV
                - BMP-1
                - BMP-2
                - BMP-3
                - BTR-80
                - BTR-82A
                - MT-LB

            - id: leopard-2
              label: Leopard 2
              aliases:
                - Leopard 2A4
                - Leopard 2A5
                - Leopard 2A6
                - Leopard 2A7
                - Leopard tank
                - Strv 122

            - id: abrams
              label: M1 Abrams
              aliases:
                - Abrams tank
                - M1A1
                - M1A2
                - M1A1 Abrams
                - M1A2 Abrams

            - id: challenger-2
              label: Challenger 2
              aliases:
                - Challenger 2 tank
                - Challenger 3

            - id: t-72
              # Case-sensitive: "T-72" splits into "t 72".
              label: T-72 tank
              aliases:
                - {alias: T-72, case: sensitive}
                - {alias: T-72B, case: sensitive}
                - {alias: T-72B3, case: sensitive}

            - id: t-90
              label: T-90 tank
              aliases:
                - {alias: T-90, case: sensitive}
                - {alias: T-90M, case: sensitive}
                - {alias: T-90A, case: sensitive}
                - Proryv

            - id: t-64
              label: T-64 tank
              aliases:
                - {alias: T-64, case: sensitive}
                - {alias: T-64BV, case: sensitive}

            - id: merkava
              label: Merkava tank
              aliases:
                - Merkava

            - id: combat-aircraft
              label: combat aircraft
              aliases:
                - fighter jet
                - fighter aircraft
                - warplane
                - attack aircraft
                - strategic bomber

            - id: f-16
              label: F-16 Fighting Falcon
              aliases:
                - F-16
                - Fighting Falcon

            - id: f-35
              label: F-35 Lightning II
              aliases:
                - F-35
                - F-35A
                - F-35B
                - F-35I
                - Joint Strike Fighter

            - id: su-25
              label: Su-25
              aliases:
                - Frogfoot

            - id: su-34
              label: Su-34
              aliases:
                - Su-34M

            - id: mig-29
              label: MiG-29
              aliases:
                - MiG-29 Fulcrum

            - id: a-10
              # No bare "A-10": it splits into "a 10" and would match "a 10-year-old".
              label: A-10 Thunderbolt II
              aliases:
                - A-10 Warthog
                - A-10C
                - A-10 attack aircraft
                - A-10 aircraft
                - A-10 jet
                - A-10 ground-attack aircraft

            - id: chemical-weapons
              label: chemical weapons
              aliases:
                - chemical weapon
                - chemical attack
                - chemical warfare
                - chemical agent
                - chemical munition
                - nerve agent
                - chloropicrin

            - id: sarin
              label: sarin
              aliases:
                - sarin gas
                - GB nerve agent

            - id: chlorine-gas
              # Plain "chlorine" is mostly water treatment and industry, so only weapon phrases.
              label: chlorine gas
              aliases:
                - chlorine attack
                - chlorine bomb
                - chlorine barrel bomb
                - chlorine canister
                - chlorine cylinder

            - id: vx
              label: VX nerve agent
              aliases:
                - VX
                - VX gas

            - id: mustard-gas
              label: mustard gas
              aliases:
                - sulfur mustard
                - sulphur mustard
                - mustard agent
                - nitrogen mustard
                - yperite

            - id: novichok
              label: Novichok
              aliases:
                - Novichok agent

            - id: biological-weapons
              label: biological weapons
              aliases:
                - biological weapon
                - bioweapon
                - bio-weapon
                - biological warfare
                - germ warfare
                - weaponized anthrax
                - weaponised anthrax

            - id: nuclear-weapons
              label: nuclear weapons
              aliases:
                - nuclear weapon
                - nuclear warhead
                - nuclear bomb
                - nuclear arsenal
                - nuclear strike
                - atomic bomb
                - atom bomb
                - atomic weapon
                - hydrogen bomb
                - thermonuclear weapon
                - nuke

            - id: dirty-bombs
              label: radiological weapons
              aliases:
                - dirty bomb
                - radiological weapon
                - radiological bomb
                - radiological dispersal device

            - id: depleted-uranium
              label: depleted uranium
              aliases:
                - DU ammunition
                - DU munition
                - DU round
                - DU shell

            - id: white-phosphorus
              label: white phosphorus
              # "phosphorous" is a common misspelling and stems differently.
              aliases:
                - white phosphorous
                - WP munition
                - WP round
                - WP shell
                - Willie Pete
                - Willy Pete
                - M825A1

            - id: thermobaric-weapons
              label: thermobaric weapons
              aliases:
                - thermobaric
                - vacuum bomb
                - fuel-air explosive
                - fuel-air bomb
                - enhanced blast weapon
                - ODAB-500

            - id: incendiary-weapons
              label: incendiary weapons
              aliases:
                - incendiary weapon
                - incendiary munition
                - incendiary bomb
                - incendiary ammunition
                - incendiary submunition

            - id: napalm
              label: napalm
              aliases:
                - jellied gasoline

            - id: barrel-bombs
              label: barrel bombs
              aliases:
                - barrel bomb
                - explosive barrel

            - id: glide-bombs
              # FAB bombs appear here because in the war in Ukraine they are mostly dropped with UMPK glide kits.
              label: glide bombs
              aliases:
                - glide bomb
                - guided aerial bomb
                - UMPK
                - UMPB
                - KAB-500
                - KAB-1500
                - FAB-250
                - FAB-500
                - FAB-1500
                - FAB-3000

            - id: small-arms
              label: small arms and light weapons
              aliases:
                - small arms
                - light weapons
                - SALW
                - firearm

            - id: assault-rifles
              label: assault rifles
              aliases:
                - assault rifle
                - automatic rifle
                - battle rifle
                - M16
                - M4 carbine
                - AR-15
                - HK416

            - id: ak-47
              label: AK-47
              aliases:
                - AK-74
                - AK-12
                - AKM
                - Kalashnikov*

            - id: machine-guns
              label: machine guns
              aliases:
                - machine gun
                - machinegun
                - PKM
                - DShK
                - M2 Browning
                - Browning M2
                - M240

          organization:
            - id: un
              label: United Nations
              aliases:
                # Case-sensitive: "un" is an ordinary word in French.
                - {alias: UN, case: sensitive}
                - {alias: U.N., case: sensitive}

            - id: un-security-council
              label: UN Security Council
              aliases:
                - United Nations Security Council
                - U.N. Security Council
                - UNSC
                - Security Council resolution
                - {alias: Security Council, not: [National Security Council, Russian Security Council, Russia's Security Council, Security Council of Russia, Security Council of the Russian Federation, Security Council of Ukraine]}

            - id: un-general-assembly
              label: UN General Assembly
              aliases:
                - United Nations General Assembly
                - U.N. General Assembly
                - UNGA
                - General Assembly resolution

            - id: un-human-rights-council
              label: UN Human Rights Council
              aliases:
                - United Nations Human Rights Council
                - Human Rights Council
                - UNHRC

            - id: ohchr
              label: Office of the UN High Commissioner for Human Rights
              aliases:
                - OHCHR
                - Office of the High Commissioner for Human Rights
                - UN High Commissioner for Human Rights
                - UN human rights office
                - UN rights office
                - UN human rights chief
                - UN rights chief
                - HRMMU
                - UN Human Rights Monitoring Mission in Ukraine

            - id: unhcr
              label: UNHCR
              aliases:
                - UN refugee agency
                - UN High Commissioner for Refugees
                - United Nations High Commissioner for Refugees
                - UN refugee chief

            - id: unicef
              label: UNICEF
              aliases:
                - United Nations Children's Fund
                - UN Children's Fund
                - UN children's agency

            - id: unmas
              label: UN Mine Action Service
              aliases:
                - UNMAS
                - United Nations Mine Action Service

            - id: ocha
              label: UN Office for the Coordination of Humanitarian Affairs
              aliases:
                - OCHA
                - Office for the Coordination of Humanitarian Affairs
                - UN humanitarian office
                - UN aid office

            - id: unrwa
              label: UNRWA
              aliases:
                - UN Relief and Works Agency
                - United Nations Relief and Works Agency
                - UN agency for Palestinian refugees

            - id: wfp
              label: World Food Programme
              aliases:
                - WFP
                - World Food Program
                - UN food agency

            - id: iaea
              label: International Atomic Energy Agency
              aliases:
                - IAEA
                - UN nuclear watchdog
                - UN atomic watchdog

            - id: opcw
              label: Organisation for the Prohibition of Chemical Weapons
              aliases:
                - OPCW
                - Organization for the Prohibition of Chemical Weapons
                - chemical weapons watchdog

            - id: icc
              label: International Criminal Court
              aliases:
                # The International Cricket Council and the International Chamber of Commerce also use ICC.
                - {alias: ICC, not: [ICC Cricket World Cup, ICC World Cup, ICC Champions Trophy, ICC World Twenty20, ICC T20, ICC World Test Championship, ICC ranking, ICC arbitration, ICC International Court of Arbitration]}
                - Cour pénale internationale

            - id: icj
              label: International Court of Justice
              aliases:
                - ICJ
                - World Court

            - id: nato
              label: NATO
              aliases:
                - North Atlantic Treaty Organization
                - North Atlantic Treaty Organisation
                - OTAN
                - North Atlantic Alliance
                - Atlantic alliance

            - id: eu
              label: European Union
              aliases:
                # Case-sensitive: "eu" means "I" in Portuguese and Romanian.
                - {alias: EU, case: sensitive}
                - {alias: E.U., case: sensitive}

            - id: european-commission
              label: European Commission
              aliases:
                - EU Commission

            - id: osce
              label: OSCE
              aliases:
                - Organization for Security and Co-operation in Europe
                - Organisation for Security and Co-operation in Europe
                - Organization for Security and Cooperation in Europe
                - Organisation for Security and Cooperation in Europe
                - OSCE Special Monitoring Mission

            - id: african-union
              label: African Union
              aliases:
                # Case-sensitive: "au" is French, and "Au" is the symbol for gold.
                - {alias: AU, case: sensitive}

            - id: icrc
              label: International Committee of the Red Cross
              aliases:
                - ICRC
                - Red Cross
                - CICR

            - id: msf
              label: Médecins Sans Frontières
              aliases:
                - MSF
                - Doctors Without Borders

            - id: hrw
              label: Human Rights Watch
              aliases:
                - HRW

            - id: amnesty-international
              label: Amnesty International
              aliases:
                # Case-sensitive and fenced: "amnesty" is also an ordinary legal word.
                - {alias: Amnesty, case: sensitive, not: [Amnesty law, Amnesty bill, Amnesty Act, Amnesty program, Amnesty programme, Amnesty scheme, Amnesty deal]}

            - id: bellingcat
              label: Bellingcat
              aliases: []

            - id: icbl
              label: International Campaign to Ban Landmines
              aliases:
                - ICBL
                - ICBL-CMC

            - id: landmine-monitor
              label: Landmine Monitor
              aliases:
                - Landmine and Cluster Munition Monitor
                - Cluster Munition Monitor

            - id: cluster-munition-coalition
              # No "CMC": it also names China's Central Military Commission.
              label: Cluster Munition Coalition
              aliases: []

            - id: halo-trust
              label: HALO Trust
              aliases:
                - Hazardous Area Life-support Organisation

            - id: airwars
              label: Airwars
              aliases: []

            - id: acled
              label: ACLED
              aliases:
                - Armed Conflict Location & Event Data
                - Armed Conflict Location and Event Data

            - id: conflict-armament-research
              label: Conflict Armament Research
              aliases: []

            - id: reporters-without-borders
              # "RSF" is deliberately not listed here; see rapid-support-forces.
              label: Reporters Without Borders
              aliases:
                - Reporters sans frontières
                - Reporter ohne Grenzen

            - id: us-department-of-defense
              label: US Department of Defense
              aliases:
                - Department of Defense
                - Defense Department
                # Secondary name adopted in 2025.
                - Department of War
                - {alias: Pentagon, case: sensitive}
                - {alias: DoD, case: sensitive}
                - {alias: DOD, case: sensitive}

            - id: us-state-department
              label: US State Department
              aliases:
                - State Department
                - Department of State
                - State Dept

            - id: us-congress
              label: US Congress
              aliases:
                - U.S. Congress
                - United States Congress
                - Capitol Hill
                - congressional
                - {alias: Congress, case: sensitive, not: [Indian National Congress, Congress party, African National Congress, National Congress, Party Congress, World Congress, Congress of Deputies, Congress of People's Deputies, Nationalist Congress Party, Trades Union Congress, Congress of Vienna]}

            - id: us-senate
              label: US Senate
              aliases:
                - U.S. Senate
                - United States Senate
                - Senate Armed Services Committee
                - Senate Foreign Relations Committee
                - Senate Intelligence Committee

            - id: white-house
              label: White House
              aliases:
                - Oval Office

            - id: cia
              label: Central Intelligence Agency
              aliases:
                # Case-sensitive: "Cía." abbreviates "compañía" in Spanish.
                - {alias: CIA, case: sensitive}

            - id: kremlin
              label: Kremlin
              aliases: []

            - id: russian-ministry-of-defence
              label: Russian Ministry of Defence
              aliases:
                - Russian Ministry of Defense
                - Russian Defence Ministry
                - Russian Defense Ministry
                - Russia's Defence Ministry
                - Russia's Defense Ministry
                - Russia's Ministry of Defence
                - Russia's Ministry of Defense
                - Ministry of Defence of the Russian Federation
                - Ministry of Defense of the Russian Federation
                - {alias: Russian MoD, case: sensitive}
                - Minoborony

            - id: russian-armed-forces
              label: Russian Armed Forces
              aliases:
                - Armed Forces of the Russian Federation
                - Russia's armed forces
                - Russian army
                - Russian military
                - Russia's military
                - Russian forces
                - Russian troops
                - Russian soldier
                - Russian General Staff

            - id: uk-ministry-of-defence
              label: UK Ministry of Defence
              aliases:
                - British Ministry of Defence
                - British Defence Ministry
                - UK Defence Ministry
                # In English-language reporting a bare "MoD" is usually the British ministry.
                - {alias: MoD, case: sensitive, not: [Russian MoD, Ukrainian MoD, Ukraine's MoD, Israeli MoD]}

            - id: ukrainian-armed-forces
              label: Armed Forces of Ukraine
              aliases:
                - Ukrainian Armed Forces
                - Ukraine's armed forces
                - Ukrainian army
                - Ukrainian military
                - Ukraine's military
                - Ukrainian forces
                - Ukrainian troops
                - Ukrainian soldier
                - ZSU

            - id: idf
              label: Israel Defense Forces
              aliases:
                - IDF
                - Israel Defence Forces
                - Israeli Defense Forces
                - Israeli military
                - Israel's military
                - Israeli army
                - Israeli forces
                - Israeli troops
                - Tzahal

            - id: irgc
              label: Islamic Revolutionary Guard Corps
              aliases:
                - IRGC
                - Revolutionary Guards
                - Quds Force

            - id: wagner-group
              label: Wagner Group
              aliases:
                - PMC Wagner
                - Wagner PMC
                # Wagner is also a common surname, hence case and the exclusions.
                - {alias: Wagner, case: sensitive, not: [Richard Wagner, Wagner's opera, Wagner opera, Robert Wagner, Wagner College, Honus Wagner, Lindsay Wagner, Jill Wagner]}

            - id: hamas
              label: Hamas
              aliases:
                - Qassam Brigades
                - Izz ad-Din al-Qassam
                - Izz al-Din al-Qassam
                - Ezzedine al-Qassam

            - id: hezbollah
              label: Hezbollah
              aliases:
                - Hizbullah
                - Hizballah
                - Hizbollah

            - id: houthis
              label: Houthis
              aliases:
                - Huthi
                - Ansar Allah
                - Ansarallah

            - id: islamic-state
              # The label is a phrase because "an Islamic state" is also a generic term.
              label: Islamic State group
              aliases:
                - {alias: Islamic State, case: sensitive}
                - ISIS
                - ISIL
                - ISKP
                - Daesh
                - Da'esh
                # Case-sensitive: "is" is the most common verb in English.
                - {alias: IS, case: sensitive}

            - id: al-qaeda
              label: al-Qaeda
              aliases:
                - Qaeda
                - Qaida
                - al-Qa'ida
                - AQAP
                - AQIM

            - id: hts
              # Grouped with its predecessors, the Nusra Front and Jabhat Fateh al-Sham.
              label: Hayat Tahrir al-Sham
              aliases:
                - Tahrir al-Sham
                - {alias: HTS, not: [HTS code, Harmonized Tariff Schedule (HTS), high-throughput screening (HTS)]}
                - Nusra Front
                - Jabhat al-Nusra
                - Jabhat Fateh al-Sham

            - id: taliban
              label: Taliban
              aliases:
                - Taleban
                - Islamic Emirate of Afghanistan

            - id: ypg
              label: People's Protection Units (YPG)
              aliases:
                - YPG
                - People's Protection Units
                - YPJ

            - id: sdf
              label: Syrian Democratic Forces
              aliases:
                - {alias: SDF, not: [Japanese SDF, Japan's SDF, Japan SDF]}

            - id: rapid-support-forces
              # RSF is listed only here: in conflict reporting it usually means the Sudanese
              # paramilitary. Reporters Without Borders (also RSF) gets only its full names, and
              # press-freedom phrases that spell it out are excluded below.
              label: Rapid Support Forces
              aliases:
                - {alias: RSF, case: sensitive, not: [Reporters Without Borders (RSF), Reporters sans frontières (RSF), RSF World Press Freedom Index, RSF's World Press Freedom Index, RSF press freedom index]}

            - id: sudanese-armed-forces
              label: Sudanese Armed Forces
              aliases:
                - Sudan Armed Forces
                - Sudanese army
                - Sudanese military
                - Sudan's army
                - Sudan's military

            - id: lockheed-martin
              label: Lockheed Martin
              aliases:
                - Lockheed

            - id: raytheon
              label: Raytheon
              aliases:
                # No bare "RTX": it also names a line of graphics cards.
                - RTX Corp
                - RTX Corporation

            - id: rheinmetall
              label: Rheinmetall
              aliases: []

            - id: cbs-news
              label: CBS News
              aliases:
                - CBS

            - id: bbc
              label: BBC
              aliases:
                - British Broadcasting Corporation

            - id: reuters
              label: Reuters
              aliases: []

            - id: associated-press
              label: Associated Press
              aliases:
                - {alias: AP, case: sensitive, not: [AP exam, AP class, AP course, AP test, AP credit, AP score]}

            - id: afp
              label: Agence France-Presse
              aliases:
                - {alias: AFP, not: [Australian Federal Police (AFP)]}

            - id: cnn
              label: CNN
              aliases:
                - Cable News Network

            - id: al-jazeera
              label: Al Jazeera
              aliases:
                - Aljazeera
                - Al Jazira

            - id: new-york-times
              label: The New York Times
              aliases:
                - New York Times
                - NYT
                - NY Times
                - nytimes.com

            - id: washington-post
              label: The Washington Post
              aliases:
                - Washington Post
                - WaPo

            - id: the-guardian
              # The label is qualified because "the guardian" is also an ordinary phrase.
              label: The Guardian (newspaper)
              aliases:
                - Guardian newspaper
                - theguardian.com
                - {alias: Guardian, case: sensitive, not: [Guardian Council, Guardian angel, Guardians of the Galaxy, Guardian ad litem, Guardians of the Islamic Revolution]}

            - id: tass
              label: TASS
              aliases: []

            - id: ria-novosti
              label: RIA Novosti
              aliases:
                - RIA news agency
                - ria.ru

          place:
            - id: ukraine
              label: Ukraine
              aliases:
                - Ukraina

            - id: kyiv
              label: Kyiv
              aliases:
                - {alias: Kiev, not: [chicken Kiev]}
                - Kyjiw
                - Kiew

            - id: kharkiv
              label: Kharkiv
              aliases:
                - Kharkov
                - Charkiw

            - id: izium
              label: Izium
              aliases:
                - Izyum
                - Izjum

            - id: odesa
              label: Odesa
              aliases:
                - {alias: Odessa, not: [Odessa Texas]}

            - id: mykolaiv
              label: Mykolaiv
              aliases:
                - Nikolaev
                - Nikolayev
                - Mykolayiv

            - id: zaporizhzhia
              label: Zaporizhzhia
              aliases:
                - Zaporozhye
                - Zaporizhia
                - Zaporizhzhya
                - ZNPP

            - id: dnipro
              # The label names the country because the Dnipro is also a river.
              label: Dnipro, Ukraine
              aliases:
                - {alias: Dnipro, not: [Dnipro River, bank of the Dnipro, banks of the Dnipro, across the Dnipro]}
                - Dnipropetrovsk
                - Dnepropetrovsk
                - {alias: Dnepr, not: [Dnepr River]}

            - id: donetsk
              label: Donetsk
              aliases:
                - Donezk

            - id: luhansk
              label: Luhansk
              aliases:
                - Lugansk

            - id: mariupol
              label: Mariupol
              aliases:
                - Azovstal

            - id: bakhmut
              label: Bakhmut
              aliases:
                - Artemivsk
                - Artyomovsk
                - Artemovsk

            - id: avdiivka
              label: Avdiivka
              aliases:
                - Avdeyevka
                - Avdeevka
                - Avdiyivka

            - id: kherson
              label: Kherson
              aliases: []

            - id: crimea
              label: Crimea
              aliases:
                - Crimean Peninsula
                - Krym

            - id: sevastopol
              label: Sevastopol
              aliases:
                - {alias: Sebastopol, not: [Sebastopol California]}

            - id: donbas
              label: Donbas
              aliases:
                - Donbass
                - Donets Basin

            - id: bucha
              label: Bucha
              aliases: []

            - id: russia
              label: Russia
              aliases:
                - Russian Federation

            - id: moscow
              label: Moscow
              aliases: []

            - id: kursk
              label: Kursk
              aliases: []

            - id: belarus
              label: Belarus
              aliases:
                - Byelorussia
                - Belorussia

            - id: united-states
              label: United States
              aliases:
                - USA
                # Case-sensitive: "us" is a pronoun.
                - {alias: US, case: sensitive}
                - {alias: U.S., case: sensitive}
                - {alias: America, not: [South America, Latin America, Central America, North America, Voice of America, Bank of America, Captain America, Miss America]}

            - id: washington-dc
              label: Washington, D.C.
              aliases:
                - Washington DC
                - {alias: Washington, case: sensitive, not: [Washington state, Washington State University, University of Washington, George Washington, George Washington University, Denzel Washington, Washington Post, Washington Times, Washington Nationals, Washington Commanders, Washington Capitals, Washington Wizards, Mount Washington]}

            - id: united-kingdom
              label: United Kingdom
              aliases:
                - UK
                - U.K.
                - Britain

            - id: turkiye
              # The label uses the official name because "turkey" is also a bird.
              label: Türkiye
              aliases:
                - {alias: Turkey, case: sensitive, not: [Turkey Day, Thanksgiving Turkey]}
                - Republic of Turkey

            - id: china
              label: China
              aliases:
                - People's Republic of China
                - PRC

            - id: gaza
              label: Gaza
              aliases: []

            - id: rafah
              label: Rafah
              aliases: []

            - id: khan-younis
              label: Khan Younis
              aliases:
                - Khan Yunis
                - Khan Yunes
                - Khan Younes

            - id: west-bank
              # The label is qualified because other rivers have a west bank too.
              label: West Bank (Palestinian territory)
              aliases:
                - {alias: West Bank, case: sensitive, not: [West Bank of the Tigris, West Bank of the Euphrates, West Bank of the Dnipro, West Bank of the Nile]}
                - Judea and Samaria

            - id: israel
              label: Israel
              aliases: []

            - id: lebanon
              label: Lebanon
              aliases: []

            - id: beirut
              label: Beirut
              aliases: []

            - id: syria
              label: Syria
              aliases:
                - Syrian Arab Republic

            - id: aleppo
              label: Aleppo
              aliases: []

            - id: idlib
              label: Idlib
              aliases:
                - Idleb

            - id: damascus
              label: Damascus
              aliases: []

            - id: raqqa
              label: Raqqa
              aliases:
                - Raqqah
                - Rakka

            - id: ghouta
              label: Ghouta
              aliases: []

            - id: khan-shaykhun
              label: Khan Shaykhun
              aliases:
                - Khan Sheikhoun
                - Khan Sheikhun

            - id: iraq
              label: Iraq
              aliases: []

            - id: mosul
              label: Mosul
              aliases: []

            - id: fallujah
              label: Fallujah
              aliases:
                - Falluja

            - id: halabja
              label: Halabja
              aliases: []

            - id: yemen
              label: Yemen
              aliases: []

            - id: sanaa
              label: Sanaa
              aliases:
                - Sana'a

            - id: hodeidah
              label: Hodeidah
              aliases:
                - Hudaydah
                - Hodeida

            - id: afghanistan
              label: Afghanistan
              aliases: []

            - id: kabul
              label: Kabul
              aliases: []

            - id: kandahar
              label: Kandahar
              aliases:
                - Qandahar

            - id: libya
              label: Libya
              aliases: []

            - id: sudan
              # The label avoids a bare "Sudan", which would also match "South Sudan".
              label: Republic of Sudan
              aliases:
                - {alias: Sudan, not: [South Sudan]}

            - id: darfur
              label: Darfur
              aliases: []

            - id: khartoum
              label: Khartoum
              aliases: []

            - id: el-fasher
              label: El Fasher
              aliases:
                - El Fashir
                - Al-Fashir
                - Al Fasher

            - id: laos
              label: Laos
              aliases:
                - Lao PDR
                - Lao People's Democratic Republic

            - id: cambodia
              label: Cambodia
              aliases:
                - Kampuchea

            - id: vietnam
              label: Vietnam
              aliases:
                - Viet Nam

            - id: nagorno-karabakh
              label: Nagorno-Karabakh
              aliases:
                - Karabakh
                - Artsakh

            - id: iran
              label: Iran
              aliases: []

            - id: tehran
              label: Tehran
              aliases:
                - Teheran

            - id: north-korea
              label: North Korea
              aliases:
                - DPRK
                - Democratic People's Republic of Korea

            - id: taiwan
              label: Taiwan
              aliases:
                - {alias: Republic of China, not: [People's Republic of China]}

            # The next five cities share their names with treaties, so each label names the
            # country and the bare city name excludes the treaty phrases.
            - id: geneva
              label: Geneva, Switzerland
              aliases:
                - {alias: Geneva, not: [Geneva Convention, Geneva Protocol, Geneva Call, Geneva Accords]}
                - Genève

            - id: oslo
              label: Oslo, Norway
              aliases:
                - {alias: Oslo, not: [Oslo Convention, Oslo Accords, Oslo Process]}

            - id: dublin
              label: Dublin, Ireland
              aliases:
                - {alias: Dublin, not: [Dublin Regulation, Dublin III, Dublin system, Dublin Convention, Dublin Ohio, Dublin California]}

            - id: ottawa
              label: Ottawa, Canada
              aliases:
                - {alias: Ottawa, not: [Ottawa Treaty, Ottawa Convention, Ottawa Process, Ottawa Senators]}

            - id: the-hague
              label: The Hague, Netherlands
              aliases:
                - {alias: The Hague, not: [the Hague Convention, the Hague Regulations, the Hague Rules]}
                - Den Haag

          person:
            - id: volodymyr-zelensky
              label: Volodymyr Zelensky
              aliases:
                - Zelensky
                - Zelenskyy
                - Zelenskiy
                - Zelenskyi
                - Zelenski
                - Selenskyj

            - id: vladimir-putin
              label: Vladimir Putin
              aliases:
                - Putin

            - id: joe-biden
              label: Joe Biden
              aliases:
                - Joseph Biden
                - {alias: Biden, not: [Hunter Biden, Jill Biden, Beau Biden, James Biden]}

            - id: donald-trump
              label: Donald Trump
              aliases:
                # Case-sensitive: "trump" is also an ordinary word.
                - {alias: Trump, case: sensitive, not: [Donald Trump Jr, Trump Jr, Melania Trump, Ivanka Trump, Eric Trump, Lara Trump, Barron Trump, Fred Trump, Trump card]}

            - id: sergei-shoigu
              label: Sergei Shoigu
              aliases:
                - Shoigu
                - Shoygu

            - id: valery-gerasimov
              label: Valery Gerasimov
              aliases:
                - Gerasimov

            - id: yevgeny-prigozhin
              label: Yevgeny Prigozhin
              aliases:
                - Prigozhin

            - id: sergei-lavrov
              label: Sergei Lavrov
              aliases:
                - Lavrov

            - id: dmitry-medvedev
              # Full names only: the tennis player Daniil Medvedev shares the surname.
              label: Dmitry Medvedev
              aliases:
                - Dmitri Medvedev

            - id: valerii-zaluzhnyi
              label: Valerii Zaluzhnyi
              aliases:
                - Zaluzhnyi
                - Zaluzhny
                - Zaluzhnyy

            - id: oleksandr-syrskyi
              label: Oleksandr Syrskyi
              aliases:
                - Syrskyi
                - Syrsky

            - id: kyrylo-budanov
              label: Kyrylo Budanov
              aliases:
                - Budanov

            - id: antonio-guterres
              label: António Guterres
              aliases:
                - Guterres

            - id: jens-stoltenberg
              label: Jens Stoltenberg
              aliases:
                - {alias: Stoltenberg, not: [Thorvald Stoltenberg, Camilla Stoltenberg]}

            - id: mark-rutte
              label: Mark Rutte
              aliases:
                - Rutte

            - id: ursula-von-der-leyen
              label: Ursula von der Leyen
              aliases:
                - von der Leyen

            - id: benjamin-netanyahu
              label: Benjamin Netanyahu
              aliases:
                - {alias: Netanyahu, not: [Sara Netanyahu, Yair Netanyahu, Yoni Netanyahu, Benzion Netanyahu]}
                - {alias: Bibi, case: sensitive}

            - id: yahya-sinwar
              label: Yahya Sinwar
              aliases:
                - {alias: Sinwar, not: [Mohammed Sinwar, Mohammad Sinwar]}

            - id: hassan-nasrallah
              label: Hassan Nasrallah
              aliases:
                - Nasrallah

            - id: ali-khamenei
              label: Ali Khamenei
              aliases:
                - Khamenei

            - id: bashar-al-assad
              label: Bashar al-Assad
              aliases:
                - Bashar Assad
                - Bashar al-Asad
                - {alias: Assad, not: [Hafez al-Assad, Hafez Assad, Maher al-Assad, Asma al-Assad, Rifaat al-Assad]}

            - id: recep-tayyip-erdogan
              label: Recep Tayyip Erdoğan
              aliases:
                - {alias: Erdogan, not: [Emine Erdogan, Bilal Erdogan]}

            - id: xi-jinping
              label: Xi Jinping
              aliases:
                # "Xi'an" splits into "xi an".
                - {alias: Xi, case: sensitive, not: [Xi'an]}

            - id: kim-jong-un
              label: Kim Jong Un
              aliases: []

            - id: lloyd-austin
              label: Lloyd Austin
              aliases:
                - Lloyd J. Austin
                - Secretary Austin

            - id: antony-blinken
              label: Antony Blinken
              aliases:
                - Blinken

            - id: rafael-grossi
              label: Rafael Grossi
              aliases:
                - Rafael Mariano Grossi
                - Grossi

            - id: karim-khan
              # No bare "Khan": the surname is very common.
              label: Karim Khan
              aliases:
                - Karim A.A. Khan
                - Karim Ahmad Khan

            - id: mohamed-hamdan-dagalo
              label: Mohamed Hamdan Dagalo
              aliases:
                - Hemedti
                - Hemeti
                - {alias: Dagalo, not: [Abdelrahim Dagalo, Abdel Rahim Dagalo]}

            - id: abdel-fattah-al-burhan
              label: Abdel Fattah al-Burhan
              aliases:
                - Abdel-Fattah Burhan
                - General Burhan

            - id: osama-bin-laden
              label: Osama bin Laden
              aliases:
                - Usama bin Laden
                - Osama bin Ladin
                - {alias: bin Laden, not: [Hamza bin Laden, Saad bin Laden, Omar bin Laden, bin Laden family]}

          treaty:
            - id: convention-on-cluster-munitions
              label: Convention on Cluster Munitions
              aliases:
                - Oslo Convention
                - cluster munitions convention
                - cluster bomb treaty
                - cluster munition ban
                # Chama Cha Mapinduzi, Tanzania's ruling party, is also CCM.
                - {alias: CCM, not: [Chama Cha Mapinduzi (CCM)]}

            - id: mine-ban-treaty
              label: Mine Ban Treaty
              aliases:
                - Ottawa Treaty
                - Ottawa Convention
                - Anti-Personnel Mine Ban Convention
                - APMBC
                - Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines
                - landmine treaty
                - mine ban convention

            - id: ccw
              label: Convention on Certain Conventional Weapons
              aliases:
                - CCW
                - Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons
                - Inhumane Weapons Convention

            - id: npt
              label: Nuclear Non-Proliferation Treaty
              aliases:
                - NPT
                - Non-Proliferation Treaty
                - Nonproliferation Treaty
                - Treaty on the Non-Proliferation of Nuclear Weapons

            - id: cwc
              label: Chemical Weapons Convention
              aliases:
                - CWC

            - id: bwc
              label: Biological Weapons Convention
              aliases:
                - BWC
                - BTWC
                - Biological and Toxin Weapons Convention

            - id: arms-trade-treaty
              label: Arms Trade Treaty
              aliases:
                # Case-sensitive: "att" is a common word in Swedish.
                - {alias: ATT, case: sensitive}

            - id: geneva-conventions
              label: Geneva Conventions
              aliases:
                - Fourth Geneva Convention
                - Third Geneva Convention

            - id: additional-protocols
              # No bare "Additional Protocol": the IAEA safeguards agreements use the same name.
              label: Additional Protocols to the Geneva Conventions
              aliases:
                - Additional Protocol I
                - Additional Protocol II
                - Additional Protocol III
                - First Additional Protocol
                - Second Additional Protocol

            - id: rome-statute
              label: Rome Statute
              aliases: []

            - id: ctbt
              label: Comprehensive Nuclear-Test-Ban Treaty
              aliases:
                - CTBT
                - Comprehensive Test Ban Treaty
                - nuclear test ban treaty

            - id: new-start
              label: New START Treaty
              aliases:
                # Case-sensitive: "a new start" is an ordinary phrase.
                - {alias: New START, case: sensitive}
                - New Strategic Arms Reduction Treaty

            - id: inf-treaty
              label: INF Treaty
              aliases:
                - Intermediate-Range Nuclear Forces Treaty
                - {alias: INF, case: sensitive}

            - id: tpnw
              label: Treaty on the Prohibition of Nuclear Weapons
              aliases:
                - TPNW
                - nuclear ban treaty
                - nuclear weapons ban treaty

            - id: minsk-agreements
              label: Minsk agreements
              aliases:
                - Minsk accord
                - Minsk Protocol
                - Minsk II
                - Minsk-2

            - id: budapest-memorandum
              label: Budapest Memorandum
              aliases: []

            - id: genocide-convention
              label: Genocide Convention
              aliases:
                - Convention on the Prevention and Punishment of the Crime of Genocide

            - id: convention-against-torture
              label: Convention against Torture
              aliases:
                - UNCAT
                - UN Convention against Torture

            - id: jcpoa
              label: Joint Comprehensive Plan of Action
              aliases:
                - JCPOA
                - Iran nuclear deal

            - id: ewipa-declaration
              label: Political Declaration on Explosive Weapons in Populated Areas
              aliases:
                - EWIPA declaration
                - EWIPA Political Declaration
                - EWIPA
        """#
}
