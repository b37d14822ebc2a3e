"""Files the site publishes besides pages: files bodies refer to, web-sized photos, QR codes, short
pages and the XML outputs read back.
"""
