# Framsyn: interface texts of the area "admin", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

users-title = Brukere
users-caption = { $count ->
    [one] { $count } bruker
   *[other] { $count } brukere
}
user-new = Ny bruker
user-edit = Endre bruker
user-name = Navn
user-email = E-postadresse
user-organisation = Organisasjon
user-roles = Roller
user-status = Status
user-active = Aktiv
user-inactive = Deaktivert
user-invited = Invitert, har ikke valgt passord ennå
user-active-label = Kontoen er aktiv
user-new-link = Lag ny passordlenke
user-new-link-help = En ny lenke gjør tidligere ubrukte lenker ugyldige.
role-administrator = Administrator
role-process_leader = Prosessleder
role-editor = Redaktør
role-strategist = Framsynsstrateg
password-link-title = Lenke for å velge passord
password-link-text = { $hours ->
    [one] Gi denne lenken til { $name } ({ $email }). Den virker én gang og i { $hours } time.
   *[other] Gi denne lenken til { $name } ({ $email }). Den virker én gang og i { $hours } timer.
}
back-to-users = Tilbake til brukerne

audit-title = Hendelseslogg
audit-caption = { $count ->
    [one] { $count } hendelse, side { $page } av { $pages }
   *[other] { $count } hendelser, side { $page } av { $pages }
}
audit-when = Når
audit-who = Hvem
audit-what = Hendelse
audit-subject = Gjelder
audit-detail = Detaljer
audit-address = Adresse

active-phase-title = Aktiv fase
active-phase-choose = Aktiv fase
active-phase-follow-dates = Følg datoene
active-phase-reason = Begrunnelse
active-phase-log = Endringer
active-phase-log-caption = Alle endringer av aktiv fase, nyeste først
active-phase-choice = Valg
active-phase-no-log = Ingen har endret aktiv fase; den følger datoene.
