"""Small building blocks every app may use (emails, charts); core imports no app of the platform."""
