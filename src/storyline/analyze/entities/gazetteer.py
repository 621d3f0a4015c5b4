"""Names that stand for states in news writing: nationality words, capitals, seats of government.

"Moscow said", "talks with Kyiv", "the Kremlin", "Ukrainian officials": the
country behind each is looked up here (common English news usage, not a
complete gazetteer).
"""

from __future__ import annotations

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
