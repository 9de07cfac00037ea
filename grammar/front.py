"""Reading the front matter: the GPO header and masthead lines into ``Meta``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from grammar.lexicon import join_lines
from grammar.lines import Line, Lines
from grammar.model import Action, Meta

__all__ = ["read_meta"]

_MEASURES = {
    "S": "S.", "HR": "H.R.", "SJRES": "S.J.Res.", "HJRES": "H.J.Res.",
    "SCONRES": "S.Con.Res.", "HCONRES": "H.Con.Res.", "SRES": "S.Res.", "HRES": "H.Res.",
}
_DOCUMENT_TYPES = {
    "A BILL": "bill", "AN ACT": "act", "JOINT RESOLUTION": "joint resolution",
    "CONCURRENT RESOLUTION": "concurrent resolution", "RESOLUTION": "resolution",
    "AMENDMENT": "amendment", "AMENDMENTS": "amendment",
}
_TYPE_OF_MEASURE = {
    "S.": "bill", "H.R.": "bill", "S.J.Res.": "joint resolution", "H.J.Res.": "joint resolution",
    "S.Con.Res.": "concurrent resolution", "H.Con.Res.": "concurrent resolution",
    "S.Res.": "resolution", "H.Res.": "resolution",
}
_MONTHS = {name: number for number, name in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"],
    start=1)}
_VERSION_LINE = re.compile(
    r"^\[(?P<measure>[A-Za-z. ]+?)\s*(?P<number>[0-9]+)\s+(?P<name>.+?)\s*\((?P<code>[A-Z]+)\)\s*\]$"
)
_CONGRESS = re.compile(r"([0-9]+)(?:st|nd|rd|th|d)\s+Congress", re.IGNORECASE)
# The old gateway's document id, "[DOCID: f:h2014enr.txt]": measure letters, number, version.
_DOCID = re.compile(r"^\[DOCID:\s*f:[a-z]+[0-9]+(?P<code>[a-z]+)\.txt\]$")
# The names the GPO's version lines give the codes a document id can end with.
_VERSION_NAMES = {
    "IH": "Introduced in House", "IS": "Introduced in Senate", "RH": "Reported in House",
    "RS": "Reported in Senate", "EH": "Engrossed in House", "ES": "Engrossed in Senate",
    "EAH": "Engrossed Amendment House", "EAS": "Engrossed Amendment Senate",
    "ENR": "Enrolled Bill", "RDH": "Received in House", "RDS": "Received in Senate",
    "RFH": "Referred in House", "RFS": "Referred in Senate", "PCH": "Placed on Calendar House",
    "PCS": "Placed on Calendar Senate", "CPH": "Considered and Passed House",
    "CPS": "Considered and Passed Senate", "ATH": "Agreed to House", "ATS": "Agreed to Senate",
}
_MEASURE = re.compile(r"^(H|S)\.?\s*(R\.|J\.\s*RES\.|CON\.\s*RES\.|RES\.)?\s*([0-9]+)$", re.IGNORECASE)
_DATE = re.compile(
    r"(?P<month>[A-Z][a-z]+) (?P<day>[0-9]{1,2})"
    r"(?: \(legislative day, (?P<lmonth>[A-Z][a-z]+) (?P<lday>[0-9]{1,2})(?:, (?P<lyear>[0-9]{4}))?\))?"
    r", (?P<year>[0-9]{4})"
)
_BROUGHT_IN = re.compile(r"\b(?:introduced|submitted|reported)\s+the\s+following\b")
_COMMITTEES = re.compile(r"referred to the (Committees? on .+?)(?:,? for a period|\.|$)", re.IGNORECASE)

_UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {w: 10 * i for i, w in enumerate(
    ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if w}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}


def words_to_number(words: str) -> int | None:
    """``One Hundred Nineteenth`` -> 119; ``two thousand and twenty-five`` -> 2025."""
    total = 0
    current = 0
    found = False
    for word in re.split(r"[\s-]+", words.lower().replace(",", " ")):
        if not word or word == "and":
            continue
        found = True
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _ORDINALS:
            current += _ORDINALS[word]
        elif word in ("hundred", "hundredth"):
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current if found else None


@dataclass
class _Fields:
    """What the front matter has said so far; the first statement of each field wins."""

    congress: int | None = None
    session: int | None = None
    measure: str | None = None
    number: int | None = None
    version: str | None = None
    version_name: str | None = None
    document_type: str | None = None
    chamber: str | None = None

    def offer(self, **values: object) -> None:
        for name, value in values.items():
            if getattr(self, name) is None and value is not None:
                setattr(self, name, value)


def read_meta(lines: Lines) -> Meta:
    """The measure's metadata from the front matter (and the back matter's passage lines)."""
    front = list(lines.of_part("front"))
    fields = _Fields()
    from_docid: str | None = None
    for line in front:
        content = line.content
        kind = line.kind
        if kind == "GPO_BRACKET":
            _bracket(content, fields)
            docid = _DOCID.match(content.strip())
            if docid is not None and docid.group("code").upper() in _VERSION_NAMES:
                from_docid = docid.group("code").upper()
        elif kind in ("CONGRESS", "SESSION"):
            number = int(re.match(r"[0-9]+", content).group())  # type: ignore[union-attr]
            fields.offer(**{kind.lower(): number})
        elif kind == "SESSION_WORDS":
            fields.offer(session=words_to_number(content.split()[2]))
        elif kind == "ORDINAL_CONGRESS":
            fields.offer(congress=words_to_number(content.rsplit(" ", 1)[0]))
        elif kind == "PUBLIC_LAW":
            fields.offer(congress=int(re.search(r"([0-9]+)-", content).group(1)))  # type: ignore[union-attr]
        elif kind == "MEASURE":
            measure = _measure(content)
            if measure is not None:
                fields.offer(measure=measure[0], number=measure[1])
        elif kind in ("CHAMBER", "CHAMBER_IN_TEXT"):
            fields.offer(chamber="Senate" if "SENATE" in content.upper() else "House of Representatives")
        elif kind == "DOCUMENT_TYPE":
            fields.offer(document_type=_DOCUMENT_TYPES.get(content.rstrip(":").upper()))
    if from_docid is not None and fields.version is None:
        # A text with the document id alone (no version line) is of the version the id ends with.
        fields.offer(version=from_docid, version_name=_VERSION_NAMES[from_docid])
    if fields.measure is not None:
        fields.offer(document_type=_TYPE_OF_MEASURE.get(fields.measure))
    if fields.version is not None:
        if fields.version.endswith("S") or fields.version == "SC":
            fields.offer(chamber="Senate")
        elif fields.version.endswith("H"):
            fields.offer(chamber="House of Representatives")
    actions = _actions(front)
    passed = [line.content for line in lines.of_part("back") if line.kind == "PASSED"]
    date: dt.date | None = None
    legislative: dt.date | None = None
    # An enrolled bill's "Begun and held ... the third day of January" is the day its session
    # began, not a date of the measure: without an action or a passage line it has none.
    if actions:
        date, legislative = _parse_date(actions[0][0])
    elif passed:
        date = _parse_date(passed[0])[0]
    first_action = join_lines(actions[0][1]) if actions and actions[0][1] else ""
    # The sponsor is the member the first action names as bringing the measure in; an action
    # such as "Received" (a House bill received in the Senate) names none.
    sponsor = first_action if _BROUGHT_IN.search(first_action) else None
    return Meta(
        congress=fields.congress,
        session=fields.session,
        measure=fields.measure,
        number=fields.number,
        version=fields.version,
        version_name=fields.version_name,
        document_type=fields.document_type,
        chamber=fields.chamber,
        date=date,
        legislative_day=legislative,
        sponsor=sponsor,
        committees=_committees(sponsor or ""),
        long_title=_long_title(front),
        actions=(
            *(Action(_parse_date(when)[0], join_lines(what)) for when, what in actions),
            *(Action(_parse_date(text)[0], text) for text in passed),
        ),
    )


def _bracket(content: str, fields: _Fields) -> None:
    congress = _CONGRESS.search(content)
    if congress:
        fields.offer(congress=int(congress.group(1)))
    match = _VERSION_LINE.match(content.strip())
    if match is None:
        return
    measure = _measure(f"{match.group('measure')} {match.group('number')}")
    if measure is not None:
        fields.offer(measure=measure[0], number=measure[1])
    fields.offer(version=match.group("code"), version_name=match.group("name"))


def _measure(text: str) -> tuple[str, int] | None:
    match = _MEASURE.match(text.strip())
    if match is None:
        return None
    key = (match.group(1) + (match.group(2) or "")).upper().replace(".", "").replace(" ", "")
    name = _MEASURES.get(key)
    return (name, int(match.group(3))) if name else None


def _parse_date(text: str) -> tuple[dt.date | None, dt.date | None]:
    match = _DATE.search(text)
    if match is None or match.group("month") not in _MONTHS:
        return None, None
    year = int(match.group("year"))
    try:
        date = dt.date(year, _MONTHS[match.group("month")], int(match.group("day")))
    except ValueError:
        return None, None
    legislative = None
    if match.group("lmonth") in _MONTHS:
        lyear = int(match.group("lyear")) if match.group("lyear") else year
        month = _MONTHS[match.group("lmonth")]
        if not match.group("lyear") and month > date.month:
            lyear -= 1  # a legislative day carried over the new year
        try:
            legislative = dt.date(lyear, month, int(match.group("lday")))
        except ValueError:
            legislative = None
    return date, legislative


# A rule, the document type, or a masthead line (a reported bill's cover page is followed by
# the masthead again, its long title under it) ends the action being read.
_ENDS_AN_ACTION = frozenset({"RULE", "DOCUMENT_TYPE", "CALENDAR", "CONGRESS", "SESSION", "MEASURE",
                             "REPORT", "CHAMBER", "CHAMBER_IN_TEXT"})


def _actions(front: Sequence[Line]) -> list[tuple[str, list[str]]]:
    """Each date line of the masthead with the text lines after it."""
    actions: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in front:
        if line.kind == "DATE":
            current = []
            actions.append((line.content, current))
        elif line.kind == "TEXT" and current is not None:
            current.append(line.content)
        elif line.kind in _ENDS_AN_ACTION:
            current = None
    return actions


def _committees(sponsor: str) -> tuple[str, ...]:
    match = _COMMITTEES.search(sponsor)
    if match is None:
        return ()
    names: list[str] = []
    for part in re.split(r",? and in addition to the ", match.group(1)):
        plural = part.startswith("Committees on ")
        body = part.removeprefix("Committees on ").removeprefix("Committee on ")
        items = re.split(r",\s+", body) if plural else [body]
        for item in items:
            item = item.removeprefix("and ").strip().rstrip(",")
            if item:
                names.append(f"Committee on {item}")
    return tuple(names)


def _long_title(front: Sequence[Line]) -> str | None:
    """The long title: the text after 'A BILL' (or its kin), else the text under the number."""
    after_type: list[str] = []
    under_number: list[str] = []
    state = ""
    for line in front:
        if line.kind == "DOCUMENT_TYPE":
            state, after_type = "type", []
        elif line.kind in ("MEASURE", "REPORT"):
            state = "number" if not after_type else state
        elif line.kind == "TEXT":
            if state == "type":
                after_type.append(line.content)
            elif state == "number":
                under_number.append(line.content)
        elif line.kind in ("RULE", "CHAMBER", "DATE") and state == "number":
            state = "done"
    title = join_lines(after_type) or join_lines(under_number)
    return title or None
