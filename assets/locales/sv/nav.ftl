# The main navigation: the groups of areas and the links they add to base.ftl's.
# Each key lives in one file, the same file in all three languages.

nav-menu = Meny
nav-start = Start
nav-group-programme = Programmet
nav-group-calendar = Kalender
nav-group-bank = Banken
nav-group-analysis = Analys
nav-group-assignments = Hemarbeten
nav-group-progress = Framsteg
nav-group-publishing = Publicering
nav-group-admin = Administration
nav-assignment = Vårt hemarbete
nav-submissions = Inlämnade hemarbeten
nav-images = Bilder
nav-account = Konto
nav-here = du är här
