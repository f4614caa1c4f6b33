"""Teaching pages: the case editor, the library, the quiz and the dashboard."""
