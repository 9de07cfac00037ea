"""``billtrace diff`` for a person: the pairs grouped by section, typed changes, a word diff, the impact."""

from __future__ import annotations

from collections.abc import Iterator

from generator.site.headings import Casing
from generator.trace.review import diff_text, word_diff
from generator.versions.compare import Comparison, Pair
from generator.versions.impact import Affected
from generator.versions.words import shown_words
from grammar.model import Bill

__all__ = ["AFFECTED_NUMBERING", "affected_label", "render_comparison", "title"]

# Said beside every list of affected provisions: their numbers and the causes' are the new text's.
AFFECTED_NUMBERING = "numbered as in the new text, the old number first where it differs"


def render_comparison(comparison: Comparison, old_file: str, new_file: str, *, show_same: bool = False) -> str:
    """The comparison as text: a summary line, then each section's changed pairs, then the impact."""
    old, new = comparison.old, comparison.new
    lines = [f"{title(old)}  {old_file}", f"  -> {title(new)}  {new_file}",
             ", ".join(f"{n} {change}" for change, n in comparison.counts().items() if n or change == "same")]
    lines.extend(_warnings(new, new_file))
    casing = Casing(p.text for bill in (new, old) for p in bill.walk())  # the site's headings, the bill's names kept
    section = None
    for pair in comparison.pairs:
        # counted above; a same pair with details keeps its words, but a reference in it names another provision
        if pair.change == "same" and not show_same and not pair.details:
            continue
        heading = _section_heading(comparison, pair, casing)
        if heading != section:
            section = heading
            lines += ["", heading]
        lines.extend(_pair_lines(comparison, pair))
    if comparison.impact:
        lines += ["", f"Affected through a changed definition or citation ({AFFECTED_NUMBERING}; their own "
                      f"words may be unchanged):"]
        for affected in comparison.impact:
            for n, cause in enumerate(affected.causes):
                lines.append(f"  {affected_label(comparison, affected) if n == 0 else '':<34} {cause.message}")
    return "\n".join(lines)


def _warnings(bill: Bill, file: str, shown: int = 10) -> Iterator[str]:
    """The new text's parser warnings (a citation naming no provision is often a conforming change
    left undone): the count, then the first ``shown`` lines as ``billtrace parse`` prints them."""
    diagnostics = bill.diagnostics
    if not diagnostics:
        return
    yield ""
    yield (f"{len(diagnostics)} warning{'s' if len(diagnostics) != 1 else ''} in the new text "
           f"(billtrace parse {file} lists them):")
    for diagnostic in diagnostics[:shown]:
        yield f"  {file}:{diagnostic.line}:{diagnostic.column}: warning: {diagnostic.message} [{diagnostic.code}]"
    if len(diagnostics) > shown:
        yield f"  ... and {len(diagnostics) - shown} more"


def affected_label(comparison: Comparison, affected: Affected) -> str:
    """An affected provision as the lists show it: its label in the new text, after its old label
    where that differs ("sec. 4(e)(1) -> sec. 4(f)(1)"), or marked new."""
    olds = [comparison.old.get(m.old).label for m in comparison.alignment.of_new(affected.provision)
            if m.old is not None]
    if not olds:
        return f"{affected.label} (new)"
    return affected.label if olds == [affected.label] else f"{', '.join(olds)} -> {affected.label}"


def title(bill: Bill) -> str:
    """The measure and version, "S. 77 (IS)"."""
    meta = bill.meta
    return " ".join(p for p in (meta.citation, f"({meta.version})" if meta.version else None) if p) or "a bill"


def _label(bill: Bill, provision_id: str | None) -> str:
    return bill.get(provision_id).label if provision_id is not None else ""


def _section_heading(comparison: Comparison, pair: Pair, casing: Casing) -> str:
    """The section a pair stands in, named as the site names it: "Sec. 3. Definitions" (its heading in
    sentence case, ``generator.site.headings``)."""
    bill, pid = (comparison.new, pair.new) if pair.new is not None else (comparison.old, pair.old or "")
    section = bill.section_of(pid)
    top = section or bill.get(pid)
    label = top.label[:1].upper() + top.label[1:]
    return f"{label}. {casing.sentence_case(top.heading)}" if top.heading else label


def _pair_lines(comparison: Comparison, pair: Pair) -> Iterator[str]:
    old_label, new_label = _label(comparison.old, pair.old), _label(comparison.new, pair.new)
    where = old_label if old_label == new_label or not new_label else (
        new_label if not old_label else f"{old_label} -> {new_label}")
    ids = pair.old if pair.old == pair.new else f"{pair.old or '-'} -> {pair.new or '-'}"
    score = f"{pair.similarity:.2f}" if pair.old is not None and pair.new is not None else ""
    yield f"  {pair.change:<11} {where:<34} {ids:<26} {score}".rstrip()
    for detail in pair.details:
        if detail.kind == "designation":
            continue
        before, after = detail.before or "-", detail.after or "-"
        yield f"      {detail.kind}: {before} -> {after}"
    old = comparison.old.get(pair.old) if pair.old is not None else None
    new = comparison.new.get(pair.new) if pair.new is not None else None
    if new is not None and old is None:  # all its words added, or all struck: shown as the bill sets them
        yield f"      words: {diff_text(word_diff('', shown_words(new)), context=6)}"
    elif old is not None and new is None:
        yield f"      words: {diff_text(word_diff(shown_words(old), ''), context=6)}"
    elif old is not None and new is not None and old.full_text != new.full_text:
        yield f"      words: {diff_text(word_diff(old.full_text, new.full_text), context=6)}"

