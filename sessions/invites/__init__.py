"""Calendar invitations for planned sessions: what goes in them, and the `.ics` file."""
