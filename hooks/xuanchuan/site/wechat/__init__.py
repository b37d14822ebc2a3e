"""Official-account articles: which pages get one, the body as WeChat's editor keeps it, and its
pictures.
"""
