# The main navigation: the groups of areas and the links they add to base.ftl's.
# Each key lives in one file, the same file in all three languages.

nav-menu = Meny
nav-start = Start
nav-group-programme = Programmet
nav-group-calendar = Kalender
nav-group-bank = Banken
nav-group-analysis = Analyse
nav-group-assignments = Hjemmeoppgaver
nav-group-progress = Framdrift
nav-group-publishing = Publisering
nav-group-admin = Administrasjon
nav-assignment = Vår hjemmeoppgave
nav-submissions = Innleverte hjemmeoppgaver
nav-images = Bilder
nav-account = Konto
nav-here = du er her
