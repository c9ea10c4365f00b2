#!/usr/bin/env python3
"""Makes interval_vectors.json: the figures DomainTests/Quality/IntervalVectorTests checks.

    pip install scipy statsmodels numpy
    python3 make_interval_vectors.py

Every case is fixed or seeded, so a run makes the same file. The Swift tests read the
JSON and must match each figure to 1e-9 (quantiles to 1e-9 relative); they never run Python.

- Student's t: scipy.stats.t.ppf and t.cdf.
- Paired (one-sample) t interval on differences: scipy.stats.ttest_1samp(d).confidence_interval(),
  and by hand as mean -/+ t.ppf(0.975, n - 1) * sd / sqrt(n), which must agree.
- Newcombe's hybrid score interval for p1 - p2: statsmodels
  confint_proportions_2indep(count1, nobs1, count2, nobs2, compare="diff", method="newcomb"),
  with fractional counts too (partial credit).
"""
import json
import math
import os
import random

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261202)

quantiles = []
for df in [1, 2, 3, 4, 5, 7, 9, 10, 15, 19, 29, 30, 50, 100, 1000, 2.5, 0.7]:
    for p in [0.0005, 0.001, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995]:
        quantiles.append({"probability": p, "df": df, "t": float(stats.t.ppf(p, df))})

cumulatives = []
for df in [1, 2, 3, 6, 12, 40, 250, 3.5]:
    for t in [-40.0, -6.0, -2.5, -1.0, -0.1, 0.0, 0.3, 1.7, 2.2, 5.0, 25.0]:
        cumulatives.append({"t": t, "df": df, "p": float(stats.t.cdf(t, df))})

paired = []
fixed = [
    [0.1, 0.2, 0.3],
    [-0.5, 0.0, 0.25, 0.1],
    [0.2, 0.2, 0.2, 0.2],
    [0.4, -0.2],
]
for _ in range(20):
    n = rng.randint(2, 40)
    fixed.append([round(rng.uniform(-1, 1), 3) for _ in range(n)])
for values in fixed:
    for confidence in [0.9, 0.95, 0.99]:
        d = np.array(values, dtype=float)
        n = len(d)
        mean = float(d.mean())
        sd = float(d.std(ddof=1))
        if sd > 0:
            ci = stats.ttest_1samp(d, 0.0).confidence_interval(confidence_level=confidence)
            low, high = float(ci.low), float(ci.high)
            half = stats.t.ppf((1 + confidence) / 2, n - 1) * sd / math.sqrt(n)
            assert abs(low - (mean - half)) < 1e-12 and abs(high - (mean + half)) < 1e-12
        else:
            low = high = mean
        paired.append({"values": values, "confidence": confidence, "mean": mean, "sd": sd, "lower": low, "upper": high})

newcombe = []
cases = [(7, 10, 3, 10), (0, 10, 0, 10), (10, 10, 0, 10), (56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29),
         (7.5, 10, 3.25, 10), (12.75, 20, 14.0, 21), (1, 1, 0, 1)]
for _ in range(20):
    n1, n2 = rng.randint(1, 200), rng.randint(1, 200)
    cases.append((rng.randint(0, n1), n1, round(rng.uniform(0, n2), 2), n2))
for count1, nobs1, count2, nobs2 in cases:
    for confidence in [0.9, 0.95, 0.99]:
        low, high = confint_proportions_2indep(count1, nobs1, count2, nobs2, compare="diff", method="newcomb", alpha=1 - confidence)
        newcombe.append({"count1": count1, "nobs1": nobs1, "count2": count2, "nobs2": nobs2, "confidence": confidence,
                         "difference": count1 / nobs1 - count2 / nobs2, "lower": float(low), "upper": float(high)})

with open(os.path.join(HERE, "interval_vectors.json"), "w") as out:
    json.dump({"quantiles": quantiles, "cumulatives": cumulatives, "paired": paired, "newcombe": newcombe}, out, indent=1, sort_keys=True)
    out.write("\n")
print(f"{len(quantiles)} quantiles, {len(cumulatives)} cumulatives, {len(paired)} paired intervals, {len(newcombe)} Newcombe intervals")
