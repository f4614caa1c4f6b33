"""Registration: patients and orders entered at a site."""
