"""Round 37 of issue 11 (fixes made with sight of the fifty-fourth battery), tested directly
for the written-but-not-kept case and on other commands and paths than the battery's."""

import pytest

from scratchmeta.cli import main
from scratchmeta.datasets.omniglot import load


@pytest.mark.parametrize("argv, typed", [
    (["train", "\u2013\u2013steps", "2"], "'\u2013\u2013steps' starts with '\u2013\u2013'"),
    (["compare", "\u2212\u2212tasks", "3"], "starts with '\u2212\u2212' (U+2212)"),
    (["train", "--steps", "2", "\u2014out=x.npz"], "type --out"),
])
def test_an_option_typed_with_a_dash_lookalike_is_one_error_line(argv, typed, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and typed in err


def test_a_tilde_root_that_is_no_folder_shows_the_path_as_given(tmp_path):
    with pytest.raises(ValueError, match=r"'~/no-such-omniglot' \(expanded to '/"):
        load(root="~/no-such-omniglot")


def test_a_file_url_root_is_named_as_a_url():
    with pytest.raises(ValueError, match=r"root must be a folder path, got the URL .file:"):
        load(root="file:///tmp/omniglot")
