# Framsyn: interface texts of the area "assignments", in English.
# Each key lives in one file, the same file in all three languages.

assignment-open = To your organisation's home assignment
submissions-title = Submitted home assignments
submissions-caption = { $total ->
    [one] { $count } of { $total } organisation has started the home assignment
   *[other] { $count } of { $total } organisations have started the home assignment
}
submissions-side-by-side = The answers side by side
submissions-csv = The rankings as CSV
submissions-markdown = All texts as one Markdown document
submission-status = Status
submission-status-draft = Draft
submission-status-submitted = Submitted
submission-status-returned = Returned for completion
submission-status-accepted = Accepted
submission-not-started = Not started
submission-late = Late
submission-late-mark = Submitted late
submission-due = Due
submission-submitted-at = Submitted
submission-comment = Comment from the process leaders
submission-comment-hint = Required when returning the home assignment; the organisation sees it. Markdown works.
submission-stale-help = Someone in your organisation saved a newer version { $date }. Nothing was overwritten: compare with their text below, and save again.
submission-save = Save draft
submission-submit = Submit
submission-resubmit = Submit again
submission-view = See the submission and its history
submission-no-answer = No answer.
submission-review = Review
submission-return = Return with a comment
submission-accept = Accept
submission-review-waits = The home assignment can be reviewed once it is submitted.
submission-history-caption = Every version is kept
submission-action = Event
submission-action-save = Saved
submission-action-submit = Submitted
submission-action-return = Returned
submission-action-accept = Accepted
submission-locked-draft = The home assignment is a draft.
submission-locked-returned = The home assignment has been returned for completion.
submission-locked-submitted = The home assignment is submitted and waiting for the process leaders. It can be changed if it is returned.
submission-locked-accepted = The home assignment is accepted.
part-later = This part comes in a later version of the workspace.
ranking-help = Find the trends by a few words of their titles or give their numbers, the most important first, and say why if you can.
ranking-find = See the trends in the bank
ranking-most = Most important for our regional development work
ranking-least = Least important for us
ranking-position = Place
ranking-note = Trend (number)
ranking-reason = Reason
ranking-list = List
error-submission-locked = The home assignment is submitted and cannot be changed now.
error-submission-not-submitted = Only a submitted home assignment can be returned or accepted.
error-ranking-twice = The trend is already in the ranking.
error-ranking-not-trend = There is no such trend in the bank. Give the number of a submitted or reviewed trend.
error-ranking-empty = Rank at least one trend as important.
error-return-comment = Write a comment on what needs completing.

heatmap-title = Priority heatmap
heatmap-help = Each row is one organisation's ranking (submitted and accepted home assignments), each column a trend. Borda points: the most important of five gets +5, the fifth +1; the least important of three gets −3, the third −1. The trends are numbered by their total, highest first.
heatmap-desc = Priority heatmap of { $organisations } organisations and { $trends } trends. The points are in every cell and in the tables below the picture.
heatmap-trends-caption = The trends with their totals and how often they were ranked
heatmap-grid-caption = Each organisation's ranking
heatmap-total = Total (Borda)
heatmap-most-count = Among the most important
heatmap-least-count = Among the least important
heatmap-ranked = Ranked
heatmap-cell-most = Most important no. { $position }
heatmap-cell-least = Least important no. { $position }
heatmap-empty = No rankings handed in yet.

assessment-help = Judge each scenario of “{ $set }” for your region. A draft may be incomplete; on submit every scenario needs its three judgements.
assessment-most-hint = Mark the one or two scenarios most interesting for your region (required on submit).
assessment-read = Read the whole scenario
assessment-interest = Interest for our region
assessment-interest-scale = 1 = of little interest, 5 = of great interest.
assessment-plausibility = Plausibility
assessment-plausibility-scale = 1 = hardly plausible, 5 = very plausible.
assessment-desirability = Desirability
assessment-desirability-scale = −2 = very undesirable, 0 = neither, +2 = very desirable.
assessment-reason = Reason
assessment-most = Most interesting for our region
assessment-most-short = Most interesting
assessment-no-set = There is no scenario set to assess yet. The process leaders open it after the workshop; until then the rest of the home assignment can be saved as a draft.
assessment-scenario = Scenario
assessment-scenario-number = Scenario number
assessment-caption = { $organisation }'s assessment of the scenarios
assessment-side-caption = Every organisation's assessment of “{ $name }”
assessment-csv = The assessments as CSV
assessment-none = No assessment yet.
error-assessment-no-set = There is no scenario set to assess yet, so the home assignment cannot be submitted.
error-scenario-rating-range = Choose one of the values of the scale.
error-scenario-most-required = Mark one or two scenarios as most interesting for your region.
error-scenario-most-too-many = Mark at most two scenarios as most interesting.
