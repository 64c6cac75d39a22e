"""Hindu, Sikh and Jain festivals on the Gregorian calendar: "Diwali 2019", "Holi", "Onam", "Guru Nanak Jayanti".

Their days follow the lunisolar panchang (a lunar day, or a lunar mansion, in a solar month), which no short
rule gives: ``_FIRST_DAYS`` is a table of each festival's day for 2001-2035 as Drik Panchang publishes them,
taken from the ``holidays`` project (holidays/calendars/hindu.py, MIT licence, (c) Vacanza Team and
contributors). Festivals a fixed number of days from one of them (Dhanteras two days before Diwali, Holika
Dahan on the eve of Holi, Mattu Pongal the day after Pongal) are counted from it; Navratri runs from its first
day to Maha Navami. Outside the table's years a festival has no date.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from fact_review.claims.dates.lexicon import alternation
from fact_review.claims.dates.resolve import Interval, When, day_of

# festival -> (first year, the month and day of each year from it, "MMDD")
_FIRST_DAYS: dict[str, tuple[int, str]] = {
    "diwali": (2001,
        "1114 1104 1025 1112 1101 1021 1109 1028 1017 1105 1026 1113 1103 1023 1111 1030 1019 1107 "
        "1027 1114 1104 1024 1112 1031 1020 1108 1029 1017 1105 1026 1114 1102 1022 1110 1030"),
    "govardhan_puja": (2001,
        "1115 1105 1026 1113 1102 1022 1110 1029 1018 1106 1027 1114 1104 1024 1112 1031 1020 1108 "
        "1028 1115 1105 1025 1113 1102 1022 1110 1030 1018 1106 1027 1115 1103 1023 1111 1031"),
    "holi": (2001,
        "0310 0329 0318 0307 0326 0315 0304 0322 0311 0301 0320 0308 0327 0317 0306 0324 0313 0302 "
        "0321 0310 0329 0318 0308 0325 0314 0304 0322 0311 0301 0320 0309 0327 0316 0305 0324"),
    "dussehra": (2001,
        "1026 1015 1005 1022 1012 1002 1021 1009 0928 1017 1006 1024 1013 1003 1022 1011 0930 1019 "
        "1008 1025 1015 1005 1024 1012 1002 1020 1009 0927 1016 1006 1025 1014 1003 1022 1011"),
    "maha_ashtami": (2001,
        "1024 1013 1003 1021 1011 0930 1019 1007 0926 1015 1004 1022 1012 1002 1021 1009 0928 1017 "
        "1006 1023 1013 1003 1022 1011 0930 1019 1007 0926 1014 1004 1023 1012 1002 1020 1009"),
    "maha_navami": (2001,
        "1025 1014 1003 1021 1011 1001 1020 1008 0927 1016 1005 1023 1012 1002 1021 1010 0929 1017 "
        "1006 1024 1014 1004 1023 1011 1001 1019 1008 0926 1015 1005 1024 1013 1002 1021 1010"),
    "sharad_navratri": (2001,
        "1017 1007 0926 1014 1004 0923 1012 0930 0919 1008 0928 1016 1005 0925 1013 1001 0921 1010 "
        "0929 1017 1007 0926 1015 1003 0922 1011 0930 0919 1008 0928 1017 1005 0924 1013 1002"),
    "ganesh_chaturthi": (2001,
        "0822 0910 0831 0918 0907 0827 0915 0903 0823 0911 0901 0919 0909 0829 0917 0905 0825 0913 "
        "0902 0822 0910 0831 0919 0907 0827 0914 0904 0823 0911 0901 0920 0908 0828 0916 0905"),
    "janmashtami": (2001,
        "0812 0831 0820 0907 0827 0816 0904 0824 0814 0902 0822 0810 0828 0818 0905 0825 0815 0903 "
        "0824 0812 0830 0819 0907 0826 0816 0904 0825 0813 0901 0821 0810 0828 0817 0906 0826"),
    "raksha_bandhan": (2001,
        "0804 0822 0812 0829 0819 0809 0828 0816 0805 0824 0813 0802 0820 0810 0829 0818 0807 0826 "
        "0815 0803 0822 0811 0830 0819 0809 0828 0817 0805 0823 0813 0802 0820 0810 0829 0818"),
    "karwa_chauth": (2001,
        "1104 1024 1013 1031 1020 1010 1029 1017 1007 1026 1015 1102 1022 1011 1030 1019 1008 1027 "
        "1017 1104 1024 1013 1101 1020 1010 1029 1018 1007 1026 1015 1102 1021 1011 1030 1020"),
    "onam": (2001,
        "0831 0821 0908 0828 0915 0905 0826 0912 0902 0823 0909 0829 0916 0907 0828 0914 0904 0825 "
        "0911 0831 0821 0908 0829 0915 0905 0826 0912 0901 0822 0909 0830 0820 0906 0828 0914"),
    "mahavir_jayanti": (2001,
        "0406 0425 0415 0403 0422 0411 0331 0418 0407 0428 0416 0405 0424 0413 0402 0420 0409 0329 "
        "0417 0406 0425 0414 0404 0421 0410 0331 0418 0407 0426 0416 0405 0423 0412 0401 0420"),
    "ram_navami": (2001,
        "0402 0421 0411 0330 0418 0406 0326 0414 0403 0324 0412 0401 0419 0408 0328 0415 0404 0325 "
        "0413 0402 0421 0410 0330 0417 0406 0326 0415 0403 0422 0412 0401 0419 0407 0328 0416"),
    "hanuman_jayanti": (2001,
        "0408 0427 0416 0405 0424 0413 0402 0420 0409 0330 0418 0406 0425 0415 0404 0422 0411 0331 "
        "0419 0408 0427 0416 0406 0423 0412 0402 0420 0409 0428 0418 0407 0425 0414 0403 0422"),
    "buddha_purnima": (2001,
        "0430 0519 0508 0526 0523 0513 0502 0520 0508 0527 0517 0506 0525 0514 0504 0521 0510 0430 "
        "0518 0507 0526 0516 0505 0523 0512 0501 0520 0508 0527 0517 0507 0525 0514 0503 0522"),
    "guru_nanak_jayanti": (2001,
        "1130 1119 1108 1126 1115 1105 1124 1113 1102 1121 1110 1128 1117 1106 1125 1114 1104 1123 "
        "1112 1130 1119 1108 1127 1115 1105 1124 1114 1102 1121 1110 1128 1117 1106 1125 1115"),
    "guru_ravidas_jayanti": (2001,
        "0208 0227 0216 0206 0224 0213 0202 0221 0209 0130 0218 0207 0225 0214 0203 0222 0210 0131 "
        "0219 0209 0227 0216 0205 0224 0212 0201 0220 0210 0130 0218 0207 0226 0214 0203 0222"),
    "maharshi_valmiki_jayanti": (2001,
        "1101 1021 1010 1028 1017 1007 1026 1014 1004 1022 1011 1029 1018 1008 1027 1016 1005 1024 "
        "1013 1031 1020 1009 1028 1017 1007 1026 1015 1003 1022 1011 1030 1018 1008 1027 1017"),
    "maha_shivaratri": (2001,
        "0221 0312 0301 0218 0308 0226 0216 0306 0223 0212 0302 0220 0310 0227 0217 0307 0224 0213 "
        "0304 0221 0311 0301 0218 0308 0226 0215 0306 0223 0211 0302 0220 0310 0227 0217 0308"),
    "vaisakhi": (2001,
        "0413 0414 0414 0413 0414 0414 0414 0413 0414 0414 0414 0413 0413 0414 0414 0413 0414 0414 "
        "0414 0413 0414 0414 0414 0413 0413 0414 0414 0413 0414 0414 0414 0413 0414 0414 0414"),
    "chhath_puja": (2001,
        "1121 1110 1030 1117 1107 1028 1116 1104 1024 1111 1101 1119 1108 1029 1117 1106 1026 1113 "
        "1102 1120 1110 1030 1119 1107 1028 1115 1104 1023 1111 1101 1120 1109 1029 1117 1106"),
    "gudi_padwa": (2001,
        "0326 0413 0402 0321 0409 0330 0319 0406 0327 0316 0404 0323 0411 0331 0321 0408 0328 0318 "
        "0406 0325 0413 0402 0322 0409 0330 0319 0407 0327 0414 0403 0324 0411 0331 0321 0409"),
    "basant_panchami": (2001,
        "0129 0217 0206 0126 0213 0202 0123 0211 0131 0120 0208 0128 0214 0204 0124 0212 0201 0122 "
        "0209 0129 0216 0205 0126 0214 0202 0123 0211 0131 0119 0207 0127 0215 0204 0124 0212"),
    "rath_yatra": (2001,
        "0623 0712 0701 0619 0708 0627 0716 0704 0624 0713 0703 0621 0710 0629 0718 0706 0625 0714 "
        "0704 0623 0712 0701 0620 0707 0627 0716 0705 0624 0713 0702 0622 0709 0628 0717 0707"),
    "guru_purnima": (2001,
        "0705 0724 0713 0702 0721 0711 0730 0718 0707 0725 0715 0703 0722 0712 0731 0719 0709 0727 "
        "0716 0705 0724 0713 0703 0721 0710 0729 0718 0706 0725 0715 0704 0722 0712 0731 0720"),
    "makar_sankranti": (2001,
        "0114 0114 0114 0115 0114 0114 0115 0115 0114 0114 0115 0115 0114 0114 0115 0115 0114 0114 "
        "0115 0115 0114 0114 0114 0114 0114 0114 0115 0115 0114 0114 0115 0115 0114 0114 0115"),
    "pongal": (2001,
        "0114 0114 0115 0115 0114 0114 0115 0115 0114 0114 0115 0115 0114 0114 0115 0115 0114 0114 "
        "0115 0115 0114 0114 0115 0115 0114 0114 0115 0115 0114 0114 0115 0115 0114 0114 0115"),
    "naag_panchami": (2001,
        "0809 0813 0802 0820 0810 0813 0818 0806 0811 0814 0804 0806 0811 0801 0819 0807 0812 0815 "
        "0805 0808 0813 0802 0821 0809 0813 0817 0806 0810 0814 0804 0807 0811 0815 0819 0808"),
    "kali_puja": (2001,
        "1114 1104 1024 1111 1101 1021 1109 1028 1017 1105 1026 1113 1102 1023 1110 1029 1019 1106 "
        "1027 1114 1104 1024 1112 1031 1020 1108 1028 1017 1105 1026 1114 1102 1022 1110 1030"),
    "vishu": (2001,
        "0414 0414 0414 0413 0414 0414 0415 0414 0414 0414 0414 0414 0414 0415 0415 0414 0414 0414 "
        "0414 0414 0414 0415 0415 0414 0414 0415 0415 0414 0414 0415 0415 0414 0414 0414 0414"),
    "puthandu": (2001,
        "0414 0414 0414 0413 0414 0414 0414 0413 0414 0414 0414 0414 0414 0414 0414 0414 0414 0414 "
        "0414 0414 0414 0414 0414 0414 0414 0414 0414 0414 0414 0414 0414 0414 0414 0414 0414"),
    "pohela_boishakh": (2001,
        "0414 0415 0415 0414 0414 0415 0415 0414 0415 0415 0415 0414 0415 0415 0415 0414 0415 0415 "
        "0415 0414 0415 0415 0415 0414 0415 0415 0415 0414 0415 0415 0415 0414 0415 0415 0415"),
}

# A festival's names as people write them -> (festival in the table, days from its day).
FESTIVALS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("diwali", "deepavali", "divali", "lakshmi puja", "laxmi puja"), ("diwali", 0)),
    **dict.fromkeys(("dhanteras", "dhantrayodashi", "dhanatrayodashi"), ("diwali", -2)),
    **dict.fromkeys(("choti diwali", "chhoti diwali", "naraka chaturdashi", "narak chaturdashi", "narak chaudas",
                     "kali chaudas", "roop chaudas", "roop chaturdashi"), ("diwali", -1)),
    **dict.fromkeys(("govardhan puja", "annakut"), ("govardhan_puja", 0)),
    **dict.fromkeys(("bhai dooj", "bhaiya dooj", "bhai duj", "bhau beej", "bhai tika"), ("govardhan_puja", 1)),
    **dict.fromkeys(("holi", "dhulandi", "dhuleti", "rangwali holi"), ("holi", 0)),
    **dict.fromkeys(("holika dahan", "chhoti holi", "choti holi", "kamudu pyre"), ("holi", -1)),
    **dict.fromkeys(("dussehra", "dussera", "dasara", "dashain", "vijayadashami", "vijaya dashami"), ("dussehra", 0)),
    **dict.fromkeys(("maha saptami", "durga saptami"), ("maha_ashtami", -1)),
    **dict.fromkeys(("maha ashtami", "durga ashtami", "maha durgashtami"), ("maha_ashtami", 0)),
    **dict.fromkeys(("maha navami", "durga navami"), ("maha_navami", 0)),
    **dict.fromkeys(("ganesh chaturthi", "ganesha chaturthi", "vinayaka chaturthi", "vinayak chaturthi",
                     "vinayaka chavithi"), ("ganesh_chaturthi", 0)),
    **dict.fromkeys(("janmashtami", "janmastami", "krishna janmashtami", "krishna jayanti", "gokulashtami"),
                    ("janmashtami", 0)),
    **dict.fromkeys(("raksha bandhan", "rakshabandhan"), ("raksha_bandhan", 0)),
    **dict.fromkeys(("karva chauth", "karwa chauth", "karva chouth", "karwa chouth"), ("karwa_chauth", 0)),
    **dict.fromkeys(("onam", "thiru onam", "thiruvonam", "thiruonam"), ("onam", 0)),
    **dict.fromkeys(("mahavir jayanti", "mahaveer jayanti", "mahavir janma kalyanak", "mahaveer janma kalyanak"),
                    ("mahavir_jayanti", 0)),
    **dict.fromkeys(("ram navami", "rama navami"), ("ram_navami", 0)),
    "hanuman jayanti": ("hanuman_jayanti", 0),
    **dict.fromkeys(("buddha purnima", "buddha jayanti"), ("buddha_purnima", 0)),
    **dict.fromkeys(("guru nanak jayanti", "guru nanak gurpurab", "guru nanak's birthday", "gurpurab"),
                    ("guru_nanak_jayanti", 0)),
    **dict.fromkeys(("guru ravidas jayanti", "guru ravidass jayanti", "guru ravidas birthday",
                     "guru ravidass birthday", "ravidas jayanti"), ("guru_ravidas_jayanti", 0)),
    **dict.fromkeys(("valmiki jayanti", "maharishi valmiki jayanti", "maharshi valmiki jayanti", "pargat diwas"),
                    ("maharshi_valmiki_jayanti", 0)),
    **dict.fromkeys(("maha shivaratri", "maha shivratri", "mahashivratri", "mahashivaratri", "shivaratri",
                     "shivratri"), ("maha_shivaratri", 0)),
    **dict.fromkeys(("vaisakhi", "baisakhi"), ("vaisakhi", 0)),
    **dict.fromkeys(("chhath puja", "chhath"), ("chhath_puja", 0)),
    **dict.fromkeys(("gudi padwa", "ugadi", "yugadi"), ("gudi_padwa", 0)),
    **dict.fromkeys(("vasant panchami", "basant panchami", "saraswati puja"), ("basant_panchami", 0)),
    **dict.fromkeys(("rath yatra", "ratha yatra"), ("rath_yatra", 0)),
    "guru purnima": ("guru_purnima", 0),
    **dict.fromkeys(("makar sankranti", "makara sankranti", "makara sankranthi", "sankranti"), ("makar_sankranti", 0)),
    **dict.fromkeys(("pongal", "thai pongal"), ("pongal", 0)),
    **dict.fromkeys(("bhogi", "bhogi pongal"), ("pongal", -1)),
    **dict.fromkeys(("mattu pongal", "maattu pongal"), ("pongal", 1)),
    **dict.fromkeys(("kaanum pongal", "kanum pongal"), ("pongal", 2)),
    **dict.fromkeys(("naag panchami", "nag panchami"), ("naag_panchami", 0)),
    "kali puja": ("kali_puja", 0),
    "vishu": ("vishu", 0),
    **dict.fromkeys(("puthandu", "tamil new year"), ("puthandu", 0)),
    **dict.fromkeys(("pohela boishakh", "pahela baishakh", "bengali new year"), ("pohela_boishakh", 0)),
}
# Festivals that last several days: name -> (first day, last day) as above.
_SPANS: dict[str, tuple[tuple[str, int], tuple[str, int]]] = {
    **dict.fromkeys(("navratri", "navaratri", "sharad navratri"), (("sharad_navratri", 0), ("maha_navami", 0))),
}
FESTIVAL_RE = alternation([*FESTIVALS, *_SPANS])
FESTIVAL_WORDS = tuple(sorted({name.split("'")[0] for name in (*FESTIVALS, *_SPANS)}))
_BY_NAME = {name.replace("'", ""): spec for name, spec in FESTIVALS.items()}


def _day(festival: str, days: int, year: int) -> Optional[date]:
    first_year, table = _FIRST_DAYS[festival]
    codes = table.split()
    if not 0 <= year - first_year < len(codes):
        return None
    code = codes[year - first_year]
    return date(year, int(code[:2]), int(code[2:])) + timedelta(days=days)


def festival(name: str, year: int) -> Optional[When | Interval]:
    """The festival ``name`` (matched by ``FESTIVAL_RE``) in ``year``: its day, or its days; None outside the table."""
    key = " ".join(name.lower().replace("’", "").replace("'", "").split())
    if key in _SPANS:
        (a, da), (b, db) = _SPANS[key]
        first, last = _day(a, da, year), _day(b, db, year)
        return Interval(day_of(first), day_of(last)) if first and last else None
    spec = _BY_NAME.get(key)
    d = _day(*spec, year) if spec else None
    return day_of(d) if d else None
