"""The README's worked example of property-testing a sampler with scratchmeta.testing runs."""

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_property_testing_example_runs_and_catches_the_wrong_sampler(capsys):
    text = README.read_text()
    section = text[text.index("## Property-testing your own sampler"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    exec(compile(code, "README example", "exec"), {"__name__": "readme_example"})
    assert "caught: the draws do not follow the given CDF" in capsys.readouterr().out
