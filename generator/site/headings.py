"""One rule for the site's headings: sentence case, the bill's own names kept as the bill writes them.

A bill's section headings are in capitals ("WIDGET SAFETY COUNCIL"), its subsection headings in
title case ("Authority To Negotiate"), the site's own in sentence case ("Worked examples").
Every heading the site shows is put in sentence case: the first word capitalised, the rest
lower case, except a name the bill itself writes with capitals in the middle of its sentences
("the Council", "the Gadget Fund", "Sense of Congress", "the Widget Safety Council"), which
keeps the bill's spelling.  A name is a whole run of capitalised words of the text (small words
such as "of" and "and" may join it), never a part of one, so "Safety" alone keeps no capital
where the bill writes it only inside "Widget Safety Council".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["Casing"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_JOINING = frozenset(["of", "and", "the", "for", "on", "in", "to", "from"])
_LONGEST = 8  # words in the longest name looked for
# A heading's word: what comes before its letters, its letters, what comes after ("(Council),").
_CORE = re.compile(r"([^A-Za-z]*)([A-Za-z][A-Za-z'’-]*|)(.*)", re.DOTALL)


class Casing:
    """The names of one bill, and headings put in sentence case by them."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._names: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._acronyms: set[str] = set()
        for text in texts:
            self._acronyms.update(w for w in _WORD.findall(text) if len(w) > 1 and w.isupper())
            for sentence in re.split(r"(?:[.;:!?]|--|\u2014)\s+|``|''|\(\w{1,4}\)\s*", text):
                self._read(sentence)

    def _read(self, sentence: str) -> None:
        words = [m.group(0) for m in _WORD.finditer(sentence)]
        run: list[str] = []
        # the first word of a sentence is capitalised by its place, not as a name
        for position, word in enumerate([*words, ""]):
            # an abbreviation ("FDA") is kept by the list of them, and ends a name
            capital = word[:1].isupper() and position > 0 and not (len(word) > 1 and word.isupper())
            if capital or (run and word in _JOINING):
                run.append(word)
                continue
            self._add(run)
            run = []

    def _add(self, run: list[str]) -> None:
        while run and run[-1] in _JOINING:
            run.pop()
        if not run:
            return
        if len(run) <= _LONGEST:
            self._names.setdefault(tuple(w.lower() for w in run), tuple(run))
        pieces: list[str] = []
        for word in [*run, "of"]:  # each capitalised piece between the joining words is a name too
            if word in _JOINING:
                if pieces:
                    self._names.setdefault(tuple(w.lower() for w in pieces), tuple(pieces))
                pieces = []
            else:
                pieces.append(word)

    def sentence_case(self, heading: str) -> str:
        """``heading`` in sentence case, the bill's names kept.

        >>> Casing(["The Secretary shall notify the Council and Congress under the FDA rules."]).sentence_case(
        ...     "TREATMENT OF WIDGETS FROM THE COUNCIL UNDER THE FDA")
        'Treatment of widgets from the Council under the FDA'
        """
        tokens = re.split(r"(\s+)", heading.strip())
        parts = [_CORE.fullmatch(token) for token in tokens[::2]]
        cores = [m.group(2) if m else "" for m in parts]
        shouting = heading.upper() == heading
        out = [c if (c.isupper() and len(c) > 1 and (not shouting or c in self._acronyms)) else c.lower()
               for c in cores]
        i = 0
        while i < len(cores):
            for j in range(min(len(cores), i + _LONGEST), i, -1):
                name = self._names.get(tuple(c.lower() for c in cores[i:j]))
                if name is not None and all(cores[i:j]):
                    out[i:j] = list(name)
                    i = j
                    break
            else:
                i += 1
        if out:
            out[0] = out[0][:1].upper() + out[0][1:]
        tokens[::2] = [f"{m.group(1)}{word}{m.group(3)}" if m else word for m, word in zip(parts, out, strict=True)]
        return "".join(tokens)
