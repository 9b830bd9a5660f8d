"""`python -m medvault` starts the desktop application."""

from medvault.gui.app import main

raise SystemExit(main())
