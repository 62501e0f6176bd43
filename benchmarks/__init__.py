"""How fast the mirror follows and what a running clock costs, against bare Textual apps."""
