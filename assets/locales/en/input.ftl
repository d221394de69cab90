# Framsyn: interface texts of the area "input", in English.
# Each key lives in one file, the same file in all three languages.

input-title = Give your input
input-lead = Anyone can give input to Regionerna 2050: thoughts on trends, scenarios, the regions' future or the work itself. Name and e-mail are optional. The process leaders and the editorial team read the input before anything is published.
input-body = Your input
input-name = Name
input-email = E-mail
input-email-hint = Optional. Only if you would like an answer; it is never published.
input-optional = Optional.
input-topic = Topic
input-honeypot = Leave this field empty
input-send = Send
input-thanks = Thank you! Your input has been received and will be read by the process leaders.
input-published-title = Published input
input-anonymous = Anonymous
input-queue-title = Input received
input-status = Status
input-status-new = New
input-status-read = Read
input-status-answered = Answered
input-status-linked = Linked to a note
input-published = Published
input-publish = Publish
input-link-note = Link to note no.
input-linked-note = note { $note }
input-export = Download all as CSV
input-none = No input here.
input-received = Received
error-input-wait = You have sent a lot of input in the last hour. Please wait a while and send again; your text is kept.
