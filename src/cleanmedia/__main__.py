from cleanmedia.cli import main

raise SystemExit(main())
