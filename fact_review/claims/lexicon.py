"""Word tables for numeric claims: number words, scales, currencies, units and the words around them.

All keys are lower case unless a table says it is case-sensitive (unit abbreviations such as "m" and "M"
mean different things).
"""
from __future__ import annotations

from decimal import Decimal

D = Decimal

UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Words that multiply what stands before them ("three hundred", "1.5 million", "12 lakh").
SCALES = {
    "hundred": D(100), "thousand": D(1000), "million": D(10**6), "billion": D(10**9), "trillion": D(10**12),
    "lakh": D(10**5), "lakhs": D(10**5), "lkh": D(10**5), "lkhs": D(10**5), "crore": D(10**7), "crores": D(10**7),
    "mn": D(10**6), "mln": D(10**6), "bn": D(10**9), "bln": D(10**9), "tn": D(10**12), "tln": D(10**12),
    "dozen": D(12),
}
# Scale letters written straight after digits ("100k", "1.2M", "$15.6bn"); case-sensitive.
SCALE_SUFFIXES = {
    "k": D(1000), "K": D(1000), "M": D(10**6), "MM": D(10**6), "mn": D(10**6), "mln": D(10**6),
    "bn": D(10**9), "b": D(10**9), "B": D(10**9), "bln": D(10**9), "tn": D(10**12), "tln": D(10**12),
    "T": D(10**12),
}
# "$100m" is a hundred million dollars; "100m" alone is a hundred metres.
MONEY_SCALE_SUFFIXES = {**SCALE_SUFFIXES, "m": D(10**6)}

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 10**6,
    "billionth": 10**9, "trillionth": 10**12,
}
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

# Denominators after a counted numerator: "three fifths", "one-eighth", "two thirds".
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
}
VULGAR_FRACTIONS = {
    "½": D("0.5"), "¼": D("0.25"), "¾": D("0.75"), "⅓": D(1) / D(3), "⅔": D(2) / D(3), "⅕": D("0.2"),
    "⅖": D("0.4"), "⅗": D("0.6"), "⅘": D("0.8"), "⅙": D(1) / D(6), "⅚": D(5) / D(6), "⅛": D("0.125"),
    "⅜": D("0.375"), "⅝": D("0.625"), "⅞": D("0.875"),
}

# Plural scale words that state an amount without a value: "hundreds", "tens of thousands".
VAGUE_SCALES = {
    "dozens": D(12), "scores": D(20), "tens": D(10), "hundreds": D(100), "thousands": D(1000),
    "millions": D(10**6), "billions": D(10**9), "trillions": D(10**12),
}
# Words that make a singular scale vague: "several hundred", "multiple hundreds", "a few thousand".
VAGUE_MULTIPLIERS = frozenset({"several", "multiple", "few", "many", "some"})

# ----------------------------------------------------------------------------------------------- money
CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "Mex$": "MXN", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₪": "ILS", "₺": "TRY", "₿": "BTC", "฿": "THB",
    "₦": "NGN", "₫": "VND", "₱": "PHP", "zł": "PLN", "Rs": "INR", "Rs.": "INR", "₡": "CRC", "₾": "GEL", "元": "CNY",
    "ரூ": "LKR", "৳": "BDT", "₸": "KZT", "₮": "MNT", "₭": "LAK", "៛": "KHR", "₲": "PYG", "₵": "GHS", "¢": "USD",
}
# Letters that stand before "$" and name the dollar ("US$", "C $"); lower case.
DOLLAR_PREFIXES = {"us": "USD", "u.s.": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD",
                   "nz": "NZD", "hk": "HKD", "s": "SGD", "mex": "MXN", "r": "BRL"}
ISO_CURRENCIES = frozenset(
    "USD EUR GBP JPY CNY RMB CHF CAD AUD NZD RUB RUR UAH INR PKR BRL MXN ZAR SEK NOK DKK PLN CZK HUF TRY KRW "
    "HKD SGD TWD THB IDR MYR PHP VND ILS SAR AED QAR KWD BHD OMR EGP NGN KES GHS ARS CLP COP PEN LBP LKR IRR "
    "IQD BYN KZT GEL RON BGN ISK MAD TND DZD BDT NPR AFN SYP JOD BTC ETH XAU".split()
)
# ISO codes that are also English words: accepted only in capitals.
ISO_CODES_THAT_ARE_WORDS = frozenset({"try", "php", "pen", "gel", "mad", "top", "all", "cup", "mop", "sos", "bob"})
# Currency words after an amount; the value names the ISO code when it is unambiguous.
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "quid": "GBP", "sterling": "GBP", "penny": "GBP", "pence": "GBP",
    "cent": "USD", "cents": "USD", "dime": "USD", "dimes": "USD", "pennies": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rmb": "CNY", "rupee": "INR", "rupees": "INR", "ruble": "RUB", "rubles": "RUB",
    "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "franc": "CHF",
    "francs": "CHF", "markka": "FIM", "markkaa": "FIM", "dinar": None, "dinars": None, "peso": None,
    "pesos": None, "lira": "TRY", "liras": "TRY", "lire": "ITL", "shekel": "ILS", "shekels": "ILS",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "zloty": "PLN", "zlotys": "PLN",
    "baht": "THB", "rand": "ZAR", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
    "bitcoin": "BTC", "bitcoins": "BTC", "real": None, "reais": "BRL", "naira": "NGN", "rial": "IRR",
    "rials": "IRR", "lei": "RON", "forint": "HUF", "forints": "HUF", "kuai": "CNY", "mao": "CNY",
    "ringgit": "MYR", "rupiah": "IDR", "won": "KRW", "shilling": "KES", "shillings": "KES", "kwacha": "ZMW",
    "cedi": "GHS", "cedis": "GHS", "taka": "BDT", "tenge": "KZT", "lari": "GEL", "dram": "AMD", "manat": "AZN",
    "som": "KGS", "leva": "BGN", "kuna": "HRK", "koruna": "CZK", "korun": "CZK", "bolivar": "VES",
    "bolivars": "VES", "birr": "ETB", "afghani": "AFN", "afghanis": "AFN",
}
# Currency words that are also ordinary words ("the team won", "real life", "a rand"): money only right after
# a scale word ("5 billion won"), or named ("South Korean won").
AMBIGUOUS_CURRENCY_WORDS = frozenset({"real", "rand", "lei", "won", "dram", "som", "mao"})
# Currency signs written after "$" ("$US5 million", "$A300"), glued letters before an amount ("RM50 million",
# "R2.5 billion", "KSh200") and the UTF-8 signs read as Windows-1252 ("â‚¬50").
DOLLAR_SUFFIXES = {"US": "USD", "A": "AUD", "NZ": "NZD", "C": "CAD", "HK": "HKD", "S": "SGD"}
LETTER_PREFIXES = {"RM": "MYR", "KSh": "KES", "Ksh": "KES", "Sh": "KES", "TSh": "TZS", "USh": "UGX", "Rp": "IDR",
                   "R": "ZAR", "Tk": "BDT", "GH₵": "GHS"}
MOJIBAKE_SIGNS = {("â", "‚", "¬"): "EUR", ("â", "‚", "¹"): "INR", ("â", "‚", "½"): "RUB", ("â", "‚", "´"): "UAH",
                  ("â", "‚", "©"): "KRW", ("â", "‚", "ª"): "ILS"}
# Minor units: the amount is in hundredths (or tenths) of the main unit but the value stays as written.
MINOR_CURRENCY_WORDS = {"cent": "cent", "cents": "cent", "penny": "penny", "pence": "penny", "pennies": "penny",
                        "dime": "dime", "dimes": "dime", "mao": "mao", "¢": "cent"}
# Adjectives naming whose currency it is: "Canadian dollars", "Lebanese pounds".
CURRENCY_ADJECTIVES = {
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD", ("singapore", "dollar"): "SGD",
    ("taiwan", "dollar"): "TWD", ("hong", "dollar"): "HKD", ("zealand", "dollar"): "NZD",
    ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS", ("chilean", "peso"): "CLP",
    ("colombian", "peso"): "COP", ("philippine", "peso"): "PHP", ("lebanese", "pound"): "LBP",
    ("egyptian", "pound"): "EGP", ("syrian", "pound"): "SYP", ("british", "pound"): "GBP",
    ("swiss", "franc"): "CHF", ("french", "franc"): "FRF", ("belgian", "franc"): "BEF",
    ("finnish", "markka"): "FIM", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR",
    ("sri", "rupee"): "LKR", ("russian", "ruble"): "RUB", ("russian", "rouble"): "RUB",
    ("ukrainian", "hryvnia"): "UAH", ("turkish", "lira"): "TRY", ("japanese", "yen"): "JPY",
    ("chinese", "yuan"): "CNY", ("iraqi", "dinar"): "IQD", ("jordanian", "dinar"): "JOD",
    ("kuwaiti", "dinar"): "KWD", ("serbian", "dinar"): "RSD", ("brazilian", "real"): "BRL",
    ("swedish", "krona"): "SEK", ("norwegian", "krone"): "NOK", ("danish", "krone"): "DKK",
    ("saudi", "riyal"): "SAR", ("iranian", "rial"): "IRR", ("israeli", "shekel"): "ILS",
    ("south", "rand"): "ZAR", ("polish", "zloty"): "PLN", ("thai", "baht"): "THB",
    ("korean", "won"): "KRW", ("malaysian", "ringgit"): "MYR", ("kenyan", "shilling"): "KES",
    ("ugandan", "shilling"): "UGX", ("tanzanian", "shilling"): "TZS", ("indonesian", "rupiah"): "IDR",
}
# Words around "pounds" that make it a weight, not money: "lost 25 pounds", "weighed 8 pounds".
WEIGHT_CUES = frozenset(
    "weigh weighs weighed weighing weight weights heavy heavier heaviest light lighter overweight obese lost lose "
    "loses losing gained gain gains gaining shed sheds shedding slimmed pound-for-pound bench lifted lift "
    "ton tons tonne tonnes metric kilogram kilograms kg kilo kilos ounce ounces oz".split())

# --------------------------------------------------------------------------------------------- percent
PERCENT_WORDS = {"percent": "%", "percents": "%", "pct": "%", "percentage": "%"}

# -------------------------------------------------------------------------------------------- duration
DURATION_UNITS = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "night": "day", "nights": "day",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week", "fortnight": "fortnight",
    "weekend": "weekend", "weekends": "weekend",
    "fortnights": "fortnight", "month": "month", "months": "month", "mo": "month", "mos": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "millisecond": "millisecond", "milliseconds": "millisecond",
    "ms": "millisecond",
}
# Duration abbreviations that are ordinary words or letters elsewhere: only straight after digits.
DURATION_ABBREVIATIONS_ATTACHED_ONLY = frozenset({"h", "mo", "mos", "ms", "min"})
DURATION_MODIFIERS = frozenset({"business", "working", "calendar", "full", "straight", "consecutive"})
AGE_WORDS = frozenset({"old"})

# ------------------------------------------------------------------------------------- measurement units
# Case-insensitive unit words, with the name the claim reports.
UNIT_WORDS = {
    "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
    "metre": "m", "metres": "m", "meter": "m", "meters": "m", "kilometre": "km", "kilometres": "km",
    "kilometer": "km", "kilometers": "km", "mile": "mile", "miles": "mile", "foot": "ft", "feet": "ft",
    "inch": "in", "inches": "in", "yard": "yd", "yards": "yd", "hectare": "ha", "hectares": "ha",
    "acre": "acre", "acres": "acre", "litre": "l", "litres": "l", "liter": "l", "liters": "l",
    "millilitre": "ml", "millilitres": "ml", "milliliter": "ml", "milliliters": "ml", "gallon": "gal",
    "gallons": "gal", "barrel": "bbl", "barrels": "bbl", "pint": "pint", "pints": "pint",
    "teaspoon": "tsp", "teaspoons": "tsp", "tablespoon": "tbsp", "tablespoons": "tbsp",
    "gram": "g", "grams": "g", "gramme": "g", "grammes": "g", "kilogram": "kg", "kilograms": "kg",
    "kilogramme": "kg", "kilogrammes": "kg", "kilo": "kg", "kilos": "kg", "milligram": "mg",
    "milligrams": "mg", "microgram": "µg", "micrograms": "µg", "microgramme": "µg", "microgrammes": "µg",
    "tonne": "t", "tonnes": "t", "ton": "ton", "tons": "ton", "ounce": "oz", "ounces": "oz",
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "degree": "°", "degrees": "°", "celsius": "°C", "centigrade": "°C",
    "fahrenheit": "°F", "kelvin": "K", "knot": "kn", "knots": "kn", "watt": "W", "watts": "W",
    "kilowatt": "kW", "kilowatts": "kW", "megawatt": "MW", "megawatts": "MW", "gigawatt": "GW",
    "gigawatts": "GW", "volt": "V", "volts": "V", "joule": "J", "joules": "J", "calorie": "cal",
    "calories": "cal", "horsepower": "hp", "byte": "B", "bytes": "B", "bit": "bit", "bits": "bit",
    "kilobyte": "kB", "kilobytes": "kB", "megabyte": "MB", "megabytes": "MB", "gigabyte": "GB",
    "gigabytes": "GB", "terabyte": "TB", "terabytes": "TB", "kibibyte": "KiB", "kibibytes": "KiB",
    "turn": "turn", "turns": "turn", "mph": "mph", "kph": "km/h", "teu": "TEU", "bps": "bp",
}
# Case-sensitive abbreviations.
UNIT_ABBREVIATIONS = {
    "mm": "mm", "cm": "cm", "m": "m", "km": "km", "mi": "mile", "ft": "ft", "yd": "yd", "ha": "ha",
    "l": "l", "L": "l", "ml": "ml", "mL": "ml", "cl": "cl", "dl": "dl", "gal": "gal", "bbl": "bbl",
    "tsp": "tsp", "tbsp": "tbsp", "g": "g", "kg": "kg", "mg": "mg", "µg": "µg", "μg": "µg", "mcg": "µg",
    "t": "t", "oz": "oz", "lb": "lb", "lbs": "lb", "kt": "kt", "Mt": "Mt", "W": "W", "kW": "kW",
    "MW": "MW", "GW": "GW", "TW": "TW", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh",
    "V": "V", "kV": "kV", "J": "J", "kJ": "kJ", "MJ": "MJ", "kcal": "kcal", "hp": "hp", "mph": "mph",
    "kph": "km/h", "kmh": "km/h", "kB": "kB", "KB": "kB", "MB": "MB", "GB": "GB", "TB": "TB",
    "Hz": "Hz", "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "km²": "km²", "m²": "m²", "km2": "km²",
    "m2": "m²", "sq": "sq", "tpd": "t/d", "bpd": "bbl/d", "C": "°C", "F": "°F",
}
# Abbreviations that are ordinary words or single letters too: a unit only when no other reading fits
# (straight after digits, or after a number and before a word boundary that is not a letter).
AMBIGUOUS_ABBREVIATIONS = frozenset({"m", "l", "L", "g", "t", "W", "V", "J", "C", "F", "mi", "ha", "sq"})
AREA_PREFIXES = frozenset({"square", "sq", "cubic"})
METRIC_PREFIX_WORDS = frozenset({"metric", "short", "long", "imperial", "nautical", "light"})

# ------------------------------------------------------------------------------------------ qualifiers
# Canonical qualifier of each phrase before a number, and how it bounds the value.
#   "approx": about; "below": the value is an upper bound reached almost; "low"/"high": open bounds.
LEFT_QUALIFIERS = {
    "almost": ("almost", "nearly"), "nearly": ("almost", "nearly"), "just under": ("almost", "nearly"),
    "close to": ("about", "approx"), "about": ("about", "approx"), "around": ("about", "approx"),
    "round about": ("about", "approx"), "approximately": ("about", "approx"), "approx": ("about", "approx"),
    "approx.": ("about", "approx"), "roughly": ("about", "approx"), "some": ("about", "approx"),
    "an estimated": ("about", "approx"), "estimated": ("about", "approx"), "circa": ("about", "approx"),
    "c.": ("about", "approx"), "~": ("about", "approx"), "≈": ("about", "approx"), "nigh on": ("about", "approx"),
    "more than": ("more than", "low"), "over": ("more than", "low"), "above": ("more than", "low"),
    "greater than": ("more than", "low"), "bigger than": ("more than", "low"), "higher than": ("more than", "low"),
    "larger than": ("more than", "low"), "in excess of": ("more than", "low"), "upwards of": ("more than", "low"),
    "upward of": ("more than", "low"), "exceeding": ("more than", "low"), "exceed": ("more than", "low"),
    "exceeds": ("more than", "low"), "well over": ("more than", "low"), "just over": ("more than", "low"),
    "north of": ("more than", "low"), ">": ("more than", "low"),
    "at least": ("at least", "low"), "no less than": ("at least", "low"), "no fewer than": ("at least", "low"),
    "not less than": ("at least", "low"), "not fewer than": ("at least", "low"),
    "a minimum of": ("at least", "low"), "minimum of": ("at least", "low"), "as few as": ("at least", "low"),
    "bigger or equal than": ("at least", "low"), "greater or equal than": ("at least", "low"),
    "greater than or equal to": ("at least", "low"), "more than or equal to": ("at least", "low"),
    "≥": ("at least", "low"), ">=": ("at least", "low"),
    "up to": ("up to", "high"), "as many as": ("up to", "high"), "as much as": ("up to", "high"),
    "at most": ("up to", "high"), "no more than": ("up to", "high"), "not more than": ("up to", "high"),
    "a maximum of": ("up to", "high"), "maximum of": ("up to", "high"),
    "less than or equal to": ("up to", "high"), "fewer than or equal to": ("up to", "high"),
    "smaller or equal than": ("up to", "high"), "less or equal than": ("up to", "high"),
    "≤": ("up to", "high"), "<=": ("up to", "high"),
    "fewer than": ("fewer than", "high"), "less than": ("fewer than", "high"), "under": ("fewer than", "high"),
    "below": ("fewer than", "high"), "lower than": ("fewer than", "high"), "smaller than": ("fewer than", "high"),
    "south of": ("fewer than", "high"), "<": ("fewer than", "high"),
    "exactly": ("exactly", "exact"), "precisely": ("exactly", "exact"), "equal to": ("exactly", "exact"),
    "equals to": ("exactly", "exact"), "equals": ("exactly", "exact"), "a full": ("exactly", "exact"),
}
# Phrases after a number: "6+", "60 or more", "100-plus".
RIGHT_QUALIFIERS = {
    "+": ("at least", "low"), "plus": ("at least", "low"), "or more": ("at least", "low"),
    "or above": ("at least", "low"), "and above": ("at least", "low"), "and up": ("at least", "low"),
    "or over": ("at least", "low"), "or greater": ("at least", "low"), "or higher": ("at least", "low"),
    "or less": ("up to", "high"), "or fewer": ("up to", "high"), "or below": ("up to", "high"),
    "or lower": ("up to", "high"), "or equal": ("up to", "high"), "or so": ("about", "approx"),
    "odd": ("about", "approx"),
}
# Verbs that make "from X to Y" a change between two values, not an interval.
CHANGE_WORDS = frozenset(
    "rose rise rises risen rising fell fall falls fallen falling increased increase increases increasing "
    "decreased decrease decreases decreasing grew grow grows grown growing dropped drop drops dropping "
    "jumped jump jumps climbed climb climbs declined decline declines reduced reduce raised raise cut cuts "
    "changed change went go slid slipped soared surged plunged tumbled boosted lowered slashed doubled "
    "tripled up down revised moved shrank shrunk expanded widened narrowed".split()
)

# ------------------------------------------------------------------------------------------ nouns, names
# Words that never belong to a counted noun phrase.
NOUN_STOPWORDS = frozenset(
    "a an the this that these those of in on at by for with from to into onto over under about after before "
    "since during until till across against among between through throughout per via than as and or but nor "
    "so yet if then there here who whom whose which what when where why how it its it's they them their "
    "he him his she her we us our you your i me my is are was were be been being am has have had do does did "
    "will would shall should can could may might must not no yes also only just even still already again "
    "more most less least very too much many each every all both either neither some any other another "
    "such own same according including includes included included overnight today yesterday tomorrow "
    "ago later earlier now later while whereas though although because per cent percent out up down off "
    "away back around almost nearly about roughly approximately said says say told reported".split()
)
IRREGULAR_PLURALS = frozenset(
    "people children men women police personnel staff feet teeth mice geese cattle aircraft livestock "
    "sheep fish deer data media militia crew troops offspring folk clergy infantry".split()
)
# Participles and adjectives that name who is counted: "12 dead", "more than 60 injured".
COUNTED_ADJECTIVES = frozenset(
    "dead injured wounded killed missing hurt displaced homeless detained arrested captured evacuated "
    "infected hospitalised hospitalized unemployed employed".split()
)
# Words after a number that make the number an offset rather than a counted noun ("3 more settlements").
NOUN_LEADING_SKIP = frozenset({"more", "other", "additional", "further", "extra", "new", "fewer"})

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Capitalised words before a number that do not name it ("On Sunday 12 people ..."): besides these, the
# stop words and qualifier words are exceptions too.
NAME_RULE_EXCEPTIONS = WEEKDAYS | MONTHS
