"""Workflows compose the vault, intake and analysis into what a user does in one step."""
