# The reference figures AgreementReportTests holds the hub's agreement report to.
# Raters a, b, c on tasks t1-t4 (positive = 0, negative = 1), as the test imports them.
# Run: python3 agreement_report.py   (krippendorff, statsmodels, scikit-learn)
import numpy as np, krippendorff
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

a, b, c = [0, 1, 0, 1], [0, 1, 1, 1], [0, 0, 0, 1]
print("alpha", repr(krippendorff.alpha(reliability_data=np.array([a, b, c], dtype=float), level_of_measurement="nominal")))
table, _ = aggregate_raters(np.array([a, b, c]).T, n_cat=2)
print("fleiss", repr(fleiss_kappa(table)))
for name, x, y in [("a-b", a, b), ("a-c", a, c), ("b-c", b, c)]:
    print(name, repr(cohen_kappa_score(x, y, labels=[0, 1])))
# alpha 0.38888888888888895, fleiss 0.33333333333333326, a-b 0.5, a-c 0.5, b-c 0.19999999999999996

# Comparison ratings of one dimension (helpfulness), each response a unit: t1 a, t1 b,
# t2 a, t2 b, t3 a, t3 b; rater c did not label t3.
nan = np.nan
ra, rb, rc = [5, 3, 6, 2, 4, 4], [6, 3, 5, 1, 4, 5], [5, 2, 7, 2, nan, nan]
data = np.array([ra, rb, rc], dtype=float)
print("ratings ordinal", repr(krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal")))
print("ratings interval", repr(krippendorff.alpha(reliability_data=data, level_of_measurement="interval")))
# ratings ordinal 0.8657670454545454, interval 0.8508522727272727
