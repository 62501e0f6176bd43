"""What must not leave the app unnoticed: patient-identifiable data in what it writes."""
