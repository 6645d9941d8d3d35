"""``python -m newspkg``: the same command as the ``newspkg`` console script."""

from newspkg._cli import main

if __name__ == "__main__":
    main()
