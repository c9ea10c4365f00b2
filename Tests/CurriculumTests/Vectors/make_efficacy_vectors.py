#!/usr/bin/env python3
"""Makes efficacy_vectors.json: readings, scored gold answers and the figures
CurriculumTests/LessonEfficacyTests checks LessonEfficacy and LessonVariantComparison against.

    pip install numpy scipy statsmodels
    python3 make_efficacy_vectors.py

Seeded, so a run makes the same file. The Swift tests read the JSON (inputs and figures)
and must match each figure to 1e-9; they never run Python.

The figures, computed here independently of the Swift code:
- each reader's first reading of the lesson; their `window` scored gold answers made
  before it (the last ones) and from it on (the first ones); accuracy = credit / items;
- the change: after - before per reader with items on both sides, its mean and the
  paired t interval, scipy.stats.ttest_1samp(changes).confidence_interval();
- pooled before and after: statsmodels proportion_confint(method="wilson");
- the versions: items after reading pooled per version (the reading's variant flag),
  and second - first with statsmodels confint_proportions_2indep(method="newcomb").
"""
import json
import os
import random

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261203)
START = 1_800_000_000.0  # seconds since 1970, 2027-01-15
LESSON = "lessons/02-negation.md"
VARIANT = "lessons/02-negation-b.md"
WINDOW = 6

readings = []
answers = []
people = [f"p{index:02d}" for index in range(14)]
for index, person in enumerate(people):
    read_at = START + 86_400 + rng.randint(0, 3_600)
    variant = index % 2 == 1
    readings.append({"id": f"00000000-0000-0000-0000-{index:012d}", "username": person, "lesson": LESSON, "variant": variant, "at": read_at})
    if index % 5 == 0:
        # A second, later reading that must not count, and a reading of another lesson.
        readings.append({"id": f"00000000-0000-0000-0001-{index:012d}", "username": person, "lesson": LESSON, "variant": variant, "at": read_at + 7_200})
        readings.append({"id": f"00000000-0000-0000-0002-{index:012d}", "username": person, "lesson": "lessons/01.md", "variant": False, "at": read_at - 500})
    skill_before = rng.uniform(0.4, 0.8)
    skill_after = min(1.0, skill_before + rng.uniform(-0.05, 0.3) + (0.1 if variant else 0))
    before_count = rng.choice([0, 2, 5, 9, 12]) if index != 3 else 0
    after_count = rng.choice([1, 4, 6, 10]) if index != 7 else 0
    for item in range(before_count):
        at = read_at - 60 * (before_count - item) - rng.randint(0, 30)
        credit = 1.0 if rng.random() < skill_before else (0.5 if rng.random() < 0.2 else 0.0)
        answers.append({"username": person, "answeredAt": at, "credit": credit})
    for item in range(after_count):
        at = read_at + 60 * (item + 1) + rng.randint(0, 30)
        credit = 1.0 if rng.random() < skill_after else (0.25 if rng.random() < 0.2 else 0.0)
        answers.append({"username": person, "answeredAt": at, "credit": credit})
# Someone with gold but no reading does not count.
answers.append({"username": "nobody", "answeredAt": START, "credit": 1.0})
rng.shuffle(answers)

first = {}
for reading in readings:
    if reading["lesson"] != LESSON:
        continue
    known = first.get(reading["username"])
    if known is None or (reading["at"], reading["id"]) < (known["at"], known["id"]):
        first[reading["username"]] = reading

readers = []
for person in sorted(first):
    reading = first[person]
    own = sorted((a for a in answers if a["username"] == person), key=lambda a: a["answeredAt"])
    before = [a for a in own if a["answeredAt"] < reading["at"]][-WINDOW:]
    after = [a for a in own if a["answeredAt"] >= reading["at"]][:WINDOW]
    readers.append({
        "username": person, "variant": reading["variant"],
        "beforeItems": len(before), "beforeCredit": sum(a["credit"] for a in before),
        "afterItems": len(after), "afterCredit": sum(a["credit"] for a in after),
    })

changes = [r["afterCredit"] / r["afterItems"] - r["beforeCredit"] / r["beforeItems"] for r in readers if r["beforeItems"] and r["afterItems"]]
ci = stats.ttest_1samp(np.array(changes), 0.0).confidence_interval(confidence_level=0.95)


def wilson(credit, items):
    low, high = proportion_confint(credit, items, alpha=0.05, method="wilson")
    return {"successes": credit, "trials": items, "lower": float(low), "upper": float(high)}


before_items = sum(r["beforeItems"] for r in readers)
after_items = sum(r["afterItems"] for r in readers)
versions = {}
for shown in (False, True):
    group = [r for r in readers if r["variant"] == shown]
    versions[shown] = {"readers": len(group), "items": sum(r["afterItems"] for r in group), "credit": sum(r["afterCredit"] for r in group)}
second, first_version = versions[True], versions[False]
low, high = confint_proportions_2indep(second["credit"], second["items"], first_version["credit"], first_version["items"], compare="diff", method="newcomb")

figures = {
    "readers": readers,
    "change": {"count": len(changes), "mean": float(np.mean(changes)), "sd": float(np.std(changes, ddof=1)), "lower": float(ci.low), "upper": float(ci.high)},
    "before": wilson(sum(r["beforeCredit"] for r in readers), before_items),
    "after": wilson(sum(r["afterCredit"] for r in readers), after_items),
    "first": {**first_version, **wilson(first_version["credit"], first_version["items"])},
    "second": {**second, **wilson(second["credit"], second["items"])},
    "difference": {"value": second["credit"] / second["items"] - first_version["credit"] / first_version["items"], "lower": float(low), "upper": float(high)},
}
with open(os.path.join(HERE, "efficacy_vectors.json"), "w") as out:
    json.dump({"lesson": LESSON, "variant": VARIANT, "window": WINDOW, "readings": readings, "answers": answers, "figures": figures},
              out, indent=1, sort_keys=True)
    out.write("\n")
print(f"{len(readers)} readers, {len(changes)} with both sides, {len(answers)} answers;",
      f"change {np.mean(changes):.4f} [{ci.low:.4f}, {ci.high:.4f}], versions {low:.4f}..{high:.4f}")
