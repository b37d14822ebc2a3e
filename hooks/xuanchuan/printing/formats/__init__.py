"""The print formats: posters with their pictograms and icons, slogan banners, display boards, card
decks, items laid out on sheets, and the year-end summary PDF.
"""
