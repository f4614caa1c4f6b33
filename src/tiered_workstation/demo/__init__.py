"""The demos: scripted people and a software console through the real use cases.

``loop`` runs the whole closed loop between a center and a community on this
machine (what ``./run.sh`` shows without a display); ``one_site`` walks one exam
through every state in a center database; ``board`` seeds a busy morning for
the desktop demo; ``clinic_day`` runs a day of exams across two communities.
"""
