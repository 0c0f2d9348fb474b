"""The README shows the two commands first and documents every CLI command."""

import pathlib

from werkstatt import cli

README = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_readme_opens_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_every_cli_command_is_in_the_readme_with_help_text():
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands
    for name, sub in commands.items():
        assert f"python -m werkstatt {name}" in README
        assert sub.description
