# Framsyn: interface texts of the area "admin", in Swedish.
# Each key lives in one file, the same file in all three languages.

users-title = Användare
users-caption = { $count } användare
user-new = Ny användare
user-edit = Ändra användare
user-name = Namn
user-email = E-postadress
user-organisation = Organisation
user-roles = Roller
user-status = Status
user-active = Aktiv
user-inactive = Avstängd
user-invited = Inbjuden, inget lösenord än
user-active-label = Kontot är aktivt
user-new-link = Skapa ny lösenordslänk
user-new-link-help = En ny länk gör tidigare oanvända länkar ogiltiga.
role-administrator = Administratör
role-process_leader = Processledare
role-editor = Redaktör
role-strategist = Framsynsstrateg
password-link-title = Länk för att välja lösenord
password-link-text = { $hours ->
    [one] Ge den här länken till { $name } ({ $email }). Den fungerar en gång och i { $hours } timme.
   *[other] Ge den här länken till { $name } ({ $email }). Den fungerar en gång och i { $hours } timmar.
}
back-to-users = Tillbaka till användarna

audit-title = Händelselogg
audit-caption = { $count ->
    [one] { $count } händelse, sida { $page } av { $pages }
   *[other] { $count } händelser, sida { $page } av { $pages }
}
audit-when = När
audit-who = Vem
audit-what = Händelse
audit-subject = Gäller
audit-detail = Detaljer
audit-address = Adress

active-phase-title = Aktiv fas
active-phase-choose = Aktiv fas
active-phase-follow-dates = Följ datumen
active-phase-reason = Anledning
active-phase-log = Ändringar
active-phase-log-caption = Alla ändringar av aktiv fas, senaste först
active-phase-choice = Val
active-phase-no-log = Ingen har ändrat aktiv fas; den följer datumen.
