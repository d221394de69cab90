# Framsyn: interface texts of the area "input", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

input-title = Gi et innspill
input-lead = Alle kan gi innspill til Regionerna 2050: tanker om trender, scenarier, regionenes framtid eller arbeidet i seg selv. Navn og e-post er frivillig. Innspillene leses av prosessledelsen og redaksjonen før noe publiseres.
input-body = Ditt innspill
input-name = Navn
input-email = E-post
input-email-hint = Frivillig. Bare hvis du vil ha svar; den publiseres aldri.
input-optional = Frivillig.
input-topic = Emne
input-honeypot = La dette feltet stå tomt
input-send = Send
input-thanks = Takk! Innspillet ditt er mottatt og leses av prosessledelsen.
input-published-title = Publiserte innspill
input-anonymous = Anonym
input-queue-title = Mottatte innspill
input-status = Status
input-status-new = Nytt
input-status-read = Lest
input-status-answered = Besvart
input-status-linked = Koblet til et notat
input-published = Publisert
input-publish = Publiser
input-link-note = Koble til notat nr.
input-linked-note = notat { $note }
input-export = Last ned alle som CSV
input-none = Ingen innspill her.
input-received = Mottatt
error-input-wait = Du har sendt mange innspill den siste timen. Vent litt og send igjen; teksten din står igjen.
