"""The SOP as a tracked workflow in plain Git: decisions written as commits (and a ratification
as its tag), and the status of the ten steps read back from history — never from a file a person
could edit."""
