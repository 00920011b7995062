"""The court decisions register (ЄДРСР): its open-data index, decision texts, and their facts."""
