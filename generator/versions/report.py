"""The report of a migration for a person: every edit, every decision left, what else to look at."""

from __future__ import annotations

from generator.versions.compare import Comparison
from generator.versions.migrate import Plan
from generator.versions.render import AFFECTED_NUMBERING, affected_label, title
from provisions.kit.wording import counted

__all__ = ["render_plan"]


def render_plan(plan: Plan, comparison: Comparison, old_file: str, new_file: str, *, applied: bool) -> str:
    """The report: a summary, the re-pointed ids by file, the decisions, the impact and the notes."""
    done = "re-pointed" if applied else "to re-point"
    lines = [f"billtrace migrate: {title(comparison.old)} {old_file} -> {title(comparison.new)} {new_file}",
             f"{counted(len(plan.edits), 'link')} {done} in {counted(len({e.path for e in plan.edits}), 'file')}; "
             f"{len(plan.decisions)} left for a person to decide; {counted(len(plan.files), 'file')} "
             f"{'changed' if applied else 'to change'}"
             + (f"; {counted(len(plan.rechecks), 'provenance note')} to re-read" if plan.rechecks else "")]
    if plan.edits:
        lines += ["", "Re-pointed along the alignment:" if applied else "Would re-point along the alignment:"]
        for edit in plan.edits:
            where = f"{edit.path}:{edit.line}" if edit.line else edit.path
            lines.append(f"  {where:<44} {edit.context:<18} {edit.old} -> {edit.new}  ({edit.change})")
    if plan.decisions:
        lines += ["", "For a person to decide (left untouched, or dropped where it says so):"]
        for decision in plan.decisions:
            where = f"{decision.path}:{decision.line}" if decision.line else decision.path
            lines.append(f"  {where:<44} {decision.context:<18} {decision.id}: {decision.reason}")
    if comparison.impact:
        lines += ["", f"Affected through a changed definition or citation ({AFFECTED_NUMBERING}; re-read the "
                      f"rules and tests on them):"]
        for affected in comparison.impact:
            for cause in affected.causes:
                lines.append(f"  {affected_label(comparison, affected):<34} {cause.message}")
    if plan.rechecks:
        lines += ["", "Provenance entries carried to words that changed (their status and note speak of the old "
                      "words: re-read them):"]
        for recheck in plan.rechecks:
            ids = recheck.old if recheck.old == recheck.new else f"{recheck.old} -> {recheck.new}"
            lines.append(f"  {recheck.path + ':' + str(recheck.line):<44} [{ids}] status \"{recheck.status}\"; "
                         f"note: {recheck.note}")
            lines += [f"      words: {change}" for change in recheck.changed]
    if plan.notes:
        lines += ["", "New provisions:"] + [f"  {note}" for note in plan.notes]
    if plan.mentions:
        lines += ["", "Citations in words and ids in prose that the new text numbers differently (re-read, "
                      "not edited):"]
        lines += [f"  {m.path + ':' + str(m.line if applied else m.line_before or m.line):<44} {m.words} -> {m.now}"
                  for m in plan.mentions]
    lines += ["", "Then: run the tests, and `billtrace review` for the provisions whose words changed."]
    return "\n".join(lines)
