"""Teaching (带教): de-identified teaching cases, voice and video lessons, the case
library and its offline packages, quizzes, and each doctor's progress measured from the
review loop."""
