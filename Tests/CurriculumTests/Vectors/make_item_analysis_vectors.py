#!/usr/bin/env python3
"""Item analysis vectors: every figure of Moodle's quiz statistics report, worked out
here with numpy and scipy from a seeded marks table, for ItemAnalysisTests to match.

The figures are Moodle's (question/classes/statistics/questions/calculator.php and
mod/quiz/report/statistics/classes/calculator.php), but computed the textbook way
rather than by transcribing the PHP's loops: np.cov / np.corrcoef with ddof=1 for the
covariances and the discrimination index, scipy.stats.kstat for the k-statistics behind
skewness and kurtosis, np.median for the median. Where Moodle leaves a figure null the
JSON holds null.

    python3 make_item_analysis_vectors.py > item_analysis_vectors.json

numpy 2.4.6, scipy 1.17.1.
"""
import json
import sys

import numpy as np
from scipy import stats

SEED = 20261201
ATTEMPTS = 40
# Mixed max marks. Q3 everyone gets right (zero variance); Q6 is answered worse by the
# stronger people (negative discrimination); Q8 is a hard essay marked out of 10.
MAX_MARKS = [1.0, 1.0, 2.0, 1.0, 3.0, 1.0, 5.0, 10.0]
GUESS = [0.25, 0.5, 0.0, 1 / 3, None, 0.5, 0.0, 0.0]
NAMES = ["Q1 capital", "Q2 true-false", "Q3 everyone right", "Q4 matching", "Q5 several answers",
         "Q6 misleading", "Q7 numerical", "Q8 essay"]


def marks_table(rng):
    ability = rng.normal(0, 1, ATTEMPTS)
    table = np.zeros((ATTEMPTS, len(MAX_MARKS)))
    for q, top in enumerate(MAX_MARKS):
        noise = rng.normal(0, 1, ATTEMPTS)
        if q == 2:
            table[:, q] = top
            continue
        signal = -ability if q == 5 else ability
        difficulty = {0: -1.5, 1: -0.3, 3: 0.2, 4: 0.0, 5: 0.0, 6: 0.5, 7: 1.6}[q]
        score = 1 / (1 + np.exp(-(1.4 * signal + 0.6 * noise - difficulty)))
        if top == 1.0 and q != 3:
            table[:, q] = (rng.random(ATTEMPTS) < score).astype(float)
        else:
            # Partial credit in steps Moodle could give: thirds of Q4, quarter marks elsewhere.
            steps = 3 if q == 3 else 4
            table[:, q] = np.round(score * steps) / steps * top
    return table


def question_figures(table, q):
    marks = table[:, q]
    totals = table.sum(axis=1)
    rest = totals - marks
    s = len(marks)
    top = MAX_MARKS[q]
    figure = {"name": NAMES[q], "maxMark": top, "attempts": s,
              "markAverage": marks.mean(), "facility": marks.mean() / top if top else None}
    if s > 1:
        variance = np.var(marks, ddof=1)
        rest_variance = np.var(rest, ddof=1)
        covariance = np.cov(marks, rest, ddof=1)[0, 1]
        # The largest covariance the same marks could have: each sorted against the other.
        maximum = np.cov(np.sort(marks), np.sort(rest), ddof=1)[0, 1]
        with_total = np.cov(marks, totals, ddof=1)[0, 1]
        figure.update(standardDeviation=np.sqrt(variance), markVariance=variance, covarianceWithTotal=with_total,
                      maximumCovariance=maximum)
        figure["standardDeviationFraction"] = np.sqrt(variance) / top if top else None
        figure["discriminationIndex"] = 100 * np.corrcoef(marks, rest)[0, 1] if variance * rest_variance else None
        figure["discriminativeEfficiency"] = 100 * covariance / maximum if maximum else None
    return figure


def analysis(table, guesses):
    p = table.shape[1]
    quiz_max = sum(MAX_MARKS[:p])
    questions = [question_figures(table, q) for q in range(p)]
    roots = sum(np.sqrt(q["covarianceWithTotal"]) for q in questions if q["covarianceWithTotal"] >= 0)
    for q, figure in enumerate(questions):
        figure["randomGuessScore"] = guesses[q]
        figure["intendedWeight"] = 100 * MAX_MARKS[q] / quiz_max
        negative = figure["covarianceWithTotal"] < 0
        figure["negativeCovariance"] = bool(negative)
        figure["effectiveWeight"] = None if negative or not roots else 100 * np.sqrt(figure["covarianceWithTotal"]) / roots
    totals = table.sum(axis=1)
    k2 = stats.kstat(totals, 2)
    alpha = 100 * p / (p - 1) * (1 - sum(q["markVariance"] for q in questions) / k2)
    error_ratio = 100 * np.sqrt(1 - alpha / 100)
    sd = np.std(totals, ddof=1)
    quiz = {"attempts": len(totals), "questions": p, "maxMark": quiz_max, "mean": totals.mean(),
            "median": float(np.median(totals)), "standardDeviation": sd,
            "skewness": stats.kstat(totals, 3) / k2 ** 1.5, "kurtosis": stats.kstat(totals, 4) / k2 ** 2,
            "internalConsistency": alpha, "errorRatio": error_ratio, "standardError": error_ratio * sd / 100}
    return {"questions": questions, "quiz": quiz}


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (np.floating, float)):
        return float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


def main():
    rng = np.random.default_rng(SEED)
    table = marks_table(rng)
    result = analysis(table, GUESS)
    result["marks"] = table.tolist()
    result["names"] = NAMES
    result["maxMarks"] = MAX_MARKS
    result["randomGuessScores"] = GUESS
    result["seed"] = SEED
    json.dump(plain(result), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
