"""The reminders of open actions an owner is sent between meetings: Markdown, an HTML
page, and an e-mail message ready to send from the facilitator's own mail client."""
