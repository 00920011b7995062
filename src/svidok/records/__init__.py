"""The official record: public statistics and court data. No vault, no secrets."""
