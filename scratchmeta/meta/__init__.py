"""The meta-learning strategies of Lecture 22, section 1, one module each."""
