"""An option given twice on the command line (issue 11, round 11): the rule --help states."""

import pytest

from scratchmeta import cli


def _parse(*argv):
    return cli.build_parser().parse_args(list(argv))


def test_a_list_option_given_twice_adds_up():
    assert _parse("compare", "--strategies", "maml", "--strategies", "reptile").strategies == \
        ["maml", "reptile"]
    assert _parse("figures", "--only", "fig22_1", "--only", "fig22_2").only == \
        ["fig22_1", "fig22_2"]


def test_a_single_value_option_given_twice_takes_the_last_as_documented():
    assert _parse("train", "--out", "a.npz", "--out", "b.npz").out == "b.npz"


def test_every_subcommand_states_the_rule(capsys):
    for command in ("train", "evaluate", "compare", "figures", "demo"):
        with pytest.raises(SystemExit):
            _parse(command, "--help")
        assert "given twice takes the value given last" in " ".join(capsys.readouterr().out.split())


def test_a_name_repeated_across_the_lists_is_refused(capsys):
    assert cli.main(["compare", "--strategies", "maml", "--strategies", "maml"]) == 2
    assert "--strategies names maml twice" in capsys.readouterr().err
    assert cli.main(["figures", "--only", "fig22_1", "--only", "fig22_1"]) == 2
    assert "['fig22_1'] twice" in capsys.readouterr().err


def test_set_given_twice_is_named_as_set(tmp_path, capsys):
    code = cli.main(["train", "--strategy", "closed_form", "--set", "lam=1", "--set", "lam=2",
                     "--steps", "1", "--out", str(tmp_path / "x.npz")])
    assert code == 2
    assert "lam is given twice by --set" in capsys.readouterr().err
