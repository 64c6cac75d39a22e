"""Team review in the window: other reviewers' changes arriving live, the final verdict key, the desk's
agreement with its queue of disagreements, blind review, and the panel of each reviewer's verdicts."""
