# The main navigation: the groups of areas and the links they add to base.ftl's.
# Each key lives in one file, the same file in all three languages.

nav-menu = Menu
nav-start = Start
nav-group-programme = Programme
nav-group-calendar = Calendar
nav-group-bank = Bank
nav-group-analysis = Analysis
nav-group-assignments = Home assignments
nav-group-progress = Progress
nav-group-publishing = Publishing
nav-group-admin = Administration
nav-assignment = Our home assignment
nav-submissions = Submitted assignments
nav-images = Images
nav-account = Account
nav-here = you are here
