"""How often a desk's reviewers agree: Cohen's kappa (two reviewers), Krippendorff's alpha (any number,
missing ratings allowed, ordinal on the case's scale), percent agreement and the claims and facts in disagreement.

``coefficients`` holds the statistics (plain functions over ratings, written from the published
definitions and tested against their worked examples); ``desk`` applies them to a case's verdicts.
"""
from fact_review.agreement.coefficients import cohen_kappa, krippendorff_alpha
from fact_review.agreement.desk import Agreement, CaseAgreement, PairAgreement, RatedItem, case_agreement

__all__ = ["Agreement", "CaseAgreement", "PairAgreement", "RatedItem", "case_agreement", "cohen_kappa",
           "krippendorff_alpha"]
