# The start page of a signed-in person: what waits for them today, by role.
start-title = Din startsida
start-home-link = Din startsida
start-intro = Hej { $name }! Här är det som väntar på dig i dag.
start-nothing = Inget väntar.
start-role-leader = Som processledare
start-review = Hemarbeten att granska
start-handed-in = inlämnat { $date }
start-proposals = Evenemangsförslag att godkänna
start-input = Inspel att moderera
start-rounds = Skattningsomgångar
start-closes-soon = Stänger snart
start-answered = { $count ->
    [one] en har svarat
   *[other] { $count } har svarat
}
start-no-rounds = Ingen omgång är öppen.
start-phase = Den aktiva fasen
start-phase-is = Aktiv fas:
start-bar-title = Organisationerna i den aktiva fasen, efter läge
start-standings-caption = Antal organisationer per läge
start-standing = Läge
start-organisations = Organisationer
start-total = Totalt
start-to-progress = Se hela framstegsöversikten
start-no-active-phase = Ingen fas är aktiv just nu.
start-role-strategist = För { $organisation }
start-owed = Hemarbeten att lämna in
start-nothing-owed = Organisationen har lämnat in alla hemarbeten.
start-org-events = Organisationens nästa evenemang
start-registered = { $count ->
    [one] en anmäld
   *[other] { $count } anmälda
}
start-no-org-events = Ingen från organisationen är anmäld till något kommande evenemang.
start-to-calendar = Till kalendern
start-rate = Omgångar att skatta
start-rated-of = { $rated } av { $notes } skattade
start-role-editor = Som redaktör
start-texts = Texter att granska
start-outputs = Redaktionella leveranser
start-output-not-written = Inte påbörjad
start-no-outputs = Ingen leverans är aktuell.
start-role-admin = Som administratör
start-no-password = Utan lösenord
start-everyone-has-password = Alla har satt ett lösenord.
start-audit = Senast i händelseloggen
start-to-audit = Hela händelseloggen
start-programme = I programmet
start-events = Nästa evenemang
start-no-events = Inga kommande evenemang.
start-publication = Senaste publicering
start-no-publication = Inget är publicerat än.
start-to-publications = Alla publiceringar
