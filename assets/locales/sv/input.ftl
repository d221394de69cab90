# Framsyn: interface texts of the area "input", in Swedish.
# Each key lives in one file, the same file in all three languages.

input-title = Lämna ett inspel
input-lead = Alla kan lämna inspel till Regionerna 2050: tankar om trender, scenarier, regionernas framtid eller arbetet i sig. Namn och e-post är frivilliga. Inspelen läses av processledningen och redaktionen innan något publiceras.
input-body = Ditt inspel
input-name = Namn
input-email = E-post
input-email-hint = Frivillig. Bara om du vill ha svar; den publiceras aldrig.
input-optional = Frivilligt.
input-topic = Ämne
input-honeypot = Lämna det här fältet tomt
input-send = Skicka
input-thanks = Tack! Ditt inspel är mottaget och läses av processledningen.
input-published-title = Publicerade inspel
input-anonymous = Anonym
input-queue-title = Inkomna inspel
input-status = Läge
input-status-new = Nytt
input-status-read = Läst
input-status-answered = Besvarat
input-status-linked = Kopplat till en notis
input-published = Publicerat
input-publish = Publicera
input-link-note = Koppla till notis nr
input-linked-note = notis { $note }
input-export = Hämta alla som CSV
input-none = Inga inspel här.
input-received = Mottaget
error-input-wait = Du har skickat många inspel den senaste timmen. Vänta en stund och skicka igen; din text står kvar.
