# Framsyn: interface texts of the area "embeds", in English.
# Each key lives in one file, the same file in all three languages.

embed-hint = Embed workspace material on a line of its own: [[note:12]] (a card for note 12), [[radar:3]] or [[driver-map:3]] (round 3), [[heatmap:phase]] (the phase's priority heatmap), [[event:5]] or [[progress]]. When the text is published, the figures are frozen as they stand then.
embed-hint-scenarios = Scenarios: [[scenarios:2]] (set 2's cross and comparison table), [[scenario:7]] (a card for scenario 7) and [[scenario-assessment:2]] (the organisations' assessment of set 2, once the set is final).
error-embed-unreadable = An embed cannot be read. Write, for example, [[radar:3]] on a line of its own.
embed-unreadable-list = These embeds cannot be read:
embed-problems-lead = The text cannot be published until this is put right, because visitors may not see everything it shows:
embed-missing = there is nothing by that reference.
embed-not-public = the note is not public. Make it public in the bank or remove the embed.
embed-event-not-public = the event is not published for everyone.
embed-notes-not-public = the chart shows notes that are not public. Make them public in the bank or remove the embed.
error-embeds-not-public = The text shows material visitors may not see. See the list below.
embed-frozen-at = The figures in this text are frozen as they were at publication, { $date }.
embed-live = The embedded material is shown as it is right now. The figures are frozen when the text is published.
embed-missing-shown = The material { $reference } does not exist.
embed-round-figures-not-public = the round's results are shown only once the round has closed. Publish after the round has closed, or remove the embed.
chart-left-out = { $count ->
    [one] One note archived since the round is left out.
   *[other] { $count } notes archived since the round are left out.
}
