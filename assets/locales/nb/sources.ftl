# Framsyn: interface texts of the area "sources", in Norwegian Bokmål.
# Each key lives in one file, the same file in all three languages.

sources-title = Kildebanken
sources-intro = Rapporter, prognoser, scenariostudier, statistikk og annet som notisene i omverdensbanken bygger på. Kildene er for medlemmene.
sources-search = Søk blant kildene
sources-count = { $count ->
    [one] { $count } kilde
   *[other] { $count } kilder
}
sources-count-more = Flere enn { $count } kilder: avgrens søket.
source-new = Ny kilde
source-edit = Endre kilde
source-number = Nr. { $number }
source-kind = Type kilde
source-kind-report = Rapport
source-kind-forecast = Prognose
source-kind-scenario_study = Scenariostudie
source-kind-statistics = Statistikk
source-kind-article = Artikkel
source-kind-dataset = Datasett
source-title = Tittel
source-publisher = Utgiver
source-publisher-hint = Etat, organisasjon eller forlag, for eksempel Statsforvalteren i Nordland eller SSB.
source-authors = Forfattere
source-year = Utgivelsesår
source-year-hint = Fire sifre, for eksempel 2024.
source-link = Lenke
source-link-hint = En nettadresse som begynner med https://.
source-language = Språk
source-language-hint = En språkkode, for eksempel sv, nb, en, da, fi, de eller fr.
source-added-by = Lagt til av
source-added-by-organisation = Lagt til av { $organisation }
source-citing-notes = Notiser som viser til kilden
source-no-citing-notes = Ingen notis du kan se, viser til kilden ennå.
stance-supports = Støtter
stance-contradicts = Motsier
stance-context = Gir bakgrunn
note-sources = Kilder
note-no-sources = Notisen viser ikke til noen kilde ennå.
note-cite = Vis til en kilde
note-cite-help = Kilden må finnes i kildebanken. Der finner du nummeret.
note-cite-find = Søk i kildebanken
note-cite-number = Kildens nummer
note-cite-number-hint = Nummeret står ved kilden i kildebanken, for eksempel 12.
note-cite-stance = Hvordan kilden forholder seg til notisen
note-cite-button = Legg til kilden
note-uncite = Fjern
error-source-kind = Velg en kildetype i listen.
error-source-year = Skriv et årstall mellom 1900 og 2100, for eksempel 2024.
error-source-link = Skriv en fullstendig nettadresse som begynner med https:// eller http://.
error-source-language = Skriv en språkkode med to eller tre bokstaver, for eksempel sv, nb eller en.
error-source-number = Skriv kildens nummer som et heltall, for eksempel 12.
error-source-missing = Det finnes ingen kilde med det nummeret. Søk i kildebanken for å finne riktig nummer.
error-source-stale-edit = Noen andre har endret kilden mens du skrev.
