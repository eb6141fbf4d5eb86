from quote_desk.cli import main

raise SystemExit(main())
