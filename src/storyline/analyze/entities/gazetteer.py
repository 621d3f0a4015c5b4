"""Names that stand for states in news writing: nationality words, capitals, seats of government.

"Moscow said", "talks with Kyiv", "the Kremlin", "Ukrainian officials": the
country behind each is looked up here (common English news usage, not a
complete gazetteer).
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a long list written as a block of text."""
    return frozenset(text.split())


# Nationality adjectives and plural nouns -> country (common news usage).
DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "United States",
    "angolan": "Angola", "argentine": "Argentina", "argentinian": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan", "azeri": "Azerbaijan",
    "bahraini": "Bahrain", "bangladeshi": "Bangladesh", "belarusian": "Belarus", "belgian": "Belgium",
    "beninese": "Benin", "bolivian": "Bolivia", "bosnian": "Bosnia and Herzegovina",
    "brazilian": "Brazil", "british": "United Kingdom", "bulgarian": "Bulgaria", "burmese": "Myanmar",
    "burundian": "Burundi", "cambodian": "Cambodia", "cameroonian": "Cameroon", "canadian": "Canada",
    "chadian": "Chad", "chilean": "Chile", "chinese": "China", "colombian": "Colombia",
    "congolese": "Congo", "croatian": "Croatia", "croat": "Croatia", "cuban": "Cuba",
    "cypriot": "Cyprus", "czech": "Czechia", "danish": "Denmark", "dutch": "Netherlands",
    "ecuadorian": "Ecuador", "egyptian": "Egypt", "emirati": "United Arab Emirates",
    "eritrean": "Eritrea", "estonian": "Estonia", "ethiopian": "Ethiopia", "fijian": "Fiji",
    "filipino": "Philippines", "finnish": "Finland", "french": "France", "gambian": "Gambia",
    "georgian": "Georgia", "german": "Germany", "ghanaian": "Ghana", "greek": "Greece",
    "guatemalan": "Guatemala", "guinean": "Guinea", "haitian": "Haiti", "honduran": "Honduras",
    "hungarian": "Hungary", "indian": "India", "indonesian": "Indonesia", "iranian": "Iran",
    "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel", "italian": "Italy",
    "ivorian": "Ivory Coast", "jamaican": "Jamaica", "japanese": "Japan", "jordanian": "Jordan",
    "kazakh": "Kazakhstan", "kenyan": "Kenya", "kosovar": "Kosovo", "kuwaiti": "Kuwait",
    "kyrgyz": "Kyrgyzstan", "latvian": "Latvia", "lebanese": "Lebanon", "liberian": "Liberia",
    "libyan": "Libya", "lithuanian": "Lithuania", "macedonian": "North Macedonia",
    "malaysian": "Malaysia", "malian": "Mali", "mauritanian": "Mauritania", "mexican": "Mexico",
    "moldovan": "Moldova", "mongolian": "Mongolia", "montenegrin": "Montenegro", "moroccan": "Morocco",
    "mozambican": "Mozambique", "namibian": "Namibia", "nepalese": "Nepal", "nicaraguan": "Nicaragua",
    "nigerian": "Nigeria", "nigerien": "Niger", "norwegian": "Norway", "omani": "Oman",
    "pakistani": "Pakistan", "palestinian": "Palestine", "panamanian": "Panama",
    "paraguayan": "Paraguay", "peruvian": "Peru", "philippine": "Philippines", "polish": "Poland",
    "portuguese": "Portugal", "qatari": "Qatar", "romanian": "Romania", "russian": "Russia",
    "rwandan": "Rwanda", "salvadoran": "El Salvador", "saudi": "Saudi Arabia", "senegalese": "Senegal",
    "serbian": "Serbia", "serb": "Serbia", "slovak": "Slovakia", "slovenian": "Slovenia",
    "somali": "Somalia", "soviet": "Soviet Union", "spanish": "Spain", "sudanese": "Sudan",
    "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria", "taiwanese": "Taiwan",
    "tajik": "Tajikistan", "tanzanian": "Tanzania", "thai": "Thailand", "tunisian": "Tunisia",
    "turkish": "Turkey", "turkmen": "Turkmenistan", "ugandan": "Uganda", "ukrainian": "Ukraine",
    "uruguayan": "Uruguay", "us": "United States", "u.s.": "United States", "uzbek": "Uzbekistan",
    "venezuelan": "Venezuela", "vietnamese": "Vietnam", "yemeni": "Yemen", "zambian": "Zambia",
    "zimbabwean": "Zimbabwe",
}  # fmt: skip

# Capital cities -> country: a capital as subject or object names its government.
CAPITALS: dict[str, str] = {
    "kabul": "Afghanistan", "tirana": "Albania", "algiers": "Algeria", "luanda": "Angola",
    "buenos aires": "Argentina", "yerevan": "Armenia", "canberra": "Australia", "vienna": "Austria",
    "baku": "Azerbaijan", "dhaka": "Bangladesh", "minsk": "Belarus", "brussels": "Belgium",
    "sarajevo": "Bosnia and Herzegovina", "brasilia": "Brazil", "sofia": "Bulgaria",
    "phnom penh": "Cambodia", "ottawa": "Canada", "n'djamena": "Chad", "santiago": "Chile",
    "beijing": "China", "peking": "China", "bogota": "Colombia", "kinshasa": "Congo",
    "zagreb": "Croatia", "havana": "Cuba", "nicosia": "Cyprus", "prague": "Czechia",
    "copenhagen": "Denmark", "cairo": "Egypt", "asmara": "Eritrea", "tallinn": "Estonia",
    "addis ababa": "Ethiopia", "helsinki": "Finland", "paris": "France", "tbilisi": "Georgia",
    "berlin": "Germany", "bonn": "Germany", "accra": "Ghana", "athens": "Greece",
    "port-au-prince": "Haiti", "budapest": "Hungary", "new delhi": "India", "delhi": "India",
    "jakarta": "Indonesia", "tehran": "Iran", "teheran": "Iran", "baghdad": "Iraq", "dublin": "Ireland",
    "rome": "Italy", "tokyo": "Japan", "amman": "Jordan", "astana": "Kazakhstan", "nairobi": "Kenya",
    "pristina": "Kosovo", "bishkek": "Kyrgyzstan", "riga": "Latvia", "beirut": "Lebanon",
    "monrovia": "Liberia", "tripoli": "Libya", "vilnius": "Lithuania", "skopje": "North Macedonia",
    "kuala lumpur": "Malaysia", "bamako": "Mali", "mexico city": "Mexico", "chisinau": "Moldova",
    "rabat": "Morocco", "maputo": "Mozambique", "naypyidaw": "Myanmar", "rangoon": "Myanmar",
    "kathmandu": "Nepal", "the hague": "Netherlands", "wellington": "New Zealand", "managua": "Nicaragua",
    "abuja": "Nigeria", "lagos": "Nigeria", "pyongyang": "North Korea", "oslo": "Norway",
    "islamabad": "Pakistan", "panama city": "Panama", "lima": "Peru", "manila": "Philippines",
    "warsaw": "Poland", "lisbon": "Portugal", "doha": "Qatar", "bucharest": "Romania",
    "moscow": "Russia", "kigali": "Rwanda", "riyadh": "Saudi Arabia", "dakar": "Senegal",
    "belgrade": "Serbia", "freetown": "Sierra Leone", "bratislava": "Slovakia", "ljubljana": "Slovenia",
    "mogadishu": "Somalia", "pretoria": "South Africa", "seoul": "South Korea", "juba": "South Sudan",
    "madrid": "Spain", "colombo": "Sri Lanka", "khartoum": "Sudan", "stockholm": "Sweden",
    "bern": "Switzerland", "damascus": "Syria", "taipei": "Taiwan", "dushanbe": "Tajikistan",
    "dodoma": "Tanzania", "bangkok": "Thailand", "tunis": "Tunisia", "ankara": "Turkey",
    "kampala": "Uganda", "kyiv": "Ukraine", "kiev": "Ukraine", "abu dhabi": "United Arab Emirates",
    "london": "United Kingdom", "washington": "United States", "tashkent": "Uzbekistan",
    "caracas": "Venezuela", "hanoi": "Vietnam", "sanaa": "Yemen", "lusaka": "Zambia",
    "harare": "Zimbabwe",
}  # fmt: skip

# Seats of government that stand for a state: (country, sector).
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "kremlin": ("Russia", "government"),
    "white house": ("United States", "government"),
    "state department": ("United States", "government"),
    "pentagon": ("United States", "military"),
    "downing street": ("United Kingdom", "government"),
    "whitehall": ("United Kingdom", "government"),
    "foreign office": ("United Kingdom", "government"),
    "elysee": ("France", "government"),
    "élysée": ("France", "government"),
    "quai d'orsay": ("France", "government"),
    "chancellery": ("Germany", "government"),
    "zhongnanhai": ("China", "government"),
    "blue house": ("South Korea", "government"),
    "knesset": ("Israel", "legislature"),
    "duma": ("Russia", "legislature"),
    "bundestag": ("Germany", "legislature"),
}

COUNTRIES = frozenset(DEMONYMS.values()) | frozenset(CAPITALS.values())

# Countries of more than one word, and short forms news uses for them: the entity
# recogniser sometimes types these PERSON ("Saudi Arabia said").
MORE_COUNTRIES: dict[str, str] = {
    "saudi arabia": "Saudi Arabia", "south korea": "South Korea", "north korea": "North Korea",
    "south africa": "South Africa", "south sudan": "South Sudan", "sri lanka": "Sri Lanka",
    "new zealand": "New Zealand", "costa rica": "Costa Rica", "puerto rico": "Puerto Rico",
    "el salvador": "El Salvador", "sierra leone": "Sierra Leone", "burkina faso": "Burkina Faso",
    "ivory coast": "Ivory Coast", "côte d'ivoire": "Ivory Coast", "cote d'ivoire": "Ivory Coast",
    "dominican republic": "Dominican Republic", "czech republic": "Czechia",
    "united arab emirates": "United Arab Emirates", "united kingdom": "United Kingdom",
    "united states": "United States", "hong kong": "Hong Kong", "papua new guinea": "Papua New Guinea",
    "myanmar": "Myanmar", "singapore": "Singapore", "luxembourg": "Luxembourg", "iceland": "Iceland",
    "bhutan": "Bhutan", "laos": "Laos", "malta": "Malta", "gaza": "Palestine", "crimea": "Ukraine",
}  # fmt: skip

# Armed and political movements news names without a word that marks an organisation;
# the entity recogniser types several of them PERSON. Keys as ``name_key`` folds them
# (hyphens as spaces); doubled letters are read once ("al-Shabaab" = "al-Shabab").
ARMED_GROUPS = frozenset(
    [
        "al shabab", "al qaeda", "al qaida", "hamas", "hezbollah", "hizbollah", "boko haram", "taliban",
        "islamic state", "isis", "isil", "daesh", "houthis", "houthi", "ansar allah", "pkk", "ypg", "sdf",
        "hayat tahrir al sham", "hts", "jaish e mohammed", "lashkar e taiba", "tehrik i taliban",
        "tehreek e taliban", "ttp", "baloch liberation army", "bla", "wagner", "m23", "farc", "eln",
        "islamic jihad", "fatah", "janjaweed", "rapid support forces", "rsf", "al nusra", "nusra front",
        "jnim", "ansar al sharia", "abu sayyaf", "shining path", "tamil tigers", "ltte", "eta", "ira",
    ]
)  # fmt: skip

# Nouns for members of an armed group: "al-Shabab fighters" names a group, not a person.
GROUP_MEMBER_NOUNS = frozenset(
    [
        "militants",
        "militant",
        "fighters",
        "fighter",
        "insurgents",
        "insurgent",
        "rebels",
        "rebel",
        "militia",
        "militias",
        "gunmen",
        "jihadists",
        "jihadist",
        "group",
        "groups",
        "movement",
        "faction",
        "extremists",
        "extremist",
    ]
)

# Peoples, faiths and political groups news names by one word, typed NORP as OntoNotes does
# ("Latinos", "Evangelicals", "Sunnis"); the recogniser often calls them organisations.
GROUP_WORDS = frozenset(
    [
        "latino", "latina", "latinx", "hispanic", "arab", "kurd", "pashtun", "baloch", "uyghur", "rohingya",
        "muslim", "christian", "catholic", "protestant", "evangelical", "jew", "jewish", "hindu", "sikh",
        "buddhist", "mormon", "sunni", "shia", "shiite", "alawite", "druze", "democrat", "republican",
        "millennial", "boomer",
    ]
)  # fmt: skip

# Common given names in English-language news. The small recogniser types a full name
# it does not know as an organisation or a work ("Carla Venn campaigned", "Fox's Meryl
# Danton"); a name of two or three words opening with one of these is a person. Names
# that are also common places or company names (Charlotte, Austin, Madison, Jordan,
# Chelsea, Morgan, Chase, Wendy) are left out on purpose.
GIVEN_NAMES = word_set(
    """
    aaron abdul abigail adam adrian ahmed aisha alan albert alex alexander alexandra alexis ali alice alicia
    allison amanda amber amy ana andrea andrew andy angela anita ann anna anne anthony antonio april arthur
    barack barbara ben benjamin bernard bernie beth betty bill billy bob bobby bonnie brad bradley brandon brenda
    brian bruce bryan carl carla carlos carly carol caroline carolyn catherine cathy charles charlie cheryl
    chris christian christina christine christopher chuck cindy claire claudia colin connie craig cynthia
    dan dana daniel danielle danny darrell dave david dean debbie deborah debra denise dennis derek diana diane
    dianne donald donna doris dorothy doug douglas dylan ed eddie edward elaine eleanor elena elijah elizabeth
    ellen emily emma eric erica erin ethan evan evelyn frances francis frank fred gabriel gail gary george
    gerald gina glenn gloria grace greg gregory hannah harold harry heather heidi helen henry hillary howard
    ian irene isaac ivan ivanka jack jacob james jamie jane janet janice jason jean jeb jeff jeffrey jennifer
    jeremy jerry jesse jessica jill jim jimmy joan joanne joe joel john johnny jon jonathan jose joseph joshua
    joyce juan judith judy julia julie justin karen kate katherine kathleen kathy katie keith kelly ken kenneth
    kevin kim kimberly kirk kristen kyle larry laura lauren lawrence leah lee leon leslie linda lisa lonnie lori
    louis louise lucas lucy luis luke lynn marco marcus margaret maria marie marilyn mario mark martha martin
    marvin mary matt matthew megan megyn melania melanie melissa michael michelle mike mitch mitt mohammed
    monica muhammad nancy natalie nathan neil nicholas nick nicole nikki noah norman olivia omar oscar pamela
    pat patricia patrick paul paula peggy peter phil philip rachel rahm ralph randy ray raymond rebecca reince
    rex richard rick rita rob robert roberto robin roger ron ronald rosa ross roy ruby russell ruth ryan sally
    sam samantha samuel sandra sara sarah scott sean sergei sharon shawn sheila shirley sophia stephanie
    stephen steve steven susan tammy ted teresa terry thomas tim timothy tina todd tom tommy tony tracy travis
    valerie vanessa vincent vladimir walter wayne william willie yvonne zachary
    """
)

# Words a storm's name follows: "Cyclone Jude", "Hurricane Delia", "Tropical Storm Ana".
STORM_WORDS = frozenset(["hurricane", "cyclone", "typhoon", "storm", "superstorm", "supertyphoon"])

# Words of a government body's generic name ("Foreign Ministry", "Ministry of Foreign
# Affairs", "Defence Ministry"): such a name means nothing without its country, so two
# countries' ministries are kept apart by the country named beside them.
INSTITUTION_WORDS = frozenset(
    [
        "ministry",
        "ministries",
        "foreign",
        "affairs",
        "defence",
        "defense",
        "interior",
        "home",
        "justice",
        "finance",
        "health",
        "education",
        "trade",
        "economy",
        "economic",
        "energy",
        "agriculture",
        "culture",
        "information",
        "transport",
        "of",
        "the",
        "and",
        "office",
        "embassy",
        "consulate",
        "mission",
        "parliament",
        "government",
        "army",
        "navy",
        "air",
        "force",
        "police",
        "military",
        "supreme",
        "court",
        "constitutional",
        "central",
        "bank",
        "cabinet",
        "council",
        "security",
        "national",
        "armed",
        "forces",
        "state",
        "department",
        "presidency",
        "presidential",
        "general",
        "staff",
        "intelligence",
        "service",
        "services",
        "guard",
        "border",
        "coast",
    ]
)
# Spellings of one body: the key the rest are read as.
INSTITUTION_SYNONYMS = {
    "ministry of foreign affairs": "foreign ministry", "foreign affairs ministry": "foreign ministry",
    "ministry of defence": "defence ministry", "ministry of defense": "defence ministry",
    "defense ministry": "defence ministry", "ministry of interior": "interior ministry",
    "ministry of the interior": "interior ministry",
}  # fmt: skip


def country_of(word: str) -> str | None:
    """The country a word or name stands for: a country, a nationality word or a capital."""
    key = word.casefold().replace("’", "'")
    if key.endswith("'s"):
        key = key[:-2]
    return _COUNTRY_KEYS.get(key) or DEMONYMS.get(key) or CAPITALS.get(key) or MORE_COUNTRIES.get(key)


_COUNTRY_KEYS = {c.casefold(): c for c in COUNTRIES}


PLACE_NAMES = frozenset(c.casefold() for c in COUNTRIES) | frozenset(CAPITALS) | frozenset(MORE_COUNTRIES)
