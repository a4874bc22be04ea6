"""Documents about paying Microsoft: the remittance advice of a payment."""
