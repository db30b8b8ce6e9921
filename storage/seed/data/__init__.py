"""Fictional material for the seed generator: names, places, organisations and problem themes.

Everything here is invented or generic. Names are ordinary names, not people; street names are common
Dutch street names combined with random house numbers and postcodes; local care providers, housing
corporations and insurers have made-up names. National bodies (UWV, SVB, CJIB, DUO, CAK,
Belastingdienst/Toeslagen) keep their own names because the method is about exactly those.
"""
