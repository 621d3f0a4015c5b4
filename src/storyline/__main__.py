"""``python -m storyline`` runs the command line."""

from .present.cli import main

main()
