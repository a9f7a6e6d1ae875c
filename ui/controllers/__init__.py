"""What happens on a user action that crosses parts: sending, the account."""
