"""Events: triggers and dependency structure -> ACLED-typed event records with evidence."""
