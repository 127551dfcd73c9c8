"""Round 70 of issue 11, tested on other values than the battery's: with sight of the
hundred-and-first battery (measured blind first at c59e99f). A user's function that returns
text, dates or objects where numbers are meant is named with the kind it returned and its first
values, not only NumPy's dtype code; a table of numbers typed as text shows its first entry.
Both fail at fa47bee."""

import numpy as np
import pytest

from scratchmeta.sampling import ContinuousInverseCDF, metropolis_transition_matrix


def test_a_density_returning_text_shows_the_text():
    def words(x):
        return np.where(np.abs(x) < 1, "half", "none")
    with pytest.raises(TypeError, match=r"^from_density: pdf \(.*words\) must return real "
                                        r"numbers, but it returned strings \(dtype <U4\), starting "
                                        r"'none', 'none', 'none'"):
        ContinuousInverseCDF.from_density(words, domain=(-2.0, 2.0))


def test_a_density_returning_dates_says_dates():
    def when(x):
        return np.full(np.shape(x), np.datetime64("2026-12-03"))
    with pytest.raises(TypeError, match=r"returned dates \(dtype datetime64\[D\]\), starting "
                                        r"datetime\.date\(2026, 12, 3\)"):
        ContinuousInverseCDF.from_density(when, domain=(0.0, 1.0))


def test_a_table_typed_as_text_shows_its_first_entry():
    with pytest.raises(TypeError, match=r"all numbers written as text \(the first '0\.25'\)"):
        metropolis_transition_matrix([0.25, 0.75], np.full((2, 2), "0.25"))
