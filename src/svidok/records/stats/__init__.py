"""The Prosecutor General's Form № 1 statistics: figures, composition of totals, workbooks."""
